"""Heuristics as data: the word lists and patterns the line classifier matches.

Each list is named for what it catches, so a miss can be fixed by adding a line here and
a test, not by touching the classifier's logic. Patterns match the stripped line,
case-insensitively unless noted.
"""

from __future__ import annotations

import re

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november"
    "|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
MONTHS = _MONTHS


def month_table(rows: list[str], separator: str = " ") -> dict[str, int]:
    """Month names to numbers, from twelve rows (January first) of names joined by ``separator``."""
    return {name: number for number, names in enumerate(rows, start=1) for name in names.split(separator)}


# Month names of other languages the corpus carries, for date lines only (French,
# Spanish, German, Italian, Portuguese), mapped to their number.
FOREIGN_MONTHS: dict[str, int] = month_table(
    [
        "janvier enero januar gennaio janeiro",
        "février fevrier febrero februar febbraio fevereiro",
        "mars marzo märz marz março",
        "avril abril april aprile",
        "mai mayo maggio maio",
        "juin junio juni giugno junho",
        "juillet julio juli luglio julho",
        "août aout agosto august",
        "septembre septiembre setiembre september settembre setembro",
        "octobre octubre oktober ottobre outubro",
        "novembre noviembre november novembro",
        "décembre decembre diciembre dezember dicembre dezembro",
    ]
)
FOREIGN_MONTH_NAMES = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
# "Publié le 11 juin 2025 à 18h12", "Publicado el 3 de marzo de 2020".
FOREIGN_DATE_LINE = re.compile(
    r"^(?:(?:publié|publie|mis à jour|publicado|actualizado|veröffentlicht|aktualisiert|pubblicato|aggiornato)"
    r"(?: le| el| am| il| em)?\s*:?\s*)?(?:\w+\.?,?\s+)?(\d{1,2})\.?(?:er)?\s+(?:de\s+)?"
    rf"({FOREIGN_MONTH_NAMES})\s+(?:de\s+)?(\d{{4}})"
    r"(?:[\s,]+(?:à|a las|um|alle|às)?\s*\d{1,2}[:h.]\d{2}(?:\s*uhr)?)?\s*$",
    re.I,
)

# (name, pattern): page furniture that is never part of an article. The name is shown to
# the user as the detail of the removal ("boilerplate (donation appeal)").
BOILERPLATE: tuple[tuple[str, str], ...] = (
    (
        "byline",
        r"^(?:by|written by|reporting by|words by|story by|text by)\s+[A-Z][\w.'’ -]{1,60}"
        r"(?:,\s*[\w .'’-]{1,40})?(?:\s+(?:and|&)\s+[A-Z][\w.'’ -]{1,40})?$",
    ),
    ("byline", r"^[A-Z][\w.'’ -]{1,40}\s(?:staff|correspondents?|reporters?|desk|bureau|newsroom)$"),
    (
        "credit line",
        r"^(?:with (?:additional )?reporting (?:by|from)|additional reporting (?:by|from)|reporting (?:by|from)"
        r"|writing by|editing by|compiled by|edited by)\s[^.!?]{2,100}$",
    ),
    ("navigation bar", r"^[^|.!?]{1,40}(?:\s[|•·»]\s[^|.!?]{1,40}){1,}$"),
    ("donation amount", r"^[$€£¥]?\s*\d[\d.,]*\s*[$€£¥]?$"),
    ("widget date", rf"^(?:{_MONTHS})\.?\s+\d{{4}}$"),
    (
        "donation appeal",
        r"\b(?:do you (?:like|value|enjoy|appreciate) (?:this|our) (?:content|reporting|journalism|work)"
        r"|consider (?:helping|supporting|donating)|support us\b|support (?:our|independent) journalism"
        r"|take a second to support|on patreon|donate (?:now|today)|make a donation"
        r"|become a (?:member|patron|supporter)|choose an amount|journalism costs money)",
    ),
    (
        "related links",
        r"^(?:more on (?:this|the) (?:topic|subject|story)|related(?: articles?| stories| posts| news| content| coverage)?"
        r"|read (?:more|also|next)|see also|you (?:may|might) (?:also )?like|recommended(?: for you)?"
        r"|most (?:read|popular|viewed)|latest (?:news|stories)|trending(?: now)?|also on [\w ]+|more from [\w ]+"
        r"|more stories|top stories|editor'?s picks?)\b.{0,40}$",
    ),
    (
        "navigation",
        r"^(?:back to top(?: button)?|skip to (?:main )?content|menu|search|home|close|next|previous|prev"
        r"|next article|previous article|load more|show more|view all|toggle navigation|main menu"
        r"|accueil|se connecter|connexion|rechercher|inicio|buscar|startseite|suche|anmelden)$",
    ),
    (
        "related links",
        r"^(?:lire aussi|à lire aussi|voir aussi|sur le même sujet|leer también|lea también|te puede interesar"
        r"|mehr zum thema|auch interessant|das könnte sie interessieren|leggi anche)\b.{0,40}$",
    ),
    (
        "sharing",
        r"^(?:share(?: this)?(?: article| story| post| on \w+)?|tweet|email|e-mail|print|whatsapp|telegram|facebook"
        r"|twitter|linkedin|copy link|copied|partager|envoyer par e-mail|imprimer|compartir|teilen|condividi)[:!]?$",
    ),
    (
        "subscription",
        r"\b(?:subscribe (?:to|now|today|for)|sign up (?:for|to)|newsletter|follow us on|join us on"
        r"|get (?:the latest|our) (?:news|updates)|download (?:our|the) app|turn on notifications)\b",
    ),
    (
        "legal",
        r"(?:all rights reserved|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten|©|\(c\) \d{4}|copyright \d{4}|privacy policy|terms of (?:use|service)"
        r"|cookie(?:s| policy| settings)|we use cookies)",
    ),
    ("advertising", r"^(?:advertisement|advertising|sponsored(?: content)?|ad|ads|promoted)$"),
    (
        "stray label",
        r"^(?:tt|file (?:image|photo|picture)|photo|image|picture|video|audio|gallery|watch|listen"
        r"|loading\.*|breaking|exclusive|live|updated?|opinion|analysis|news|world|politics|middle east)$",
    ),
    (
        "comment form",
        r"^(?:leave a (?:reply|comment)|post a comment|add a comment|\d+ comments?|comments?(?: \(\d+\))?"
        r"|write a comment|show comments|view comments|view all comments|reply|notify of|newest most voted"
        r"|inline feedbacks|oldest|newest|most voted|reader comments|\d+ (?:thoughts|responses|replies) on .{1,200}"
        r"|your email address will not be published.{0,80}|required fields are marked.{0,10}|join the discussion"
        r"|log in to comment|comments are closed|commenting is closed)$",
    ),
    (
        "paywall",
        r"(?:already a (?:member|subscriber),? please log ?in|request subscription information|subscribe to (?:continue|read)"
        r"|to continue reading|this content is (?:for|available to) (?:subscribers|members)|content is protected)",
    ),
    ("embedded post", rf"(?:pic\.twitter\.com/|^—\s.{{1,60}}\(@\w+\)|\(@\w{{2,15}}\)\s+(?:{_MONTHS})\.?\s+\d)"),
    ("bracketed note", r"^\[[^\]]{3,200}\]$"),
    ("tags", r"^(?:tags?|topics?|filed under|categories|category)\s*:"),
)

