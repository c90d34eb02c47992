"""How dates, and the lack of them, bound events and stories.

Built on hand-made articles and scores, so each rule is seen on its own: a page with no
date must never carry a group to pages years away, and what dates a page (its URL, its
lead) must not date it wrongly.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from sitroom.clean.published import from_url
from sitroom.grouping.features import Doc
from sitroom.grouping.group import group_from_links, similarities
from sitroom.nlp.when import lead_event_date


def _doc(article_id: str, when: date | None, language: str = "en", uncertainty: int = 0) -> Doc:
    return Doc(
        article_id=article_id,
        language=language,
        outlet=None,
        title=article_id,
        lead="",
        published=when,
        event_date=when,
        date_basis="published" if when else "none",
        year=when.year if when else None,
        when=when,
        uncertainty=uncertainty,
        embedding=np.zeros(384, np.float32) if language == "en" else None,
    )


def _together(groups: list[list[str]], a: str, b: str) -> bool:
    return any(a in g and b in g for g in groups)


def test_undated_pages_compared_by_names_alone_stay_apart() -> None:
    # Two undated pages in other languages naming the same places: a prison strike in
    # Idlib in 2017 and another in 2019 read the same without a date.
    docs = [_doc("a", None, "pt"), _doc("b", None, "id")]
    result = group_from_links(docs, [(0.97, "a", "b")], [])
    assert not _together(result.stories, "a", "b")


def test_an_undated_page_matched_by_names_alone_is_not_placed_in_a_dated_story() -> None:
    # An undated Russian page naming the same minister, country and province as a dated
    # English report: the call it reports may be from another year.
    docs = [_doc("call-2019", date(2019, 5, 14)), _doc("undated-ru", None, "ru")]
    result = group_from_links(docs, [(0.96, "call-2019", "undated-ru")], [])
    assert ["undated-ru"] in result.stories
    # An undated English page as close by meaning joins; and a copy of a dated page
    # joins its family's event whatever its language.
    english = [_doc("call-2019", date(2019, 5, 14)), _doc("undated-en", None)]
    joined = group_from_links(english, [(0.9, "call-2019", "undated-en")], [])
    assert _together(joined.events, "call-2019", "undated-en")
    copies = group_from_links(docs, [], [["call-2019", "undated-ru"]])
    assert _together(copies.events, "call-2019", "undated-ru")


def test_undated_english_pages_with_close_wording_group() -> None:
    docs = [_doc("a", None), _doc("b", None)]
    result = group_from_links(docs, [(0.8, "a", "b")], [])
    assert _together(result.events, "a", "b")


def test_an_undated_page_close_to_two_stories_joins_neither() -> None:
    docs = [_doc("sochi", date(2018, 9, 17)), _doc("patrols", date(2019, 3, 8)), _doc("undated", None)]
    links = [(0.647, "undated", "patrols"), (0.646, "undated", "sochi")]
    result = group_from_links(docs, links, [])
    assert ["undated"] in result.stories
    clear = group_from_links(docs, [(0.70, "undated", "sochi"), (0.60, "undated", "patrols")], [])
    assert _together(clear.stories, "undated", "sochi")
    assert not _together(clear.stories, "undated", "patrols")


def test_an_undated_page_in_a_dated_event_does_not_reach_other_years() -> None:
    # The undated page joins the 2018 event; its weak link to a 2017 page must not then
    # count as a link without a date.
    docs = [_doc("event", date(2018, 9, 17)), _doc("undated", None), _doc("old", date(2017, 10, 12), uncertainty=10)]
    links = [(0.75, "event", "undated"), (0.52, "undated", "old")]
    result = group_from_links(docs, links, [])
    assert _together(result.events, "event", "undated")
    assert not _together(result.stories, "event", "old")


def test_a_month_only_date_needs_more_than_a_few_shared_names() -> None:
    docs = [_doc("deal", date(2018, 9, 17)), _doc("october", date(2018, 10, 15), uncertainty=16)]
    assert not _together(group_from_links(docs, [(0.4, "deal", "october")], []).stories, "deal", "october")
    # Both dated to the day by their leads.
    exact = [
        replace(_doc(key, day), date_basis="lead")
        for key, day in (("deal", date(2018, 9, 17)), ("october", date(2018, 10, 1)))
    ]
    assert _together(group_from_links(exact, [(0.4, "deal", "october")], []).stories, "deal", "october")


def test_same_day_reports_of_one_happening_need_less_shared_wording() -> None:
    same_day = [_doc("strike", date(2019, 3, 13)), _doc("denial", date(2019, 3, 13))]
    assert _together(group_from_links(same_day, [(0.5, "strike", "denial")], []).events, "strike", "denial")
    next_day = [_doc("strike", date(2019, 3, 13)), _doc("talks", date(2019, 3, 14))]
    assert not _together(group_from_links(next_day, [(0.5, "strike", "talks")], []).events, "strike", "talks")


def test_compact_and_wrapped_url_dates() -> None:
    compact = from_url("https://news.example/20180923/agreement-idlib-1038")
    assert compact is not None and compact.value == "2018-09-23"
    # A web proxy's link carries the real address in base64.
    wrapped = from_url("http://proxy.example/index.php?q=aHR0cHM6Ly9uZXdzLmV4YW1wbGUvMjAxOS8wNS8yMC9jYWxs")
    assert wrapped is not None and wrapped.value == "2019-05-20"
    assert from_url("https://news.example/story/12345678901/") is None
    assert from_url("https://news.example/news/1575034") is None


def test_a_deadline_after_publication_does_not_date_the_lead_to_last_year() -> None:
    lead = "A demilitarised zone will be set up by October 15, the two presidents agreed."
    assert lead_event_date(lead, date(2018, 9, 18)) is None
    # A yearless date a little after New Year's Day is last December.
    assert lead_event_date("Strikes hit the town on December 28.", date(2019, 1, 5)) == date(2018, 12, 28)


def test_only_articles_that_could_be_grouped_are_compared() -> None:
    vector = np.zeros(384, np.float32)
    vector[0] = 1.0
    docs = [
        _doc("a2018", date(2018, 9, 17)),
        _doc("b2018", date(2018, 10, 1)),
        _doc("c2020", date(2020, 3, 5)),
        _doc("undated", None),
    ]
    for doc in docs:
        doc.embedding = vector
    pairs = {(docs[i].article_id, docs[j].article_id) for _, i, j in similarities(docs, 0.3)}
    assert ("a2018", "b2018") in pairs
    assert ("a2018", "c2020") not in pairs and ("b2018", "c2020") not in pairs
    assert {("a2018", "undated"), ("b2018", "undated"), ("c2020", "undated")} <= pairs
    # A new article is compared with the stored ones it could join, and only once each.
    added = list(similarities(docs, 0.3, rows={2}))
    assert {(docs[i].article_id, docs[j].article_id) for _, i, j in added} == {("c2020", "undated")}


def test_an_undated_rewrite_joins_the_one_event_it_is_clearly_closest_to() -> None:
    docs = [_doc("strike", date(2019, 3, 13)), _doc("talks", date(2019, 3, 14)), _doc("undated", None)]
    result = group_from_links(docs, [(0.62, "undated", "strike"), (0.5, "undated", "talks")], [])
    assert _together(result.events, "undated", "strike")
    assert not _together(result.events, "undated", "talks")


def test_a_lead_opening_on_background_is_dated_by_its_news() -> None:
    lead = "The truce agreed on May 19 broke down on Monday, when shelling resumed near the town."
    assert lead_event_date(lead, date(2020, 7, 28)) == date(2020, 7, 27)
    # With no recent date, a retrospective keeps the date it is about.
    assert lead_event_date("On 17 September the two presidents agreed a zone.", date(2018, 12, 20)) == date(2018, 9, 17)


def test_scoring_a_few_rows_at_a_time_finds_the_same_links(monkeypatch: pytest.MonkeyPatch) -> None:
    # However small the blocks scored at once (to bound memory), the links are the same.
    import sitroom.grouping.group as grouping

    rng = np.random.default_rng(7)
    days = [date(2019, 3, 1), date(2019, 3, 2), date(2019, 3, 20), None, date(2020, 1, 5)]
    docs = []
    for k in range(40):
        doc = _doc(f"a{k:02d}", days[k % len(days)], language="en" if k % 4 else "ar")
        doc.anchors.update({"dlb": 1 + k % 3, "shg" if k % 2 else "rdgn": 1, f"#{k % 7}": 1})
        doc.words.update({"strike": 1, "depot" if k % 3 else "talks": 2})
        if doc.embedding is not None:
            vector = rng.normal(size=384).astype(np.float32)
            doc.embedding = vector / np.linalg.norm(vector)
        docs.append(doc)
    whole = {(i, j): s for s, i, j in similarities(docs, 0.3)}
    monkeypatch.setattr(grouping, "MAX_CHUNK_CELLS", 3)
    blocks = {(i, j): s for s, i, j in similarities(docs, 0.3)}
    assert whole and set(blocks) == set(whole)
    assert all(abs(blocks[p] - whole[p]) < 1e-5 for p in whole)


def test_equal_links_are_taken_in_id_order_whatever_order_they_come_in() -> None:
    from sitroom.grouping.cluster import constrained_components

    # "b" can join "a" or "c" but not both (they are a year apart): the tie goes to the
    # link with the smaller ids, however the links are listed.
    dates = {"a": date(2019, 3, 1), "b": None, "c": date(2020, 3, 1)}
    links = [(0.8, "b", "c"), (0.8, "a", "b"), (0.5, "a", "c")]
    for order in (links, links[::-1], [links[1], links[2], links[0]]):
        assert constrained_components(["c", "b", "a"], order, dates, 45) == [["a", "b"], ["c"]]


def test_dates_in_arabic_russian_and_turkish_text() -> None:
    from sitroom.nlp.when import text_dates

    assert lead_event_date("وفي 27 فبراير 2020 قصفت الطائرات مواقع في المحافظة.", None) == date(2020, 2, 27)
    assert lead_event_date("Встреча прошла 17 сентября в Сочи.", date(2018, 9, 24)) == date(2018, 9, 17)
    assert text_dates("Görüşme 13 Mart 2019 tarihinde yapıldı.") == [date(2019, 3, 13)]
    # The Levantine month names, two words long, are not taken for their neighbours.
    assert text_dates("في 3 تشرين الثاني 2019 وفي 5 كانون الثاني 2020") == [date(2019, 11, 3), date(2020, 1, 5)]
    # The Indonesian press writes the date in figures after the weekday, day first.
    assert lead_event_date("Kementerian mengatakan Rabu (13/3) pagi bahwa", date(2019, 3, 14)) == date(2019, 3, 13)
    assert text_dates("diserang Kamis (27/2/2020) malam") == [date(2020, 2, 27)]
    assert text_dates("skor (13/3) di babak pertama") == []  # figures without a weekday: a score


def test_a_truce_reported_over_a_week_is_one_event_but_not_beyond() -> None:
    days = {"truce": date(2020, 7, 27), "day3": date(2020, 7, 30), "day6": date(2020, 8, 2), "day12": date(2020, 8, 8)}
    docs = [_doc(name, day) for name, day in days.items()]
    chain = [(0.7, "truce", "day3"), (0.7, "day3", "day6"), (0.7, "day6", "day12")]
    result = group_from_links(docs, chain, [])
    assert _together(result.events, "truce", "day6")
    assert not _together(result.events, "truce", "day12")  # twelve days: another event of the story
    assert _together(result.stories, "truce", "day12")
    # Reports a week apart are not linked as one event directly, however alike.
    apart = group_from_links([docs[0], docs[2]], [(0.9, "truce", "day6")], [])
    assert not _together(apart.events, "truce", "day6")


def test_a_story_runs_up_to_ten_weeks_and_no_further() -> None:
    days = {
        "truce": date(2020, 7, 27),
        "report": date(2020, 8, 28),
        "talks": date(2020, 9, 20),
        "review": date(2020, 9, 28),
        "later": date(2020, 11, 2),
    }
    docs = [_doc(name, day) for name, day in days.items()]
    links = [(0.5, "truce", "report"), (0.5, "report", "talks"), (0.5, "talks", "review"), (0.46, "review", "later")]
    result = group_from_links(docs, links, [])
    assert _together(result.stories, "truce", "review")  # 63 days
    assert not _together(result.stories, "truce", "later")
    assert not _together(result.events, "truce", "report")


def test_a_weekday_written_with_its_date_outweighs_a_wrong_page_date() -> None:
    # An aggregator dated the page a week early; the lead's "Friday (February 28)" agrees
    # with itself (28 February 2020 was a Friday), so it is the event's date.
    lead = "Dozens of soldiers died in an air strike on Friday (February 28), the governor said."
    assert lead_event_date(lead, date(2020, 2, 21)) == date(2020, 2, 28)
    # A weekday and a date that disagree say nothing sure: the weekday is read as usual.
    assert lead_event_date("Talks began on Thursday, 14 March, in the capital.", date(2025, 3, 20)) == date(2025, 3, 20)


def test_dates_in_figures_are_read_only_when_their_order_is_certain() -> None:
    from sitroom.nlp.when import text_dates

    assert text_dates("World / Conflict 12/18/2018, 1:39 PM") == [date(2018, 12, 18)]
    assert text_dates("Am 13.12.2018 begannen die Gespräche.") == [date(2018, 12, 13)]
    assert text_dates("Filed 2020-02-27 at noon.") == [date(2020, 2, 27)]
    assert text_dates("Posted 03/04/2019.") == []  # March 4 or 3 April: not read
    # A date line glued to the first word of the text, as scraped pages have it.
    assert text_dates("Шойгу обсудил ситуацию\n22.02.2020Министр обороны России") == [date(2020, 2, 22)]
    assert text_dates("Ref. 122.02.20201") == []


def test_a_day_and_month_without_a_year_take_the_year_of_the_closest_report() -> None:
    from sitroom.nlp.when import day_month

    assert day_month("Crowds rallied on July 27 outside the assembly.") == (7, 27)
    assert day_month("Le 14 mars, l'aviation a détruit un entrepôt.") == (3, 14)
    assert day_month("No date here.") is None
    # "On July 27", no year, no page date: its closest report is of 27 July 2020, so it
    # is that day's news, with that report's event; in French, compared by names alone.
    truce = _doc("truce", date(2020, 7, 27))
    protest = replace(_doc("protest", None, "fr"), day_month="07-27")
    other_year = _doc("truce-2019", date(2019, 7, 26))
    result = group_from_links(
        [truce, protest, other_year], [(0.50, "truce", "protest"), (0.48, "truce-2019", "protest")], []
    )
    assert _together(result.events, "truce", "protest")
    assert not _together(result.stories, "truce-2019", "protest")
    # A visit on 11 February with a weaker link to talks of 10 February a year later, and
    # a stronger one to a report of May: the day agrees only by chance; it stays undated.
    visit = replace(_doc("visit", None), day_month="02-11")
    may = _doc("may", date(2019, 5, 20))
    talks = _doc("talks", date(2020, 2, 10))
    alone = group_from_links([visit, may, talks], [(0.56, "may", "visit"), (0.52, "talks", "visit")], [])
    assert ["visit"] in alone.stories


def test_a_page_dated_only_by_its_publication_needs_more_than_names_to_join_a_story() -> None:
    # A ceasefire reported on 30 December, and an analysis published on 5 January that
    # names the same parties: a weak link does not make the analysis part of the story.
    truce = replace(_doc("truce", date(2016, 12, 30)), date_basis="lead")
    analysis = _doc("analysis", date(2017, 1, 5))  # dated by its publication only
    apart = group_from_links([truce, analysis], [(0.38, "analysis", "truce")], [])
    assert not _together(apart.stories, "truce", "analysis")
    # Two reports whose leads date their news, as far apart: one developing situation.
    violations = replace(_doc("violations", date(2017, 1, 5)), date_basis="lead")
    joined = group_from_links([truce, violations], [(0.38, "truce", "violations")], [])
    assert _together(joined.stories, "truce", "violations")


def test_a_link_across_languages_breaks_a_tie_but_never_places_a_page_alone() -> None:
    # An undated English page as close by meaning to the 2018 summit and to 2019 patrols,
    # and much closer to a Spanish report of the summit: it belongs with the summit.
    docs = [
        _doc("summit-en", date(2018, 9, 17)),
        _doc("summit-es", date(2018, 9, 17), "es"),
        _doc("patrols", date(2019, 3, 8)),
        _doc("undated", None),
    ]
    links = [
        (0.65, "summit-en", "undated"),
        (0.65, "patrols", "undated"),
        (0.76, "summit-es", "undated"),
        (0.9, "summit-en", "summit-es"),
    ]
    tied = group_from_links(docs, links, [])
    assert _together(tied.stories, "undated", "summit-en")
    assert not _together(tied.stories, "undated", "patrols")
    # Without the Spanish report the page could be either: it stays on its own.
    alone = group_from_links(docs, [link for link in links if "summit-es" not in link], [])
    assert ["undated"] in alone.stories
    # Closest to a page only by names, it is not placed by that link, and no longer
    # clearly belongs with the group it is close to by meaning either.
    names_only = [(0.6, "patrols", "undated"), (0.9, "summit-es", "undated")]
    assert ["undated"] in group_from_links(docs, names_only, []).stories


def test_an_undated_page_whose_three_closest_reports_share_one_story_joins_it() -> None:
    # An undated Romanian report of a strike: no link by meaning, but the three reports
    # closest to it are all of one dated story.
    docs = [
        _doc("strike", date(2020, 2, 27)),
        _doc("toll", date(2020, 2, 28)),
        _doc("denial", date(2020, 2, 28)),
        _doc("talks-2019", date(2019, 3, 14)),
        _doc("undated-ro", None, "ro"),
    ]
    links = [
        (0.8, "strike", "toll"),
        (0.7, "toll", "denial"),
        (0.73, "undated-ro", "strike"),
        (0.63, "undated-ro", "toll"),
        (0.6, "undated-ro", "denial"),
        (0.5, "undated-ro", "talks-2019"),
    ]
    result = group_from_links(docs, links, [])
    assert _together(result.stories, "undated-ro", "strike")
    assert not _together(result.stories, "undated-ro", "talks-2019")
    # When one of its three closest is a report of another year, it stays apart.
    split = [*links[:-1], (0.62, "undated-ro", "talks-2019")]
    result = group_from_links(docs, split, [])
    assert ["undated-ro"] in result.stories
    # Two close reports are not enough.
    result = group_from_links(docs, links[:4], [])
    assert ["undated-ro"] in result.stories


def test_undated_reports_of_a_recurring_kind_of_news_are_not_one_story_by_resemblance() -> None:
    # Two undated reports of Russian jets striking one city: each reads as much like a
    # 2019 report as like a 2020 one, so their moderate resemblance to each other says
    # nothing of their being one story.
    docs = [
        _doc("strike-2019", date(2019, 3, 13)),
        _doc("strike-2020", date(2020, 2, 27)),
        _doc("undated-a", None),
        _doc("undated-b", None),
    ]
    kind = [(0.5, "undated-a", "strike-2019"), (0.5, "undated-a", "strike-2020"), (0.48, "undated-b", "strike-2019")]
    result = group_from_links(docs, [*kind, (0.6, "undated-a", "undated-b")], [])
    assert not _together(result.stories, "undated-a", "undated-b")
    # Close enough to be one event, they are one story whatever else they resemble.
    result = group_from_links(docs, [*kind, (0.7, "undated-a", "undated-b")], [])
    assert _together(result.stories, "undated-a", "undated-b")
    # Pages whose dated neighbours are all of one time keep the story-level bar.
    one_time = [(0.5, "undated-a", "strike-2020"), (0.48, "undated-b", "strike-2020")]
    result = group_from_links(docs, [*one_time, (0.6, "undated-a", "undated-b")], [])
    assert _together(result.stories, "undated-a", "undated-b")
    assert not _together(result.stories, "undated-a", "strike-2019")


def test_an_undated_page_stating_the_toll_of_dated_reports_is_of_their_time() -> None:
    # An undated Norwegian page stating "47 soldiers", beside two reports of 3 and 4 May
    # stating the same toll, and a report of a year before in the same place.
    raid = replace(_doc("raid", date(2021, 5, 3)), counts=["47:military"], date_basis="lead")
    toll = replace(_doc("toll", date(2021, 5, 4)), counts=["47:military"], date_basis="lead")
    before = _doc("raid-2020", date(2020, 5, 3))
    page = replace(_doc("undated-no", None, "no"), counts=["47:military"])
    links = [(0.8, "raid", "toll"), (0.5, "undated-no", "toll"), (0.49, "undated-no", "raid-2020")]
    result = group_from_links([raid, toll, before, page], links, [])
    assert _together(result.stories, "undated-no", "raid")
    assert not _together(result.stories, "undated-no", "raid-2020")
    # The same count stated a year apart is no toll of one time: the page stays undated.
    again = replace(_doc("raid-2022", date(2022, 5, 3)), counts=["47:military"])
    result = group_from_links([raid, toll, before, page, again], links, [])
    assert ["undated-no"] in result.stories
    # One report stating it could be a coincidence of numbers.
    result = group_from_links([raid, replace(toll, counts=[]), before, page], links, [])
    assert ["undated-no"] in result.stories


def test_consensus_needs_the_page_among_the_closest_of_the_reports_closest_to_it() -> None:
    # An undated report closest to three reports of one story; but each of them has a
    # dozen closer reports of its own story: it reads like them without being of them.
    story = [_doc(f"r{i:02d}", date(2019, 3, 13)) for i in range(14)]
    page = _doc("undated-pt", None, "pt")
    inner = [(0.7, a.article_id, b.article_id) for a, b in itertools.combinations(story, 2)]
    near = [(0.5, "undated-pt", "r00"), (0.5, "undated-pt", "r01"), (0.5, "undated-pt", "r02")]
    result = group_from_links([*story, page], [*inner, *near], [])
    assert ["undated-pt"] in result.stories
    # Among their closest (their other links weaker), it joins.
    loose = [(0.46, a.article_id, b.article_id) for a, b in itertools.combinations(story, 2)]
    result = group_from_links([*story, page], [*loose, *near], [])
    assert _together(result.stories, "undated-pt", "r00")


def test_undated_pages_placed_in_a_story_count_towards_placing_others() -> None:
    # An undated Arabic page is closest to an undated English page of a dated event, and
    # to two reports of that event: all three are the event's story.
    strike = replace(_doc("strike", date(2020, 2, 27)), date_basis="lead")
    toll = replace(_doc("toll", date(2020, 2, 28)), date_basis="lead")
    undated_en = _doc("undated-en", None)
    undated_ar = _doc("undated-ar", None, "ar")
    older = _doc("talks-2019", date(2019, 3, 14))
    links = [
        (0.8, "strike", "toll"),
        (0.8, "strike", "undated-en"),
        (0.58, "undated-ar", "undated-en"),
        (0.57, "undated-ar", "strike"),
        (0.56, "undated-ar", "toll"),
        (0.5, "undated-ar", "talks-2019"),
    ]
    result = group_from_links([strike, toll, undated_en, undated_ar, older], links, [])
    assert _together(result.stories, "undated-ar", "strike")
    assert not _together(result.stories, "undated-ar", "talks-2019")
    # An English page not of the event but placed in its story by its strongest link
    # counts alike for the next undated English page, which no single link places.
    undated_b = _doc("undated-b", None)
    chain = [
        (0.8, "strike", "toll"),
        (0.58, "strike", "undated-en"),
        (0.565, "undated-b", "undated-en"),
        (0.56, "undated-b", "strike"),
        (0.55, "undated-b", "toll"),
        (0.5, "undated-b", "talks-2019"),
    ]
    result = group_from_links([strike, toll, undated_en, undated_b, older], chain, [])
    assert not _together(result.events, "strike", "undated-en")
    assert _together(result.stories, "undated-en", "strike")
    assert _together(result.stories, "undated-b", "strike")


def test_a_date_in_figures_opening_the_lead_is_its_date_line() -> None:
    assert lead_event_date("14.05.2021The ministers spoke by phone.", None) == date(2021, 5, 14)
    # Further in, a date in figures is as often background.
    assert lead_event_date("Since 14.05.2021 the ministers have not spoken.", None) is None
