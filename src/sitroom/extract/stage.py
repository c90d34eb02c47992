"""The facts stage: places, times and figures for every stored article not yet analysed.

Facts are read from English text for now; an article in another language is kept and
labelled, and the stage records why it was not analysed. Times are resolved against the
article's publication date, or the date its family gives it. Each fact carries its
evidence: the span of the article body it was read from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitroom.extract.anchors import own_place, own_time, place_role
from sitroom.extract.claims import extract_claims
from sitroom.extract.events import Event, article_place, extract_events
from sitroom.extract.figures import extract_figures
from sitroom.extract.gazetteer import gazetteer
from sitroom.extract.mood import mood_of
from sitroom.extract.multilingual import LIGHT_LANGUAGES, light_facts
from sitroom.extract.places import extract_places
from sitroom.extract.times import extract_times
from sitroom.model import Article
from sitroom.store import Store

# Bumped when extraction changes, so stored facts are extracted again.
FACTS_VERSION = 8
LANGUAGES = ("en",)
BATCH = 16


@dataclass(slots=True)
class FactSummary:
    analysed: int
    skipped: int
    facts: int
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id, error)


def _reference_date(article: Article, inherited: dict[str, tuple[str, str]]) -> date | None:
    value = article.published.value if article.published and article.published.precision == "day" else None
    value = value or inherited.get(article.id, (None, None))[0]
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


# Where a dateline ends: "AMMAN (Reuters) - ", "AL-NAYRAB, Syria: ", "EDLEB, Syria — ".
_DATELINE_END = re.compile(r"\s*(?:\([^)]{1,40}\))?\s*(?:[-–—:]|\s[-–—]\s)")


def _dateline_end(body: str, dateline: str | None) -> int:
    """The offset where the body's leading dateline ends (0 when it has none)."""
    if not dateline or body[: len(dateline)].upper() != dateline.upper():
        return 0
    window = body[: len(dateline) + 60]
    m = _DATELINE_END.search(window, len(dateline))
    return m.end() if m and "." not in window[len(dateline) : m.start()] else len(dateline)


# Nouns that continue a place's name as a place ("Idlib Province", "Kafr Lusin Crossing").
PLACE_NOUNS = frozenset(
    "province governorate city town village region district countryside county state airbase base airport "
    "crossing border highway road valley plain plains mountains mountain river port camp oblast rayon".split()
)
# A town smaller than this, in a country the article names nowhere else, is taken for a
# homonym ("Ardan" in an article about elsewhere is not the Russian town of that name).
STRAY_POPULATION = 20_000


def _role(doc: object, body: str, start: int, end: int, precision: str | None, dateline_end: int) -> str:
    """The place's role: in the dateline (or, in its parentheses, the agency's name), part of
    a longer proper name ("Tell" of "Tell Amrit", "Meridian" of "Meridian News"), or what the
    parse says (see :func:`sitroom.extract.anchors.place_role`)."""
    if start < dateline_end:
        opened, closed = body.rfind("(", 0, start), body.rfind(")", 0, start)
        return "name" if opened > closed else "dateline"
    following = doc.char_span(end, len(body), alignment_mode="expand")  # type: ignore[attr-defined]
    nxt = following[0] if following is not None and len(following) else None
    if (
        nxt is not None
        and nxt.idx == end + 1
        and nxt.pos_ == "PROPN"
        and nxt.is_title
        and nxt.lower_ not in PLACE_NOUNS
        and nxt.ent_type_ not in ("DATE", "TIME")
    ):
        return "name"
    return place_role(doc, start, end, precision)


def _mark_strays(places: list[dict]) -> None:
    """A small town in a country the article touches nowhere else is most likely a homonym:
    it keeps its fact but locates nothing."""
    touched = Counter(
        f["country"]
        for f in places
        if f["kind"] == "place" and (f["precision"] != "town" or f.get("population", 0) >= STRAY_POPULATION)
    )
    by_country = Counter(f["country"] for f in places if f["kind"] == "place")
    for fact in places:
        if (
            fact["kind"] == "place"
            and fact["role"] in ("location", "dateline")
            and fact["precision"] == "town"
            and fact.get("population", 0) < STRAY_POPULATION
            and not touched[fact["country"]]
            and by_country[fact["country"]] == sum(1 for f in places if f.get("name") == fact["name"])
        ):
            fact["role"] = "stray"


