"""Places and casualty figures as a monitor reads them: the cases the benchmarks taught.

Small invented sentences; each test is a behaviour a reader of sitroom's facts would notice.
"""

from __future__ import annotations

from sitroom.extract.figures import extract_figures
from sitroom.extract.gazetteer import gazetteer
from sitroom.extract.places import PlaceMention, extract_places, resolve_spans
from sitroom.nlp.language import english


def _places(text: str, adjectives: bool = False, dateline: str | None = None) -> dict[str, PlaceMention]:
    return {m.text: m for m in extract_places(english()(text), gazetteer(), dateline, adjectives=adjectives)}


def _killed(text: str) -> list[int]:
    return [f.value for f in extract_figures(text) if f.figure == "killed"]


def test_short_forms_and_states_resolve() -> None:
    found = _places("U.S. officials met their UK counterparts in Ohio before flying to Texas.")
    assert found["U.S."].place.kind == "country" and found["U.S."].place.country == "US"
    assert found["UK"].place.country == "GB"
    assert found["Ohio"].place.kind == "province" and found["Ohio"].place.admin1 == "OH"
    assert found["Texas"].place.country == "US"  # the state, not a Mexican village


def test_a_state_after_a_comma_says_which_town() -> None:
    found = _places("A woman from Alexandria, La., was charged on Monday.")
    assert found["Alexandria"].place.country == "US" and found["Alexandria"].place.admin1 == "LA"
    found = _places("Police in Athens, Georgia, closed the road.")
    assert found["Athens"].place.country == "US" and found["Athens"].place.admin1 == "GA"


def test_a_country_name_is_the_country_even_in_a_us_story() -> None:
    found = _places("Texas lawmakers in Austin debated sanctions on Iran and trade with China.")
    assert found["Iran"].place.kind == "country" and found["Iran"].place.country == "IR"
    assert found["China"].place.country == "CN"


def test_famous_cities_stay_famous_in_a_world_story() -> None:
    text = (
        "Russia and Turkey discussed Idlib in Moscow, and the talks on Syria's constitution "
        "continue in Geneva next month, a US envoy said."
    )
    found = _places(text)
    assert found["Geneva"].place.country == "CH"
    assert found["Moscow"].place.country == "RU"


def test_a_country_point_is_its_middle() -> None:
    russia = _places("Officials in Russia denied the report.")["Russia"].place
    assert 50 < russia.lat < 70 and 80 < russia.lon < 120  # not Moscow, the population's centre


def test_nationality_adjectives_only_when_asked() -> None:
    text = "Syrian forces shelled Idlib while Turkish drones flew overhead."
    assert "Syrian" not in _places(text)
    found = _places(text, adjectives=True)
    assert found["Syrian"].adjectival and found["Syrian"].place.country == "SY"
    assert found["Turkish"].place.kind == "country" and found["Turkish"].place.country == "TR"


def test_a_us_county_is_placed_in_its_state() -> None:
    found = _places("Deputies in Laurel County, Kentucky, arrested two men on Friday.")
    county = found["Laurel County"].place
    assert county.kind == "county" and county.country == "US" and county.admin1 == "KY"
    found = _places("Flooding closed roads in Clarke, Madison and Oconee counties, Georgia officials said.")
    assert {found[name].place.admin1 for name in ("Clarke", "Madison", "Oconee")} == {"GA"}


def test_a_county_stands_at_its_own_middle_in_the_state_the_story_keeps_naming() -> None:
    text = (
        "Jobless claims fell in Warrick County last month, Indiana officials said. Indiana expects more hiring, "
        "and Indiana employers in Warrick County added shifts, while Ohio and Illinois saw little change."
    )
    county = _places(text)["Warrick County"].place
    assert county.admin1 == "IN"
    assert abs(county.lat - 38.1) < 0.3 and abs(county.lon + 87.3) < 0.3  # the county, not the state's middle


def test_a_county_shortened_in_a_headline() -> None:
    found = _places("Loudon Co. man hurt in crash near Lenoir City, Tennessee.")
    assert found["Loudon Co."].place.kind == "county" and found["Loudon Co."].place.admin1 == "TN"


def test_a_county_and_a_town_named_together_are_neighbours() -> None:
    found = _places("The Henry County commission met in Paris on Tuesday to discuss the new jail.")
    assert found["Henry County"].place.admin1 == "TN"  # Paris, Tennessee is its seat
    assert found["Paris"].place.country == "US" and found["Paris"].place.admin1 == "TN"


