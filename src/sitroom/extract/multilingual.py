"""Facts from pages in languages sitroom has no parser for: places, dates, tolls, lead events.

A desk reads Arabic, Russian and Turkish outlets first, and no package here parses them
offline. What can be read without a parse, with the data the other stages already hold:

* **places**: runs of one to three words looked up in the gazetteer, whose alternate
  names cover every script; a form is tried as written, then without the clitics and case
  endings of its language (Arabic "وبإدلب", Turkish "İdlib'de", Russian "Идлибе"). A
  Latin-script name must be capitalised; a one-word name of a small place must be long
  (short common words are also somebody's village).
* **dates**: day and month in the languages of :mod:`sitroom.nlp.when`, resolved against
  the article's reference day.
* **figures**: a number next to a word for killed or wounded
  (:mod:`sitroom.grouping.concepts`, fifteen languages).
* **events**: in the lead's first sentences (what the article reports as its news), one
  event per kind of happening the lead names: an air strike, a phone call, talks,
  a patrol, an agreement. Without a parse there is no mood: only the lead is read, where
  a page states its news, and an event there is taken as reported.

Claims (speaker, stance) need a parse and are not read here. Every fact records its
language and points into the original text.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date, timedelta

from sitroom.extract.events import happening
from sitroom.extract.gazetteer import Place, gazetteer
from sitroom.grouping.concepts import word_concept
from sitroom.model import Article
from sitroom.nlp.sentences import article_sentences
from sitroom.nlp.when import _day_month_dates_at

LIGHT_LANGUAGES = frozenset(
    {
        "ar",
        "ru",
        "uk",
        "bg",
        "tr",
        "fr",
        "es",
        "pt",
        "it",
        "de",
        "nl",
        "id",
        "ms",
        "ro",
        "hu",
        "ku",
        "ckb",
        "fa",
        "nb",
        "no",
    }
)
LEAD_SENTENCES = 3
MIN_PLACE_CHARS = 4
# A one-word name of a place smaller than this must be at least LONG_NAME characters.
SMALL_PLACE = 20_000
LONG_NAME = 6
# Tokens around a number read for what it counts.
FIGURE_WINDOW_AFTER = 4
FIGURE_WINDOW_BEFORE = 3

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_NUMBER = re.compile(r"\d+")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_ARABIC_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")
_CYRILLIC_ENDINGS = ("ом", "ой", "ем", "ах", "ях", "ам", "ям", "ии", "е", "у", "а", "ы", "и", "я")
_KINDS_ANY_SIZE = frozenset({"country", "province", "region", "crossing", "airbase", "road"})

# Concepts that name a happening, and the event type a monitor codes it as.
EVENT_CONCEPTS: tuple[tuple[str, str, str], ...] = (
    ("air_strike", "Explosions/Remote violence", "Air/drone strike"),
    ("warplanes", "Explosions/Remote violence", "Air/drone strike"),
    ("phone_call", "Strategic developments", "Phone call"),
    ("patrol", "Strategic developments", "Joint patrol"),
    ("talks", "Strategic developments", "Talks or meeting"),
    ("agreement", "Strategic developments", "Agreement"),
)
_FIGURE_CONCEPTS = {"killed": "killed", "wounded": "injured"}
_COUNTRY_CONCEPTS = {"russia": "RU", "turkey": "TR", "syria": "SY", "united_states": "US"}
MIN_WORD_IN_NAME = 3


def _forms(text: str) -> list[str]:
    """The name as written, then without its language's clitics or endings."""
    forms = [text]
    if _ARABIC.search(text):
        for prefix in _ARABIC_PREFIXES:
            if text.startswith(prefix) and len(text) - len(prefix) >= 3:
                forms.append(text[len(prefix) :])
    if "'" in text or "’" in text:
        forms.append(re.split(r"['’]", text)[0])
    if _CYRILLIC.search(text):
        forms += [text[: -len(e)] for e in _CYRILLIC_ENDINGS if text.endswith(e) and len(text) - len(e) >= 4]
    return forms


