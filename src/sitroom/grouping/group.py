"""Group articles into events and events into stories.

An *event* holds the articles whose main subject is one real-world happening; a *story*
holds the events of one developing situation over days or weeks. Two events that share
actors, places and phrases (the March 2019 coordination-center talks and the March 2020
coordination-centers agreement) are told apart by their dates, which is why dates are hard
constraints and wording only a similarity.

Similarity of two articles: for two English articles, the cosine of their MiniLM lead
embeddings, blended with TF-IDF cosines of their names and words; otherwise (another
language on either side) what survives translation: the TF-IDF cosine of the concepts
they name (actors, places, happenings; see :mod:`sitroom.grouping.concepts`), blended
with that of their names reduced to transliterated skeletons. Links above a threshold are joined by
constrained single linkage (see :mod:`sitroom.grouping.cluster`): an event may not span
more than a few days, a story not more than several weeks, and a year apart is never the
same event or story. Copies of one text (a syndication family) are always one event.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from sitroom.grouping.cluster import constrained_components
from sitroom.grouping.features import Doc
from sitroom.report.areas import km_between

# Weights of the English blend (embedding, names, words); calibrated on the corpus.
EN_WEIGHTS = (0.55, 0.25, 0.20)
# Names-only similarity is scaled up to sit on the blend's scale (its same-event median is
# about 0.26 against 0.71 for the embedding).
NAMES_ONLY_SCALE = 1.8
# Across languages, the cosine of the concepts two pages name counts this much, and
# transliterated names the rest. On the corpus 0.7 to 0.9 score alike (events 0.859 to
# 0.865, against 0.835 on names alone); same-event pairs across languages have a median
# concept cosine of 0.47, same-story 0.27, unrelated 0.17.
CONCEPT_WEIGHT = 0.75
EVENT_THRESHOLD = 0.55
STORY_THRESHOLD = 0.45
EVENT_THRESHOLD_SAME_DAY = 0.45
STORY_THRESHOLD_DATED = 0.3
# An event may be a happening reported over a week (a truce and its first violations, a
# fire and its inquiry): at most 10 days from its first dated article to its last. Three
# days split such events on the corpus and on ECB+ alike; ten cost little precision.
EVENT_MAX_SPAN_DAYS = 10
# A story is a situation developing over weeks: a truce, its monitoring reports and the
# talks around it run up to ten weeks (a July truce to its September review is 63 days;
# a May escalation to July's statements 61; 45 days split three of the corpus's stories,
# with no gain in precision on the corpus or ECB+, and up to 90 days cost none).
STORY_MAX_SPAN_DAYS = 70
# Two dated articles further apart than this are never linked as one event (a week
# apart merged different events of one story on the corpus).
EVENT_MAX_GAP_DAYS = 4
STORY_MAX_GAP_DAYS = 45
CHUNK = 512
# Scores computed at once (rows × columns), which bounds a chunk's memory.
MAX_CHUNK_CELLS = 4_000_000
# The strongest links each article keeps (single linkage needs few; the rest cost memory).
TOP_K = 50
# Dates vaguer than this many days (or none) make a link harder to earn by this much.
VAGUE_DAYS = 30
VAGUE_MARGIN = 0.12
# An undated group joins a dated one on a link this much above the threshold.
ATTACH_MARGIN = 0.12
# At event level less is needed: the near-tie rule below already keeps a page close to
# two events out of both, and a lone clear link above the event threshold is what a
# reworded report of one happening looks like (corpus and ECB+ agree down to about 0.04).
EVENT_ATTACH_MARGIN = 0.04
# ...and only when its next best dated group is at least this much further away.
ATTACH_AMBIGUITY = 0.03
# An undated page stating a day and month ("on July 27") takes the year of the strongest
# report it links to (at the story threshold at least) dated within this many days of
# that day: "July 27" beside a report of 27 July 2020 is 27 July 2020.
DAY_MONTH_DAYS = 3
# An undated page stating a count of people ("33 soldiers") that at least this many reports
# dated to the day state too, all within this many days, is dated by them, give or take at
# least this many days (see _dated_by_count).
COUNT_REPORTS = 2
COUNT_SPAN_DAYS = EVENT_MAX_SPAN_DAYS
COUNT_UNCERTAINTY = 3
# An undated page that no link by meaning places joins the story (or event) whose
# reports are its three strongest links, every one at the level's threshold and each
# counting the page among its ten strongest (see _by_consensus). Without that last
# condition, at the bare story threshold, the static encoder put a page in another year's
# story (26 pages with another story's pages on the corpus): an undated report of a drone
# shot down near Idlib was closest to three 2019 reports of strikes on Idlib, but to each
# of them a dozen other reports were closer. A page of the story is among the closest of
# its reports' own neighbours (a Yemen analysis was among the four closest of the
# Hodeidah truce reports it was closest to).
STORY_CONSENSUS = 3
MUTUAL_RANK = 10
# An undated page as close (at the story threshold at least, by meaning) to reports of
# times further apart than a story spans reads like a recurring kind of news ("Russian
# jets strike Idlib" in 2018, 2019 and 2020): its links to other undated pages below the
# event-level bar for undated pages are resemblance of kind, not of time, and do not make
# a story. Three undated Reuters reports of strikes near Idlib city (2018, January 2020,
# September 2020) linked each other at 0.57 to 0.61; on ECB+ this costs 0.004 of story F1.
RECURRING_LEVEL = STORY_THRESHOLD
# The score of a link given by structure (two copies of one text, two articles of one
# event at story level): above any similarity.
STRUCTURAL = 2.0


@dataclass(slots=True)
class Grouping:
    events: list[list[str]]
    stories: list[list[str]]  # article ids per story
    story_events: list[list[int]]  # indexes into ``events`` per story


def _tfidf(bags: list[dict[str, int]]) -> sparse.csr_matrix:
    vectorizer = TfidfVectorizer(analyzer=lambda bag: list(bag.elements()), sublinear_tf=True, lowercase=False)
    if not any(bags):
        return sparse.csr_matrix((len(bags), 1))
    return vectorizer.fit_transform(bags).tocsr()


def _gap(a: Doc, b: Doc) -> int | None:
    """Least number of days between two articles' event dates, given their uncertainty."""
    if a.when and b.when:
        return max(0, abs((a.when - b.when).days) - a.uncertainty - b.uncertainty)
    return None


