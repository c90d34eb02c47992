"""Facts II, more: the attribution forms and event classes a desk meets, on invented text."""

from __future__ import annotations

import pytest

from sitroom.extract.claims import Claim, extract_claims
from sitroom.extract.events import extract_events
from sitroom.nlp.language import english


def _claims(text: str, outlet: str | None = "daily.example.org") -> list[Claim]:
    return extract_claims(english()(text), outlet)


def _one(text: str) -> Claim:
    claims = _claims(text)
    assert len(claims) == 1, [(c.speaker, c.cue, c.content) for c in claims]
    return claims[0]


def test_speaker_after_the_clause_and_after_the_cue() -> None:
    sources = _one("The convoy was hit near the crossing, sources said.")
    assert sources.speaker == "sources" and sources.content == "The convoy was hit near the crossing"
    minister = _one("“We will not withdraw from the hills,” said the defence minister.")
    assert minister.speaker == "the defence minister" and minister.direct
    assert minister.content == "We will not withdraw from the hills"


def test_passive_possessive_and_according_to_a_report() -> None:
    assert _one("It was reported by the agency that 20 fighters were killed.").speaker == "the agency"
    assert _one("The ministry's spokesman said the convoy was attacked.").speaker == "The ministry's spokesman"
    report = _one("According to a report by the monitor, 300 families fled the valley.")
    assert report.speaker == "a report by the monitor" and report.content == "300 families fled the valley"


def test_the_cue_set_into_its_clause() -> None:
    claim = _one("The strikes, the ministry said, hit two arms depots.")
    assert claim.speaker == "the ministry"
    assert claim.content == "The strikes hit two arms depots"
    assert _one("As the envoy put it, the truce is holding.").content == "the truce is holding"


def test_participles_and_statements_take_the_speaker_of_their_verb() -> None:
    spoke = _one("The minister spoke on Monday, saying that the talks would resume.")
    assert spoke.speaker == "The minister" and spoke.content == "that the talks would resume"
    statement = _one("The army issued a statement saying the convoy was hit by a mine.")
    assert statement.speaker == "The army"


def test_a_quotation_split_by_its_cue_is_one_claim() -> None:
    claim = _one("“We are ready for talks,” he said. “We will not withdraw.”")
    assert "ready for talks" in claim.content and "not withdraw" in claim.content
    assert "he said" not in claim.content


def test_a_quotation_in_the_next_paragraph() -> None:
    claim = _one("The commander said:\n\n“Our positions held through the night.”")
    assert claim.speaker == "The commander" and claim.content == "Our positions held through the night."


def test_nouns_objects_and_prepositions_carry_claims() -> None:
    owner = _claims("Ostravia's claim that the bridge was mined was dismissed.")[0]
    assert owner.speaker == "Ostravia" and owner.content == "that the bridge was mined"
    condemned = _one("Norland condemned the attack on the embassy.")
    assert condemned.content == "the attack on the embassy" and condemned.stance == "asserts"
    call = _one("The envoy has called for an immediate truce.")
    assert call.cue == "has called for" and call.stance == "calls for" and call.content == "an immediate truce"


def test_citing_a_source_extends_the_chain() -> None:
    claim = _one("The Meridian news agency reported that the army had retaken the town, citing a military source.")
    assert claim.speaker == "a military source"
    assert claim.chain == ["a military source", "The Meridian news agency", "daily.example.org"]
    assert claim.content == "that the army had retaken the town"


def test_headlines_transcripts_and_signed_quotes() -> None:
    headline = _one("Ostravian Minister Says Talks Will Resume Next Week")
    assert headline.speaker == "Ostravian Minister" and headline.content.startswith("Talks Will Resume")
    transcript = _one("VELES: We will not accept this ceasefire.")
    assert transcript.speaker == "VELES" and transcript.content == "We will not accept this ceasefire."
    signed = _one("“The crossing must stay open.” ― Aram Veles")
    assert signed.speaker == "Aram Veles" and signed.content == "The crossing must stay open."


@pytest.mark.parametrize(
    "text",
    [
        "Troops found weapons in the abandoned village.",  # finding things is not a claim
        "Do you know where the convoy is?",  # a question
        "If the ministry confirmed the strike, the talks would stop.",  # a condition
        "The law requires the army to disclose its losses.",  # a statement only required
    ],
)
def test_no_claim_where_nobody_states_anything(text: str) -> None:
    assert _claims(text) == []


def test_a_claim_inside_another_is_part_of_it_and_intentions_go_to_their_source() -> None:
    outer = _one("The minister said the rebels claimed the attack on the depot.")
    assert outer.speaker == "The minister"
    aide = _one("Ostravia plans to open a second crossing, according to an aide.")
    assert aide.speaker == "an aide" and aide.cue == "according to"


