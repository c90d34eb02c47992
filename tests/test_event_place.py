"""Where an event happened, read from the parse, and several happenings in one sentence.

Sentences are invented; each carries one phenomenon: a place that names an agreement or
describes where it was reached, a dateline, a country next to a town, two kinds of
happening in one sentence.
"""

from __future__ import annotations

import pytest

from sitroom.extract.stage import article_facts
from sitroom.model import Article, Paragraph


@pytest.fixture(scope="module")
def nlp():
    from sitroom.nlp.language import english

    return english()


def _events(nlp, body: str, dateline: str | None = None) -> list[dict]:
    article = Article(
        id="t-0",
        page_id="t",
        index=0,
        title=None,
        body=body,
        paragraphs=[Paragraph(0, len(body))],
        dateline=dateline,
        language="en",
    )
    return [f for f in article_facts(article, nlp(body), None) if f["kind"] == "event"]


def _place(event: dict) -> str | None:
    return event["place"]["name"] if event["place"] else None


def test_a_place_where_an_agreement_was_reached_does_not_locate_the_violation(nlp) -> None:
    events = _events(
        nlp,
        "Rebels fired two missiles at a village near Hama in violation of a ceasefire reached in Stockholm.",
    )
    violent = [e for e in events if e["type"] == "Explosions/Remote violence"]
    assert violent and violent[0]["place"]["country"] == "SY"  # Hama, not Stockholm


def test_a_dateline_is_where_the_report_was_filed(nlp) -> None:
    body = "AMMAN (Reuters) - Russian jets struck several towns in Idlib province on Sunday, witnesses said."
    events = _events(nlp, body, dateline="AMMAN")
    assert events and _place(events[0]) != "Amman"
    assert "Idlib" in (_place(events[0]) or "")


def test_the_town_wins_over_the_country_of_an_actor(nlp) -> None:
    events = _events(nlp, "Air strikes by regime ally Russia killed ten civilians in Saraqib on Friday.")
    assert events and _place(events[0]) == "Saraqib"


def test_one_sentence_reports_two_kinds_of_happening(nlp) -> None:
    events = _events(
        nlp,
        "Last week the Turkish army began joint patrols in Idlib, and Ankara and Moscow signed a new agreement"
        " on the zone.",
    )
    kinds = {e["sub_type"] for e in events}
    assert {"Joint patrol", "Agreement"} <= kinds
    patrol = next(e for e in events if e["sub_type"] == "Joint patrol")
    assert patrol["trigger_span"] != next(e for e in events if e["sub_type"] == "Agreement")["trigger_span"]


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("The defence ministry said the ceasefire will take effect at midnight on Friday.", "plans"),
        ("Turkish officials said joint patrols will begin on 15 March along the highway.", "plans"),
        ("The foreign minister said the agreement must be respected by all parties.", "calls for"),
        ("The memorandum stipulates that all heavy weapons be withdrawn by October 10.", "plans"),
        ("The ministry said its jets struck weapons depots near the town.", "asserts"),
    ],
)
def test_announcements_are_plans_and_obligations_are_calls(nlp, sentence: str, stance: str) -> None:
    from sitroom.extract.claims import extract_claims

    claims = extract_claims(nlp(sentence))
    assert claims and claims[0].stance == stance


def test_a_role_after_a_comma_stays_with_the_speaker(nlp) -> None:
    from sitroom.extract.claims import extract_claims
    from sitroom.reconcile.ledger import normalise_speaker

    sentence = '"We will not allow any provocation," said Hulusi Akar, Turkey\'s defence minister.'
    claim = extract_claims(nlp(sentence))[0]
    assert claim.speaker == "Hulusi Akar, Turkey's defence minister"
    assert normalise_speaker(claim.speaker) == normalise_speaker("Hulusi Akar (defence minister)") == "hulusi akar"


def test_a_toll_counted_since_a_time_is_never_an_incidents_toll() -> None:
    from sitroom.reconcile.stage import _cumulative

    body = (
        "Air strikes hit Saraqib on Monday. Since then, hundreds of thousands of people have been killed, the UN said."
    )
    start = body.index("hundreds")
    assert _cumulative(body, {"span": [start, start + 40]})
    single = "Air strikes hit Saraqib on Monday, killing 12 people, the monitor said."
    start = single.index("killing")
    assert not _cumulative(single, {"span": [start, start + 16]})


def test_the_start_of_a_longer_name_and_an_outlet_are_not_places(nlp) -> None:
    body = (
        "Shelling hit government positions near Tell Amrit overnight, and a Norlandic officer told "
        "Meridian News that the strikes had stopped."
    )
    article = Article(id="n-0", page_id="n", index=0, title=None, body=body, paragraphs=[Paragraph(0, len(body))])
    places = [f for f in article_facts(article, nlp(body), None) if f["kind"] == "place"]
    located = {f["name"] for f in places if f["role"] == "location"}
    assert not located & {"At Tall", "Meridian"}, places


def test_an_agency_in_a_dateline_is_not_a_place(nlp) -> None:
    body = "TELL AMRIT (Meridian News) — Armoured vehicles drove along the highway on Tuesday."
    events = _events(nlp, body, dateline="TELL AMRIT")
    assert all(_place(e) != "Meridian" for e in events)
