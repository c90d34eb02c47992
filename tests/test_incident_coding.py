"""What a page reports becomes an incident; calls, threats, plans of violence, background
and period totals do not; every incident is dated from the article's reference date.

Sentences here are invented, written to carry each phenomenon the coding handles.
"""

from __future__ import annotations

import pytest

from sitroom.extract.anchors import own_time, place_role
from sitroom.extract.mood import mood_of
from sitroom.model import Article, PublishedDate
from sitroom.reconcile.coding import code_article
from sitroom.reconcile.reference import ReferenceDate, reference_dates
from sitroom.report.brief import MAX_INCIDENTS, MAX_TIMELINE, build_brief


@pytest.fixture(scope="module")
def nlp():
    from sitroom.nlp.language import english

    return english()


def _mood(nlp, sentence: str, trigger: str) -> str:
    doc = nlp(sentence)
    at = sentence.index(trigger)
    return mood_of(doc, at, at + len(trigger)).mood


@pytest.mark.parametrize(
    ("sentence", "trigger", "mood"),
    [
        ("Norlandic jets carried out air strikes on Varda on Monday.", "air strikes", "occurred"),
        ("The ministry said its troops would begin joint patrols along the highway.", "patrols", "planned"),
        ("Ostravia has threatened to launch an offensive on the enclave.", "offensive", "threat"),
        ("The envoy urged both sides to halt the shelling.", "shelling", "prevented"),
        ("The council called for an end to the air strikes.", "air strikes", "call"),
        ("There could be clashes if the talks fail.", "clashes", "hypothetical"),
        ("The war has killed more than 20,000 people since 2019.", "killed", "period"),
        ("The army denied that its artillery shelled the market.", "shelled", "denied"),
        ("No air strikes were carried out on the town.", "air strikes", "negated"),
        ("The two armies occasionally carry out joint patrols.", "patrols", "habitual"),
        ("The militia was planning a drone attack on the airbase.", "attack", "planned"),
        ("Patrols are to be held under the new protocol.", "Patrols", "planned"),
        ("The war has killed thousands of people and displaced millions.", "displaced", "period"),
        ("Rebels who have fought to topple the president for eight years hold the enclave.", "fought", "period"),
        ("Monitors saw tanks in violation of the withdrawal lines.", "withdrawal", "modifier"),
    ],
)
def test_the_clause_says_whether_the_event_happened(nlp, sentence: str, trigger: str, mood: str) -> None:
    assert _mood(nlp, sentence, trigger) == mood


def test_the_time_of_the_statement_does_not_date_the_strike(nlp) -> None:
    sentence = "The monitor said on Wednesday that air strikes hit the market of Varda on Tuesday."
    doc = nlp(sentence)
    trigger = sentence.index("air strikes")
    wednesday, tuesday = sentence.index("Wednesday"), sentence.index("Tuesday")
    spans = [(wednesday, wednesday + 9), (tuesday, tuesday + 7)]
    assert own_time(doc, (trigger, trigger + 11), spans) == (tuesday, tuesday + 7)
    only_report = "The monitor said on Wednesday that air strikes hit the market of Varda."
    doc = nlp(only_report)
    trigger = only_report.index("air strikes")
    assert own_time(doc, (trigger, trigger + 11), [(wednesday, wednesday + 9)]) is None


def test_a_government_named_as_speaker_does_not_place_the_event(nlp) -> None:
    sentence = "Moscow said Norlandic jets struck weapons depots in Varda."
    doc = nlp(sentence)
    moscow, varda = sentence.index("Moscow"), sentence.index("Varda")
    assert place_role(doc, moscow, moscow + 6, "town") == "actor"
    assert place_role(doc, varda, varda + 5, "town") == "location"
    partner = "The strikes were coordinated with Ostravia."
    doc = nlp(partner)
    at = partner.index("Ostravia")
    assert place_role(doc, at, at + 8, "country") == "actor"


def _article(aid: str, published: str | None) -> Article:
    pub = PublishedDate(published, "day", "html-meta", published) if published else None
    return Article(
        id=aid,
        page_id=aid,
        index=0,
        title="t",
        body="b",
        paragraphs=[],
        removed=[],
        language="en",
        published=pub,
    )


