"""Claims on PolNeAR: sitroom's speaker, cue and content spans against hand-annotated attributions.

PolNeAR (Newell et al., LREC 2018) annotates attributions in US political news: who is
cited (source), the words that mark the citing (cue) and what is attributed (content),
as BRAT standoff spans over the article text; a span may be in several pieces. The test
split (84 articles) is scored; ``--split dev`` is for development. An article annotated
by several annotators is scored against one annotation, the first by annotator id.

Each role is scored on its own: sitroom's claims give speaker, cue and content spans and
each is paired one to one with a gold span of the same role (largest overlap first).
Exact: the extents are equal once whitespace, quotation marks and punctuation are trimmed
from both ends (a gold span in pieces counts from its first piece's start to its last
piece's end). Overlap: the spans share at least one character (with any piece). Precision
is matched predicted spans over predicted spans, recall matched gold spans over gold spans.
"attribution" pairs a claim with a gold attribution when all three roles overlap (an
attribution without a source: cue and content). Gold attributions include beliefs and
intentions ("thinks", "wants"), which sitroom reads as claims only when voiced.

Speed: articles per second with spaCy's parse and with claims alone.
Run: ``python -m benchmarks.claims_polnear [--split test|dev] [--limit N] [--errors N]``.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.shared_data import require
from sitroom.extract.claims import Claim, extract_claims
from sitroom.nlp.language import english

ROLES = ("source", "cue", "content")
_TRIM = " \t\n\"“”‘’'.,:;—–-―"

Span = tuple[int, int]


@dataclass(slots=True)
class Attribution:
    """One gold attribution: the pieces of each role's span (no source: an empty list)."""

    roles: dict[str, list[Span]] = field(default_factory=dict)


@dataclass(slots=True)
class Article:
    name: str
    text: str
    gold: list[Attribution]


def _parse_ann(path: Path) -> list[Attribution]:
    """Attributions of a BRAT standoff file: text-bound spans tied together by event lines."""
    spans: dict[str, list[Span]] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info = line.split("\t")[:2]
            _label, _, ranges = info.partition(" ")
            spans[tid] = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
        elif line.startswith("E"):
            events.append(line.split("\t")[1])
    out = []
    for event in events:
        roles: dict[str, list[Span]] = {role: [] for role in ROLES}
        for part in event.split()[1:]:
            role, _, tid = part.partition(":")
            role = role.lower().rstrip("0123456789")
            if role in roles:
                roles[role] = spans.get(tid, [])
        if roles["cue"] or roles["content"]:
            out.append(Attribution(roles))
    return out


def load(split: str, limit: int | None = None) -> list[Article]:
    root = require("benchmarks/polnear") / "data" / split
    articles = []
    for text_path in sorted((root / "text").glob("*.txt"))[:limit]:
        annotations = sorted((root / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(Article(text_path.stem, text, _parse_ann(annotations[0])))
    return articles


def _trim(text: str, span: Span) -> Span:
    a, b = span
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _overlap(span: Span, pieces: list[Span]) -> int:
    return sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in pieces)


def _match(text: str, predicted: list[Span], gold: list[list[Span]], exact: bool) -> int:
    """Pairs of predicted and gold spans matched one to one, largest overlap first."""
    pairs = []
    for i, p in enumerate(predicted):
        tp = _trim(text, p)
        for j, g in enumerate(gold):
            if exact:
                if tp == _trim(text, (g[0][0], g[-1][1])):
                    pairs.append((tp[1] - tp[0], i, j))
            elif (o := _overlap(p, g)) > 0:
                pairs.append((o, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _o, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def _role_spans(claim: Claim, role: str) -> Span | None:
    if role == "source":
        return claim.speaker_span
    return claim.cue_span if role == "cue" else claim.content_span


def _attribution_matches(claims: list[Claim], gold: list[Attribution]) -> int:
    pairs = []
    for i, c in enumerate(claims):
        for j, g in enumerate(gold):
            ok = True
            score = 0
            for role in ROLES:
                pieces = g.roles[role]
                span = _role_spans(c, role)
                if role == "source" and not pieces:
                    continue
                o = _overlap(span, pieces) if span else 0
                ok = ok and o > 0
                score += o
            if ok:
                pairs.append((score, i, j))
    used_c: set[int] = set()
    used_g: set[int] = set()
    for _s, i, j in sorted(pairs, reverse=True):
        if i not in used_c and j not in used_g:
            used_c.add(i)
            used_g.add(j)
    return len(used_c)


def _prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print N missed gold sources (for development)")
    args = parser.parse_args(argv)

    articles = load(args.split, args.limit)
    nlp = english()
    counts = {(role, kind): 0 for role in ROLES for kind in ("exact", "overlap")}
    n_pred = dict.fromkeys(ROLES, 0)
    n_gold = dict.fromkeys(ROLES, 0)
    n_attr = n_claims = n_gold_attr = 0
    parse_seconds = claim_seconds = 0.0
    missed: list[str] = []
    for article in articles:
        t0 = time.perf_counter()
        doc = nlp(article.text)
        t1 = time.perf_counter()
        claims = extract_claims(doc, None)
        claim_seconds += time.perf_counter() - t1
        parse_seconds += t1 - t0
        n_claims += len(claims)
        n_gold_attr += len(article.gold)
        n_attr += _attribution_matches(claims, article.gold)
        for role in ROLES:
            predicted = [s for c in claims if (s := _role_spans(c, role))]
            gold = [g.roles[role] for g in article.gold if g.roles[role]]
            n_pred[role] += len(predicted)
            n_gold[role] += len(gold)
            for kind in ("exact", "overlap"):
                counts[role, kind] += _match(article.text, predicted, gold, kind == "exact")
            if role == "source" and len(missed) < args.errors:
                for g in gold:
                    if not any(_overlap(p, g) for p in predicted):
                        a, b = g[0][0], g[-1][1]
                        line_start = article.text.rfind("\n", 0, a) + 1
                        line_end = article.text.find("\n", b)
                        missed.append(f"[{article.text[a:b]}] in: {article.text[line_start:line_end][:300]}")

    print(f"PolNeAR {args.split}: {len(articles)} articles, {n_gold_attr} gold attributions, {n_claims} sitroom claims")
    print("overlap = the spans share at least one character; exact = equal extents after trimming quotes/punctuation")
    print(f"{'role':<12}{'match':<9}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}")
    for role in ROLES:
        for kind in ("exact", "overlap"):
            p, r, f = _prf(counts[role, kind], n_pred[role], n_gold[role])
            print(f"{role:<12}{kind:<9}{p:7.3f}{r:7.3f}{f:7.3f}{n_pred[role]:7d}{n_gold[role]:7d}")
    p, r, f = _prf(n_attr, n_claims, n_gold_attr)
    print(f"{'attribution':<12}{'overlap':<9}{p:7.3f}{r:7.3f}{f:7.3f}{n_claims:7d}{n_gold_attr:7d}")
    print(
        "published best on a comparable corpus (PARC 3.0, not measured here): "
        "source F1 0.82; content F1 0.59 exact, 0.83 overlap"
    )
    total = parse_seconds + claim_seconds
    print(
        f"speed: {len(articles) / total:.1f} articles/s with the spaCy parse, "
        f"{len(articles) / claim_seconds:.0f} articles/s for claims alone"
    )
    for line in missed:
        print("missed source", line)


if __name__ == "__main__":
    main()
