"""Events a monitor records, typed after ACLED's taxonomy plus what a ceasefire desk needs.

Each sentence is matched against trigger patterns (:data:`sitroom.extract.lexicon.EVENT_RULES`,
most specific first). An event takes its actors from the sentence (normalised: "Russian
jets" is the Russian military, "the regime" the Syrian government forces), its place and
time from the facts read in the same sentence (else the paragraph's), the figures in the
sentence, and a status read from its words: planned, agreed, began, denied or reported.
Sentences that only quote or attribute without a happening produce no event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitroom.extract import lexicon as L

_RULES = tuple((kind, sub, re.compile(pattern, re.I)) for kind, sub, pattern in L.EVENT_RULES)
_STATUS = tuple((status, re.compile(pattern, re.I)) for status, pattern in L.STATUS_WORDS)
_ACTOR_KEYS = sorted(L.ACTORS, key=len, reverse=True)
_ACTOR_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in _ACTOR_KEYS) + r")\b", re.I)


@dataclass(slots=True)
class Event:
    start: int  # the sentence it was read from
    end: int
    text: str
    trigger: str
    type: str
    sub_type: str
    actors: list[str] = field(default_factory=list)
    place: dict | None = None  # the place fact (name, country, lat, lon, ...)
    time: dict | None = None  # the time fact (value, precision, ...)
    figures: list[dict] = field(default_factory=list)
    status: str = "reported"


# The words that set an event's status sit near its trigger: this many characters before
# it ("are working on a joint coordination center") and after it ("patrols will begin").
STATUS_BEFORE = 60
STATUS_AFTER = 20


def _status(sentence: str, trigger_start: int, trigger_end: int) -> str:
    window = sentence[max(0, trigger_start - STATUS_BEFORE) : trigger_end + STATUS_AFTER]
    for status, pattern in _STATUS:
        if pattern.search(window):
            return status
    return "reported"


def actors_in(text: str) -> list[str]:
    """Normalised actors named in ``text``, in order, once each."""
    out: list[str] = []
    for m in _ACTOR_RE.finditer(text):
        actor = L.ACTORS[m.group(0).lower()]
        if actor not in out:
            out.append(actor)
    return out


def _sentences(body: str) -> list[tuple[int, int]]:
    from sitroom.nlp.sentences import article_sentences

    return [(s.start, s.end) for s in article_sentences(body)]


def extract_events(body: str, facts: list[dict], sentences: list[tuple[int, int]] | None = None) -> list[Event]:
    """Events of an article body, given its place, time and figure facts (with spans)."""
    spans = sentences if sentences is not None else _sentences(body)
    events: list[Event] = []
    # Without a place of its own, an event happened at the article's main place: the
    # specific place it names most often (first named on a tie).
    specific_places = [f for f in facts if f["kind"] == "place" and f.get("precision") != "country"]
    counts: dict[str, int] = {}
    for fact in specific_places:
        counts[fact["name"]] = counts.get(fact["name"], 0) + 1
    main_place = max(specific_places, key=lambda f: (counts[f["name"]], -f["span"][0]), default=None)
    for start, end in spans:
        sentence = body[start:end]
        for kind, sub, pattern in _RULES:
            m = pattern.search(sentence)
            if not m:
                continue
            inside = [f for f in facts if start <= f["span"][0] < end]
            places = [f for f in inside if f["kind"] == "place"]
            specific = [p for p in places if p.get("precision") != "country"] or places
            times = [f for f in inside if f["kind"] == "time" and f.get("value")]
            place = specific[0] if specific else main_place
            events.append(
                Event(
                    start,
                    end,
                    sentence,
                    m.group(0),
                    kind,
                    sub,
                    actors=actors_in(sentence),
                    place=place,
                    time=times[0] if times else None,
                    figures=[f for f in inside if f["kind"] == "figure"],
                    status=_status(sentence, m.start(), m.end()),
                )
            )
            break
    return events