def test_an_undated_article_takes_its_reference_from_copies_group_or_text() -> None:
    articles = [
        _article("dated-1", "2025-06-10"),
        _article("dated-2", "2025-06-11"),
        _article("copy", None),
        _article("in-group", None),
        _article("states-date", None),
        _article("nothing", None),
    ]
    inherited = {"copy": ("2025-06-10", "dated-1")}
    events = [{"id": "ev1", "article_ids": ["dated-1", "dated-2", "in-group"]}]
    times = {"states-date": [{"precision": "day", "value": "2024-03-02", "text": "2 March 2024"}]}
    refs = reference_dates(articles, inherited, events, times)
    assert refs["dated-1"].value == "2025-06-10" and "published" in refs["dated-1"].evidence
    assert refs["copy"].value == "2025-06-10" and "dated-1" in refs["copy"].evidence
    assert refs["in-group"].precision == "day" and refs["in-group"].value == "2025-06-10"
    assert "ev1" in refs["in-group"].evidence
    assert refs["states-date"].value == "2024-03-02" and "2 March 2024" in refs["states-date"].evidence
    assert "nothing" not in refs


def _event(body: str, trigger: str, sub_type: str = "Air/drone strike", **extra) -> dict:
    at = body.index(trigger)
    start = body.rfind(". ", 0, at) + 2 if body.rfind(". ", 0, at) != -1 else 0
    end = body.find(".", at) + 1
    return {
        "kind": "event",
        "span": [start, end],
        "text": body[start:end],
        "type": "Strategic developments" if sub_type == "Agreement" else "Explosions/Remote violence",
        "sub_type": sub_type,
        "trigger": trigger,
        "trigger_span": [at, at + len(trigger)],
        "mood": extra.get("mood", "occurred"),
        "tense": extra.get("tense", "past"),
        "reference": extra.get("reference", False),
        "status": "reported",
    }


def test_background_and_undated_happenings_are_coded_as_a_coder_would() -> None:
    body = (
        "Jets struck the market of Varda on Tuesday. "
        "The zone was set up under a deal signed in September last year. "
        "Rescuers said jets struck again near the hospital. "
        "The sides had agreed on a truce. "
        "Officials urged restraint over the strikes."
    )
    reference = ReferenceDate("2025-06-12", "day", "2025-06-12", "2025-06-12", "published")
    events = [
        _event(body, "struck the market"),
        _event(body, "deal signed", "Agreement"),
        _event(body, "struck again"),
        _event(body, "agreed on a truce", "Agreement", tense="pluperfect"),
        _event(body, "strikes.", mood="call"),
    ]
    coded = code_article(events, body, [], reference, [(0, 44)])
    first, deal, again, truce, appeal = coded
    assert first.reason is None and first.date["value"] == "2025-06-10" and first.role == "main"
    assert deal.reason and deal.reason.startswith("background")
    # No time of its own after a dated strike: the strike's day, not the day of writing.
    assert again.reason is None and again.date["value"] == "2025-06-10" and again.date["basis"] == "carried"
    assert truce.reason and "pluperfect" in truce.reason
    assert appeal.reason == "a call or an appeal"


def test_without_any_reference_an_incident_stays_undated() -> None:
    body = "Jets struck the market of Varda."
    coded = code_article([_event(body, "struck the market")], body, [], None, [(0, len(body))])
    assert coded[0].reason is None and coded[0].date is None


def _incident(n: int) -> dict:
    return {
        "id": f"inc-{n:03d}",
        "type": "Explosions/Remote violence",
        "sub_type": "Air/drone strike",
        "status": "occurred",
        "actors": [],
        "date": f"2025-06-{1 + n % 28:02d}",
        "place": None,
        "casualties": [],
        "grade": "weak",
        "grade_reason": "single source",
        "n_independent_sources": 1 + n % 3,
        "article_ids": [f"a{n}"],
        "role": "main",
    }


def test_a_brief_of_many_incidents_fits_two_screens_and_counts_the_rest() -> None:
    incidents = [_incident(n) for n in range(300)]
    lines = build_brief(incidents, [], {}, {})
    bullets = [line for line in lines if line.startswith("- ")]
    assert len(bullets) == MAX_INCIDENTS + MAX_TIMELINE
    assert any(line.startswith(f"{300 - MAX_INCIDENTS} further incident") for line in lines)
    main = bullets[:MAX_INCIDENTS]
    assert all("from 3 independent" in line for line in main)  # the most reported first


def test_a_weapon_named_as_a_modifier_still_reports_the_violence() -> None:
    from sitroom.reconcile.coding import code_event

    body = "The enemy fired on positions near the village using a grenade launcher."
    base = {"span": [0, len(body)], "time_span": None, "tense": "past", "trigger_span": [53, 60]}
    grenade = {**base, "type": "Explosions/Remote violence", "sub_type": "Grenade", "mood": "modifier"}
    lines = {
        **base,
        "type": "Strategic developments",
        "sub_type": "Non-violent transfer of territory",
        "mood": "modifier",
    }
    assert code_event(grenade, body, [], None, len(body)).reason is None
    assert "kind of thing" in (code_event(lines, body, [], None, len(body)).reason or "")
