"""Place-name normalisation: the keys under which the gazetteer files and finds names.

"Tall Rif'at", "Tell Rifaat" and "Tal Rifat"; "Ma'arrat an-Nu'man" and "Maarat al-Numan";
"Idleb" and "Idlib"; "İskenderun" and "Iskenderun" must meet. Two keys per name:

* ``exact``: ASCII transliteration, lower case, apostrophes and ʿayn dropped, Arabic
  articles (al-, el-, ash-, an-, ...) and the words tall/tell/tal folded, spaces removed;
* ``skeleton``: the exact key without vowels and doubled letters, for a second, stricter
  lookup (only with the article's country, see the resolver).
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_ARTICLE = re.compile(r"\b(?:al|el|ar|as|ash|at|ad|adh|an|az|aз|es|et|ed|en|ech|l)\s*[-‐‑ ]\s*(?=\w)", re.I)
_TELL = re.compile(r"\b(?:tall|tell|tal|tel)\b")
_DROP = re.compile(r"['’ʿʾ`´‘]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_VOWELS = re.compile(r"[aeiouyw]")
_DOUBLE = re.compile(r"(.)\1+")


def exact_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    text = anyascii(text).lower()
    text = _DROP.sub("", text)
    text = _ARTICLE.sub(" ", f" {text}").strip()
    text = _TELL.sub("tal", text)
    # Doubled letters come and go in transliteration: Rifaat/Rifat, Maarrat/Maarat.
    key = _DOUBLE.sub(r"\1", _NON_ALNUM.sub("", text))
    # A final -ah/-eh is a transliteration of the same ending as -a: Hamah, Hama.
    return key[:-1] if len(key) > 4 and key.endswith(("ah", "eh")) else key


def skeleton_key(name: str) -> str:
    key = exact_key(name)
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", key)) if key else ""
