"""Events a monitor records, typed after ACLED's taxonomy plus what a ceasefire desk needs.

Each sentence is matched against trigger patterns (:data:`sitroom.extract.event_lexicon.EVENT_RULES`,
most specific first; a rule may name words that rule it out); a sentence gives one event
per kind of happening it reports (violence, talks, movement of forces, ...). What the next sentences of
the paragraph add refines an event (:data:`sitroom.extract.event_lexicon.EVENT_REFINEMENTS`: a
protest the police then dispersed is a protest with intervention). A bare toll ("14 people
were killed") is an event only when the article reports no violence beside it. An event takes its
actors from the sentence (normalised: "Russian jets" is the Russian military, "the
regime" the Syrian government forces), its place and time from the facts read in the same
sentence (else the paragraph's), the figures in the sentence, and a status read from its
words: planned, agreed, began, denied or reported. Sentences that only quote or attribute
without a happening produce no event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitroom.extract import event_lexicon as L

_RULES = tuple(
    (kind, sub, re.compile(pattern, re.I), re.compile(unless, re.I) if unless else None)
    for kind, sub, pattern, unless in L.EVENT_RULES
)
_TOLL = re.compile(L.TOLL, re.I)
_AFTER_ATTACK = next(i for i, rule in enumerate(_RULES) if rule[1] == "Attack") + 1
_RULES_WITH_TOLL = (
    *_RULES[:_AFTER_ATTACK],
    ("Violence against civilians", "Attack", _TOLL, None),
    *_RULES[_AFTER_ATTACK:],
)
_PROTEST = re.compile(r"\b" + L.PROTEST_CONTEXT + r"\b", re.I)
_TOPIC = re.compile(L.PROTEST_TOPIC, re.I)
_REFINE = tuple((before, re.compile(pattern, re.I), kind, sub) for before, pattern, kind, sub in L.EVENT_REFINEMENTS)
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
    trigger_start: int = -1  # the trigger's offsets in the body
    trigger_end: int = -1


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


# Kinds of happening, as a monitor counts reports: violence of any form is one kind (a
# strike and the shelling beside it are one report), talks and agreements another,
# movements of forces another.
_TALKS = frozenset({"Agreement", "Ceasefire declared", "Talks or meeting", "Phone call", "Diplomatic measure"})
_MOVES = frozenset({"Joint patrol", "Troop movement or convoy", "Headquarters or base established"})


def happening(kind: str, sub: str) -> str:
    """The kind of happening an event type reports (violence, talks, movement, or its own)."""
    if kind in L.VIOLENT_TYPES or sub == "Looting/property destruction":
        return "violence"
    if sub in _TALKS:
        return "talks"
    if sub in _MOVES:
        return "movement"
    if kind == "Protests":
        return "protest"
    return sub


def article_place(facts: list[dict]) -> dict | None:
    """Where the article's events happen unless a sentence says otherwise: the specific
    place it names most often as a location (first named on a tie), else its dateline's.
    Places that name an actor ("Moscow said") or sit inside a name ("Meridian News") do
    not locate events (see :mod:`sitroom.extract.anchors`)."""
    located = [f for f in facts if f["kind"] == "place" and f.get("role", "location") == "location"]
    specific = [f for f in located if f.get("precision") != "country"]
    if not specific:
        specific = [f for f in facts if f["kind"] == "place" and f.get("role") == "dateline"]
    counts: dict[str, int] = {}
    for fact in specific:
        counts[fact["name"]] = counts.get(fact["name"], 0) + 1
    return max(specific, key=lambda f: (counts[f["name"]], -f["span"][0]), default=None)


def _sentences(body: str) -> list[tuple[int, int]]:
    from sitroom.nlp.sentences import article_sentences

    return [(s.start, s.end) for s in article_sentences(body)]


def extract_events(body: str, facts: list[dict], sentences: list[tuple[int, int]] | None = None) -> list[Event]:
    """Events of an article body, given its place, time and figure facts (with spans)."""
    spans = sentences if sentences is not None else _sentences(body)
    events: list[Event] = []
    # Without a place of its own, an event happened at the article's main place: the
    # specific place it names most often (first named on a tie).
    # Places that name an actor ("Moscow said") or sit inside a name ("Meridian News") do
    # not locate events (see sitroom.extract.anchors).
    main_place = article_place(facts)
    tolls: list[Event] = []  # events read from a bare toll only
    for start, end in spans:
        sentence = body[start:end]
        typed = _without_topic(sentence)
        taken: list[tuple[int, int]] = []  # triggers already read in this sentence
        kinds: set[str] = set()  # and the kinds of happening they are
        for kind, sub, pattern, unless in _RULES_WITH_TOLL:
            text = sentence if sub in L.READ_WITH_TOPIC else typed
            m = pattern.search(text)
            if not m or (unless is not None and unless.search(text)):
                continue
            # A sentence can report several happenings ("the military began to patrol the
            # zone to reinforce the agreement"): one event per kind of happening, each on
            # its own words. Two rules of one kind (an air strike and its shelling) are one
            # report, and a bare toll is never a second event.
            if taken and (
                happening(kind, sub) in kinds
                or pattern is _TOLL
                or any(m.start() < e and s < m.end() for s, e in taken)
            ):
                continue
            inside = [f for f in facts if start <= f["span"][0] < end]
            lo, hi = _clause(sentence, m.start(), m.end())
            own = [f for f in inside if start + lo <= f["span"][0] < start + hi]
            places = [f for f in own if f["kind"] == "place" and f.get("role", "location") == "location"]
            times = [f for f in own if f["kind"] == "time" and f.get("value")]
            place = _place_of(places, main_place)
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
                    trigger_start=start + m.start(),
                    trigger_end=start + m.end(),
                )
            )
            if pattern is _TOLL:
                tolls.append(events[-1])
            taken.append((m.start(), m.end()))
            kinds.add(happening(kind, sub))
    if any(e.type in L.VIOLENT_TYPES for e in events if not any(e is t for t in tolls)):
        # A toll in an article that reports the violence itself is that violence's toll.
        events = [e for e in events if not any(e is t for t in tolls)]
    _refine(body, events, spans)
    return events


# Where a relative clause or an aside begins: what follows describes another thing
# ("the rebel enclave, which is protected by an agreement ... last year").
_CLAUSE_BREAK = re.compile(r",\s+(?:which|where|who|whose|whom)\b|\s\(|\s[—–]\s")


def _clause(sentence: str, trigger_start: int, trigger_end: int) -> tuple[int, int]:
    """The part of ``sentence`` the trigger's own clause spans: from the start of the
    sentence (or of the relative clause the trigger is in) to the next relative clause or
    aside. Places and times beyond it belong to what that clause describes, not to the event."""
    lo, hi = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.start() >= trigger_end:
            hi = m.start()
            break
        if m.end() <= trigger_start:
            lo = m.start()
    return lo, hi


def _place_of(places: list[dict], main_place: dict | None) -> dict | None:
    """The event's place: the first specific place of its clause; when the clause names
    only countries, the article's main place if it lies in one of them (a sentence that
    says "Syria" of a strike the article places in Idlib), else the first country."""
    specific = [p for p in places if p.get("precision") != "country"]
    if specific:
        return specific[0]
    if not places:
        return main_place
    if main_place and main_place.get("country") in {p.get("country") for p in places}:
        return main_place
    return places[0]


def _without_topic(sentence: str) -> str:
    """A protest sentence with what the protest is about blanked out (offsets kept)."""
    first = _PROTEST.search(sentence)
    if not first:
        return sentence
    return _TOPIC.sub(lambda m: " " * len(m.group(0)) if m.start() >= first.start() else m.group(0), sentence)


def _refine(body: str, events: list[Event], spans: list[tuple[int, int]]) -> None:
    """What the next sentences of the paragraph say happened to an event changes its type:
    a protest the police then dispersed is a protest with intervention."""
    for event in events:
        following = [(s, e) for s, e in spans if s >= event.end and "\n\n" not in body[event.end : s]][: L.REFINE_REACH]
        for start, end in following:
            sentence = body[start:end]
            refined = next(
                (
                    (kind, sub)
                    for before, pattern, kind, sub in _REFINE
                    if before == event.sub_type and pattern.search(sentence)
                ),
                None,
            )
            if refined:
                event.type, event.sub_type = refined
                break
