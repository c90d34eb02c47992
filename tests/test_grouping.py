"""Families, events and stories on the bundled sample pages, as a desk would read them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sitroom.cli import run_ingest
from sitroom.settings import IngestOptions
from sitroom.store import Store


@pytest.fixture(scope="module")
def store(samples: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    db = tmp_path_factory.mktemp("grouping") / "s.db"
    store = Store(db)
    run_ingest(store, [str(samples)], IngestOptions(per_host_delay=0), quiet=True)
    return store


def _by_outlet(store: Store) -> dict[str, str]:
    return {a.id: f"{a.outlet}#{a.index}" for a in store.articles()}


def test_wire_copies_form_one_family_with_their_edits(store: Store) -> None:
    outlets = _by_outlet(store)
    families = store.families()
    assert len(families) == 1
    (family,) = families
    members = {outlets[m["article_id"]].split("#")[0]: m for m in family["members"]}
    assert set(members) == {
        "frontline-herald.example.org",
        "coastline-times.example.net",
        "eastern-courier.example.net",
        "northwire.example.com",
    }
    slanted = members["eastern-courier.example.net"]
    edits = [edit for change in slanted["changed"] for edit in change["edits"]]
    assert any("terrorist" in new for _, new in edits)
    lead_only = members["coastline-times.example.net"]
    assert len(lead_only["omitted"]) > 5 and not lead_only["added"]
    assert any("CPA" in credit for credit in members["northwire.example.com"]["credit"])


def test_undated_copy_inherits_the_family_date(store: Store) -> None:
    outlets = _by_outlet(store)
    (family,) = store.families()
    lead_only = next(m for m in family["members"] if outlets[m["article_id"]].startswith("coastline-times"))
    assert lead_only["inherited_date"] == "2025-06-11"
    assert lead_only["inherited_from"] in {m["article_id"] for m in family["members"]}


def test_spilled_over_stories_stand_apart(store: Store) -> None:
    titles = {a.id: a.title for a in store.articles()}
    for story in store.stories():
        labels = {titles[a] for a in story["article_ids"]}
        if any("Flash floods" in (t or "") for t in labels) or any("Harbortown" in (t or "") for t in labels):
            assert len(story["article_ids"]) == 1


def test_later_talks_are_not_in_the_strike_story(store: Store) -> None:
    titles = {a.id: a.title or "" for a in store.articles()}
    story_of = {a: s["id"] for s in store.stories() for a in s["article_ids"]}
    strike = next(a for a, t in titles.items() if t.startswith("Air strikes on Kafr Semra"))
    talks = next(a for a, t in titles.items() if t.startswith("Norland, Ostravia revive talks"))
    patrol = next(a for a, t in titles.items() if t.startswith("Norland and Ostravia hold first joint patrol"))
    assert story_of[strike] != story_of[talks]
    assert story_of[strike] == story_of[patrol]  # a week later, the same developing situation


def test_the_patrol_is_its_own_event(store: Store) -> None:
    titles = {a.id: a.title or "" for a in store.articles()}
    event_of = {a: e["id"] for e in store.events() for a in e["article_ids"]}
    strike = next(a for a, t in titles.items() if t.startswith("Air strikes on Kafr Semra"))
    # The invented story's two patrol reports (the real-places sample patrols the M4 a month later).
    patrols = [a for a, t in titles.items() if "joint patrol" in t.lower() and "M4" not in t]
    assert len(patrols) == 2
    assert event_of[patrols[0]] == event_of[patrols[1]] != event_of[strike]


def test_grouping_does_not_depend_on_input_order(samples: Path, tmp_path: Path) -> None:
    files = sorted(
        str(p) for p in samples.iterdir() if p.suffix in (".txt", ".html", ".jsonl") and p.name != "manifest.jsonl"
    )
    results = []
    for order, name in ((files, "a.db"), (files[::-1], "b.db")):
        with Store(tmp_path / name) as store:
            for path in order:  # one page at a time: every run adds to what is stored
                run_ingest(store, [path], IngestOptions(per_host_delay=0), quiet=True)
            results.append(sorted(sorted(s["article_ids"]) for s in store.stories()))
    assert results[0] == results[1]


def test_names_that_look_like_weekdays_do_not_break_dating() -> None:
    """ "Sali Berisha" is a person, not a Turkish Tuesday; a year's digits are not a day."""
    from datetime import date

    from sitroom.nlp.when import lead_event_date

    assert lead_event_date("Albanian opposition leader Sali Berisha spoke.", date(2019, 3, 16)) is None
    lead = "In 2015 the town fell. On Friday rebels shelled it, and on 5 March talks began."
    assert lead_event_date(lead, date(2019, 3, 16)) == date(2019, 3, 15)


def test_switching_to_the_static_encoder_re_embeds_and_keeps_the_stories_apart(samples: Path, tmp_path: Path) -> None:
    from sitroom.grouping.stage import update_groups

    with Store(tmp_path / "switch.db") as store:
        run_ingest(store, [str(samples)], IngestOptions(per_host_delay=0), quiet=True)
        before = {aid: emb for aid, _, _, doc, emb in store.features() if emb is not None}
        summary = update_groups(store, "static")
        # Every article is featured again; no vector of the other encoder is left to compare.
        assert summary.new_articles == len(list(store.articles()))
        after = {aid: (doc["encoder"], emb) for aid, _, _, doc, emb in store.features() if emb is not None}
        assert set(after) == set(before)
        assert {enc for enc, _ in after.values()} == {"static"}
        assert all(not np.allclose(after[a][1], before[a]) for a in before)
        assert update_groups(store, "static").new_articles == 0
        titles = {a.id: a.title or "" for a in store.articles()}
        story_of = {a: s["id"] for s in store.stories() for a in s["article_ids"]}
        strike = next(a for a, t in titles.items() if t.startswith("Air strikes on Kafr Semra"))
        talks = next(a for a, t in titles.items() if t.startswith("Norland, Ostravia revive talks"))
        assert story_of[strike] != story_of[talks]


def test_grouping_before_the_families_stage_signs_articles_with_their_real_size(samples: Path, tmp_path: Path) -> None:
    from sitroom.grouping.stage import update_families, update_groups

    with Store(tmp_path / "order.db") as store:
        run_ingest(store, [str(samples)], IngestOptions(per_host_delay=0), quiet=True)
        sizes = {aid: size for aid, _, size, _, _ in store.features()}
        store.db.execute("DELETE FROM article_features")
        update_groups(store, "static")
        # Signed by grouping, the articles keep their shingle counts, so the families stage
        # (which reuses stored signatures) still finds every copy.
        assert {aid: size for aid, _, size, _, _ in store.features()} == sizes
        families_before = len(store.families())
        update_families(store)
        assert len(store.families()) == families_before


def test_events_list_the_places_their_articles_name(sample_db: Path) -> None:
    with Store(sample_db) as store:
        named = store.place_names()
        datelines = {a.id: a.dateline.title() for a in store.articles() if a.dateline}
        events = store.events()
        assert any(e["places"] for e in events)
        for event in events:
            sources = set(datelines.get(a, "") for a in event["article_ids"])
            for article_id in event["article_ids"]:
                sources |= set(named.get(article_id, ()))
            assert set(event["places"]) <= sources, event["label"]
            # The place most articles name comes first.
            if event["places"]:
                first = event["places"][0]
                counts = {
                    p: sum(p in named.get(a, ()) or datelines.get(a) == p for a in event["article_ids"])
                    for p in event["places"]
                }
                assert counts[first] == max(counts.values())
