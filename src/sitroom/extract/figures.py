"""Casualty and other figures: killed, injured, displaced, detained, missing, troops,
violations; with the qualifier, the victims, sub-counts and the reporting source.

"At least 13 civilians, including six infants were killed in the raids, according to the
Syrian Observatory for Human Rights" gives killed = 13, qualifier "at least", victims
"civilians", includes "six infants", source "Syrian Observatory for Human Rights".

Vague amounts are mapped by a stated convention (the lower bound a careful reader would
accept): "dozens" 24, "scores" 40, "hundreds" 200, "thousands" 2000, "a dozen" 12,
"a handful" 3; they carry the qualifier "about" and ``vague: true``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# The convention for vague amounts (documented in the module docstring and the docs).
VAGUE = {
    "a dozen": 12,
    "dozen": 12,
    "dozens": 24,
    "dozens of": 24,
    "scores": 40,
    "scores of": 40,
    "hundreds": 200,
    "hundreds of": 200,
    "thousands": 2000,
    "thousands of": 2000,
    "a handful": 3,
    "several": 3,
    "a few": 3,
    "tens of thousands": 20000,
    "hundreds of thousands": 200000,
}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s*(?:million|thousand))?|(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}|and))*"
    r"|tens of thousands|hundreds of thousands|a dozen|dozens|scores|hundreds|thousands|a handful|several|a few)"
)
QUALIFIERS = {
    "at least": "at least",
    "no fewer than": "at least",
    "a minimum of": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "about": "about",
    "around": "about",
    "nearly": "about",
    "almost": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "an estimated": "about",
    "close to": "about",
}
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
KINDS = {
    "killed": r"killed|dead|died|deaths?|death toll|lost their lives|perished|slain|massacred|fatalities",
    "injured": r"injured|wounded|hurt|injuries|casualties",
    "displaced": r"displaced|uprooted|fled|forced to flee|homeless|evacuated",
    "detained": r"detained|arrested|captured|abducted|kidnapped|taken prisoner",
    "missing": r"missing|unaccounted for",
    "troops": r"troops|soldiers|servicemen|fighters deployed",
    "violations": r"violations|ceasefire violations|breaches",
}
VICTIMS = (
    r"civilians?|people|persons|children|infants|babies|women|men|soldiers|troops|servicemen|fighters|rebels|"
    r"militants|insurgents|jihadists|policemen|police officers|officers|members|residents|protesters|"
    r"demonstrators|refugees|migrants|workers|aid workers|medics|journalists|students|prisoners|detainees|"
    r"family members|villagers|Syrians|Turks|Russians|Iraqis|Yemenis|Ukrainians|Sudanese|personnel"
)
_SOURCE_AFTER = re.compile(
    r"(?:according to|,?\s*said|,?\s*told|,?\s*reported|,?\s*says)\s+(?:the\s+|an?\s+)?(?P<src>[A-Z][\w'’\-]*(?:\s+(?:of|for|and|the|al-)?\s*[A-Z(][\w'’\-)]*){0,8})"
)
_SOURCE_BEFORE = re.compile(
    r"(?P<src>(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:of|for|and|the)?\s*[A-Z(][\w'’\-)]*){0,8})\s*(?:,[^,]{0,60},\s*)?(?:said|says|reported|told)"
)


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    text: str
    figure: str  # killed, injured, displaced, detained, missing, troops, violations
    value: int
    qualifier: str  # exact, at least, more than, up to, about
    victims: str | None = None
    includes: list[str] = field(default_factory=list)
    source: str | None = None
    vague: bool = False


def parse_number(text: str) -> tuple[int, bool] | None:
    """The value of a number in digits or words, and whether it is a vague amount."""
    t = text.lower().strip()
    if t in VAGUE:
        return VAGUE[t], True
    t = t.replace(",", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|thousand)?", t)
    if m:
        value = float(m.group(1)) * (_SCALES.get(m.group(2) or "", 1))
        return int(value), False
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _SCALES:
            current = max(1, current) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    return (total + current, False) if seen else None


# "[qualifier] N [victims] [, including ...] (were|have been|...) KIND" and
# "KIND [qualifier] N [victims]" and "death toll (rose to|of|reached) N".
_KIND_RE = "|".join(f"(?P<{k}>{v})" for k, v in KINDS.items())
_FORWARD = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER})\s+(?:(?:more|other)\s+)?(?P<victims>(?:[a-z]+\s+){{0,2}}?(?:{VICTIMS}))?"
    rf"(?P<incl>,?\s*(?:including|among them|among whom|of whom)\s+[^,.;]{{3,80}}?,?)?"
    rf"\s*(?:(?:were|was|are|have been|had been|has been|being|reportedly|also|been)\s+){{0,3}}(?:{_KIND_RE})\b",
    re.I,
)
_BACKWARD = re.compile(
    rf"\b(?P<verb>killed|killing|wounded|wounding|injured|injuring|displaced|displacing|uprooted|uprooting|detained"
    rf"|detaining|arrested|arresting)\s+"
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER})\s+(?P<victims>(?:[a-z]+\s+){{0,2}}?(?:{VICTIMS}))",
    re.I,
)
_TOLL = re.compile(
    rf"\b(?:death toll|toll)\s+(?:rose|climbed|has risen|reached|stands|stood|of)?\s*(?:to|at)?\s*"
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER})\b",
    re.I,
)
_VERB_KIND = {
    "kill": "killed",
    "woun": "injured",
    "inju": "injured",
    "disp": "displaced",
    "upro": "displaced",
    "deta": "detained",
    "arre": "detained",
}


def _kind_of(m: re.Match[str]) -> str | None:
    for kind in KINDS:
        if m.groupdict().get(kind):
            return kind
    return None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return left + 1, (min(right_candidates) + 1 if right_candidates else len(text))


# "..., Syria Civil Defence, also known as the White Helmets said on Thursday";
# "..., rescue workers and civil defense officials say".
_SOURCE_TRAILING = re.compile(
    r",\s*(?:the\s+)?(?P<src>[^,.;\"“”]{3,80}?)(?:,\s*also known as\s+(?:the\s+)?(?P<aka>[^,.;]{2,60}?))?,?\s+"
    r"(?:said|say|says|reported|told|according)\b"
)


def _source(text: str, start: int, end: int) -> str | None:
    s0, s1 = _sentence_bounds(text, start, end)
    trailing = _SOURCE_TRAILING.search(text, end, s1)
    if trailing and not re.search(r"\b(?:killed|injured|wounded|were|was)\b", trailing.group("src")):
        source = trailing.group("src").strip()
        return f"{source} ({trailing.group('aka').strip()})" if trailing.group("aka") else source
    after = _SOURCE_AFTER.search(text, end, s1)
    if after:
        return after.group("src").strip(" ,")
    before = _SOURCE_BEFORE.search(text, s0, start)
    if before:
        return re.sub(r"^the\s+", "", before.group("src").strip(" ,"), flags=re.I)
    return None


def extract_figures(text: str) -> list[Figure]:
    """Figures in ``text``, in order, without overlaps."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], kind: str | None) -> None:
        if kind is None or any(s < m.end() and m.start() < e for s, e in taken):
            return
        parsed = parse_number(m.group("num"))
        if parsed is None:
            return
        value, vague = parsed
        if 1900 <= value <= 2100 and m.group("num").isdigit():
            return  # a year, not a count
        qual = QUALIFIERS.get((m.groupdict().get("qual") or "").lower(), "about" if vague else "exact")
        incl = m.groupdict().get("incl")
        includes = (
            [
                p.strip()
                for p in re.split(
                    r",|\band\b", re.sub(r"^,?\s*(?:including|among them|among whom|of whom)\s+", "", incl.strip(" ,"))
                )
                if p.strip()
            ]
            if incl
            else []
        )
        victims = (m.groupdict().get("victims") or "").strip() or None
        taken.append(m.span())
        found.append(
            Figure(
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                kind,
                value,
                qual,
                victims,
                [" and ".join(includes)] if includes else [],
                _source(text, m.start(), m.end()),
                vague,
            )
        )

    for m in _FORWARD.finditer(text):
        add(m, _kind_of(m))
    for m in _BACKWARD.finditer(text):
        add(m, _VERB_KIND.get(m.group("verb").lower()[:4]))
    for m in _TOLL.finditer(text):
        add(m, "killed")
    return sorted(found, key=lambda f: f.start)
