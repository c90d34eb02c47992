"""Bytes to text: detect the encoding, refuse what is not text.

The raw bytes are always kept by the caller; this module only decides how to read them,
and says clearly when they cannot be read as a page at all.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from sitroom.errors import InputError

# Leading bytes of common binary formats: a page that starts like this is not text.
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "gzip-compressed data (name it .gz or .warc.gz)",
    b"BZh": "bzip2-compressed data",
    b"\xfd7zXZ": "xz-compressed data",
    b"SQLite format 3": "an SQLite database",
}
# Share of control bytes (other than tab, CR, LF, FF) above which a file is binary. Text
# in any encoding has almost none; 2% tolerates a few stray bytes in a scraped page.
_MAX_CONTROL_SHARE = 0.02
# A few stray NUL bytes occur in real scraped pages; binary files have them everywhere.
_MAX_NUL_SHARE = 0.005
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def check_not_binary(raw: bytes, source: str) -> None:
    """Raise :class:`InputError` when ``raw`` is empty or clearly not text."""
    if not raw.strip():
        raise InputError(source, "the file is empty" if not raw else "the file holds only white space")
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise InputError(source, f"not a text or HTML page: it is {what}")
    sample = raw[:65536]
    nuls = sample.count(b"\x00")
    if nuls > _MAX_NUL_SHARE * len(sample) and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(source, f"not a text or HTML page: {nuls} NUL bytes in the first {len(sample)} (binary data)")
    controls = len(_CONTROL.findall(sample))
    if controls / max(1, len(sample)) > _MAX_CONTROL_SHARE:
        raise InputError(source, f"not a text or HTML page: {controls} control bytes in the first {len(sample)}")


def _declared_charset(raw: bytes, declared: str | None) -> str | None:
    candidates = [declared] if declared else []
    match = _META_CHARSET.search(raw[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "replace"))
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode(raw: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the page bytes.

    Order: a byte-order mark; strict UTF-8 (most of the web); a charset the transport or
    the page declares; then charset-normalizer's detection. When even detection fails, the
    bytes are read as UTF-8 with replacement characters so nothing is lost, and the
    encoding is reported as ``utf-8 (with replacements)``.
    """
    check_not_binary(raw, source)
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(name, errors="replace"), name
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    charset = _declared_charset(raw, declared)
    if charset and charset != "utf-8":
        try:
            return raw.decode(charset), charset
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(raw[:1_000_000]).best()
    if best is not None and best.encoding:
        return raw.decode(best.encoding, errors="replace"), best.encoding
    return raw.decode("utf-8", errors="replace"), "utf-8 (with replacements)"
