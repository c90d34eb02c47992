"""Datelines: the place (and sometimes agency) a wire story opens with, ``ISTANBUL:``."""

from __future__ import annotations

import re

# An upper-case place, an optional ", Country", an optional "(AGENCY)", then a colon or
# a dash: "ISTANBUL:", "RIYADH: ", "TELL AMRIT, Keldara (CPA) —", "MOSCOW (Reuters) -".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][\w'’.\- ]{1,30}?))?"
    r"(?:,?\s*(?:\w+\.?\s+\d{1,2},?\s*)?\((?P<agency>[A-Za-z][\w .&-]{1,30})\))?"
    r"\s*(?::|—|–|--|-)\s+(?=\S)"
)


def find_dateline(first_paragraph: str) -> str | None:
    """The dateline place of a body's first paragraph, as printed, or None."""
    match = DATELINE.match(first_paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    # "US" or "UN" at the start of a sentence is not a dateline; a place has 3+ letters.
    if len(place.replace(" ", "")) < 3:
        return None
    return place
