"""The copy index on a wire story re-run many times, and on look-alike reports."""

from __future__ import annotations

import numpy as np

from sitroom.model import Article
from sitroom.provenance.families import LSH_BANDS, MAX_ALIGNED_CANDIDATES, NUM_PERM, Copy, CopyIndex, _Bands, components

WIRE = [
    "Russian warplanes struck a weapons depot in the northern province on Wednesday, the defence ministry said.",
    "The ministry said the strike had been coordinated with the Turkish side through the joint centre.",
    "A monitoring group said at least thirteen civilians were killed in the raids on the provincial capital.",
    "Ankara did not immediately comment on the statement, which was carried by state news agencies.",
    "The province is the last large area held by armed opposition groups after eight years of war.",
]
OTHER = [
    "Heavy rain flooded the coastal highway on Sunday, cutting the port city off for most of the day.",
    "Officials said pumps were brought in from neighbouring districts and the road reopened by evening.",
    "Farmers in the valley reported losses to the harvest, the second such flood in three years.",
]


def _article(article_id: str, sentences: list[str]) -> Article:
    return Article(id=article_id, page_id=article_id, index=0, title=None, body="\n\n".join(sentences))


def test_every_rerun_of_a_wire_story_joins_one_family() -> None:
    index = CopyIndex()
    pairs: list[tuple[str, str]] = []
    runs = MAX_ALIGNED_CANDIDATES * 2
    articles = [
        _article(f"copy{k:02d}", [*WIRE[: 3 + k % 3], f"Outlet {k} added its own closing line here."])
        for k in range(runs)
    ]
    articles.append(_article("flood", OTHER))
    for article in articles:
        copy = Copy.of(article)
        pairs.extend((copy.article_id, m) for m in index.add(copy))
    groups = components([a.id for a in articles], pairs)
    assert [g for g in groups if len(g) > 1] == [[f"copy{k:02d}" for k in range(runs)]]
    assert ["flood"] in groups
    # Each new copy was aligned with a bounded number of earlier ones.
    assert max(sum(1 for a, _ in pairs if a == c) for c, *_ in pairs) <= MAX_ALIGNED_CANDIDATES


def _family_pairs(articles: list[Article]) -> list[list[str]]:
    index = CopyIndex()
    pairs: list[tuple[str, str]] = []
    for article in articles:
        copy = Copy.of(article)
        pairs.extend((copy.article_id, m) for m in index.add(copy))
    return [g for g in components([a.id for a in articles], pairs) if len(g) > 1]


OWN = [
    "Our correspondent in the border town saw columns of trucks heading north before dawn.",
    "Residents told us they had packed their belongings and were waiting for news from relatives.",
    "Shops on the main street stayed shut, and the only bakery open had a queue around the block.",
    "Local officials said two schools would be turned into shelters if the fighting came closer.",
    "A teacher said she had moved her family three times in a year and could not afford a fourth move.",
    "Aid groups warned that fuel stocks in the camps would last no more than ten days.",
    "The regional governor appealed for calm in a televised address on Thursday evening.",
]

LONGER_WIRE = [
    "Turkish officials said talks on the joint patrols would resume at the technical level next week.",
    "The two countries back opposing sides in the conflict but have cooperated on the truce since 2018.",
    "More than a million people have fled the area since the offensive began in December, the UN says.",
]


def test_a_rewrite_that_keeps_three_wire_sentences_is_in_the_family() -> None:
    # An outlet's own reporting wrapped around three sentences of the wire story: less
    # than half its text is the wire's, but three whole sentences are not a coincidence.
    wire = _article("wire", [*WIRE, *LONGER_WIRE])
    rewrite = _article("rewrite", [*OWN[:2], *WIRE[:3], *OWN[2:5]])
    assert _family_pairs([wire, rewrite]) == [["rewrite", "wire"]]


def test_reports_sharing_one_quoted_sentence_are_not_a_family() -> None:
    # Two reports that both quote the same ministry sentence are separate sources.
    quoting = _article("quoting", [*OWN, WIRE[1]])
    assert _family_pairs([_article("wire", WIRE), quoting]) == []


def test_lsh_buckets_pair_articles_that_share_a_whole_band() -> None:
    bands = _Bands()
    rows = LSH_BANDS[1]
    indexed = np.arange(NUM_PERM, dtype=np.int64)
    bands.insert(7, bands.keys(indexed))
    unrelated = indexed + 100_000
    one_band = unrelated.copy()
    one_band[5 * rows : 6 * rows] = indexed[5 * rows : 6 * rows]
    half_a_band = unrelated.copy()
    half_a_band[5 * rows] = indexed[5 * rows]
    assert bands.query(bands.keys(one_band)) == {7}
    assert bands.query(bands.keys(unrelated)) == set()
    assert bands.query(bands.keys(half_a_band)) == set()
    bands.insert(8, bands.keys(one_band))
    assert bands.query(bands.keys(indexed)) == {7, 8}


def test_a_rewrite_that_reorders_and_rewords_the_wire_is_in_the_family() -> None:
    # The wire's last paragraph made the lead, one sentence cut short, one reworded: an
    # in-order alignment pairs at most one of them, but all three are the wire's.
    rewrite = _article(
        "rewrite",
        [
            OWN[0],
            WIRE[4],
            OWN[1],
            WIRE[2].replace("civilians were killed", "civilians died"),
            WIRE[0].split(" on Wednesday")[0] + ".",
            OWN[2],
        ],
    )
    assert _family_pairs([_article("wire", WIRE), rewrite]) == [["rewrite", "wire"]]


def test_daily_reports_from_one_template_are_not_a_family() -> None:
    # A monitoring mission's daily report: the same sentences, other dates and numbers.
    def report(day: int, counts: tuple[int, int, int]) -> list[str]:
        a, b, c = counts
        return [
            f"Between the evenings of {day} and {day + 1} July, the mission recorded {a} ceasefire violations.",
            f"In the previous reporting period, it recorded {b} ceasefire violations in the northern districts.",
            f"The mission saw {c} burning areas and {a + c} craters near the contact line on {day + 1} July.",
            "Monitors were again restricted at a checkpoint near the railway station by armed men.",
        ]

    articles = [_article("monday", report(6, (12, 40, 3))), _article("tuesday", report(7, (25, 12, 5)))]
    assert _family_pairs(articles) == []
