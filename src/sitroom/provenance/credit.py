"""The credit a copy gives: which agency or outlet it says the text came from.

"With reporting from AFP", "(Reuters) -", "Reuters reported", "Agence France Presse",
"told Sputnik", "the Turkish Anadolu News Agency quoted". Read from the body and from the
lines the cleaner removed (credit lines and bylines are removed from the body but kept).
"""

from __future__ import annotations

import re

from sitroom.model import Article

# Agencies and outlets that wire copy is credited to, with the names they go by.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": (
        "AFP",
        "Agence France-Presse",
        "Agence France Presse",
        "France-Presse",
        "France Presse",
        "Франс Пресс",
        "فرانس برس",
    ),
    "Reuters": ("Reuters", "Рейтер", "Рейтерс", "رويترز"),
    "AP": ("AP", "Associated Press"),
    # "Anatolia" is how machine translations from Turkish and Arabic render Anadolu.
    "Anadolu": (
        "Anadolu Agency",
        "Anadolu News Agency",
        "Anadolu Ajansı",
        "Anadolu",
        "Anatolia News Agency",
        "Anatolia",
        "AA",
        "Анадолу",
        "الأناضول",
    ),
    "Sputnik": ("Sputnik", "Спутник", "سبوتنيك"),
    "TASS": ("TASS", "ITAR-TASS", "ТАСС", "تاس"),
    "RIA Novosti": ("RIA Novosti", "RIA", "РИА Новости", "ريا نوفوستي", "نوفوستي"),
    "Interfax": ("Interfax", "Интерфакс"),
    "RT": ("RT",),
    "Xinhua": ("Xinhua",),
    "SANA": ("SANA",),
    "IRNA": ("IRNA",),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "UPI": ("UPI",),
    "Al Jazeera": ("Al Jazeera",),
    "TRT World": ("TRT World", "TRT"),
    "Kyodo": ("Kyodo",),
    "CPA": ("CPA", "Continental Press Agency"),
    "Meridian News": ("Meridian News",),
}
_NAME_TO_AGENCY = {alias.lower(): agency for agency, aliases in AGENCIES.items() for alias in aliases}
# Matched as written: "AP" and "AA" are agencies, "ap" and "aa" are not.
_ALIASES = "|".join(sorted((re.escape(a) for aliases in AGENCIES.values() for a in aliases), key=len, reverse=True))
# An agency's name may be quoted: the Russian “Sputnik” news agency.
_A = rf"[“\"«]?(?P<agency>{_ALIASES})"

# Phrases that credit a source for the text (not merely mention the agency).
CREDIT_PATTERNS = tuple(
    re.compile(p)
    for p in (
        rf"\b(?:[Ww]ith|[Aa]dditional) (?:additional )?reporting (?:by|from) {_A}\b",
        rf"\b[Rr]eporting by {_A}\b",
        rf"^[A-Z][A-Z .,'-]{{2,40}}\s*\({_A}\)",  # dateline "MOSCOW (Reuters) -"
        rf"\({_A}\)\s*[-—–]",
        rf"\b{_A} reported\b",
        rf"\b(?:told|[Aa]ccording to|[Cc]ited by|[Cc]iting|[Qq]uoted by|via) (?:the )?(?:\w+ )?{_A}\b",
        rf"\b(?:said|remarks|statements?|an interview) (?:to|with) (?:the )?(?:\w+ )?{_A}\b",
        rf"\b(?:the )?(?:\w+ )?{_A} (?:quoted|cited|reports|said, citing)\b",
        rf"\b(?:[Ss]ource|[Cc]redit|[Cc]ourtesy)\s*:\s*{_A}\b",
        rf"^(?:By )?{_A}$",
        rf"[-—–]\s*{_A}$",
        # The same credits as other languages write them (agency names in their scripts
        # are aliases above): "selon l'agence de presse RIA", "según la agencia EFE",
        # "laut der Nachrichtenagentur dpa", "сообщает РИА Новости", "لوكالة سبوتنيك".
        rf"\b(?:[Ss]elon|[Dd]'après|[Dd]’après|cité par|citée par|a rapporté|a déclaré à|a indiqué à) "
        rf"(?:l['’]agence )?(?:de presse )?(?:\w+ )?{_A}\b",
        rf"\b(?:[Ss]egún|[Ss]egundo|[Ss]econdo|citad[oa] por|inform[óa]|dijo a|ha detto a) "
        rf"(?:la agencia |a agência |l['’]agenzia )?(?:de noticias )?(?:\w+ )?{_A}\b",
        rf"\b(?:[Ll]aut|berichtete|meldete|sagte der|sagte dem) (?:der |die |dem )?(?:Nachrichtenagentur )?{_A}\b",
        rf"(?:[Сс]ообщает|сообщил[аи]?|[Пп]ереда[её]т|[Пп]о данным|со ссылкой на|заявил[аи]?|рассказал[аи]?) "
        rf"(?:агентств[оау] |агентству )?{_A}(?!\w)",
        rf"(?:وكالة|لوكالة|بحسب|حسب|وفقا ل|وفقاً ل|نقلت) ?(?:\w+ )?{_A}(?!\w)",
    )
)


# Every credit names an agency: a paragraph naming none is not matched against each pattern.
_ANY_AGENCY = re.compile(_ALIASES)


def find_credits(article: Article) -> list[str]:
    """Credit phrases in the article, as ``"AFP: with reporting from AFP"``, in order found."""
    texts = [article.body, *(r.text for r in article.removed if "credit" in r.reason or "byline" in r.reason)]
    found: list[str] = []
    seen: set[tuple[str, str]] = set()
    for text in texts:
        for paragraph in text.split("\n\n"):
            if not _ANY_AGENCY.search(paragraph):
                continue
            for pattern in CREDIT_PATTERNS:
                for match in pattern.finditer(paragraph):
                    agency = _NAME_TO_AGENCY[match.group("agency").lower()]
                    phrase = " ".join(match.group(0).split()).strip(" -—–")
                    if (agency, phrase.lower()) not in seen:
                        seen.add((agency, phrase.lower()))
                        found.append(f"{agency}: {phrase}")
    return found
