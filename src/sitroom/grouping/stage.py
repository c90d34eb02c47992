"""The grouping stage: families, events and stories for everything in the store.

Incremental: features, MinHash signatures, confirmed copy pairs and similarity links are
stored; a run computes them only for articles that have none yet (comparing those with
every stored article), then rebuilds families, events and stories from the stored pairs
and links, which is cheap and gives the same result whatever order pages came in.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, TypeVar

import numpy as np

from sitroom.grouping import group as grouping
from sitroom.grouping.features import Doc, doc_of
from sitroom.model import Article
from sitroom.nlp.multilingual import embed_multilingual
from sitroom.provenance.credit import find_credits
from sitroom.provenance.families import Copy, CopyIndex, components, describe, serial_issues, signature
from sitroom.provenance.rewrites import credited_pairs, rewrite_pairs, words
from sitroom.provenance.translations import translation_pairs
from sitroom.settings import ENCODERS
from sitroom.store import Store

# Bumped when features change, so stored ones are computed again. A row at
# SIGNATURE_VERSION holds only the MinHash signature (families run before facts and
# grouping). Both share one column, so FEATURES_VERSION must stay above
# SIGNATURE_VERSION: bump both when signatures change, or when the rules confirming
# copies change (copy pairs are found only for articles at an older version), and keep
# the new SIGNATURE_VERSION above the old FEATURES_VERSION.
SIGNATURE_VERSION = 6
FEATURES_VERSION = 11
EMBED_LANGUAGES = ("en",)
_V = TypeVar("_V")


@dataclass(slots=True)
class GroupSummary:
    new_articles: int
    families: int
    events: int
    stories: int


def _doc_json(doc: Doc, encoder: str) -> dict[str, Any]:
    data = asdict(doc)
    data.pop("embedding")
    data["encoder"] = encoder
    for key in ("published", "event_date", "when"):
        data[key] = data[key].isoformat() if data[key] else None
    data["anchors"], data["words"], data["concepts"] = dict(doc.anchors), dict(doc.words), dict(doc.concepts)
    return data


def _doc_from(data: dict[str, Any], embedding: np.ndarray | None) -> Doc:
    data = dict(data)
    data.pop("encoder", None)
    for key in ("published", "event_date", "when"):
        data[key] = date.fromisoformat(data[key]) if data[key] else None
    # Interned, as doc_of does: the same few thousand names and words recur in every doc.
    data["anchors"] = Counter({sys.intern(k): v for k, v in data["anchors"].items()})
    data["words"] = Counter({sys.intern(k): v for k, v in data["words"].items()})
    data["concepts"] = Counter({sys.intern(k): v for k, v in data.get("concepts", {}).items()})
    return Doc(**data, embedding=embedding)


def _event_anchors(facts: list[dict]) -> Counter[str]:
    """What an article reports as happenings: "Air/drone strike@Idlib", "Joint patrol".

    Articles that report the same happenings at the same places belong together even
    when their wording differs; read from the events the facts stage extracted.
    """
    out: Counter[str] = Counter()
    for fact in facts:
        # Events read without a parse are compared through concepts already (grouping.concepts).
        if fact["kind"] != "event" or fact.get("language"):
            continue
        out[f"ev:{fact['sub_type']}"] += 1
        if fact.get("place"):
            out[f"ev:{fact['sub_type']}@{fact['place']['name']}"] += 1
    return out


# Events in the first sentences that report them: what the article is about.
LEAD_EVENT_SENTENCES = 2
_LEAD_MOODS = ("occurred", "planned")
_TOWN = ("point", "town")


def lead_events(facts: list[dict]) -> list[list]:
    """[kind of happening, lat, lon] of the events of the article's first event sentences
    that report something happening or announced (lat, lon only for a town or a point)."""
    from sitroom.extract.events import happening

    # Events read without a parse (see extract.multilingual) have no mood: they do not veto.
    events = sorted((f for f in facts if f["kind"] == "event" and not f.get("language")), key=lambda f: f["span"][0])
    sentences = sorted({f["span"][0] for f in events})[:LEAD_EVENT_SENTENCES]
    out = []
    for f in events:
        if f["span"][0] not in sentences or f.get("mood", "occurred") not in _LEAD_MOODS:
            continue
        place = f.get("place") or {}
        town = place.get("precision") in _TOWN
        out.append(
            [
                happening(f["type"], f["sub_type"]),
                place.get("lat") if town else None,
                place.get("lon") if town else None,
            ]
        )
    return out


def update_families(store: Store) -> int:
    """Copy families of all stored articles; new articles are matched against the rest."""
    articles = {a.id: a for a in store.articles()}
    new_ids = store.articles_without_features(SIGNATURE_VERSION)
    if new_ids:
        rows = []
        for aid in new_ids:
            hashvalues, size = signature(articles[aid].body)
            rows.append((aid, SIGNATURE_VERSION, hashvalues, size, {}, None))
        store.save_features(rows)
    # Signatures come from the store; only the sentences are read again (signing every
    # stored article on every run would double the cost of this stage).
    copies: dict[str, Copy] = {}
    for aid, minhash, size, _, _ in store.features():
        if aid in articles:
            copies[aid] = Copy.signed(articles[aid], minhash, size)
    new = set(new_ids)
    index = CopyIndex()
    pairs: list[tuple[str, str]] = []
    for aid in sorted(copies, key=lambda a: (a in new, a)):
        matches = index.add(copies[aid])
        if aid in new:
            pairs.extend((aid, m) for m in matches)
    store.forget_copy_pairs(new_ids)
    store.add_copy_pairs(pairs)
    family_groups = [g for g in components(copies, store.copy_pairs()) if len(g) > 1]
    families = [describe(g, copies, articles) for g in family_groups]
    store.replace_families([_family_json(f) for f in families])
    return len(families)


def encoder_for(name: str) -> Callable[[list[str]], np.ndarray]:
    """The ``embed`` function of the sentence encoder called ``name`` (loaded once)."""
    if name == "minilm":
        from sitroom.nlp.embed import embedder

        return embedder().embed
    if name == "static":
        from sitroom.nlp.static_embed import static_embedder

        return static_embedder().embed
    raise ValueError(f"unknown sentence encoder {name!r} (known: {', '.join(ENCODERS)})")


def update_groups(store: Store, encoder: str = "minilm") -> GroupSummary:
    """Events and stories of the stored articles (run after families and facts).

    Articles embedded by another ``encoder`` than this run's are embedded again: vectors
    of two encoders do not compare.
    """
    embed = encoder_for(encoder)
    articles = {a.id: a for a in store.articles()}
    stored: dict[str, tuple[np.ndarray, int]] = {}
    stale = set()
    for aid, minhash, size, doc, _ in store.features():
        stored[aid] = (minhash, size)
        if doc and doc.get("encoder", "minilm") != encoder and aid in articles:
            stale.add(aid)
    new_ids = sorted(set(store.articles_without_features(FEATURES_VERSION)) | stale)
    if new_ids:
        inherited = store.inherited_dates()
        docs_new = {}
        for aid in new_ids:
            doc = doc_of(articles[aid], inherited.get(aid, (None,))[0])
            facts = store.facts(aid)
            doc.anchors.update(_event_anchors(facts))
            doc.lead_events = lead_events(facts)
            docs_new[aid] = doc
        english = [aid for aid in new_ids if docs_new[aid].language in EMBED_LANGUAGES]
        vectors = embed([f"{docs_new[a].title}\n{docs_new[a].lead}" for a in english]) if english else []
        embedding = dict(zip(english, vectors, strict=True))
        rows = []
        for aid in new_ids:
            # An article the families stage has not signed yet is signed here, with its real
            # shingle count: a count of 0 would keep it out of the copy index for good.
            minhash, size = stored.get(aid) or signature(articles[aid].body)
            rows.append((aid, FEATURES_VERSION, minhash, size, _doc_json(docs_new[aid], encoder), embedding.get(aid)))
        store.save_features(rows)
    docs = {aid: _doc_from(doc, emb) for aid, _, _, doc, emb in store.features() if aid in articles and doc}
    new = set(new_ids)
    ordered = sorted(docs.values(), key=lambda d: d.article_id)
    rows_new = {i for i, d in enumerate(ordered) if d.article_id in new}
    links = [
        (score, ordered[i].article_id, ordered[j].article_id)
        for score, i, j in grouping.similarities(ordered, grouping.min_link_score(), rows=rows_new)
    ]
    store.forget_links(new_ids)
    store.add_links(links)
    family_groups = [[m["article_id"] for m in f["members"]] for f in store.families()]
    result = grouping.group_from_links(ordered, store.links(), family_groups)
    events, stories = _describe_groups(result, docs, articles, store.place_names())
    store.replace_groups(events, stories)
    families = update_rewrites(store, articles, result.events, docs)
    return GroupSummary(len(new_ids), families, len(events), len(stories))


def update_rewrites(store: Store, articles: dict[str, Article], events: list[list[str]], docs: dict[str, Doc]) -> int:
    """Join into one family the rewrites of one text found within an event.

    Runs after grouping, since only articles of one event are compared (see
    :mod:`sitroom.provenance.rewrites`): by a shared run of words, or by the agency they
    credit on the same day. The pairs found are stored with the copy pairs,
    so the next run's families and groups start from them. Families untouched keep their
    stored description; the number of families is returned.
    """
    families = store.families()
    family_of = {m["article_id"]: f["id"] for f in families for m in f["members"]}
    pairs = within_event_pairs(articles, events, family_of, docs)
    pairs += translation_pairs(events, articles, family_of, embed_multilingual)
    # Two issues of one periodical share whole sentences and are still two texts.
    pairs = [(a, b) for a, b in pairs if not serial_issues(articles[a].title or "", articles[b].title or "")]
    known = set(store.copy_pairs())
    pairs = [p for p in (tuple(sorted(p)) for p in pairs) if p not in known]
    if not pairs:
        return len(families)
    store.add_copy_pairs(pairs)
    stored = {tuple(sorted(m["article_id"] for m in f["members"])): f for f in families}
    out = []
    for group in components(articles, store.copy_pairs()):
        if len(group) < 2:
            continue
        if tuple(group) in stored:
            out.append(stored[tuple(group)])
            continue
        # Describing a family needs the members' sentences and dates, not signatures.
        copies = {aid: Copy.signed(articles[aid], np.zeros(0, np.uint32), 0) for aid in group}
        out.append(_family_json(describe(group, copies, articles)))
    store.replace_families(sorted(out, key=lambda f: f["id"]))
    return len(out)


class _OnDemand(Mapping[str, _V]):
    """A mapping over ``keys`` whose values are computed, once, when first read."""

    def __init__(self, keys: set[str], compute: Callable[[str], _V]) -> None:
        self._keys = keys
        self._compute = compute
        self._values: dict[str, _V] = {}

    def __getitem__(self, key: str) -> _V:
        if key not in self._keys:
            raise KeyError(key)
        if key not in self._values:
            self._values[key] = self._compute(key)
        return self._values[key]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def within_event_pairs(
    articles: dict[str, Article], events: list[list[str]], family_of: dict[str, str], docs: dict[str, Doc]
) -> list[tuple[str, str]]:
    """Pairs of articles of one event that are rewrites of one text: by a shared run of
    words first, then by the agency credited on the same day.

    ``family_of`` maps articles to their copy family. Only events holding more than one
    family (or lone article) are read.
    """
    needed = set()
    for members in events:
        if len({family_of.get(a, a) for a in members}) > 1:
            needed.update(a for a in members if a in articles)
    # Read on first use: only each event's first few families are compared, and only
    # events with a lone article that credits an agency need credits.
    text_of = _OnDemand(needed, lambda a: words(articles[a].body))
    pairs = rewrite_pairs(events, family_of, text_of)
    # Articles just found to be rewrites are no longer lone when credits are compared.
    paired = {a for pair in pairs for a in pair}
    kept = [a for a in needed if a in family_of]
    joined = {
        a: group[0]
        for group in components(
            {*paired, *kept, *(family_of[a] for a in kept)}, [*pairs, *((a, family_of[a]) for a in kept)]
        )
        for a in group
        if a in paired or a in family_of
    }
    agencies_of = _OnDemand(needed, lambda a: {c.split(":", 1)[0] for c in find_credits(articles[a])})
    day_of = {a: docs[a].when if a in docs and docs[a].uncertainty == 0 else None for a in needed}
    return pairs + credited_pairs(events, joined, agencies_of, day_of)


def _family_json(family: Any) -> dict[str, Any]:
    return {"id": family.id, "reference": family.reference, "members": [asdict(m) for m in family.members]}


def _label(members: list[str], docs: dict[str, Doc], articles: dict[str, Article]) -> str:
    """The title of the member whose title shares most words with the others' titles."""
    titled = [m for m in members if articles[m].title]
    if not titled:
        return (articles[members[0]].body[:80] + "…") if articles[members[0]].body else members[0]
    words = Counter(w for m in titled for w in set(docs[m].words) if w in (articles[m].title or "").lower())
    best = max(
        titled,
        key=lambda m: (
            sum(words[w] for w in set(docs[m].words) if w in (articles[m].title or "").lower()),
            articles[m].language == "en",
            -len(articles[m].title or ""),
            m,
        ),
    )
    return articles[best].title or best


