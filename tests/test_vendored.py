"""The desk's vendored browser files are exactly the pinned releases (SHA256SUMS)."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

VENDOR = Path(str(resources.files("sitroom.web") / "static" / "vendor"))


def _sums() -> dict[str, str]:
    out = {}
    for line in (VENDOR / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        out[name.removeprefix("./")] = digest
    return out


def test_every_vendored_file_matches_its_pinned_hash() -> None:
    sums = _sums()
    assert {"leaflet-1.9.4/leaflet.js", "topojson-client-3.1.0/topojson-client.min.js"} <= set(sums)
    for name, digest in sums.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, f"{name} was changed"


def test_no_unlisted_file_is_served_from_the_vendor_folder() -> None:
    listed = set(_sums())
    present = {
        p.relative_to(VENDOR).as_posix()
        for p in VENDOR.rglob("*")
        if p.is_file() and p.name not in ("SHA256SUMS", "VENDOR.md")
    }
    assert present == listed