def _place(text: str, words: int, countries: set[str] | None) -> Place | None:
    """The place ``text`` names: a country, or a place in one of ``countries`` (the
    countries the article names; None while they are being found)."""
    latin = not (_ARABIC.search(text) or _CYRILLIC.search(text))
    if latin and not text[:1].isupper():
        return None
    if words > 1 and any(len(w) < MIN_WORD_IN_NAME for w in re.split(r"[\s-]+", text)):
        return None  # "Акар и", "ما أدى": a word and a particle, not a name
    for form in _forms(text):
        if len(form) < MIN_PLACE_CHARS:
            continue
        candidates = gazetteer().lookup(form)
        if not latin:
            # Transliterated, a common word can read as a country ("التعاون", Taiwan):
            # countries in these scripts are read from the concept table only.
            candidates = tuple(p for p in candidates if p.kind != "country")
        if countries is None:
            found = [p for p in candidates if p.kind == "country"]
        else:
            # Only in a country the article names: transliterated, common words of any
            # language are cities somewhere ("России" reads as Rosario).
            found = [p for p in candidates if p.kind == "country" or p.country in countries]
        if not found:
            continue
        best = max(found, key=lambda p: p.population)
        small = best.kind not in _KINDS_ANY_SIZE and best.population < SMALL_PLACE
        if words == 1 and small and len(form) < LONG_NAME:
            return None
        return best
    return None


def _precision(place: Place) -> str:
    if place.kind in ("country", "province", "region"):
        return place.kind
    return "town"


def _countries(article: Article, tokens: list[re.Match[str]]) -> set[str]:
    """The countries an article names (a name matched in any script must be in one: the
    gazetteer's alternate names turn many common words of other languages into villages
    somewhere)."""
    named = {_COUNTRY_CONCEPTS[c] for t in tokens if (c := word_concept(t.group(0).lower())) in _COUNTRY_CONCEPTS}
    for token in tokens:
        if _ARABIC.search(token.group(0)) or _CYRILLIC.search(token.group(0)):
            continue  # transliterated, a common word can read as a country ("التعاون", Taiwan)
        place = _place(token.group(0), 1, None)
        if place is not None and place.country:
            named.add(place.country)
    return named


def place_facts(article: Article) -> list[dict]:
    body = article.body
    tokens = list(_TOKEN.finditer(body))
    countries = _countries(article, tokens)
    out: list[dict] = []
    i = 0
    while i < len(tokens):
        taken = 0
        for n in (3, 2, 1):
            run = tokens[i : i + n]
            if len(run) < n or any(body[a.end() : b.start()] not in (" ", "-") for a, b in itertools.pairwise(run)):
                continue
            start, end = run[0].start(), run[-1].end()
            place = _place(body[start:end], n, countries)
            if place is None:
                continue
            out.append(
                {
                    "kind": "place",
                    "article_id": article.id,
                    "span": [start, end],
                    "text": body[start:end],
                    "name": place.name,
                    "country": place.country,
                    "lat": round(place.lat, 5),
                    "lon": round(place.lon, 5),
                    "geonames_id": place.geonames_id,
                    "admin1": place.admin1,
                    "precision": _precision(place),
                    "place_kind": place.kind,
                    "role": "location",
                    "language": article.language,
                }
            )
            taken = n
            break
        i += taken or 1
    return out


# Weekday names of the languages read here (a news lead's usual date: "الأربعاء", "в среду",
# "çarşamba", "mercredi"), Monday first. Turkish "pazar" (Sunday, and market) is left out.
WEEKDAY_NAMES = (
    "الاثنين الإثنين понедельник понеделник pazartesi senin lundi lunes montag lunedì segunda luni hétfő",
    "الثلاثاء вторник вторника salı selasa mardi martes dienstag martedì terça marți kedd",
    "الأربعاء الاربعاء среду среда сряда çarşamba rabu mercredi miércoles mittwoch mercoledì quarta miercuri szerda",
    "الخميس четверг четвъртък perşembe kamis jeudi jueves donnerstag giovedì quinta joi csütörtök",
    "الجمعة пятницу пятница петък cuma jumat vendredi viernes freitag venerdì sexta vineri péntek",
    "السبت субботу суббота събота cumartesi sabtu samedi sábado samstag sabato sâmbătă szombat",
    "الأحد الاحد воскресенье неделя minggu dimanche domingo sonntag domenica duminică vasárnap",
)
_WEEKDAY = {name: i for i, names in enumerate(WEEKDAY_NAMES) for name in names.split()}


def _weekday_facts(article: Article, reference: date) -> list[dict]:
    """Weekdays, as the latest such day on or before the reference day (news tells of the
    week it is published in)."""
    out = []
    for token in _TOKEN.finditer(article.body):
        word = token.group(0).lower()
        day = _WEEKDAY.get(word)
        if day is None and word.startswith(("و", "ب")) and len(word) > 4:
            day = _WEEKDAY.get(word[1:])  # "والأربعاء", "بالجمعة"
        if day is None:
            continue
        value = reference - timedelta(days=(reference.weekday() - day) % 7)
        out.append(
            {
                "kind": "time",
                "article_id": article.id,
                "span": [token.start(), token.end()],
                "text": token.group(0),
                "value": value.isoformat(),
                "precision": "day",
                "reference": reference.isoformat(),
                "language": article.language,
            }
        )
    return out


