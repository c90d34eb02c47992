"""The situation brief: incidents, contested and corroborated claims, and a timeline.

Every sentence is generated from the reconciled records only, and every sentence carries
its citations: numbers into the source list (outlet, title, link or path) at the end.
Disagreement is stated as disagreement: a casualty range names the source of each bound,
a contested claim names who asserts and who denies.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

from sitroom.model import Article

# A brief is read on two screens: the top incidents, the top claims, a short timeline;
# what does not fit is counted and left to the exports.
MAX_INCIDENTS = 12
MAX_TIMELINE = 15
MAX_CLAIMS = 8
MAX_SPEAKERS = 4
_SUB_TYPE_WORDS = {
    "Air/drone strike": "air/drone strikes",
    "Shelling/artillery/missile attack": "shelling",
    "Armed clash": "armed clashes",
    "Headquarters or base established": "a base or headquarters set up",
    "Troop movement or convoy": "a troop movement",
    "Joint patrol": "a joint patrol",
    "Talks or meeting": "talks",
    "Phone call": "a phone call",
    "Agreement": "an agreement",
}


@dataclass(slots=True)
class Sources:
    """Numbered citations, in order of first use."""

    articles: dict[str, Article]
    locations: dict[str, str]  # article id → link or path
    order: list[str] = field(default_factory=list)

    def cite(self, article_ids: list[str]) -> str:
        numbers = []
        for aid in article_ids:
            if aid not in self.order:
                self.order.append(aid)
            numbers.append(self.order.index(aid) + 1)
        return "".join(f"[{n}]" for n in sorted(set(numbers)))

    def lines(self) -> list[str]:
        out = []
        for n, aid in enumerate(self.order, start=1):
            a = self.articles.get(aid)
            title = a.title if a and a.title else "untitled"
            outlet = a.outlet if a and a.outlet else "unknown outlet"
            date_text = a.published.value if a and a.published else "undated"
            out.append(f"[{n}] {outlet}, “{title}” ({date_text}) — {self.locations.get(aid, aid)}")
        return out


_PART_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}


def _part_of_day(value: str) -> tuple[str, str | None]:
    """A TIMEX day with a part of the day ("2025-06-10TEV") as the day and the part's name."""
    if len(value) == 13 and value[10] == "T" and value[11:] in _PART_OF_DAY:
        return value[:10], _PART_OF_DAY[value[11:]]
    return value, None


def _when(value: str | None) -> str:
    if not value:
        return "On an unstated date"
    day, part = _part_of_day(value)
    if part:
        return f"{_when(day)} ({part})"
    if len(value) == 10:
        return f"On {date.fromisoformat(value).strftime('%-d %B %Y')}"
    if len(value) == 7:
        return f"In {date.fromisoformat(value + '-01').strftime('%B %Y')}"
    return f"In {value}"


def _stamp(value: str) -> str:
    """A timeline's date: the ISO value, with a part of the day spelled out."""
    day, part = _part_of_day(value)
    return f"{day} ({part})" if part else value


def _casualties(incident: dict) -> str:
    parts = []
    for c in incident["casualties"]:
        if c["scope"] != "total":
            continue
        low, high = c["low"], c["high"]
        if low["value"] == high["value"]:
            parts.append(f"{low['value']} {c['figure']} ({low['source'] or 'unnamed source'})")
        else:
            parts.append(
                f"between {low['value']} ({low['source'] or 'unnamed source'}) and {high['value']} "
                f"({high['source'] or 'unnamed source'}) {c['figure']}"
            )
        parts += [f"note: {s}" for s in c.get("superseded", [])]
    return "; ".join(parts)


def incident_sentence(incident: dict, sources: Sources) -> str:
    what = _SUB_TYPE_WORDS.get(incident["sub_type"], incident["sub_type"].lower())
    actors = " and ".join(incident["actors"][:2]) if incident["actors"] else "unidentified actors"
    place = incident["place"]
    where = f" in {place['name']} ({place['country']})" if place else ""
    status = "" if incident["status"] in ("reported", "occurred") else f" ({incident['status']})"
    sentence = f"{_when(incident['date'])}, {what}{status} by {actors}{where}"
    toll = _casualties(incident)
    if toll:
        sentence += f": {toll}"
    n = incident["n_independent_sources"]
    sentence += (
        f". Reported by {len(incident['article_ids'])} article(s) from {n} independent source(s); "
        f"grade: {incident['grade']} ({incident['grade_reason']}). "
    )
    return sentence + sources.cite(incident["article_ids"])