def _event_place(doc: object, event: Event, facts: list[dict], main_place: dict | None) -> dict | None:
    """The place of an event: the location the parse attaches to it in its sentence (the
    article's main place instead of a country it lies in), else the article's main place."""
    here = [
        f
        for f in facts
        if f["kind"] == "place" and f.get("role", "location") == "location" and event.start <= f["span"][0] < event.end
    ]
    # The most specific place wins, as a monitor codes it: a town or province the parse ties
    # to the event before a country ("strikes by Russia killed ten in Idlib").
    trigger = (event.trigger_start, event.trigger_end)
    specific = [tuple(f["span"]) for f in here if f.get("precision") != "country"]
    span = own_place(doc, trigger, specific) or own_place(doc, trigger, [tuple(f["span"]) for f in here])  # type: ignore[arg-type]
    own = next((f for f in here if tuple(f["span"]) == span), None)
    if own is None:
        return main_place
    if own.get("precision") == "country" and main_place and main_place.get("country") == own.get("country"):
        return main_place
    return own


def article_facts(article: Article, doc: object, reference: date | None) -> list[dict]:
    """All facts of one article as export records (``doc`` is its spaCy parse)."""
    facts: list[dict] = []
    dateline_end = _dateline_end(article.body, article.dateline)
    for m in extract_places(doc, gazetteer(), article.dateline):
        p = m.place
        facts.append(
            {
                "kind": "place",
                "article_id": article.id,
                "span": [m.start, m.end],
                "text": m.text,
                "name": p.name,
                "country": p.country,
                "lat": round(p.lat, 5),
                "lon": round(p.lon, 5),
                "geonames_id": p.geonames_id,
                "admin1": p.admin1,
                "precision": m.precision,
                "place_kind": p.kind,
                "population": p.population,
                "role": _role(doc, article.body, m.start, m.end, m.precision, dateline_end),
            }
        )
    _mark_strays(facts)
    for t in extract_times(article.body, reference):
        facts.append(
            {
                "kind": "time",
                "article_id": article.id,
                "span": [t.start, t.end],
                "text": t.text,
                "value": t.value,
                "precision": t.precision,
                "reference": reference.isoformat() if reference else None,
            }
        )
    for f in extract_figures(article.body):
        facts.append(
            {
                "kind": "figure",
                "article_id": article.id,
                "span": [f.start, f.end],
                "text": f.text,
                "figure": f.figure,
                "value": f.value,
                "qualifier": f.qualifier,
                "victims": f.victims,
                "includes": f.includes,
                "source": f.source,
                "vague": f.vague,
            }
        )
    for c in extract_claims(doc, article.outlet):
        facts.append(
            {
                "kind": "claim",
                "article_id": article.id,
                "span": [c.start, c.end],
                "text": c.text,
                "speaker": c.speaker,
                "speaker_span": list(c.speaker_span) if c.speaker_span else None,
                "cue": c.cue,
                "cue_span": list(c.cue_span),
                "content": c.content,
                "content_span": list(c.content_span),
                "stance": c.stance,
                "direct": c.direct,
                "chain": c.chain,
                "denies": c.denies,
            }
        )
    sentences = [(s.start_char, s.end_char) for s in doc.sents]  # type: ignore[attr-defined]
    main_place = article_place(facts)
    for e in extract_events(article.body, facts, sentences):
        place = _event_place(doc, e, facts, main_place)
        mood = mood_of(doc, e.trigger_start, e.trigger_end)
        in_sentence = [tuple(f["span"]) for f in facts if f["kind"] == "time" and e.start <= f["span"][0] < e.end]
        time_span = own_time(doc, (e.trigger_start, e.trigger_end), in_sentence)  # type: ignore[arg-type]
        facts.append(
            {
                "kind": "event",
                "article_id": article.id,
                "span": [e.start, e.end],
                "text": e.text,
                "type": e.type,
                "sub_type": e.sub_type,
                "trigger": e.trigger,
                "actors": e.actors,
                "place": {k: place[k] for k in ("name", "country", "lat", "lon", "precision", "span")}
                if place
                else None,
                "time": {k: e.time[k] for k in ("value", "precision", "span")} if e.time else None,
                "figures": [
                    {k: f[k] for k in ("figure", "value", "qualifier", "victims", "source", "span")} for f in e.figures
                ],
                "status": e.status,
                "trigger_span": [e.trigger_start, e.trigger_end],
                "time_span": list(time_span) if time_span else None,
                "mood": mood.mood,
                "tense": mood.tense,
                "governor": mood.governor,
                "reference": mood.reference,
            }
        )
    facts.sort(key=lambda f: (f["span"][0], f["kind"]))
    return facts