def read_times(body: str, language: str | None, reference: date | None) -> list[dict]:
    """Weekdays and day-month dates of a text, resolved against ``reference``."""
    article = Article(id="", page_id="", index=0, title=None, body=body, language=language)
    return [{k: t[k] for k in ("span", "text", "value", "precision")} for t in time_facts(article, reference)]


def time_facts(article: Article, reference: date | None) -> list[dict]:
    out = _weekday_facts(article, reference) if reference else []
    for start, value in _day_month_dates_at(article.body, reference):
        end = article.body.find(" ", start + 1)
        end = article.body.find(" ", end + 1) if end != -1 else -1
        out.append(
            {
                "kind": "time",
                "article_id": article.id,
                "span": [start, end if end != -1 else len(article.body)],
                "text": article.body[start : end if end != -1 else len(article.body)],
                "value": value.isoformat(),
                "precision": "day",
                "reference": reference.isoformat() if reference else None,
                "language": article.language,
            }
        )
    return out


def figure_facts(article: Article) -> list[dict]:
    body = article.body
    tokens = list(_TOKEN.finditer(body))
    out = []
    for number in _NUMBER.finditer(body):
        value = int(number.group(0))
        if not 0 < value < 100_000 or 1900 <= value <= 2100:
            continue  # years are not tolls
        after = [t for t in tokens if t.start() >= number.end()][:FIGURE_WINDOW_AFTER]
        before = [t for t in tokens if t.end() <= number.start()][-FIGURE_WINDOW_BEFORE:]
        figure = next(
            (
                _FIGURE_CONCEPTS[c]
                for t in [*after, *reversed(before)]
                if (c := word_concept(t.group(0).lower())) in _FIGURE_CONCEPTS
            ),
            None,
        )
        if figure is None:
            continue
        out.append(
            {
                "kind": "figure",
                "article_id": article.id,
                "span": [number.start(), number.end()],
                "text": number.group(0),
                "figure": figure,
                "value": value,
                "qualifier": "",
                "victims": "",
                "source": None,
                "includes": [],
                "language": article.language,
            }
        )
    return out


def light_facts(article: Article, reference: date | None) -> list[dict]:
    """Places, dates, figures and lead events of an article in a language without a parser."""
    places = place_facts(article)
    times = time_facts(article, reference)
    figures = figure_facts(article)
    specific = [p for p in places if p["precision"] != "country"]
    counts = Counter(p["name"] for p in specific)
    main_place = max(specific, key=lambda p: (counts[p["name"]], -p["span"][0]), default=None)
    events = []
    # One event per kind of happening in the whole lead: without a parse, a second
    # sentence naming talks again ("discussed") is the same talks, not new ones.
    kinds: set[str] = set()
    for sentence in article_sentences(article.body)[:LEAD_SENTENCES]:
        s0, s1 = sentence.start, sentence.end
        text = article.body[s0:s1]
        for word in _TOKEN.finditer(text):
            concept = word_concept(word.group(0).lower())
            rule = next((r for r in EVENT_CONCEPTS if r[0] == concept), None)
            if rule is None or happening(rule[1], rule[2]) in kinds:
                continue
            kinds.add(happening(rule[1], rule[2]))
            here = [p for p in places if s0 <= p["span"][0] < s1]
            place = next((p for p in here if p["precision"] != "country"), None) or main_place
            if place is None and here:
                place = here[0]
            time = next((t for t in times if s0 <= t["span"][0] < s1), None)
            events.append(
                {
                    "kind": "event",
                    "article_id": article.id,
                    "span": [s0, s1],
                    "text": text,
                    "type": rule[1],
                    "sub_type": rule[2],
                    "trigger": word.group(0),
                    "actors": [],
                    "place": {k: place[k] for k in ("name", "country", "lat", "lon", "precision", "span")}
                    if place
                    else None,
                    "time": {k: time[k] for k in ("value", "precision", "span")} if time else None,
                    "figures": [
                        {k: f[k] for k in ("figure", "value", "qualifier", "victims", "source", "span")}
                        for f in figures
                        if s0 <= f["span"][0] < s1
                    ],
                    "status": "reported",
                    "trigger_span": [s0 + word.start(), s0 + word.end()],
                    "mood": "occurred",
                    "tense": "none",
                    "governor": None,
                    "reference": False,
                    "language": article.language,
                }
            )
            if time:
                # Without a time of its own here, the reconcile stage looks for one in the
                # sentence once the article's reference day is known.
                events[-1]["time_span"] = time["span"]
    facts = places + times + figures + events
    facts.sort(key=lambda f: (f["span"][0], f["kind"]))
    return facts
