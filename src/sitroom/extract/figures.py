"""Casualty and other figures: killed, injured, displaced, detained, missing, troops,
violations; with the qualifier, the victims, sub-counts and the reporting source.

"At least 11 civilians, including four children, died in the shelling, according to the
Keldaran Observatory" gives killed = 11, qualifier "at least", victims "civilians",
includes "four children", source "Keldaran Observatory".

Vague amounts are mapped by a stated convention (the lower bound a careful reader would
accept): "dozens" 24, "scores" 40, "hundreds" 200, "thousands" 2000, "a dozen" 12,
"a handful", "several", "a number of" 3; they carry the qualifier "about" and ``vague: true``.

Event reports (ACLED notes, wire briefs) often give no number: "a man was shot and killed",
"killing another", "the drug trafficker was killed" are one death each (a/an/the/another
before a singular victim); "two policemen and one health worker were killed" gives both
counts; "between 16 and 25" is 16, "at least"; a coder's "Fatalities coded as 10" and
"1 fatality" are killed figures. Counts of animals, days or buildings are never victims,
and "soldiers" counted as killed are deaths, not a troop deployment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitroom.nlp.numbers import SCALES, UNITS

_UNITS = UNITS
_SCALES = SCALES
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
    "a number of": 3,
    "a number": 3,
    "tens of thousands": 20000,
    "hundreds of thousands": 200000,
}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s*(?:million|thousand))?|(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}|and))*"
    r"|tens of thousands|hundreds of thousands|a dozen|dozens|scores|hundreds|thousands|a handful|several|a few|a number)"
)
# "a man was killed", "killing another": one, when a singular victim follows (or "another" stands alone).
_ONE = {"a": 1, "an": 1, "another": 1, "the": 1}
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
    "between": "at least",
}
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
KINDS = {
    "killed": r"shot and killed|shot dead|shot to death|(?:stabbed|beaten|hacked|burned|burnt|tortured|strangled|stoned)"
    r" to death|beheaded|lynched|killed|dead"
    r"|died|deaths?|death toll|lost their lives|lost his life|lost her life|perished|slain|massacred|fatalities|fatality",
    "injured": r"injured|wounded|hurt|injuries|injury|casualties",
    "displaced": r"displaced|uprooted|fled|forced to flee|homeless|evacuated",
    "detained": r"detained|arrested|captured|abducted|kidnapped|taken prisoner",
    "missing": r"missing|unaccounted for",
    # (not "15 soldiers were killed", a count of the dead)
    "troops": r"(?:troops|soldiers|servicemen|fighters deployed)(?!\s+(?:[a-z]+\s+){0,3}?(?:killed|died|dead|wounded|injured|hurt"
    r"|missing|captured|detained|arrested|abducted|kidnapped)\b)",
    "violations": r"violations|ceasefire violations|breaches",
}
VICTIMS = (
    r"civilians?|people|persons|children|infants|babies|women|men|soldiers|troops|servicemen|fighters|rebels|"
    r"militants|insurgents|jihadists|policemen|police officers|officers|members|residents|protesters|"
    r"demonstrators|refugees|migrants|workers|aid workers|medics|journalists|students|prisoners|detainees|"
    r"family members|villagers|Syrians|Turks|Russians|Iraqis|Yemenis|Ukrainians|Sudanese|personnel|military|"
    r"militiamen|gunmen|assailants|attackers|farmers|herders|pastoralists|traders|teachers|bandits|suspects|"
    r"traffickers|guards|relatives|worshippers|passengers|miners|fishermen|hostages|combatants|individuals|forces|"
    r"Palestinians|Israelis|Afghans|Houthis|Kurds|Somalis|Nigerians|Congolese|Malians|Pakistanis|Indians|"
    r"man|woman|child|boy|girl|person|individual|soldier|policeman|officer|fighter|militant|rebel|member|"
    r"resident|protester|demonstrator|villager|farmer|herder|pastoralist|trader|merchant|student|teacher|"
    r"worker|journalist|driver|commander|leader|chief|official|suspect|victim|youth|teenager|infant|baby|"
    r"doctor|nurse|prisoner|detainee|guard|militiaman|insurgent|jihadist|trafficker|gunman|assailant|"
    r"attacker|serviceman|refugee|migrant|priest|imam|pastor|cleric|Palestinian|Israeli|elder|councillor|"
    r"councilor|mayor|professor|lawyer|activist|businessman|shopkeeper|miner|fisherman|hostage|combatant|"
    r"sergeant|constable|ruler|general|colonel|captain|lieutenant|governor|chairman|chairperson|administrator|"
    r"informant|employee|engineer|monk|nun|owner|vendor|landowner|supporter|candidate|politician|judge|"
    r"prosecutor|minister|spokesman|separatist|cadre|gendarme|ranger|minor|pilgrim|shepherd|contractor"
)
# Plurals that do not end in -s; any other victim word not ending in -s is one person.
_PLURAL = frozenset(
    "people men women children policemen servicemen militiamen gunmen fishermen military personnel police "
    "Sudanese Congolese Burmese Lebanese Chinese Japanese Vietnamese Senegalese".lower().split()
)


def _singular(victims: str | None) -> bool:
    """Whether the victims are one person: "a civilian", "the drug trafficker"."""
    if not victims:
        return False
    last = victims.split()[-1].lower()
    return not last.endswith("s") and last not in _PLURAL


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
_RANGE = rf"(?P<range>\s*(?:-|–|to|or|and)\s*(?:{NUMBER})(?=\s))?"
_COUNT = rf"(?<![\w.,-])(?:(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER}|an?|another|the)(?!\w|-(?!\d)){_RANGE}"
# Plural nouns that are not victims: "3 days of fighting", "20 houses".
_NOT_VICTIMS = (
    r"(?!(?:days|weeks|months|years|hours|minutes|seconds|times|percent|kilometers|kilometres|miles|metres|meters|tons"
    r"|tonnes|rounds|shells|rockets|missiles|drones|houses|homes|buildings|vehicles|cars|trucks|villages|towns"
    r"|locations|events|incidents|attacks|strikes|projectiles|explosions|livestock|cattle|animals|goats|sheep|camels"
    r"|cows|donkeys|horses|dromedaries|this|thus|plus|less|across|unless|was|has|does|its|his|hers|ours|yours"
    r"|theirs|always|perhaps|towards|afterwards|besides|whereas|various|previous|serious|numerous|dangerous)\b)"
)
# The victims: up to two words before a victim word or another plural noun ("separatists").
_WHO = (
    rf"(?P<victims>(?:{_NOT_VICTIMS}[a-z][\w'’-]*\s+){{0,2}}?(?:(?:{VICTIMS})\b|{_NOT_VICTIMS}[a-z][\w'’-]{{2,}}s\b))"
)
_FORWARD = re.compile(
    rf"{_COUNT}\s+(?:(?:more|other)\s+)?{_WHO}?"
    rf"(?P<incl>,?\s*(?:including|among them|among whom|of whom)\s+[^,.;]{{3,80}}?,?)?"
    rf"\s*(?:(?:were|was|are|is|have been|had been|has been|being|reportedly|allegedly|also|been|later|subsequently)\s+)"
    rf"{{0,3}}(?:{_KIND_RE})\b",
    re.I,
)
# "killed 4 civilians", "killing 2.", "killing another": a count right after the verb, with its
# victims or at the end of the clause (not "killed 3 days ago").
_BACKWARD = re.compile(
    rf"\b(?P<verb>shot and killed|shot dead|killed|killing|beheaded|beheading|lynched|lynching|wounded|wounding"
    rf"|injured|injuring|displaced|displacing"
    rf"|uprooted|uprooting|detained|detaining|arrested|arresting)\s+{_COUNT}"
    rf"(?:\s+{_WHO}\b|(?=\s*(?:[,.;:)]|$|\s+(?:in|at|on|and|during|while|when|near|after|before|as)\b)))",
    re.I,
)
_TOLL = re.compile(
    rf"\b(?:death toll|toll)\s+(?:rose|climbed|has risen|reached|stands|stood|of)?\s*(?:to|at)?\s*"
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER})\b",
    re.I,
)
# "the death of 1 civilian", "the death of 4 FACA", "the bodies of twelve civilians were found",
# "the body of a man" (not "the death of a man", which protests name long after).
_DEATH_OF = re.compile(
    rf"\b(?P<verb>deaths?\s+of\s+(?=\d|(?:{_NUMBER_WORD})\b)|bod(?:y|ies)\s+of\s+){_COUNT}"
    rf"(?:\s+{_WHO}\b|(?=\s+[A-Z]))",
    re.I,
)
# A coder's or an agency's stated count: "Fatalities coded as 10", "fatalities estimated at 40".
_STATED = re.compile(
    rf"\b(?:fatalities|casualties|deaths)(?:\s+[\w-]+){{0,8}}?\s+(?:coded|estimated)\s+(?:as|at)\s+(?P<num>{NUMBER})\b",
    re.I,
)
# The other members of "two policemen and one polio worker were killed" / "killing two soldiers
# and a child".
# (a number or "a"/"one" only: "killed 33 soldiers, the local governor said" is one count)
_MEMBER = rf"(?<![\w.,-])(?:(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER}|an?)(?!\w|-(?!\d)){_RANGE}"
_BEFORE = re.compile(rf"{_MEMBER}\s+{_WHO}\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", re.I)
_AFTER = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+){_MEMBER}\s+{_WHO}\b", re.I)
_VERB_KIND = {
    "kill": "killed",
    "woun": "injured",
    "inju": "injured",
    "disp": "displaced",
    "upro": "displaced",
    "deta": "detained",
    "arre": "detained",
    "shot": "killed",
    "behe": "killed",
    "deat": "killed",
    "body": "killed",
    "bodi": "killed",
    "lync": "killed",
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


# "..., the Blue Helmets Civil Defence, also known as the rescuers, said on Monday";
# "..., medics and local officials say".
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


# More people than this are never one figure of a report (the deadliest wars count
# hundreds of thousands over years); a larger number is a typo or a hostile page.
MAX_COUNT = 10_000_000


def extract_figures(text: str) -> list[Figure]:
    """Figures in ``text``, in order, without overlaps."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], kind: str | None) -> None:
        if kind is None or any(s < m.end() and m.start() < e for s, e in taken):
            return
        number = m.group("num").lower()
        victims = (m.groupdict().get("victims") or "").strip() or None
        if number in _ONE:
            if number != "another" and not _singular(victims):
                return  # "the dead", "a few"
            if number == "another" and victims and not _singular(victims):
                return
            parsed: tuple[int, bool] | None = (1, False)
        else:
            parsed = parse_number(number)
        if parsed is None:
            return
        value, vague = parsed
        if 1900 <= value <= 2100 and m.group("num").isdigit():
            return  # a year, not a count
        if not 0 <= value <= MAX_COUNT:
            return  # "99999999999999999999999 killed": no count of people, a typo or a hostile page
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

    for m in _STATED.finditer(text):
        add(m, "killed")
    # Counts of people first, in text order; troops and violations counts last, so "killing two
    # troops" is a death toll, not a deployment.
    later: list[tuple[re.Match[str], str | None]] = []
    counts = [(m, _kind_of(m)) for m in _FORWARD.finditer(text)]
    counts += [(m, _VERB_KIND.get(m.group("verb").lower()[:4])) for m in _BACKWARD.finditer(text)]
    counts += [(m, "killed") for m in (*_DEATH_OF.finditer(text), *_TOLL.finditer(text))]
    for m, kind in sorted(counts, key=lambda mk: mk[0].start()):
        if kind in ("troops", "violations"):
            later.append((m, kind))
            continue
        add(m, kind)
        if "verb" in m.groupdict():  # "killing two soldiers and a child"
            start = m.end()
            while kind and (after := _AFTER.match(text, start)):
                add(after, kind)
                start = after.end()
        else:  # "two policemen and one polio worker were killed"
            end = m.start()
            while kind and (before := _BEFORE.search(text, max(0, end - 80), end)):
                add(before, kind)
                end = before.start()
    for m, kind in later:
        add(m, kind)
    return sorted(found, key=lambda f: f.start)