def _sub_type(text: str) -> str | None:
    events = extract_events(text, [])
    return events[0].sub_type if events else None


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Police fired tear gas to disperse protesters in the capital.", "Protest with intervention"),
        ("Protesters threw stones at police and set fire to tyres.", "Violent demonstration"),
        ("Security forces opened fire on demonstrators, killing three.", "Excessive force against protesters"),
        ("Hundreds marched to denounce the killing of a journalist.", "Peaceful protest"),
        ("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb"),
        ("A roadside bomb hit a patrol near the bridge.", "Remote explosive/landmine/IED"),
        ("Militants threw a grenade at a police post.", "Grenade"),
        ("Gunmen shot dead a farmer near the village.", "Attack"),
        ("Rebels clashed with the army near the bridge.", "Armed clash"),
        ("Government forces recaptured the town from the rebels.", "Government regains territory"),
        ("Rebels captured the town after heavy fighting.", "Non-state actor overtakes territory"),
        ("Police seized a cache of weapons and ammunition.", "Disrupted weapons use"),
        ("The air defence shot down two drones over the port.", "Disrupted weapons use"),
        ("Two traders were kidnapped by armed men on the highway.", "Abduction/forced disappearance"),
        ("Militiamen looted shops and burned houses in the village.", "Looting/property destruction"),
        ("Soldiers arrested five suspects in the market.", "Arrests"),
        ("Residents beat a suspected thief to death.", "Mob violence"),
        ("The Islamic State group claimed responsibility for the bombing.", "Responsibility claimed"),
        ("Ostravia expelled two Norland diplomats.", "Diplomatic measure"),
        ("A gas cylinder exploded in a restaurant, killing two.", "Man-made disaster"),
        ("Floods displaced 2,000 families in the delta.", "Natural disaster"),
        ("The army shelled villages on the front line.", "Shelling/artillery/missile attack"),
        ("Russian warplanes struck the market town.", "Air/drone strike"),
        ("The two sides agreed to a ceasefire on Sunday.", "Ceasefire declared"),
    ],
)
def test_event_classes(text: str, sub_type: str) -> None:
    assert _sub_type(text) == sub_type


def test_what_follows_a_protest_refines_it() -> None:
    text = "Hundreds of residents protested outside the governor's office. Police dispersed them with tear gas."
    assert _sub_type(text) == "Protest with intervention"
    text = "Workers went on strike at the port.\n\nPolice arrested two smugglers in the city."
    assert _sub_type(text) == "Peaceful protest"  # another paragraph does not refine it


def test_speech_verbs_the_parser_misreads_still_give_their_claims() -> None:
    # A plural noun heading the sentence is a verb in the present: "Veles claims that ...".
    claims = _one("But Veles claims that he should be the exception.")
    assert claims.speaker == "Veles" and claims.content == "that he should be the exception"
    plans = _one("The Norland campaign plans to open two more offices.")
    assert plans.speaker == "The Norland campaign" and plans.stance == "plans"
    # A name the parser hung on the phrase before the verb is still who speaks.
    board = _one("In a meeting with the editorial board of the Meridian Post Veles said that the talks would resume.")
    assert "Veles" in board.speaker and board.content == "that the talks would resume"
    # A that-clause read as relative, a subject read as an object, a clause before a closing cue.
    told = _one("The envoy told a gathering of donors that few people understood the risks.")
    assert told.speaker == "The envoy" and told.content == "that few people understood the risks"
    said = _one("Aram Veles, an envoy for the council, said many of the reports that rebels spread were false.")
    # The role set after the name stays with the speaker.
    assert said.speaker == "Aram Veles, an envoy for the council"
    assert said.content == "many of the reports that rebels spread were false"
    assert _one("Talks with the rebels, the envoy said.").content == "Talks with the rebels"


def test_one_of_a_group_speaks_but_one_alone_does_not() -> None:
    assert _one("The bridge was closed, one of the engineers said.").speaker == "one of the engineers"


def test_objects_of_more_speech_verbs_and_stances_are_claims() -> None:
    noted = _one("The minister noted the progress of the talks.")
    assert noted.cue == "noted" and noted.content == "the progress of the talks"
    respond = _one("The army did not respond to requests for comment.")
    assert respond.speaker == "The army" and respond.content == "requests for comment"
    endorsed = _one("The union endorsed the governor's plan.")
    assert endorsed.speaker == "The union" and endorsed.content == "the governor's plan"
    assert _one("Norland backed the plan to reopen the crossing.").speaker == "Norland"
    assert _claims("Tanks backed the infantry near the river.") == []  # a physical act, not a stance


def test_headline_speaker_and_signed_quote_with_a_closing_mark_first() -> None:
    headline = _claims("Veles: The crossing must stay open until spring\n\nThe envoy spoke on Monday.")[0]
    assert headline.speaker == "Veles" and headline.content == "The crossing must stay open until spring"
    signed = _one("”The crossing must stay open.” ― Aram Veles")
    assert signed.speaker == "Aram Veles" and signed.content == "The crossing must stay open."


def test_a_speakers_span_names_it_without_what_it_was_doing() -> None:
    claim = _one("Veles, speaking at a rally in the capital, said the crossing would reopen.")
    text = "Veles, speaking at a rally in the capital, said the crossing would reopen."
    assert claim.speaker_span is not None and text[slice(*claim.speaker_span)] == "Veles"
    owner = _claims("Norland's claim that the bridge was mined was dismissed.")[0]
    assert owner.speaker == "Norland" and owner.speaker_span == (0, len("Norland's"))


def test_a_poll_gives_the_figures_of_its_sentence_when_nobody_says_them() -> None:
    poll = _one("In the latest survey, the mayor leads her rival by five points.")
    assert poll.speaker == "the latest survey" and poll.content == "the mayor leads her rival by five points"
    said = _one("In the latest survey, the mayor leads by five points, her campaign said.")
    assert said.speaker == "her campaign"


def test_a_quoting_verb_without_a_subject_of_its_own_gives_no_crash() -> None:
    # Garbled machine-made text: "quoting" with no one who quotes must not break the article.
    text = "Norland called on Ostravia to quoting air strikes in Varrow’s Petro disclosing."
    assert all(c.speaker for c in _claims(text))