def _parsed(nlp: Any, articles: list[Article]) -> Iterator[tuple[Article, Any]]:
    """Each article with its parse, in batches; when a batch fails, its articles are parsed
    one by one, and an article whose parse fails comes with the exception instead."""
    for at in range(0, len(articles), BATCH):
        chunk = articles[at : at + BATCH]
        try:
            docs = list(nlp.pipe((a.body for a in chunk), batch_size=BATCH))
        except Exception:  # one text in the batch broke the parser: find which
            for article in chunk:
                try:
                    yield article, nlp(article.body)
                except Exception as exc:
                    yield article, exc
            continue
        yield from zip(chunk, docs, strict=True)


def update_facts(store: Store) -> FactSummary:
    """Extract facts for the stored articles that have none from this version."""
    from sitroom.nlp.language import english

    todo = set(store.articles_without_facts(FACTS_VERSION))
    if not todo:
        return FactSummary(0, 0, 0)
    articles = [a for a in store.articles() if a.id in todo]
    inherited = store.inherited_dates()
    analysed = skipped = count = 0
    failed: list[tuple[str, str]] = []
    english_articles = []
    for article in articles:
        if article.language in LANGUAGES:
            english_articles.append(article)
        elif article.language in LIGHT_LANGUAGES:
            # No parser for the language: places, dates, tolls and the lead's events only.
            found = _read(store, article, lambda a: light_facts(a, _reference_date(a, inherited)), failed)
            if found is not None:
                analysed, count = analysed + 1, count + found
        else:
            store.save_facts(
                article.id,
                FACTS_VERSION,
                [],
                f"language {article.language or 'unknown'}: no facts are read in this language yet",
            )
            skipped += 1
    nlp = english()
    parsable = []
    for article in english_articles:
        if len(article.body) > nlp.max_length:
            # spaCy refuses such a text, and its error would end the whole batch's parse.
            _failed(
                store,
                article,
                f"too long for the parser: {len(article.body):,} characters (the limit is {nlp.max_length:,})",
                failed,
            )
        else:
            parsable.append(article)
    for article, doc in _parsed(nlp, parsable):
        if isinstance(doc, Exception):
            _failed(store, article, f"{type(doc).__name__}: {doc}", failed)
            continue
        found = _read(store, article, lambda a, d=doc: article_facts(a, d, _reference_date(a, inherited)), failed)
        if found is not None:
            analysed, count = analysed + 1, count + found
    return FactSummary(analysed, skipped, count, failed)


def _failed(store: Store, article: Article, error: str, failed: list[tuple[str, str]]) -> None:
    """Record why an article has no facts (it stays stored; the batch goes on)."""
    store.save_facts(article.id, FACTS_VERSION, [], f"facts extraction failed ({error})")
    failed.append((article.id, error))


def _read(
    store: Store, article: Article, extract: Callable[[Article], list[dict]], failed: list[tuple[str, str]]
) -> int | None:
    """Extract and store an article's facts; the number stored, or None when extraction failed."""
    try:
        facts = extract(article)
    except Exception as exc:  # one article's failure must not stop the batch
        _failed(store, article, f"{type(exc).__name__}: {exc}", failed)
        return None
    store.save_facts(article.id, FACTS_VERSION, facts, None)
    return len(facts)