# (name, pattern): photo captions and credits.
CAPTION: tuple[tuple[str, str], ...] = (
    ("photo credit", r"^(?:photo|image|picture|file photo|credit|photograph|photo credit|source)\s*(?::|/|\||-)\s*\S"),
    (
        "agency credit",
        r"(?:^|[\s(/|])(?:AFP|Reuters|AP|EPA|Getty Images|Anadolu Agency|SANA|Xinhua)\s*(?:photo)?\)?\s*$",
    ),
)
# A caption often ends in a parenthesised credit: "Sudani visiting a market (Government media)".
CREDIT_TAIL = re.compile(r"(?:\([^()]{2,60}\)|\[[^\[\]]{2,60}\])\s*$")
# Lines that open a comment thread when they follow the article.
THREAD_OPENERS = frozenset({"comment form"})
# An embedded social-media post: several hashtags or handles in a short line.
HASHTAGS = re.compile(r"(?:^|\s)[#@]\w+")

# Comments: an indented line starting with a bullet or a number opens the comment thread.
COMMENT_MARKER = re.compile(r"^\s{2,}(?:[•·●▪◦‣*–—-]|\d{1,3}[.)])\s*\S")
COMMENT_LINE = re.compile(
    r"^(?:reply|report|like|\d+ (?:likes?|replies)|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago"
    r"|.{1,60} (?:says|said|wrote):)$",
    re.I,
)

# A bullet at the start of a short summary line under a title (a standfirst).
BULLET = re.compile(r"^[-–—•*▪●]\s+")

# A sentence-final character, allowing closing quotes and brackets after it.
SENTENCE_END = re.compile(r"[.!?…]['\"”’»)\]]*$")

# Crawler metadata: " date 2019-03-14" on a line of its own, or glued to the first line.
CRAWLER_DATE = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|(?=\n)|$)")


def compile_named(rules: tuple[tuple[str, str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(pattern, re.I)) for name, pattern in rules)


# Function words left out when comparing the vocabulary of two passages (English only:
# the comparison needs only the frequent ones of four letters or more).
STOPWORDS = frozenset(
    [
        "about",
        "after",
        "again",
        "also",
        "among",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "could",
        "does",
        "during",
        "each",
        "even",
        "from",
        "have",
        "having",
        "here",
        "into",
        "just",
        "made",
        "many",
        "more",
        "most",
        "much",
        "must",
        "only",
        "other",
        "over",
        "said",
        "same",
        "says",
        "should",
        "since",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "until",
        "very",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
    ]
)
