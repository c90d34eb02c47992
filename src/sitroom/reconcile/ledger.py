"""The claim ledger: claims about one proposition, grouped across speakers and outlets.

Two claims are about the same proposition when one denies the other (the claims module
links a denial to the assertion it answers), or when their contents say the same thing:
MiniLM cosine at least :data:`SAME_PROPOSITION` and a content word in common.

Independence: a claim counts once per channel it reached the desk through: its first
intermediary (the agency or outlet that relayed it: Anadolu, Reuters, TRT World) or, for
a speaker reported directly, the article's syndication family (copies collapse). The
origins (original speakers) are listed beside it, so a desk sees when three channels
carry one minister's words.

Status: contested (asserted and denied), corroborated (asserted through two or more
independent channels, denied by none), denied (only denials), single source.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np

from sitroom.clean.patterns import STOPWORDS

SAME_PROPOSITION = 0.62
_WORD = re.compile(r"[a-z][a-z'’-]{3,}")


@dataclass(slots=True)
class Proposition:
    id: str
    text: str
    status: str
    asserted_by: list[dict] = field(default_factory=list)
    denied_by: list[dict] = field(default_factory=list)
    independent_sources: int = 0
    origins: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in STOPWORDS}


def normalise_speaker(name: str) -> str:
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"[’']s\b", "", name)
    return " ".join(name.split()).lower()


def _channel(claim: dict, family_of: dict[str, str], outlets: dict[str, str | None]) -> str:
    """The channel a claim reached the desk through: its first relay, else its family."""
    chain = list(claim.get("chain") or [])
    if chain and outlets.get(claim["article_id"]) and chain[-1] == outlets[claim["article_id"]]:
        chain = chain[:-1]  # the page's own outlet is not a relay
    if len(chain) > 1:
        return f"via:{normalise_speaker(chain[1])}"
    return f"family:{family_of.get(claim['article_id'], claim['article_id'])}"


def build_ledger(
    claims: list[dict], family_of: dict[str, str], outlets: dict[str, str | None], embed
) -> list[Proposition]:
    """Propositions from claim facts; ``embed`` maps a list of texts to unit vectors."""
    claims = sorted(claims, key=lambda c: (c["article_id"], c["span"][0]))
    if not claims:
        return []
    vectors = embed([c["content"] for c in claims])
    sims = np.asarray(vectors) @ np.asarray(vectors).T
    words = [_words(c["content"]) for c in claims]
    parent = list(range(len(claims)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for i, claim in enumerate(claims):
        if claim.get("denies"):
            for j, other in enumerate(claims):
                if other["article_id"] == claim["article_id"] and other["content"] == claim["denies"]:
                    union(i, j)
    # Average linkage: a claim joins a proposition when it is close to its members on
    # average, so a chain of loosely related claims does not collapse into one.
    groups_of: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    pairs = sorted(
        (
            (float(sims[i, j]), i, j)
            for i in range(len(claims))
            for j in range(i + 1, len(claims))
            if sims[i, j] >= SAME_PROPOSITION and words[i] & words[j]
        ),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    for _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        a, b = groups_of[ri], groups_of[rj]
        if float(np.mean(sims[np.ix_(a, b)])) < SAME_PROPOSITION:
            continue
        union(ri, rj)
        root = find(ri)
        groups_of[root] = a + b
        groups_of.pop(max(ri, rj) if root == min(ri, rj) else min(ri, rj), None)
    groups: dict[int, list[int]] = {}
    for i in range(len(claims)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for root in sorted(groups):
        members = [claims[i] for i in groups[root]]
        out.append(_proposition(members, family_of, outlets))
    return out


def _proposition(members: list[dict], family_of: dict[str, str], outlets: dict[str, str | None]) -> Proposition:
    asserted = [c for c in members if c["stance"] != "denies"]
    denied = [c for c in members if c["stance"] == "denies"]
    channels = {_channel(c, family_of, outlets) for c in asserted}
    text = (asserted or members)[0]["content"]
    if asserted and denied:
        status = "contested"
    elif denied:
        status = "denied"
    elif len(channels) >= 2:
        status = "corroborated"
    else:
        status = "single source"
    first = members[0]
    return Proposition(
        id=f"prop-{first['article_id']}-{first['span'][0]}-{hashlib.sha1(first['content'].encode()).hexdigest()[:6]}",
        text=text,
        status=status,
        asserted_by=[_who(c) for c in asserted],
        denied_by=[_who(c) for c in denied],
        independent_sources=len(channels),
        origins=sorted({normalise_speaker(c["speaker"]) for c in members}),
        article_ids=sorted({c["article_id"] for c in members}),
    )


def _who(claim: dict) -> dict:
    return {
        "speaker": claim["speaker"],
        "chain": claim.get("chain") or [],
        "cue": claim["cue"],
        "content": claim["content"],
        "article_id": claim["article_id"],
        "span": claim["span"],
        "direct": claim.get("direct", False),
    }