def test_a_list_of_counties_in_a_state_is_in_that_state() -> None:
    found = _places(
        "Volunteers from Camden and Charlton counties in Georgia and Nassau and Baker counties in Florida"
        " cleared the river banks. Georgia paid for the bags."
    )
    assert found["Camden"].place.admin1 == "GA"
    assert found["Baker"].place.admin1 == "FL" and found["Nassau"].place.admin1 == "FL"
    assert found["Baker"].place.lat > 30  # on the Georgia line, not at the middle of Florida


def test_a_name_used_again_keeps_its_place_where_the_model_missed_it() -> None:
    text = "Floodwaters rose in Fargo, North Dakota, on Tuesday. Fargo raised its goal for sandbags."
    mentions = [m for m in extract_places(english()(text), gazetteer()) if m.text == "Fargo"]
    assert len(mentions) == 2 and {m.place.admin1 for m in mentions} == {"ND"}


def test_a_town_before_its_own_police_or_council_is_a_place() -> None:
    found = _places("Nobody was hurt in the crash, Grand Ledge Police Chief Tom Baker said on Monday.")
    assert found["Grand Ledge"].place.country == "US" and found["Grand Ledge"].place.admin1 == "MI"
    found = _places("The Springfield City Council voted to repave three streets.")
    assert "Springfield" in found  # not the alternate name "Springfield City"


def test_a_country_at_the_head_of_an_organisation_of_something() -> None:
    found = _places("The bill passed the U.S. House of Representatives on Friday.")
    assert found["U.S."].place.kind == "country" and found["U.S."].place.country == "US"


def test_people_and_codes_are_not_places() -> None:
    found = _places("Russian President Vladimir Putin met the ANC delegation; Mass was held in Damascus.")
    assert "Vladimir" not in found
    assert "ANC" not in found  # an airport code of Anchorage, here a party
    assert "Mass" not in found  # "Mass." is Massachusetts, "Mass" is not
    assert found["Damascus"].place.country == "SY"


def test_conflict_regions_and_seas() -> None:
    found = _places("Shelling hit Eastern Ghouta again as ships crossed the Red Sea.")
    assert found["Eastern Ghouta"].place.country == "SY"
    assert found["Red Sea"].place.kind == "region"


def test_given_spans_are_geocoded_in_context() -> None:
    text = "The convoy left Aleppo for Manbij, east of the Euphrates."
    doc = english()(text)
    spans = [(text.index(name), text.index(name) + len(name)) for name in ("Aleppo", "Manbij")]
    aleppo, manbij = resolve_spans(doc, gazetteer(), spans)
    assert aleppo is not None and aleppo.place.country == "SY"
    assert manbij is not None and manbij.place.country == "SY"


def test_one_person_killed_without_a_number() -> None:
    assert _killed("A man was shot and killed outside his house.") == [1]
    assert _killed("Gunmen killed a civilian in the market.") == [1]
    assert _killed("The drug trafficker was killed in the clash.") == [1]
    assert _killed("The dead were buried on Friday.") == []


def test_counts_joined_by_and_are_each_kept() -> None:
    assert _killed("Two policemen and one health worker were killed in the ambush.") == [2, 1]
    assert _killed("The strike hit the market, killing 2 civilians and a child.") == [2, 1]


def test_acled_style_tallies() -> None:
    assert _killed("Clashes resulted in the death of 1 civilian.") == [1]
    assert _killed("One person died at the scene. 1 fatality.") == [1, 1]
    assert _killed("Unclear fatalities coded as 10.") == [10]
    assert _killed("Armed men killed between 16 and 25 people in the village.") == [16]


def test_soldiers_killed_are_deaths_and_soldiers_sent_are_troops() -> None:
    (dead,) = extract_figures("Ten soldiers died in the attack.")
    assert (dead.figure, dead.value) == ("killed", 10)
    (sent,) = extract_figures("The ministry deployed 300 soldiers to the border.")
    assert (sent.figure, sent.value) == ("troops", 300)


def test_no_deaths_from_time_spans_or_animals() -> None:
    assert _killed("The soldier was killed 3 days ago, his family said.") == [1]
    assert _killed("Militants killed a dozen of their livestock.") == []
    assert _killed("The war of more than four years has killed many.") == []
