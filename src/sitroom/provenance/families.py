"""Syndication families: articles that are copies or rewrites of one text.

One wire story re-run by twenty outlets, cut, retitled and re-slanted, is one source, not
twenty. Candidates come from MinHash LSH over 5-word shingles (banded for low Jaccard, so
a lead-only copy of a long story, Jaccard ~0.3 but containment ~1, is still found), are
kept when the estimated Jaccard or containment is high enough, and are confirmed by
sentence alignment. Confirmed pairs are joined into families (connected components,
which do not depend on the order articles arrived in). Each family's reference is its
fullest copy; every member is described against it.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash

from sitroom.clean.patterns import MONTHS
from sitroom.model import Article
from sitroom.nlp.sentences import Sentence, article_sentences
from sitroom.provenance.align import Alignment, align, sentence_key, word_edits
from sitroom.provenance.credit import find_credits

SHINGLE = 5
NUM_PERM = 256
# 128 bands of 2 rows: a pair with Jaccard 0.1 is a candidate in 72% of cases, 0.16 (a
# rewrite that keeps a few sentences) in 96%, 0.2 in 99.4%; unrelated news text (Jaccard
# < 0.01) in about 1%. Half as many bands missed a fifth of such rewrites.
LSH_BANDS = (128, 2)
SEED = 20190313
# Estimated Jaccard or containment (of the shorter in the longer) to look closer at a pair.
CANDIDATE_JACCARD = 0.12
CANDIDATE_CONTAINMENT = 0.4
# Candidates a new article is aligned with, closest first.
MAX_ALIGNED_CANDIDATES = 16
# Confirmation by alignment: at least this many sentences kept or reworded, making up at
# least this share of the shorter text (a copy, however cut)...
MIN_MATCHED_SENTENCES = 2
MIN_MATCHED_SHARE = 0.5
# ...or this many, whatever their share (a rewrite: the wire text re-run with the
# outlet's own paragraphs around it). On the corpus, two reports of one event by
# different agencies never shared more than one sentence.
MIN_REWRITE_SENTENCES = 3
# A sentence is kept in a rewrite, wherever it was moved, when at least this share of the
# 5-word shingles of the shorter of it and its counterpart are shared (cut or reworded)...
MIN_KEPT_SHARE = 0.5
# ...counting only sentences of at least this many shingles (9 words).
MIN_KEPT_SHINGLES = 5


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


def shingles(text: str) -> set[bytes]:
    return key_shingles(sentence_key(text))


def key_shingles(key: str) -> set[bytes]:
    """The 5-word shingles of a text already folded by :func:`sentence_key`."""
    words = key.split()
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> tuple[np.ndarray, int]:
    """MinHash values (uint32-range int64 array) and the number of distinct shingles."""
    sh = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_crc32, scheme="affine32")
    if sh:
        minhash.update_batch(sorted(sh))
    return minhash.hashvalues.copy(), len(sh)


@dataclass(slots=True)
class Copy:
    """What family detection needs of an article: its id, date, sentences and signature.

    ``keys`` are the sentences folded for comparison (:func:`sentence_key`), kept
    because an article is aligned with every candidate that comes after it.
    """

    article_id: str
    published: str | None
    sentences: list[Sentence]
    hashvalues: np.ndarray
    size: int  # distinct shingles
    keys: list[str]
    title: str = ""

    @classmethod
    def of(cls, article: Article) -> Copy:
        return cls.signed(article, *signature(article.body))

    @classmethod
    def signed(cls, article: Article, hashvalues: np.ndarray, size: int) -> Copy:
        """``article`` with a signature already computed (stored, or not needed: describing
        a family reads sentences and dates only)."""
        published = article.published.value if article.published else None
        # Alignment is quadratic in sentences: a news article has tens, a hostile page
        # (one sentence repeated for megabytes) hundreds of thousands. Copies show in
        # their first sentences; the rest is not compared.
        sentences = article_sentences(article.body)[:MAX_COMPARED_SENTENCES]
        keys = [sentence_key(s.text) for s in sentences]
        return cls(article.id, published, sentences, hashvalues, size, keys, article.title or "")


MAX_COMPARED_SENTENCES = 400


@dataclass(slots=True)
class Member:
    article_id: str
    omitted: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[dict[str, object]] = field(default_factory=list)
    same: int = 0
    credit: list[str] = field(default_factory=list)
    inherited_date: str | None = None
    inherited_from: str | None = None
    translation: bool = False  # in another language than the reference: nothing to align


@dataclass(slots=True)
class Family:
    id: str
    reference: str
    members: list[Member]


def confirmed(a: Copy, b: Copy) -> Alignment | None:
    """The alignment of the shorter onto the longer when the two are copies, else None."""
    longer, shorter = (a, b) if len(a.sentences) >= len(b.sentences) else (b, a)
    if not shorter.sentences or serial_issues(a.title, b.title):
        return None
    alignment = align(longer.sentences, shorter.sentences, longer.keys, shorter.keys)
    # A sentence that differs only in dates and numbers is a template filled in twice
    # (daily reports of a monitoring mission), not a copy.
    matched = alignment.same + sum(1 for c in alignment.changed if not _template_fill(c.edits))
    needed = min(MIN_MATCHED_SENTENCES, len(shorter.sentences))
    if matched >= needed and matched / len(shorter.sentences) >= MIN_MATCHED_SHARE:
        return alignment
    if matched >= MIN_REWRITE_SENTENCES or _kept_anywhere(shorter, longer) >= MIN_REWRITE_SENTENCES:
        return alignment
    return None


def serial_issues(a: str, b: str) -> bool:
    """Whether two titles name two issues of one periodical ("Daily Report 177/2020 issued
    on 27 July 2020", "... 178/2020 ... 28 July 2020"): its issues reuse whole sentences
    every day, and are new texts, not copies of each other."""
    return bool(a and b and a != b and _template_fill(word_edits(a, b)))


def _kept_anywhere(shorter: Copy, longer: Copy) -> int:
    """Sentences of ``shorter`` that ``longer`` keeps, reworded or cut, in any order.

    The alignment pairs sentences in order; a rewrite that moves the wire text's
    paragraphs around (the fourth paragraph made the lead) keeps them all the same. A
    sentence counts when most of the shingles of the shorter of it and its closest
    counterpart are shared, and not when the two differ only in dates and numbers (a
    template filled in again).
    """
    theirs = [(key, shingled) for key in longer.keys if len(shingled := key_shingles(key)) >= MIN_KEPT_SHINGLES]
    kept = 0
    for key in shorter.keys:
        mine = key_shingles(key)
        if len(mine) < MIN_KEPT_SHINGLES:
            continue
        best, overlap = None, 0.0
        for other, their_shingles in theirs:
            share = len(mine & their_shingles) / min(len(mine), len(their_shingles))
            if share > overlap:
                best, overlap = other, share
        if best is None or overlap < MIN_KEPT_SHARE:
            continue
        if not _template_fill(word_edits(best, key)):
            kept += 1
    return kept


_FILL = re.compile(rf"^(?:[\d.,:/%-]+|{MONTHS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|st|nd|rd|th)$", re.I)


def _template_fill(edits: list[tuple[str, str]]) -> bool:
    """Whether two versions of a sentence differ only in dates and numbers.

    Word diffs of "between 6 and 7 July" and "between 7 and 8 July" move an "and" about,
    so the words other than dates and numbers are compared as bags, not edit by edit.
    """
    old = [w.strip(".,;:()") for before, _ in edits for w in before.split()]
    new = [w.strip(".,;:()") for _, after in edits for w in after.split()]
    if not any(_FILL.match(w) for w in old + new if w):
        return False
    return sorted(w.lower() for w in old if w and not _FILL.match(w)) == sorted(
        w.lower() for w in new if w and not _FILL.match(w)
    )


class _Bands:
    """MinHash LSH buckets: per band, a bucket key (the band's two values as one integer)
    mapping to an article number, or a list of them when several share the bucket.

    Equal bands mean equal keys, exactly as in a general LSH index; holding plain integers
    instead of byte strings and sets takes about a third of the memory at 100,000
    articles (128 buckets each).
    """

    def __init__(self) -> None:
        self.bands, self.rows = LSH_BANDS
        self.tables: list[dict[int, int | list[int]]] = [{} for _ in range(self.bands)]

    def keys(self, hashvalues: np.ndarray) -> list[int]:
        values = hashvalues[: self.bands * self.rows].astype(np.uint64).reshape(self.bands, self.rows)
        keys = values[:, 0]
        for row in range(1, self.rows):
            keys = (keys << np.uint64(32)) ^ values[:, row]
        return keys.tolist()

    def query(self, keys: list[int]) -> set[int]:
        found: set[int] = set()
        for table, key in zip(self.tables, keys, strict=True):
            bucket = table.get(key)
            if bucket is None:
                continue
            if isinstance(bucket, int):
                found.add(bucket)
            else:
                found.update(bucket)
        return found

    def insert(self, number: int, keys: list[int]) -> None:
        for table, key in zip(self.tables, keys, strict=True):
            bucket = table.get(key)
            if bucket is None:
                table[key] = number
            elif isinstance(bucket, int):
                table[key] = [bucket, number]
            else:
                bucket.append(number)


class CopyIndex:
    """An LSH index of copies that new articles are matched against, incrementally."""

    def __init__(self) -> None:
        self._bands = _Bands()
        self._numbers: dict[str, int] = {}
        self._ids: list[str] = []
        self.copies: dict[str, Copy] = {}
        # Signatures and shingle counts by article number, so that a new article's
        # estimates against all its bucket neighbours are one array operation: in
        # crowded buckets there are hundreds per article.
        self._signatures = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._sizes = np.zeros(1024, dtype=np.int64)

    def _remember(self, number: int, copy: Copy) -> None:
        if number >= len(self._sizes):
            grown = 2 * len(self._sizes)
            self._signatures = np.resize(self._signatures, (grown, NUM_PERM))
            self._sizes = np.resize(self._sizes, grown)
        self._signatures[number] = copy.hashvalues
        self._sizes[number] = copy.size

    def _close(self, copy: Copy, numbers: list[int]) -> list[tuple[float, str]]:
        """Neighbours whose estimated Jaccard, or containment of the smaller shingle set
        in the larger, is high enough, with the higher of the two.

        Jaccard is the share of equal MinHash values; the intersection follows from it
        and the two sets' sizes.
        """
        if not numbers:
            return []
        rows = np.asarray(numbers, dtype=np.int64)
        jaccard = (self._signatures[rows] == copy.hashvalues.astype(np.uint32)).mean(axis=1)
        sizes = self._sizes[rows]
        intersection = jaccard * (copy.size + sizes) / (1 + jaccard)
        containment = np.minimum(1.0, intersection / np.minimum(copy.size, sizes))
        keep = (jaccard >= CANDIDATE_JACCARD) | (containment >= CANDIDATE_CONTAINMENT)
        best = np.maximum(jaccard, containment)
        return [(-float(best[k]), self._ids[numbers[k]]) for k in np.flatnonzero(keep).tolist()]

    def add(self, copy: Copy) -> list[str]:
        """Index ``copy``; return the ids of indexed articles it is confirmed a copy of."""
        matches: list[str] = []
        if copy.size:
            keys = self._bands.keys(copy.hashvalues)
            own = self._numbers.get(copy.article_id)
            candidates = self._close(copy, sorted(n for n in self._bands.query(keys) if n != own))
            # Joining a family needs a link to one member, not to all: only the closest
            # candidates are aligned, so a wire story re-run a thousand times costs each
            # new copy a few alignments, not a thousand.
            for _, other_id in sorted(candidates)[:MAX_ALIGNED_CANDIDATES]:
                if confirmed(copy, self.copies[other_id]) is not None:
                    matches.append(other_id)
            if copy.article_id not in self._numbers:
                self._numbers[copy.article_id] = len(self._ids)
                self._ids.append(copy.article_id)
                self._bands.insert(self._numbers[copy.article_id], keys)
            self._remember(self._numbers[copy.article_id], copy)
        self.copies[copy.article_id] = copy
        return matches


def components(ids: Iterable[str], pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components, each sorted, sorted by first id: the same whatever the order."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for i in parent:
        groups.setdefault(find(i), []).append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def describe(member_ids: list[str], copies: dict[str, Copy], articles: dict[str, Article]) -> Family:
    """A family's reference (fullest copy) and each member's differences from it."""
    # The reference is the fullest copy in the family's main language (translations are
    # members, never the reference of the texts they translate).
    languages = Counter(articles[i].language for i in member_ids)
    reference = max(
        member_ids,
        key=lambda i: (languages[articles[i].language], len(copies[i].sentences), -_date_rank(copies[i]), _neg(i)),
    )
    dated = sorted((copies[i].published, i) for i in member_ids if copies[i].published)
    members = []
    for article_id in member_ids:
        member = Member(article_id, credit=find_credits(articles[article_id]))
        if articles[article_id].language != articles[reference].language:
            member.translation = True
        elif article_id != reference:
            ref, copy = copies[reference], copies[article_id]
            alignment = align(ref.sentences, copy.sentences, ref.keys, copy.keys)
            member.omitted, member.added, member.same = alignment.omitted, alignment.added, alignment.same
            member.changed = [{"reference": c.reference, "copy": c.copy, "edits": c.edits} for c in alignment.changed]
        else:
            member.same = len(copies[article_id].sentences)
        if copies[article_id].published is None and dated:
            member.inherited_date, member.inherited_from = dated[0]
        members.append(member)
    return Family(id=f"fam-{member_ids[0]}", reference=reference, members=members)


def _date_rank(copy: Copy) -> int:
    # Earlier dates rank higher as reference among equally full copies.
    return int(copy.published.replace("-", "")[:8].ljust(8, "0")) if copy.published else 99999999


def _neg(article_id: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in article_id)