def _span(members: list[str], docs: dict[str, Doc]) -> tuple[str | None, str | None]:
    dated = sorted(docs[m].when for m in members if docs[m].when and docs[m].uncertainty <= 1)
    if not dated:
        return None, None
    return dated[0].isoformat(), dated[-1].isoformat()


def _places(members: list[str], articles: dict[str, Article], places: dict[str, Counter[str]]) -> list[str]:
    """The places most members name (geocoded places from the facts, and datelines),
    then the most mentioned; ties go alphabetically, so the list is stable."""
    articles_naming: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for m in members:
        named = Counter(places.get(m, {}))
        if articles[m].dateline:
            named[articles[m].dateline.title()] += 1
        articles_naming.update(set(named))
        mentions.update(named)
    ranked = sorted(articles_naming, key=lambda name: (-articles_naming[name], -mentions[name], name))
    return ranked[:5]


def _describe_groups(
    result: grouping.Grouping, docs: dict[str, Doc], articles: dict[str, Article], places: dict[str, Counter[str]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    events = []
    story_of_event: dict[int, str] = {}
    stories = []
    for s_index, members in enumerate(result.stories):
        sid = f"st-{members[0]}"
        first, last = _span(members, docs)
        stories.append(
            {
                "id": sid,
                "label": _label(members, docs, articles),
                "first_date": first,
                "last_date": last,
                "places": _places(members, articles, places),
                "outlets": sorted({articles[m].outlet for m in members if articles[m].outlet}),
            }
        )
        for e_index in result.story_events[s_index]:
            story_of_event[e_index] = sid
    for e_index, members in enumerate(result.events):
        first, last = _span(members, docs)
        events.append(
            {
                "id": f"ev-{members[0]}",
                "story_id": story_of_event[e_index],
                "label": _label(members, docs, articles),
                "first_date": first,
                "last_date": last,
                "places": _places(members, articles, places),
                "outlets": sorted({articles[m].outlet for m in members if articles[m].outlet}),
                "article_ids": members,
            }
        )
    return events, stories


__all__ = ["GroupSummary", "encoder_for", "json", "update_families", "update_groups"]
