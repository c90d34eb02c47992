"""The copy index on a wire story re-run many times, and on look-alike reports."""

from __future__ import annotations

from sitroom.model import Article
from sitroom.provenance.families import MAX_ALIGNED_CANDIDATES, Copy, CopyIndex, components

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
