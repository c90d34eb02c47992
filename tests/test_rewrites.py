"""Rewrites of one wire text, within an event: by a long verbatim run near the top, or by credit."""

from __future__ import annotations

from datetime import date

from sitroom.provenance.rewrites import credited_pairs, rewrite_pairs, rewritten, words

CORE = (
    "Engineers found the bridge girders cut through with torches, and the ferry pier at Lantmoor "
    "was mined with shells taken from the old coastal battery, the harbour master said."
)
BACKGROUND = (
    "Vessia and Korlund signed the river accord at Holmfast three winters ago, after a spring of "
    "skirmishes along the dykes, and pledged to share the locks at Brenne between them."
)


def _text(*sentences: str) -> list[str]:
    return words(" ".join(sentences))


def test_a_rewrite_keeps_the_wire_core_word_for_word() -> None:
    wire = _text("Warplanes struck the rebel-held province overnight.", CORE, "Officials gave no toll.", BACKGROUND)
    rewrite = _text(
        "In a new escalation, jets pounded targets across the north of the country late on Tuesday.",
        CORE,
        "Residents said several buildings collapsed and rescuers were still searching the rubble.",
        "Local monitors reported heavy shelling on the southern front lines throughout the day.",
    )
    assert rewritten(wire, rewrite)
    assert rewritten(rewrite, wire)


def test_an_outlet_reusing_its_background_paragraph_is_not_a_rewrite() -> None:
    one = _text(
        "Talks between the two defence ministries ended without agreement in the capital on Monday.",
        "Delegations will meet again next month, a spokesman said, without giving a date.",
        "The opposition said it had not been consulted about the proposals.",
        "Diplomats said the main sticking point was the route of joint patrols along the highway.",
        "Both sides accused each other of breaking the terms of last year's memorandum.",
        BACKGROUND,
    )
    other = _text(
        "A market was hit by shelling on Saturday, killing at least seven people, rescuers said.",
        "The government denied its forces had fired on the town and blamed armed groups.",
        "Witnesses said the shells landed in the morning when the market was crowded.",
        "Hospitals in the area appealed for blood donations and fuel for their generators.",
        "It was the deadliest attack on the town since the summer, a local council member said.",
        BACKGROUND,
    )
    assert not rewritten(one, other)
    # Sharing a short phrase is not enough either.
    assert not rewritten(_text("the ministry said in a statement on Wednesday"), _text(CORE))


def test_rewrite_pairs_compare_families_of_one_event_once() -> None:
    wire = _text("Warplanes struck the province overnight.", CORE, BACKGROUND)
    texts = {
        "a1": wire,
        "a2": wire,  # a copy, already in a family with a1
        "b": _text("Jets pounded the north late on Tuesday, residents said.", CORE),
        "c": _text("Talks ended without agreement on Monday, a spokesman said.", "Both sides will meet again."),
    }
    pairs = rewrite_pairs([["a1", "a2", "b", "c"]], {"a1": "fam-a", "a2": "fam-a"}, texts)
    assert pairs == [("a1", "b")]
    # Articles of different events are never compared.
    assert rewrite_pairs([["a1"], ["b"]], {}, texts) == []


def test_a_rewrite_opening_on_the_wire_lead_quote_is_found_but_a_daily_template_is_not() -> None:
    quote = '"From tonight our barges will sail the Brenne channel by lantern and under one flag," '
    wire = _text(quote + "the minister told the state news agency.", BACKGROUND, CORE)
    rewrite = _text(
        "Joint patrols start today, the defence minister said on Friday. " + quote + "he told the agency.",
        "Residents said several buildings collapsed and rescuers were still searching the rubble.",
    )
    assert rewritten(wire, rewrite)
    day_one = _text(
        "Lock keepers at the Brenne counted, up to 18:00 on 3 May 2031, eleven barges "
        "turned back at the dykes and two small fires in the reed beds near Holmfast."
    )
    day_two = _text(
        "Lock keepers at the Brenne counted, up to 18:00 on 4 May 2031, four barges "
        "turned back at the dykes and no fires, though the south gate stayed shut all day."
    )
    assert not rewritten(day_one, day_two)


def test_a_lone_article_crediting_a_family_agency_on_its_day_joins_that_family() -> None:
    day = date(2025, 3, 8)
    family_of = {"w1": "fam-w", "w2": "fam-w"}
    agencies = {"w1": {"Anadolu"}, "w2": {"Anadolu"}, "mt": {"Anadolu"}, "other": {"Reuters"}}
    days = {"w1": day, "w2": day, "mt": None, "other": day}
    # A machine translation of the agency's interview, undated, joins the family crediting it.
    assert credited_pairs([["w1", "w2", "mt", "other"]], family_of, agencies, days) == [("mt", "w1")]
    # Dated to another day, it retells another story of the agency's.
    days["mt"] = date(2025, 3, 11)
    assert credited_pairs([["w1", "w2", "mt", "other"]], family_of, agencies, days) == []


def test_credit_never_joins_two_families_or_a_lone_article_matching_two() -> None:
    day = date(2025, 12, 24)
    family_of = {"a1": "fam-a", "a2": "fam-a", "b1": "fam-b", "b2": "fam-b"}
    agencies = {k: {"AFP"} for k in ("a1", "a2", "b1", "b2", "lone")}
    days = dict.fromkeys(("a1", "a2", "b1", "b2"), day) | {"lone": None}
    # Two families of one agency were told apart by their text; the lone article could retell either.
    assert credited_pairs([["a1", "a2", "b1", "b2", "lone"]], family_of, agencies, days) == []
    # Articles of different events are never joined.
    assert credited_pairs([["a1", "a2"], ["lone"]], family_of, agencies, days) == []
