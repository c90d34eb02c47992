"""Atom feeds of a watch area: new incidents and new denials, for any feed reader."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    el.text = text
    return el


def watch_feed(news: dict[str, Any], base: str, updated: str) -> bytes:
    """The feed as UTF-8 XML; ElementTree escapes every string taken from pages."""
    ET.register_namespace("", ATOM)
    watch = news["watch"]
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", f"{base}/watch/{watch['id']}")
    _text(feed, "title", f"sitroom watch: {watch['name']}")
    _text(feed, "updated", updated)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": f"{base}/watch/{watch['id']}/feed.atom"})
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", "sitroom")
    for inc in news["new_incidents"]:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"{base}/incidents/{inc['id']}")
        place = inc.get("location") or "unplaced"
        killed = f", {inc['killed'][0]}–{inc['killed'][2]} killed" if inc.get("killed") else ""
        _text(entry, "title", f"{inc.get('date') or 'undated'} {inc['sub_type']} in {place}{killed}")
        _text(entry, "updated", updated)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": f"{base}/incidents/{inc['id']}"})
        _text(entry, "summary", f"{inc['type']}, grade {inc['grade']}, {inc['n_reports']} report(s)")
    for d in news["new_denials"]:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"{base}/incidents/{d['incident']}#denial-{d['article_id']}-{d['span'][0]}")
        _text(entry, "title", f"{d['speaker']} denies: {d['proposition'][:120]}")
        _text(entry, "updated", updated)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": f"{base}/incidents/{d['incident']}"})
        _text(entry, "summary", d["content"][:500])
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
