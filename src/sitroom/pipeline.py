"""Wires the stages: read inputs, make pages, clean them, store them; one page at a time.

One broken page never stops a batch: every failure is recorded with its reason (and the
raw bytes, when there were any) and the run goes on. Pages already stored with the
current cleaning are skipped, so a run can be repeated or resumed after an interruption;
pages stored by an older cleaning are cleaned again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sitroom.clean.page import CLEAN_VERSION, clean_page
from sitroom.errors import InputError
from sitroom.ingest.items import RawItem
from sitroom.ingest.page import make_page, page_id
from sitroom.model import IngestFailure, Page
from sitroom.settings import IngestOptions
from sitroom.store import Store


@dataclass(slots=True)
class IngestSummary:
    """What a run did, for the closing summary of ``sitroom ingest``."""

    pages_new: int = 0
    pages_unchanged: int = 0
    pages_recleaned: int = 0
    articles: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    groups: tuple[int, int, int] | None = None  # families, events, stories after the run
    facts: tuple[int, int, int] | None = None  # articles analysed, skipped, facts extracted
    fact_failures: list[tuple[str, str]] = field(default_factory=list)  # (article id, error)
    reconciled: tuple[int, int, int, int] | None = None  # incidents, propositions, contested, corroborated

    @property
    def pages(self) -> int:
        return self.pages_new + self.pages_unchanged + self.pages_recleaned


def _process(page: Page, store: Store, summary: IngestSummary) -> None:
    try:
        articles = clean_page(page)
    except InputError as exc:
        store.save_failure(page.source, exc.problem, page, CLEAN_VERSION)
        summary.failures.append(IngestFailure(page.source, exc.problem, page.id))
        return
    except Exception as exc:  # a bug must not cost the rest of the batch
        reason = f"internal error while cleaning ({type(exc).__name__}: {exc})"
        store.save_failure(page.source, reason, page, CLEAN_VERSION)
        summary.failures.append(IngestFailure(page.source, reason, page.id))
        return
    store.save_page(page, articles, CLEAN_VERSION)
    summary.articles += len(articles)


def ingest_items(
    items: Iterable[RawItem | IngestFailure],
    store: Store,
    options: IngestOptions,
    tick: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Store every item; returns counts and failures. ``tick`` is called once per item."""
    summary = IngestSummary()
    for item in items:
        if tick is not None:
            tick(item.source)
        if isinstance(item, IngestFailure):
            kept = None
            if item.raw:
                kept = Page(
                    id=page_id(item.raw, None), source=item.source, raw=item.raw, text="", content_type="", encoding=""
                )
                item.page_id = kept.id
            store.save_failure(item.source, item.reason, kept)
            summary.failures.append(item)
            continue
        try:
            page = make_page(item, options)
        except InputError as exc:
            kept = Page(
                id=page_id(item.raw, item.url),
                source=item.source,
                raw=item.raw,
                text="",
                content_type=item.kind or "",
                encoding="",
                url=item.url,
                outlet=item.outlet,
                source_id=item.source_id,
            )
            store.save_failure(item.source, exc.problem, kept)
            summary.failures.append(IngestFailure(item.source, exc.problem, kept.id))
            continue
        state = store.page_state(page.id)
        if state is not None and state[1] == CLEAN_VERSION:
            # Stored by this cleaning already: unchanged, or still failing for the same reason.
            if state[0] == "ok":
                summary.pages_unchanged += 1
            else:
                summary.failures.append(IngestFailure(page.source, state[2] or "could not be cleaned", page.id))
            continue
        if state is None:
            summary.pages_new += 1
        else:
            summary.pages_recleaned += 1
        _process(page, store, summary)
    return summary


def reclean_stored(store: Store, summary: IngestSummary) -> None:
    """Run the current cleaning on stored pages that an older one produced."""
    for page in store.stale_pages(CLEAN_VERSION):
        summary.pages_recleaned += 1
        _process(page, store, summary)


def run_stages(store: Store, summary: IngestSummary, encoder: str = "minilm") -> None:
    """The stages after cleaning, in order, on everything stored that they have not seen.

    Families first (facts resolve times with a family's date), then facts, then events
    and stories (which compare what the articles report happened). ``encoder`` names the
    sentence encoder grouping uses (see :mod:`sitroom.grouping.stage`).
    """
    from sitroom.extract.stage import update_facts
    from sitroom.grouping.stage import update_families, update_groups

    update_families(store)
    facts = update_facts(store)
    summary.facts = (facts.analysed, facts.skipped, facts.facts)
    summary.fact_failures = facts.failed
    groups = update_groups(store, encoder)
    summary.groups = (groups.families, groups.events, groups.stories)
    from sitroom.reconcile.stage import update_reconciled

    reconciled = update_reconciled(store)
    summary.reconciled = (reconciled.incidents, reconciled.propositions, reconciled.contested, reconciled.corroborated)
