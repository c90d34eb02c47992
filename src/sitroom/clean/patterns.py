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
        r"^(?:with|additional|additional reporting|reporting)\s(?:reporting\s)?(?:by|from)\s[\w .,&'’-]{2,60}$",
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
        r"|next article|previous article|load more|show more|view all|toggle navigation|main menu)$",
    ),
    (
        "sharing",
        r"^(?:share(?: this)?(?: article| story| post| on \w+)?|tweet|email|e-mail|print|whatsapp|telegram|facebook"
        r"|twitter|linkedin|copy link|copied)[:!]?$",
    ),
    (
        "subscription",
        r"\b(?:subscribe (?:to|now|today|for)|sign up (?:for|to)|newsletter|follow us on|join us on"
        r"|get (?:the latest|our) (?:news|updates)|download (?:our|the) app|turn on notifications)\b",
    ),
    (
        "legal",
        r"(?:all rights reserved|©|\(c\) \d{4}|copyright \d{4}|privacy policy|terms of (?:use|service)"
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
        r"|write a comment|show comments|view comments|reply)$",
    ),
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
CREDIT_TAIL = re.compile(r"\((?:[^()]{2,60})\)\s*$")

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

# Crawler metadata line: " date 2019-03-14".
CRAWLER_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*$")


def compile_named(rules: tuple[tuple[str, str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(pattern, re.I)) for name, pattern in rules)