def _speakers(entries: list[dict], sources: Sources) -> str:
    """Who said it, each with the channel it came through and the article it is read in:
    "the Russian defence ministry, via Reuters [3]"."""
    seen: dict[str, list[str]] = {}
    for e in entries:
        relays = list(e["chain"][1:])
        article = sources.articles.get(e["article_id"])
        if relays and article is not None and relays[-1] == article.outlet:
            relays = relays[:-1]  # the page's own outlet is where it was read, not a relay
        via = f", via {', '.join(relays)}" if relays else ""
        seen.setdefault(f"{e['speaker']}{via}", []).append(e["article_id"])
    names = [f"{name} {sources.cite(ids)}" for name, ids in list(seen.items())[:MAX_SPEAKERS]]
    if len(seen) > MAX_SPEAKERS:
        names.append(f"{len(seen) - MAX_SPEAKERS} more")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def claim_sentence(prop: dict, sources: Sources) -> str:
    """One proposition as a sentence: what is said, who asserts it and who denies it."""
    asserted, denied = prop["asserted_by"], prop["denied_by"]
    if prop["status"] == "contested":
        # The fullest denial says best what is denied ("does not reflect reality with
        # regards to Turkish cooperation" rather than "the claims are false").
        denial = max(denied, key=lambda e: (len(e["content"]), e["article_id"]))
        return (
            f"{_speakers(asserted, sources)} said {_quote(prop['text'])}; {_speakers(denied, sources)} "
            f"denied it ({_quote(denial['content'])})."
        )
    if prop["status"] == "corroborated":
        return (
            f"{_quote(prop['text'], capital=True)}: asserted through {prop['independent_sources']} independent "
            f"channels, by {_speakers(asserted, sources)}."
        )
    return f"{_speakers(asserted or denied, sources)}: {_quote(prop['text'])} ({prop['status']})."


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _quote(text: str, capital: bool = False) -> str:
    text = " ".join(text.split()).strip(' .,“”"')
    text = text[5:] if text.lower().startswith("that ") else text
    text = text[0].upper() + text[1:] if capital and text else text
    return f"“{text}”"


def _killed_high(incident: dict) -> int:
    killed = [c for c in incident["casualties"] if c["figure"] == "killed" and c["scope"] == "total"]
    return killed[0]["high"]["value"] if killed else 0


def _rank(incident: dict) -> tuple:
    """Main incidents first: what articles lead with, then by independent reports,
    casualties and recency."""
    return (
        incident.get("role", "main") != "main",
        -incident.get("n_independent_sources", len(incident["article_ids"])),
        -_killed_high(incident),
        "".join(chr(0x10FFFF - ord(c)) for c in (incident["date"] or "")),
        incident["id"],
    )


def build_brief(
    incidents: list[dict],
    propositions: list[dict],
    articles: dict[str, Article],
    locations: dict[str, str],
    title: str = "Situation brief",
    since: str | None = None,
) -> list[str]:
    """Markdown lines of the brief."""
    sources = Sources(articles, locations)
    chosen = [i for i in incidents if not since or (i["date"] and i["date"][:10] >= since)]
    ranked = sorted(chosen, key=_rank)
    lines = [f"# {title}", ""]
    lines += ["## Main incidents", ""]
    for incident in ranked[:MAX_INCIDENTS]:
        lines.append(f"- {incident_sentence(incident, sources)}")
    if len(ranked) > MAX_INCIDENTS:
        lines += ["", f"{len(ranked) - MAX_INCIDENTS} further incident(s): see `sitroom export incidents`."]
    relevant = {a for i in chosen for a in i["article_ids"]}
    props = [p for p in propositions if not since or set(p["article_ids"]) & relevant]
    contested = [p for p in props if p["status"] == "contested"]
    corroborated = [p for p in props if p["status"] == "corroborated"]
    if contested:
        lines += ["", "## Contested claims", ""]
        lines += [f"- {_capital(claim_sentence(p, sources))}" for p in contested[:MAX_CLAIMS]]
    if corroborated:
        lines += ["", "## Corroborated claims", ""]
        lines += [f"- {claim_sentence(p, sources)}" for p in corroborated[:MAX_CLAIMS]]
    dated = sorted((i for i in chosen if i["date"] and i["date"][:1].isdigit()), key=lambda i: (i["date"], i["id"]))
    if dated:
        lines += ["", "## Timeline", ""]
        if len(dated) > MAX_TIMELINE:
            lines += [f"The latest {MAX_TIMELINE} of {len(dated)} dated incidents.", ""]
        for incident in dated[-MAX_TIMELINE:]:
            place = f", {incident['place']['name']}" if incident["place"] else ""
            lines.append(
                f"- {_stamp(incident['date'])}: {incident['sub_type']}{place}. {sources.cite(incident['article_ids'])}"
            )
    lines += ["", "## Sources", "", *[f"{line}  " for line in sources.lines()]]
    return lines


def to_html(lines: list[str], title: str) -> str:
    """A self-contained HTML page of the brief's Markdown lines (headings, bullets, text)."""
    body = []
    in_list = False
    for line in lines:
        if line.startswith("- "):
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        if line.startswith("## "):
            body.append(f"<h2>{html.escape(line[3:])}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{html.escape(line[2:])}</h1>")
        elif line.strip():
            body.append(f"<p>{html.escape(line.strip())}</p>")
    if in_list:
        body.append("</ul>")
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        "<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;line-height:1.5}"
        "li{margin:.4rem 0}</style></head><body>" + "\n".join(body) + "</body></html>\n"
    )
