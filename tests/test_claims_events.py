"""Facts II: claims with speaker, stance and chain; events typed as a monitor types them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitroom.extract.claims import extract_claims
from sitroom.extract.events import actors_in
from sitroom.extract.stage import article_facts
from sitroom.model import Article, Paragraph
from sitroom.nlp.language import english


def _claims(text: str, outlet: str | None = "daily.example.org"):
    return extract_claims(english()(text), outlet)


def _article(text: str, outlet: str = "daily.example.org") -> Article:
    paragraphs, offset = [], 0
    for part in text.split("\n\n"):
        paragraphs.append(Paragraph(offset, offset + len(part)))
        offset += len(part) + 2
    return Article(
        id="a-0", page_id="p", index=0, title="t", body=text, paragraphs=paragraphs, language="en", outlet=outlet
    )


def test_reported_speech_with_speaker_cue_and_content() -> None:
    (claim,) = _claims("The Ostravian defence ministry said the strikes were coordinated with Norland.")
    assert claim.speaker == "The Ostravian defence ministry"
    assert claim.cue == "said" and claim.stance == "asserts" and not claim.direct
    assert claim.content.startswith("the strikes were coordinated")
    assert claim.chain == ["The Ostravian defence ministry", "daily.example.org"]


def test_a_denial_points_at_what_it_denies() -> None:
    claims = _claims(
        "Ostravia claims that the raids were coordinated with Norland. "
        "But a source in the Norland Armed Forces told Meridian News that the claim does not reflect reality."
    )
    denial = claims[-1]
    assert denial.speaker == "a source in the Norland Armed Forces"
    assert denial.stance == "denies"
    assert denial.chain == ["a source in the Norland Armed Forces", "Meridian News", "daily.example.org"]
    assert denial.denies and "coordinated with Norland" in denial.denies


def test_chains_through_agencies() -> None:
    quoted = _claims("“We are working on a joint center,” the state news agency NPA quoted Aram Veles as saying.")[0]
    assert quoted.speaker == "Aram Veles" and quoted.direct
    assert quoted.chain[1].endswith("NPA")
    cited = _claims("Citing the Ostravian defence ministry, Continental Press Agency reported that the depot was hit.")[
        0
    ]
    assert cited.speaker == "the Ostravian defence ministry"
    assert cited.chain[:2] == ["the Ostravian defence ministry", "Continental Press Agency"]


def test_pronoun_speakers_resolve_to_the_person_named_before() -> None:
    claims = _claims("Envoy Miriam Osterhagen visited the crossing. “The convoys must move,” she said.")
    assert claims[-1].speaker == "Miriam Osterhagen"


def test_according_to_makes_the_source_the_speaker() -> None:
    (claim,) = _claims("According to the monitor, at least 11 civilians were killed.")
    assert claim.speaker == "the monitor" and claim.cue == "according to"
    assert claim.content == "at least 11 civilians were killed"


def test_calls_and_promises() -> None:
    call, promise = _claims("The envoy urged both sides to respect the truce. The minister vowed to reopen the road.")
    assert call.stance == "calls for" and promise.stance == "plans"


def test_actors_are_normalised() -> None:
    assert actors_in("Russian jets pounded positions held by the regime and HTS.") == [
        "Military Forces of Russia",
        "Military Forces of Syria",
        "Hayat Tahrir al-Sham",
    ]


def test_events_typed_with_place_time_figures_and_status() -> None:
    text = (
        "Russian warplanes struck Idlib on Wednesday, killing at least 9 civilians.\n\n"
        "Turkey and Russia are working to set up a joint coordination center, the minister said.\n\n"
        "A Turkish military column crossed into Syria via Kafr Lusin."
    )
    facts = article_facts(_article(text), english()(text), date(2019, 3, 14))
    events = [f for f in facts if f["kind"] == "event"]
    strike = next(e for e in events if e["sub_type"] == "Air/drone strike")
    assert strike["place"]["name"] == "Idlib" and strike["time"]["value"] == "2019-03-13"
    assert strike["actors"] == ["Military Forces of Russia"]
    assert [f["value"] for f in strike["figures"]] == [9]
    center = next(e for e in events if e["sub_type"] == "Headquarters or base established")
    assert center["status"] == "planned"
    column = next(e for e in events if e["sub_type"] == "Troop movement or convoy")
    assert column["place"]["name"] == "Kafr Lusin"


@pytest.fixture(scope="module")
def seed_facts(shared: Path) -> dict[str, list[dict]]:
    from sitroom.clean.text import clean_text_page
    from sitroom.ingest.items import RawItem
    from sitroom.ingest.page import make_page
    from sitroom.settings import IngestOptions

    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    out = {}
    for page in gold["pages"]:
        raw = (shared / "seeds" / page["file"]).read_bytes()
        for article in clean_text_page(make_page(RawItem(source=page["file"], raw=raw, kind="text"), IngestOptions())):
            key = f"{page['file'][:3]}.{'ab'[article.index]}"
            # The gold publication date is the document date, as TempEval gives it.
            reference = date.fromisoformat(
                next(a for a in page["articles"] if a["key"] == key)["published"]["earliest"]
            )
            out[key] = article_facts(article, english()(article.body), reference)
    return out


def test_seed_claims_have_their_speakers_and_stances(seed_facts: dict[str, list[dict]], shared: Path) -> None:
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    expected_speaker_words = {
        "Ministry of Defense of Russia": ("russia",),
        "Russian defence ministry (via Reuters)": ("russian", "defence", "ministry"),
        "a source in the Turkish Armed Forces": ("source", "turkish", "armed"),
        "Hulusi Akar": ("akar",),
        "Hulusi Akar (quoted by Anadolu)": ("akar",),
        "a Turkish source (to Sputnik)": ("turkish", "source"),
        "Gen. Hassan Kabroun": ("kabroun",),
    }
    for g in gold["facts"]["claims"]:
        claims = [f for f in seed_facts[g["article"]] if f["kind"] == "claim"]
        words = expected_speaker_words[g["speaker"]]
        match = [c for c in claims if all(w in c["speaker"].lower() for w in words) and c["stance"] == g["stance"]]
        assert match, g
    chains = [c["chain"] for c in seed_facts["001.a"] if c["kind"] == "claim"]
    assert any("Anadolu" in " ".join(chain) and chain[0] == "Akar" for chain in chains)
    chains = [c["chain"] for c in seed_facts["002.a"] if c["kind"] == "claim"]
    assert any(chain[:2] == ["the Russian defence ministry", "Reuters"] for chain in chains)


def test_seed_events(seed_facts: dict[str, list[dict]]) -> None:
    for key in ("000.a", "001.a", "002.a"):
        events = [f for f in seed_facts[key] if f["kind"] == "event"]
        strikes = [
            e
            for e in events
            if e["sub_type"] == "Air/drone strike"
            and e["place"]
            and e["place"]["name"] == "Idlib"
            and e["time"]
            and e["time"]["value"] == "2019-03-13"
        ]
        assert strikes, key
        assert any(e["sub_type"] == "Headquarters or base established" and e["status"] == "planned" for e in events)
    column = [e for e in seed_facts["004.a"] if e["kind"] == "event" and e["sub_type"] == "Troop movement or convoy"]
    assert any(e["place"] and e["place"]["name"] == "Kafr Lusin" for e in column)
