"""What a page reports: event sentences coded as incidents, or set aside with a reason.

Coders of event data (ACLED's codebook, UCDP's) code an incident for what a report gives
as news or as a specific recent happening, with a status, and nothing else. An event
sentence is set aside when:

* its clause does not report the event as a happening (the parse says so, see
  :mod:`sitroom.extract.mood`): a call, a threat, a hypothesis, something prevented, a
  negation, a habit, or a count over a span of time ("the war has killed 40,000");
* it is a plan of violence ("militants planned an attack"): a threat for the ledger, not
  an incident; plans of talks, patrols, deployments and agreements are coded as planned;
* it is background: its clause is anchored to a time that ended more than
  :data:`RECENT_DAYS` before the article's reference date ("a deal last September"),
  or it is in the pluperfect with no anchor ("had agreed"), the tense of background;
* its own time is a span ("over two weeks"): a period total.

An incident's date is the day it happened: the time its clause states, resolved against
the article's reference date; else, for an occurrence, the reference date itself (a
report is of its day, as ACLED codes it); a plan without a stated time stays undated.
Within one article, reports of one kind of event at one place and day are one report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sitroom.extract.events import _clause
from sitroom.extract.multilingual import read_times
from sitroom.extract.times import extract_times
from sitroom.reconcile.reference import ReferenceDate

# A happening anchored to a time that ended longer ago than this before the report is
# background. ACLED's coders take events from the reporting period; two weeks is the span
# within which news still reports a happening as recent ("last week", "on December 18"
# in a paper of the 26th).
RECENT_DAYS = 14
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
KEPT_MOODS = frozenset({"occurred", "planned", "denied"})
_MOOD_REASONS = {
    "hypothetical": "a hypothesis or a possibility, not a happening",
    "call": "a call or an appeal",
    "threat": "a threat or a warning",
    "prevented": "something to be prevented or ended, not a happening",
    "negated": "negated: the sentence says it did not happen",
    "habitual": "a habit, not one happening",
    "period": "a count over a span of time, not one incident",
    "modifier": 'the word names a kind of thing ("withdrawal lines"), not a happening',
}
# The first this many sentences of a body are its lead: what the article is about.
LEAD_SENTENCES = 2


@dataclass(slots=True)
class Coded:
    """One event fact as coded: kept (``reason`` None) or set aside with a reason."""

    event: dict
    status: str
    date: dict | None  # {value, precision, basis}
    role: str  # main or secondary
    reason: str | None = None
    merged: list[dict] = field(default_factory=list)  # further event facts of the same report


def _interval(value: str) -> tuple[date, date] | None:
    """A calendar value as a range of days, or None when it is not a calendar value."""
    from sitroom.reconcile.incidents import _interval as iso_interval

    value = value.split("T", 1)[0] if "T" in value and value[:1].isdigit() else value
    if "/" in value:
        value = "/".join(part.split("T", 1)[0] for part in value.split("/"))
    start, end = iso_interval(value)
    if start.startswith("0000"):
        return None
    try:
        return date.fromisoformat(start), date.fromisoformat(_last_valid(end))
    except ValueError:
        return None


def _last_valid(day: str) -> str:
    """ "2019-02-31" (a month's end written as 31) as the month's real last day."""
    year, month, dd = int(day[:4]), int(day[5:7]), int(day[8:10])
    while dd > 28:
        try:
            return date(year, month, dd).isoformat()
        except ValueError:
            dd -= 1
    return date(year, month, dd).isoformat()


def _anchor(event: dict, body: str, times: list[dict]) -> dict | None:
    """The time expression that dates the event, resolved: the one the parse attached to
    it (``time_span``), else the first of its clause."""
    if "time_span" in event:
        if not event["time_span"]:
            return None
        own = [t for t in times if t["span"][0] == event["time_span"][0] and t.get("value")]
        return own[0] if own else None
    start, end = event["span"]
    trigger = event.get("trigger_span") or [start, start]
    lo, hi = _clause(body[start:end], trigger[0] - start, trigger[1] - start)
    inside = [t for t in times if start + lo <= t["span"][0] < start + hi and t.get("value")]
    return inside[0] if inside else None


def _lead_end(body: str, sentences: list[tuple[int, int]]) -> int:
    if len(sentences) >= LEAD_SENTENCES:
        return sentences[LEAD_SENTENCES - 1][1]
    return len(body)


def code_event(event: dict, body: str, times: list[dict], reference: ReferenceDate | None, lead_end: int) -> Coded:
    """Code one event fact of an article (``times`` resolved against ``reference``)."""
    mood = event.get("mood", "occurred")
    role = "main" if event["span"][0] < lead_end else "secondary"
    violent = event["type"] in VIOLENT_TYPES
    if mood == "modifier" and violent:
        # A weapon or an act naming its instrument or campaign ("grenade launcher",
        # "bombing campaign") still reports the violence.
        mood = "occurred"
    if mood not in KEPT_MOODS:
        return Coded(event, mood, None, role, _MOOD_REASONS.get(mood, mood))
    if mood == "planned" and violent:
        return Coded(event, mood, None, role, "a planned or intended act of violence: a threat, not an incident")
    if event.get("reference") and not violent and not event.get("time_span"):
        # "reinforce the agreement", "violations of the truce": an agreement, a truce or
        # talks already known, named again; violence named again is the incident itself.
        # Named with a time of its own ("the start of the joint patrol on March 8") it is
        # reported, and the time decides whether it is news or background.
        return Coded(event, mood, None, role, "names an agreement, truce or talks already known, not its making")
    anchor = _anchor(event, body, times)
    value = (anchor or {}).get("value") or ""
    if value.startswith("P"):
        anchor, value = None, ""  # a duration ("two-day talks") says how long, not when
    span = _interval(value) if value[:1].isdigit() else None
    if span and reference is not None:
        earliest = date.fromisoformat(reference.earliest)
        if span[1] < earliest - timedelta(days=RECENT_DAYS):
            return Coded(event, mood, None, role, f"background: {anchor['text']!r} is before the reporting period")
    if span:
        return Coded(event, mood, {"value": value, "precision": anchor.get("precision"), "basis": "stated"}, role)
    if event.get("tense") == "pluperfect":
        return Coded(event, mood, None, role, "background: told in the pluperfect with no time of its own")
    if mood == "planned" or reference is None:
        return Coded(event, mood, None, role)
    if reference.precision == "day":
        return Coded(event, mood, {"value": reference.value, "precision": "day", "basis": "reference"}, role)
    value = f"{reference.earliest}/{reference.latest}"
    return Coded(event, mood, {"value": value, "precision": "range", "basis": "reference"}, role)


def resolved_times(
    body: str, stored: list[dict], reference: ReferenceDate | None, language: str | None = None
) -> list[dict]:
    """The article's time facts resolved against ``reference`` (read again when the facts
    stage resolved them against another day, or against none). ``language`` is set for
    an article read without a parser (its times are read the same way again)."""
    day = reference.day if reference else None
    used = next((t.get("reference") for t in stored), None)
    if stored and (day.isoformat() if day else None) == used:
        return stored
    if language:
        return read_times(body, language, day)
    return [
        {"span": [t.start, t.end], "text": t.text, "value": t.value, "precision": t.precision}
        for t in extract_times(body, day)
    ]


def code_article(
    events: list[dict],
    body: str,
    stored_times: list[dict],
    reference: ReferenceDate | None,
    sentences: list[tuple[int, int]],
) -> list[Coded]:
    """Every event fact of one article, coded (kept ones first in text order)."""
    language = next((e["language"] for e in events if e.get("language")), None)
    times = resolved_times(body, stored_times, reference, language)
    lead_end = _lead_end(body, sentences)
    coded = [code_event(e, body, times, reference, lead_end) for e in events]
    _carry_dates(coded)
    return coded


def _family(event: dict) -> str:
    return "violent" if event["type"] in VIOLENT_TYPES else event["sub_type"]


def _carry_dates(coded: list[Coded]) -> None:
    """Time carries over in narration: an event the article tells of with no time of its
    own, after it has dated a happening of the same kind ("On Wednesday, planes bombed
    Idlib. ... the planes conducted at least 12 bombardments"), is of that happening's
    day, not of the day the article was written."""
    last: dict[str, dict] = {}
    for c in coded:
        if c.reason is not None or c.date is None:
            continue
        kind = _family(c.event)
        if c.date["basis"] == "stated" and c.date.get("precision") in ("day", "range"):
            last[kind] = c.date
        elif c.date["basis"] == "reference" and kind in last:
            c.date = {**last[kind], "basis": "carried"}