def _english(doc: Doc) -> bool:
    """Compared by meaning (an embedding), not by names alone."""
    return doc.embedding is not None and doc.language == "en"


def _vague(doc: Doc) -> bool:
    return doc.when is None or doc.uncertainty > VAGUE_DAYS


def min_link_score() -> float:
    """The lowest score any link can be used at; weaker pairs are not kept."""
    return min(EVENT_THRESHOLD, STORY_THRESHOLD, STORY_THRESHOLD_DATED)


def similarities(docs: list[Doc], min_score: float, rows: set[int] | None = None) -> Iterable[tuple[float, int, int]]:
    """``(score, i, j)`` for pairs scoring at least ``min_score``, each pair once.

    With ``rows``, only pairs with at least one side in ``rows`` (new articles) are scored.
    Each article keeps at most :data:`TOP_K` links (its strongest), so links grow as
    n·k, not n², and memory stays bounded by :data:`CHUNK` rows at a time.
    """
    if not docs:
        return
    names = _tfidf([d.anchors for d in docs]).astype(np.float32)
    words = _tfidf([d.words for d in docs]).astype(np.float32)
    ideas = _tfidf([d.concepts for d in docs]).astype(np.float32)
    english = np.array([d.embedding is not None and d.language == "en" for d in docs])
    vectors = np.stack([d.embedding if d.embedding is not None else np.zeros(384, np.float32) for d in docs]).astype(
        np.float32
    )
    n = len(docs)
    wanted = sorted(rows) if rows is not None else list(range(n))
    new_mask = np.zeros(n, dtype=bool)
    if rows is not None:
        new_mask[list(rows)] = True
    blocks = _DateBlocks(docs)
    for index in blocks.chunks(wanted):
        columns = blocks.columns(index)
        if not len(columns):
            continue
        everyone = len(columns) == n  # an undated chunk: no need to copy the matrices
        names_t = (names if everyone else names[columns]).T.tocsc()
        words_t = (words if everyone else words[columns]).T.tocsc()
        ideas_t = (ideas if everyone else ideas[columns]).T.tocsc()
        vectors_t = np.ascontiguousarray((vectors if everyone else vectors[columns]).T)
        english_cols = english[columns]
        # Rows a few at a time when there are many columns: a chunk's dense score
        # matrices (about ten float32 and int64 temporaries) stay near MAX_CHUNK_CELLS
        # cells however many articles there are.
        step = max(1, MAX_CHUNK_CELLS // len(columns))
        for start in range(0, len(index), step):
            part = index[start : start + step]
            yield from _scored_rows(
                part,
                columns,
                (names[part] @ names_t).toarray(),
                (words[part] @ words_t).toarray(),
                (ideas[part] @ ideas_t).toarray(),
                vectors[part] @ vectors_t,
                english[part, None] & english_cols[None, :],
                new_mask if rows is not None else None,
                blocks,
                min_score,
            )


def _scored_rows(
    index: np.ndarray,
    columns: np.ndarray,
    names: np.ndarray,
    words: np.ndarray,
    ideas: np.ndarray,
    meaning: np.ndarray,
    both_en: np.ndarray,
    new_mask: np.ndarray | None,
    blocks: _DateBlocks,
    min_score: float,
) -> Iterable[tuple[float, int, int]]:
    """The strongest links of each row of one block of rows against its columns."""
    score = EN_WEIGHTS[1] * names
    score += EN_WEIGHTS[2] * words
    score += EN_WEIGHTS[0] * meaning
    across = (1.0 - CONCEPT_WEIGHT) * np.minimum(1.0, NAMES_ONLY_SCALE * names)
    across += CONCEPT_WEIGHT * ideas
    score = np.where(both_en, score, across)
    # Each pair once: in a full run above the diagonal; with new rows, a new row
    # against every old one and against later new ones.
    valid = columns[None, :] > index[:, None]
    if new_mask is not None:
        valid |= ~new_mask[None, columns]
    valid &= columns[None, :] != index[:, None]
    valid &= blocks.near(index, columns)
    score[~valid] = -1.0
    k = min(TOP_K, len(columns))
    if k <= 0:
        return
    top = np.argpartition(-score, k - 1, axis=1)[:, :k]
    for r, i in enumerate(index.tolist()):
        for c in top[r].tolist():
            value = float(score[r, c])
            if value >= min_score:
                j = int(columns[c])
                yield value, min(i, j), max(i, j)


class _DateBlocks:
    """Which articles can link at all: dated articles only with those a few weeks away.

    Two dated articles further apart than any group's gap can never be linked, so they
    are not scored: a dated article is compared with the articles dated within
    :data:`STORY_MAX_GAP_DAYS` (plus both uncertainties) and with every undated one;
    an undated article with all. Cost grows with the articles per month, not with all
    articles, as long as most are dated.
    """

    def __init__(self, docs: list[Doc]) -> None:
        self.n = len(docs)
        self.vague = np.array([_vague(d) for d in docs], dtype=bool)
        days = np.array([d.when.toordinal() if d.when and not _vague(d) else 0 for d in docs], dtype=np.int64)
        self.days = days
        dated = np.flatnonzero(~self.vague)
        self.dated_order = dated[np.argsort(days[dated], kind="stable")]
        self.dated_days = days[self.dated_order]
        spread = max((d.uncertainty for d in docs if not _vague(d)), default=0)
        self.window = STORY_MAX_GAP_DAYS + 2 * spread
        self.undated = np.flatnonzero(self.vague)

    def chunks(self, wanted: list[int]) -> Iterable[np.ndarray]:
        """Rows in chunks of :data:`CHUNK`: undated ones, then dated ones in date order."""
        rows = np.array(wanted, dtype=np.int64)
        undated = rows[self.vague[rows]]
        dated = rows[~self.vague[rows]]
        dated = dated[np.argsort(self.days[dated], kind="stable")]
        for part in (undated, dated):
            for start in range(0, len(part), CHUNK):
                yield part[start : start + CHUNK]

    def near(self, index: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """Pairs that may link: not both dated further apart than the window."""
        apart = np.abs(self.days[index, None] - self.days[None, columns]) > self.window
        return ~(apart & ~self.vague[index, None] & ~self.vague[None, columns])

    def columns(self, index: np.ndarray) -> np.ndarray:
        if self.vague[index].any():
            return np.arange(self.n)
        low = np.searchsorted(self.dated_days, self.days[index].min() - self.window, side="left")
        high = np.searchsorted(self.dated_days, self.days[index].max() + self.window, side="right")
        return np.sort(np.concatenate([self.dated_order[low:high], self.undated]))


def group(docs: list[Doc], families: list[list[str]]) -> Grouping:
    """Events and stories of ``docs``; ``families`` are copy families (article ids)."""
    docs = sorted(docs, key=lambda d: d.article_id)
    links = [(score, docs[i].article_id, docs[j].article_id) for score, i, j in similarities(docs, min_link_score())]
    return group_from_links(docs, links, families)


def group_from_links(docs: list[Doc], scored: Iterable[tuple[float, str, str]], families: list[list[str]]) -> Grouping:
    """Events and stories from scored article pairs (stored or fresh) and copy families.

    Well-dated articles are linked by constrained single linkage. An article that cannot
    be dated is never a bridge: undated articles first group among themselves (on
    stricter links), then each such group joins the one dated group it is closest to,
    when close enough. Chaining through undated pages is what merged stories years apart
    ("Russian jets strike Idlib" reads the same in 2017 and 2020).
    """
    by_id = {d.article_id: d for d in docs}
    scored = [link for link in scored if link[1] in by_id and link[2] in by_id]
    by_id.update(_dated_by_day_month(by_id, scored))
    docs = sorted(by_id.values(), key=lambda d: d.article_id)
    ids = [d.article_id for d in docs]
    vague = {d.article_id for d in docs if _vague(d)}
    english = {d.article_id for d in docs if _english(d)}
    # Only well-dated articles bound a group's span.
    dates: dict[str, date | None] = {d.article_id: d.when if d.uncertainty <= 1 else None for d in docs}
    # The link tuples themselves are kept, never rebuilt: at 100,000 articles there are
    # millions of them, and each copy would cost a few hundred MB.
    # Every scored link, before the filter below: the story level and the neighbour
    # ranks of consensus need the links the event level leaves out.
    all_scored = scored
    scored = [
        link
        for link in scored
        # Two undated articles compared by names alone: "Idlib", "prison", "Russian"
        # read the same in 2017 and 2019. Not evidence enough to put them together.
        if not (link[1] in vague and link[2] in vague and not (link[1] in english and link[2] in english))
    ]
    event_links = [link for link in scored if _event_link(link[0], by_id[link[1]], by_id[link[2]])]
    known = set(ids)
    copies = []
    for family in families:
        members = [m for m in family if m in known]
        copies.extend((STRUCTURAL, a, b) for a, b in itertools.pairwise(members))
    events = _attach(
        ids,
        event_links + copies,
        vague,
        dates,
        EVENT_MAX_SPAN_DAYS,
        EVENT_THRESHOLD + VAGUE_MARGIN,
        EVENT_THRESHOLD + EVENT_ATTACH_MARGIN,
        english,
        consensus=(STORY_CONSENSUS, EVENT_THRESHOLD),
        neighbours=all_scored,
        allow=one_happening(by_id),
    )
    event_of = {a: k for k, members in enumerate(events) for a in members}
    # An undated article in a dated event is as dated as its event from here on: it must
    # not link the event to stories its own missing date would let it reach.
    story_docs = _dated_by_event(by_id, events, vague)
    story_docs.update(_dated_by_count(story_docs))
    story_vague = {a for a, d in story_docs.items() if _vague(d)}
    story_links: list[tuple[float, str, str]] = []
    for link in all_scored:
        score, a, b = link
        if a in story_vague and b in story_vague and not (a in english and b in english):
            continue
        gap = _gap(story_docs[a], story_docs[b])
        if (
            gap is not None
            and gap <= STORY_MAX_GAP_DAYS
            and _reported_day(story_docs[a])
            and _reported_day(story_docs[b])
        ):
            # Two articles whose leads date their news to the day, weeks apart at most:
            # shared names and a little wording make them one developing situation.
            if score >= STORY_THRESHOLD_DATED:
                story_links.append(link)
        elif score >= STORY_THRESHOLD and _within(gap, STORY_MAX_GAP_DAYS):
            story_links.append(link)
    # Stories join whole events: every article of an event is linked to its first.
    links = story_links + [(STRUCTURAL, members[0], a) for members in events for a in members[1:]]
    # At story level the unit is the event: an event none of whose articles is dated.
    stories = _attach(
        ids,
        links,
        story_vague,
        dates,
        STORY_MAX_SPAN_DAYS,
        STORY_THRESHOLD + VAGUE_MARGIN,
        STORY_THRESHOLD + ATTACH_MARGIN,
        english,
        consensus=(STORY_CONSENSUS, STORY_THRESHOLD),
        neighbours=all_scored,
        recurring=(RECURRING_LEVEL, EVENT_THRESHOLD + VAGUE_MARGIN),
    )
    story_events = [sorted({event_of[a] for a in members}) for members in stories]
    return Grouping(events=events, stories=stories, story_events=story_events)


# Two reports of one event place what their leads report this close at most (km).
EVENT_PLACE_KM = 50
MAX_GROUP_PLACES = 24


def one_happening(by_id: dict[str, Doc]) -> Callable[[str, str], bool]:
    """A veto for merging two event groups whose leads report different happenings.

    On a story's busiest days its reports share names, words and the day: a strike in one
    town and talks in a capital, or strikes on two towns, read alike. What the leads report
    tells them apart: two groups stay apart when every happening their leads report is of
    another kind (violence, talks, movement of forces, ...), or when every town their
    leads place events in is more than :data:`EVENT_PLACE_KM` from every town of the other.
    Groups whose leads report nothing readable merge on their links alone."""
    state: dict[str, tuple[frozenset[str], tuple[tuple[float, float], ...]]] = {}

    def info(root: str) -> tuple[frozenset[str], tuple[tuple[float, float], ...]]:
        if root not in state:
            lead = by_id[root].lead_events
            kinds = frozenset(k for k, _, _ in lead)
            places = tuple(dict.fromkeys((lat, lon) for _, lat, lon in lead if lat is not None))
            state[root] = (kinds, places)
        return state[root]

    def allow(ra: str, rb: str) -> bool:
        ka, pa = info(ra)
        kb, pb = info(rb)
        if ka and kb and not ka & kb:
            return False
        if pa and pb and min(km_between(a[0], a[1], b[0], b[1]) for a in pa for b in pb) > EVENT_PLACE_KM:
            return False
        state[min(ra, rb)] = (ka | kb, tuple(dict.fromkeys(pa + pb))[:MAX_GROUP_PLACES])
        return True

    return allow


def _dated_by_count(by_id: dict[str, Doc]) -> dict[str, Doc]:
    """Undated pages stating a count of people that dated reports state too, dated by them.

    "33 Turkish soldiers" beside reports of 27 and 28 February 2020 stating 33 soldiers is
    news of those days, whatever the page's language. Only when at least
    :data:`COUNT_REPORTS` reports dated to the day state it and all fall within
    :data:`COUNT_SPAN_DAYS`: a count stated at times further apart is not one toll, and
    says nothing of when (other counts the page states may still date it). The page takes
    the earliest of those days, give or take their spread (at least
    :data:`COUNT_UNCERTAINTY` days: a toll is recalled for days after).
    """
    waiting = {a for a, d in by_id.items() if d.counts and _vague(d)}
    if not waiting:
        return {}
    wanted = {c for a in waiting for c in by_id[a].counts}
    stated: dict[str, list[date]] = {}
    for d in by_id.values():
        if d.counts and d.when is not None and _exact(d):
            for c in d.counts:
                if c in wanted:
                    stated.setdefault(c, []).append(d.when)
    out = {}
    for a in sorted(waiting):
        days: list[date] = []
        for c in by_id[a].counts:
            found = sorted(stated.get(c, ()))
            if len(found) >= COUNT_REPORTS and (found[-1] - found[0]).days <= COUNT_SPAN_DAYS:
                days.extend(found)
        days.sort()
        if days and (days[-1] - days[0]).days <= COUNT_SPAN_DAYS:
            spread = max(COUNT_UNCERTAINTY, (days[-1] - days[0]).days)
            out[a] = replace(by_id[a], when=days[0], uncertainty=spread, date_basis="count")
    return out


def _dated_by_day_month(by_id: dict[str, Doc], scored: list[tuple[float, str, str]]) -> dict[str, Doc]:
    """Undated pages that state a day and month, dated by the report closest to them.

    A page's strongest link (at the story threshold) to a report dated to the day gives
    the year, when that report's date agrees with the page's day and month within
    :data:`DAY_MONTH_DAYS`; ties go to the smaller id. Only the strongest: a weaker link
    to a report of another year that happens to fall on the same days (a visit on 11
    February 2019, talks on 10 February 2020) is a coincidence. A page whose day and month
    agree with no such report stays undated: "by October 15" in a September report is a
    deadline, not the news.
    """
    waiting = {a for a, d in by_id.items() if d.when is None and d.day_month}
    if not waiting:
        return {}
    nearest: dict[str, tuple[float, str]] = {}
    for score, a, b in scored:
        if score < STORY_THRESHOLD or (a not in waiting and b not in waiting):
            continue
        for x, y in ((a, b), (b, a)):
            if x not in waiting or not _exact(by_id[y]):
                continue
            current = nearest.get(x)
            if current is None or (score, current[1]) > (current[0], y):
                nearest[x] = (score, y)
    out = {}
    for x, (_, y) in nearest.items():
        when = by_id[y].when
        value = _day_month_near(by_id[x].day_month or "", when) if when else None
        if value is not None:
            out[x] = replace(by_id[x], when=value, uncertainty=0, date_basis="day-month", year=value.year)
    return out


def _day_month_near(day_month: str, when: date) -> date | None:
    """``day_month`` ("MM-DD") in the year around ``when`` that puts it closest, if close."""
    month, day = (int(part) for part in day_month.split("-"))
    for year in (when.year, when.year - 1, when.year + 1):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if abs((value - when).days) <= DAY_MONTH_DAYS:
            return value
    return None


def _event_link(score: float, a: Doc, b: Doc) -> bool:
    """Whether a pair scoring ``score`` may be one event.

    Two articles dated to the same day need less shared wording: a desk's reports of one
    day's happening differ in angle (the strike, the denial, the toll) more than reports
    of different days differ in topic.
    """
    gap = _gap(a, b)
    if gap == 0 and _exact(a) and _exact(b):
        return score >= EVENT_THRESHOLD_SAME_DAY
    return score >= EVENT_THRESHOLD and _within(gap, EVENT_MAX_GAP_DAYS)


def _exact(doc: Doc) -> bool:
    """Dated to the day (or to an event whose dated articles agree within a day)."""
    return doc.when is not None and doc.uncertainty <= 1


def _reported_day(doc: Doc) -> bool:
    """Dated to the day by what it reports, not only by when it was published.

    An analysis published a week after a ceasefire names the same parties as the
    ceasefire's reports; its publication day says nothing of what it is about.
    """
    return _exact(doc) and doc.date_basis != "published"


def _within(gap: int | None, days: int) -> bool:
    return gap is None or gap <= days


def _dated_by_event(by_id: dict[str, Doc], events: list[list[str]], vague: set[str]) -> dict[str, Doc]:
    """Each article with the dates of its event: undated members take the span of the
    event's dated members (earliest date, give or take the span)."""
    out = dict(by_id)
    for members in events:
        known = sorted(by_id[m].when for m in members if m not in vague and by_id[m].when is not None)
        if not known:
            continue
        spread = (known[-1] - known[0]).days
        for m in members:
            if m in vague:
                out[m] = replace(by_id[m], when=known[0], uncertainty=spread)
    return out


def _attach(
    ids: list[str],
    links: list[tuple[float, str, str]],
    vague: set[str],
    dates: dict[str, date | None],
    max_span_days: int,
    among_threshold: float,
    attach_threshold: float,
    by_meaning: set[str],
    consensus: tuple[int, float] | None = None,
    neighbours: list[tuple[float, str, str]] | None = None,
    recurring: tuple[float, float] | None = None,
    allow: Callable[[str, str], bool] | None = None,
) -> list[list[str]]:
    """Groups where undated articles (``vague``) hang off dated groups instead of
    bridging them.

    Dated articles are joined by their links; undated ones by links of at least
    ``among_threshold`` among themselves; then each undated group joins the dated group
    of its strongest link (at least ``attach_threshold``), unless another dated group is
    nearly as close. Only links compared by meaning (both ends in ``by_meaning``) or
    given by structure (copies, events) attach: names alone do not place a page in
    time, as "Shoigu", "Turkey" and "Idlib" were in the news together for years. Links
    across languages still weigh in: they raise a group the page is already close to by
    meaning (an English page as close to two groups by meaning, and closer still to a
    Spanish report in one of them, joins that one), and a group closer by them than any
    other keeps the page out. With ``consensus`` (a count and a score), an undated group
    still apart joins the dated group its strongest links all reach, when it is among the
    strongest ``neighbours`` (all scored links; ``links`` when not given) of each (see
    :func:`_by_consensus`). With ``recurring`` (a level and a bar), links among undated
    pages below the bar are dropped where either page is time-ambiguous (see
    :func:`_recurring`).
    """
    dated_ids = [i for i in ids if i not in vague]
    firm = [link for link in links if link[1] not in vague and link[2] not in vague]
    groups = constrained_components(dated_ids, firm, dates, max_span_days, allow)
    loose = sorted(vague)
    loose_set = set(loose)
    among = [(s, a, b) for s, a, b in links if a in loose_set and b in loose_set and s >= among_threshold]
    if recurring:
        level, bar = recurring
        # Only pages on a link below the bar need judging; most batches have few or none.
        weak = {x for s, a, b in among if s < bar for x in (a, b)}
        if weak:
            ambiguous = _recurring(links, groups, weak, dates, by_meaning, level, max_span_days)
            among = [(s, a, b) for s, a, b in among if s >= bar or not ({a, b} & ambiguous)]
    loose_groups = constrained_components(loose, among, dict.fromkeys(loose), max_span_days)
    group_of = {m: k for k, g in enumerate(groups) for m in g}
    loose_of = {m: k for k, g in enumerate(loose_groups) for m in g}
    # The strongest link from each undated group to each dated group.
    best: dict[int, dict[int, float]] = {}
    # Links not compared by meaning (another language on one side) never place a page
    # alone, but they count towards a group the page is already close to by meaning,
    # and as a close second elsewhere.
    support: dict[int, dict[int, float]] = {}
    for s, a, b in links:
        if s < attach_threshold:
            continue
        table = best if s >= STRUCTURAL or (a in by_meaning and b in by_meaning) else support
        for x, y in ((a, b), (b, a)):
            if x in loose_of and y in group_of:
                scores = table.setdefault(loose_of[x], {})
                scores[group_of[y]] = max(s, scores.get(group_of[y], s))
    target: dict[int, int] = {}
    for k, by_meaning_scores in best.items():
        extra = support.get(k, {})
        scores = {g: max(v, extra.get(g, v)) for g, v in by_meaning_scores.items()}
        scores.update((g, v) for g, v in extra.items() if g not in scores)
        # Strongest link wins; ties go to the group with the smaller first id. A close
        # second elsewhere means the page could belong to either: it stays on its own.
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked[0][0] not in by_meaning_scores:
            continue  # closest by names alone: not placed in time
        if len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= ATTACH_AMBIGUITY:
            target[k] = ranked[0][0]
    if consensus:
        # Rounds until nothing moves: a page placed in a round counts, in the next, as
        # a page of the group it joined.
        while True:
            reach = dict(group_of)
            reach.update((m, target[k]) for m, k in loose_of.items() if k in target)
            found = _by_consensus(links, loose_of, reach, set(target), *consensus, neighbours or links)
            if not found:
                break
            target.update(found)
    merged = [list(g) for g in groups]
    for k, g in enumerate(loose_groups):
        if k in target:
            merged[target[k]].extend(g)
        else:
            merged.append(list(g))
    return sorted((sorted(g) for g in merged), key=lambda g: g[0])


def _recurring(
    links: list[tuple[float, str, str]],
    groups: list[list[str]],
    pages: set[str],
    dates: dict[str, date | None],
    by_meaning: set[str],
    level: float,
    span_days: int,
) -> set[str]:
    """Undated ``pages`` linked by meaning (at ``level`` at least) to reports dated more than
    ``span_days`` apart: pages that read like news of more than one time.

    A report of one happening resembles its own time's reports most; a report of a kind of
    happening that recurs (air strikes on one city, a truce violated again) resembles every
    time's alike. Such a page says nothing of when it is, so a moderate resemblance to
    another undated page cannot say they are of one story. On ECB+ an undated report's
    dated neighbours are mostly its sibling event's reports, of one time: little is dropped.
    """
    # Each dated page's own date; a page dated only by its group, the group's first date.
    when: dict[str, date] = {}
    for members in groups:
        known = [d for m in members if (d := dates.get(m)) is not None]
        if known:
            start = min(known)
            when.update((m, dates.get(m) or start) for m in members)
    seen: dict[str, list[date]] = {}
    for s, a, b in links:
        if s < level or s >= STRUCTURAL or a not in by_meaning or b not in by_meaning:
            continue
        for x, y in ((a, b), (b, a)):
            if x in pages and y in when:
                seen.setdefault(x, []).append(when[y])
    return {x for x, found in seen.items() if (max(found) - min(found)).days > span_days}


def _by_consensus(
    links: list[tuple[float, str, str]],
    loose_of: dict[str, int],
    group_of: dict[str, int],
    placed: set[int],
    count: int,
    threshold: float,
    neighbours: list[tuple[float, str, str]],
) -> dict[int, int]:
    """Undated groups whose ``count`` strongest links (each at least ``threshold``) all
    reach one dated group, each from a page that counts the undated one among its
    :data:`MUTUAL_RANK` strongest ``neighbours`` (every scored link), and that group.

    A page in another language, with nothing that dates it, has no link by meaning, so
    it is never placed by its strongest link alone. Several reports of one story all
    being its closest, and it among theirs, is another kind of evidence: a page of another
    year would find its own year's reports among them, as the Idlib stories of 2018, 2019
    and 2020 share names, places and concepts; and a page that merely reads like a
    story's reports is closest to them without being close to them as they are to each
    other. Links among undated pages count too, so a page closer to another undated page
    than to the dated group stays apart.
    """
    strongest: dict[int, list[tuple[float, str, str]]] = {}
    for s, a, b in links:
        if s >= STRUCTURAL:
            continue
        for x, y in ((a, b), (b, a)):
            k = loose_of.get(x)
            if k is not None and k not in placed and loose_of.get(y) != k:
                strongest.setdefault(k, []).append((s, y, x))
    candidates = {}
    for k, found in strongest.items():
        top = sorted(found, key=lambda syx: (-syx[0], syx[1], syx[2]))[:count]
        reached = {group_of.get(y) for _, y, _ in top}
        if len(top) == count and top[-1][0] >= threshold and len(reached) == 1 and None not in reached:
            candidates[k] = (reached.pop(), top)
    if not candidates:
        return {}
    rank = _ranks(neighbours, [(y, x, s) for _, top in candidates.values() for s, y, x in top])
    return {k: group for k, (group, top) in candidates.items() if all(rank[(y, x)] <= MUTUAL_RANK for s, y, x in top)}


def _ranks(links: Iterable[tuple[float, str, str]], wanted: list[tuple[str, str, float]]) -> dict[tuple[str, str], int]:
    """For each ``(y, x, score)`` wanted, where ``x`` stands among ``y``'s links by
    strength: 1 + the number of ``y``'s links stronger than ``score``.

    One pass over the links, counting only for the few pages asked about: at a hundred
    thousand articles, sorting every page's links would cost more than the grouping.
    """
    asked: dict[str, list[tuple[str, float]]] = {}
    for y, x, score in wanted:
        asked.setdefault(y, []).append((x, score))
    stronger = {(y, x): 1 for y, x, _ in wanted}
    for s, a, b in links:
        if s >= STRUCTURAL:
            continue
        for y, other in ((a, b), (b, a)):
            for x, score in asked.get(y, ()):
                if s > score and other != x:
                    stronger[(y, x)] += 1
    return stronger
