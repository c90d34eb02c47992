"""The claim ledger: claims about one proposition, grouped across speakers and outlets.

Two claims are about the same proposition when one denies the other (the claims module
links a denial to the assertion it answers), or when their contents say the same thing:
MiniLM cosine at least :data:`SAME_PROPOSITION` and a word of what is said in common,
names left aside ("coordinated", "strikes"; not "Turkey", "Idlib": in one story every
claim names the same places and parties, so only the predicate tells propositions apart).
Claims of different stories are never one proposition: a 2020 denial does not answer a
2019 assertion that shares its words.

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
from scipy import sparse

from sitroom.clean.patterns import STOPWORDS

SAME_PROPOSITION = 0.6
# Short contents embed noisily ("the airstrikes were coordinated with Turkey" against
# "Ankara and Moscow coordinated attacks": cosine 0.55), so the words they share in what
# they say (Dice over :func:`_words`) add to the cosine with this weight.
LEXICAL_WEIGHT = 0.15
_WORD = re.compile(r"[A-Za-z][a-z'’-]{2,}")
# Words that name one kind of happening, so "airstrikes", "was hit" and "attacks" meet.
_SAME_KIND = {
    "attack": ("attack", "strike", "airstrike", "hit", "raid", "bomb", "bombard", "bombing", "assault", "shell"),
    "kill": ("kill", "dead", "death", "die", "died"),
    "agree": ("agree", "agreement", "deal", "accord", "sign", "signed"),
    "talk": ("talk", "meet", "meeting", "negotiation", "negotiate"),
    "base": ("center", "centre", "headquarters", "base"),
    "patrol": ("patrol", "patrolling"),
    "withdraw": ("withdraw", "withdrawal", "withdrew", "pullout"),
    "truce": ("ceasefire", "truce", "cease-fire", "armistice"),
}
_KIND_OF = {word: kind for kind, words in _SAME_KIND.items() for word in words}
_SUFFIXES = ("ations", "ation", "ating", "ated", "ates", "ions", "ion", "ings", "ing", "ed", "es", "s")


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


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> set[str]:
    """What a claim says, without its names: stems of lower-case content words, with
    words for one kind of happening folded together."""
    out = set()
    for word in _WORD.findall(text):
        if word[0].isupper() and word.lower() not in _KIND_OF:
            continue
        word = word.lower()
        kind = _kind(word)
        if kind:
            out.add(kind)
        elif len(word) >= 4 and word not in STOPWORDS:
            out.add(_stem(word))
    return out


def _dice(words: list[set[str]]) -> np.ndarray:
    """Dice coefficient of every pair of word sets, as one sparse product."""
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for i, bag in enumerate(words):
        for word in bag:
            rows.append(i)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
    n = len(words)
    if not vocabulary:
        return np.zeros((n, n), dtype=np.float32)
    x = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(vocabulary)))
    shared = (x @ x.T).toarray()
    sizes = np.asarray(x.sum(axis=1)).ravel()
    total = sizes[:, None] + sizes[None, :]
    return np.divide(2 * shared, total, out=np.zeros_like(shared), where=total > 0).astype(np.float32)


def _kind(word: str) -> str | None:
    return _KIND_OF.get(word) or _KIND_OF.get(_stem(word)) or _KIND_OF.get(word.rstrip("s"))


def _kinds(words: set[str]) -> set[str]:
    return words & _SAME_KIND.keys()


def _compatible(a: set[str], b: set[str]) -> bool:
    """Two contents can state one proposition when they share a word and name the same
    kind of happening (or neither names one): "coordinated attacks" is not "a
    coordination center", though both say "coordination"."""
    ka, kb = _kinds(a), _kinds(b)
    return bool(a & b) and (bool(ka & kb) or not (ka or kb))


def normalise_speaker(name: str) -> str:
    """Who speaks, for comparing speakers: the name without its role ("Hulusi Akar, Turkey's
    defence minister" and "Hulusi Akar (defence minister)" are Hulusi Akar)."""
    name = re.sub(r"\s*\([^)]*\)", "", name.split(",")[0])
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
    claims: list[dict],
    family_of: dict[str, str],
    outlets: dict[str, str | None],
    embed,
    story_of: dict[str, str] | None = None,
) -> list[Proposition]:
    """Propositions from claim facts; ``embed`` maps a list of texts to unit vectors;
    ``story_of`` (article id → story id) keeps claims of different stories apart."""
    claims = sorted(claims, key=lambda c: (c["article_id"], c["span"][0]))
    if not claims:
        return []
    vectors = np.asarray(embed([c["content"] for c in claims]), dtype=np.float32)
    words = [_words(c["content"]) for c in claims]
    stories = story_of or {}
    # Claims of one story are compared with each other only: blocks keep the cost at the
    # sum of the squares of story sizes, not the square of all claims.
    blocks: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        blocks.setdefault(stories.get(claim["article_id"], claim["article_id"]), []).append(i)
    where: dict[int, tuple[int, int]] = {}
    matrices: list[np.ndarray] = []
    for b, index in enumerate(blocks.values()):
        matrices.append(vectors[index] @ vectors[index].T + LEXICAL_WEIGHT * _dice([words[i] for i in index]))
        where.update((i, (b, k)) for k, i in enumerate(index))

    def sims(a: list[int], b: list[int]) -> np.ndarray:
        block = where[a[0]][0]
        return matrices[block][np.ix_([where[i][1] for i in a], [where[j][1] for j in b])]

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

    stated: dict[tuple[str, str], list[int]] = {}
    for i, claim in enumerate(claims):
        stated.setdefault((claim["article_id"], claim["content"]), []).append(i)
    for i, claim in enumerate(claims):
        if claim.get("denies"):
            for j in stated.get((claim["article_id"], claim["denies"]), []):
                union(i, j)
    # Average linkage: a claim joins a proposition when it is close to its members on
    # average, so a chain of loosely related claims does not collapse into one.
    groups_of: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    candidates = []
    for b, index in enumerate(blocks.values()):
        rows, cols = np.nonzero(np.triu(matrices[b] >= SAME_PROPOSITION, k=1))
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i, j = index[r], index[c]
            if _compatible(words[i], words[j]):
                candidates.append((float(matrices[b][r, c]), min(i, j), max(i, j)))
    for _, i, j in sorted(candidates, key=lambda x: (-x[0], x[1], x[2])):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        a, b = _wording(groups_of[ri], claims), _wording(groups_of[rj], claims)
        if float(np.mean(sims(a, b))) < SAME_PROPOSITION:
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
        index = groups[root]
        members = [claims[i] for i in index]
        # The proposition is worded as its most central assertion: the one closest, on
        # average, to every other claim of the group.
        centre = max(
            (i for i in index if claims[i]["stance"] != "denies"),
            key=lambda i: (float(np.mean(sims([i], index))), -i),
            default=index[0],
        )
        out.append(_proposition(members, family_of, outlets, claims[centre]["content"]))
    return out


def _wording(members: list[int], claims: list[dict]) -> list[int]:
    """The members whose words state the proposition: a denial ("the claims do not
    reflect reality") joins by what it answers, not by its wording."""
    stated = [i for i in members if claims[i]["stance"] != "denies"]
    return stated or members


def _proposition(
    members: list[dict], family_of: dict[str, str], outlets: dict[str, str | None], text: str
) -> Proposition:
    asserted = [c for c in members if c["stance"] != "denies"]
    denied = [c for c in members if c["stance"] == "denies"]
    channels = {_channel(c, family_of, outlets) for c in asserted}
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
