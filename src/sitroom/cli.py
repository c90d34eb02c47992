"""The ``sitroom`` command line: a thin shell over the pipeline, the store and the reports."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

from tqdm import tqdm

from sitroom import __version__
from sitroom.errors import SitroomError
from sitroom.extract.gazetteer import country_name
from sitroom.ingest.sources import expand_paths, iter_items
from sitroom.ingest.url import is_url
from sitroom.pipeline import IngestSummary, ingest_items, reclean_stored, run_stages
from sitroom.report.brief import build_brief, to_html
from sitroom.report.export import EXPORTERS, export
from sitroom.report.records import (
    ACLED_COLUMNS,
    OUR_COLUMNS,
    article_record,
    family_record,
    group_record,
    incident_acled_row,
    incident_feature,
    incident_record,
)
from sitroom.report.views import (
    article_view,
    articles_table,
    facts_view,
    families_table,
    stories_table,
    story_view,
)
from sitroom.settings import ENCODERS, IngestOptions
from sitroom.store import Store
from sitroom.store.lock import writer

DEFAULT_DB = "sitroom.db"
DEMO_DB = "sitroom-demo.db"
# Show a progress bar when a run has at least this many inputs (and stderr is a terminal).
PROGRESS_MIN_ITEMS = 20
_DEFAULTS = IngestOptions()
# Facts failures named on the terminal (all are kept in the store, with the error).
MAX_LISTED_FAILURES = 10

# Columns of the facts CSV (JSON Lines carries every field of every kind).
FACT_FIELDS = [
    "kind",
    "article_id",
    "span",
    "text",
    "name",
    "country",
    "lat",
    "lon",
    "geonames_id",
    "precision",
    "value",
    "figure",
    "qualifier",
    "victims",
    "source",
    "speaker",
    "cue",
    "content",
    "stance",
    "direct",
    "chain",
    "type",
    "sub_type",
    "actors",
    "place",
    "time",
    "status",
]
ARTICLE_FIELDS = [
    "id",
    "page_id",
    "index",
    "source",
    "source_id",
    "outlet",
    "title",
    "standfirst",
    "published",
    "published_precision",
    "published_evidence",
    "dateline",
    "language",
    "author",
    "body",
    "removed",
]


def _options(args: argparse.Namespace) -> IngestOptions:
    options = IngestOptions()
    return replace(
        options,
        allow_private=args.allow_private,
        timeout=args.timeout,
        per_host_delay=args.delay,
        max_page_bytes=int(args.max_page_mb * 1024 * 1024),
        encoder=args.encoder,
    )


def run_ingest(
    store: Store, inputs: Sequence[str], options: IngestOptions, url_lists: Sequence[str] = (), quiet: bool = False
) -> IngestSummary:
    """Ingest ``inputs`` with a progress bar on long runs, then re-clean stale stored pages."""
    total = None
    if all(not is_url(i) and i != "-" for i in inputs):
        expanded = list(expand_paths(inputs))
        total = len(expanded)
    bar = tqdm(
        total=total,
        unit="page",
        disable=quiet or (total is not None and total < PROGRESS_MIN_ITEMS) or None,
        file=sys.stderr,
    )
    try:
        summary = ingest_items(
            iter_items(inputs, options, url_lists=url_lists), store, options, tick=lambda _source: bar.update(1)
        )
    finally:
        bar.close()
    reclean_stored(store, summary)
    run_stages(store, summary, options.encoder)
    return summary


def print_summary(summary: IngestSummary, store: Store) -> None:
    counts = store.counts()
    print(
        f"pages: {summary.pages} read ({summary.pages_new} new, {summary.pages_unchanged} unchanged, "
        f"{summary.pages_recleaned} cleaned again); articles: {summary.articles} from this run, "
        f"{counts['articles']} in {store.path}"
    )
    if summary.groups:
        families, events, stories = summary.groups
        print(f"families of copies: {families}; events: {events}; stories: {stories}")
    if summary.facts and (summary.facts[0] or summary.facts[1]):
        analysed, skipped, count = summary.facts
        print(f"facts: {count} from {analysed} articles; {skipped} not analysed (not English)")
    for article_id, error in summary.fact_failures[:MAX_LISTED_FAILURES]:
        print(f"facts failed for article {article_id}: {error}", file=sys.stderr)
    if len(summary.fact_failures) > MAX_LISTED_FAILURES:
        print(f"... and {len(summary.fact_failures) - MAX_LISTED_FAILURES} more facts failures", file=sys.stderr)
    if summary.failures:
        print(f"failures: {len(summary.failures)}")
        for failure in summary.failures:
            print(f"  {failure.source}: {failure.reason}")
    else:
        print("failures: 0")


def cmd_ingest(args: argparse.Namespace) -> int:
    if not args.inputs and not args.urls:
        raise SitroomError("nothing to ingest: name files, directories, URLs, '-' or --urls FILE")
    with writer(args.db), Store(args.db) as store:
        summary = run_ingest(store, args.inputs, _options(args), args.urls or (), quiet=args.quiet)
        print_summary(summary, store)
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        articles = list(store.articles())
    if args.limit:
        articles = articles[: args.limit]
    print(articles_table(articles) if articles else f"no articles in {args.db} yet: run 'sitroom ingest PATH'")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        article = store.find_article(args.id)
        if article is None:
            raise SitroomError(f"no article with id '{args.id}' in {args.db} (see 'sitroom articles')")
        source, _ = store.source_of(article.page_id)
        reference = store.reference_date(article.id)
    print(article_view(article, source, reference))
    return 0


def _incident_records(store: Store, fmt: str) -> Iterable[dict]:
    incidents = store.incidents()
    if fmt == "geojson":
        return (f for f in (incident_feature(i) for i in incidents) if f)
    if fmt == "csv":
        outlets = {a.id: a.outlet for a in store.articles()}
        return (incident_acled_row(i, outlets, country_name) for i in incidents)
    propositions = {p["id"]: p for p in store.propositions()}
    return (incident_record(i, propositions) for i in incidents)


def _records(store: Store, what: str, fmt: str = "jsonl") -> tuple[Iterable[dict], list[str]]:
    if what == "articles":
        return (article_record(a, *store.source_of(a.page_id)) for a in store.articles()), ARTICLE_FIELDS
    if what == "families":
        return (family_record(f) for f in store.families()), ["id", "reference", "members"]
    if what == "events":
        fields = ["id", "label", "first_date", "last_date", "places", "outlets", "article_ids", "story_id"]
        return (group_record(e) for e in store.events()), fields
    if what == "incidents":
        return _incident_records(store, fmt), [*ACLED_COLUMNS, *OUR_COLUMNS] if fmt == "csv" else []
    if what == "facts":
        fields = [*FACT_FIELDS]
        return iter(store.facts()), fields
    if what == "audit":
        fields = ["id", "at", "who", "action", "anchors", "value", "note", "incident_id", "before", "after", "applied"]
        return iter(store.audit()), fields
    fields = ["id", "label", "first_date", "last_date", "places", "outlets", "article_ids", "event_ids"]
    return (group_record(s) for s in store.stories()), fields


def cmd_export(args: argparse.Namespace) -> int:
    with Store(args.db) as store, contextlib.ExitStack() as stack:
        out = stack.enter_context(open(args.output, "w", encoding="utf-8", newline="")) if args.output else sys.stdout
        if args.format == "geojson" and args.what != "incidents":
            raise SitroomError("GeoJSON is for incidents: sitroom export incidents --format geojson")
        records, fields = _records(store, args.what, args.format)
        count = export(records, out, args.format, fields)
    if args.output:
        print(f"wrote {count} {args.what} to {args.output}", file=sys.stderr)
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        article = store.find_article(args.id)
        if article is None:
            raise SitroomError(f"no article with id '{args.id}' in {args.db} (see 'sitroom articles')")
        facts = store.facts(article.id)
        reason = dict(store.skipped_articles()).get(article.id)
    print(facts_view(article, facts, reason))
    return 0


def cmd_families(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        articles = {a.id: a for a in store.articles()}
        families = store.families()
    titles = {k: a.title for k, a in articles.items()}
    outlets = {k: a.outlet for k, a in articles.items()}
    print(families_table(families, titles, outlets))
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        print(stories_table(store.stories()))
    return 0


def cmd_story(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        stories = [s for s in store.stories() if s["id"] == args.id or s["id"].startswith(args.id)]
        if not stories:
            raise SitroomError(f"no story with id '{args.id}' in {args.db} (see 'sitroom stories')")
        if len(stories) > 1:
            raise SitroomError(f"story id '{args.id}' is ambiguous: {', '.join(s['id'] for s in stories[:3])}, ...")
        story = stories[0]
        events = [e for e in store.events() if e["story_id"] == story["id"]]
        articles = {a.id: a for a in store.articles()}
        members: dict[str, dict] = {}
        for family in store.families():
            for m in family["members"]:
                members[m["article_id"]] = {**m, "is_copy": m["article_id"] != family["reference"]}
    print(story_view(story, events, articles, members))
    return 0


def brief_text(store: Store, story: str | None = None, since: str | None = None, fmt: str = "md") -> str:
    """The situation brief of what is stored, as Markdown or HTML."""
    incidents = store.incidents()
    propositions = store.propositions()
    title = "Situation brief"
    if story:
        stories = [s for s in store.stories() if s["id"] == story or s["id"].startswith(story)]
        if not stories:
            raise SitroomError(f"no story with id '{story}' (see 'sitroom stories')")
        members = set(stories[0]["article_ids"])
        incidents = [i for i in incidents if set(i["article_ids"]) & members]
        propositions = [p for p in propositions if set(p["article_ids"]) & members]
        title = f"Situation brief: {stories[0]['label']}"
    articles = {a.id: a for a in store.articles()}
    locations = {}
    for aid, article in articles.items():
        source, _ = store.source_of(article.page_id)
        info = store.page_info(article.page_id) or {}
        locations[aid] = info.get("url") or source
    lines = build_brief(incidents, propositions, articles, locations, title=title, since=since)
    return to_html(lines, title) if fmt == "html" else "\n".join(lines) + "\n"


def cmd_brief(args: argparse.Namespace) -> int:
    with Store(args.db) as store:
        if not store.incidents() and not store.propositions():
            raise SitroomError(f"nothing reconciled in {args.db} yet: run 'sitroom run PATH' or 'sitroom ingest PATH'")
        text = brief_text(store, args.story, args.since, args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote the brief to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Ingest, clean, group, extract, reconcile, then write the brief."""
    cmd_ingest(args)
    print()
    with Store(args.db) as store:
        sys.stdout.write(brief_text(store, fmt="md"))
    return 0


def sample_pages() -> Path:
    """The bundled, invented sample pages the demo runs on."""
    return Path(str(resources.files("sitroom") / "samples" / "pages"))


def cmd_demo(args: argparse.Namespace) -> int:
    pages = sample_pages()
    print(f"sitroom demo: ingesting the bundled sample pages (invented reports) into {args.db}\n")
    with writer(args.db), Store(args.db) as store:
        summary = run_ingest(store, [str(pages)], replace(IngestOptions(), per_host_delay=0), quiet=True)
        print_summary(summary, store)
        print()
        print(articles_table(list(store.articles())))
        print()
        print(stories_table(store.stories()))
        print()
        print(brief_text(store))
    print(f"\nExplore: sitroom --db {args.db} show ID   |   sitroom --db {args.db} export articles --format jsonl")
    print(f"Open the desk in a browser: sitroom --db {args.db} serve   (then http://127.0.0.1:8080/)")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the desk until interrupted."""
    import uvicorn

    from sitroom.web.app import DeskSettings, create_app

    if not Path(args.db).exists():
        raise SitroomError(f"{args.db}: no such database (run 'sitroom --db {args.db} run PAGES' first)")
    if args.token is not None and len(args.token) < 12:
        raise SitroomError("the token must be at least 12 characters")
    app = create_app(DeskSettings(db=args.db, token=args.token))
    mode = "reviews allowed with the token" if args.token else "read-only (no --token)"
    print(f"sitroom desk on http://{args.host}:{args.port}/ over {args.db}, {mode}; Ctrl-C stops it", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _input_options(p: argparse.ArgumentParser) -> None:
    """The options of every command that reads pages (ingest, run)."""
    p.add_argument("inputs", nargs="*", help="files, directories, http(s) URLs, or '-' for standard input")
    p.add_argument("--urls", action="append", metavar="FILE", help="a file of URLs, one a line (repeatable)")
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="allow fetching loopback, private and link-local addresses (refused by default)",
    )
    p.add_argument("--timeout", type=float, default=_DEFAULTS.timeout, help="seconds per URL (default %(default)s)")
    p.add_argument(
        "--delay",
        type=float,
        default=_DEFAULTS.per_host_delay,
        help="seconds between requests to one host (default %(default)s)",
    )
    p.add_argument(
        "--max-page-mb",
        type=float,
        default=_DEFAULTS.max_page_bytes / 1024 / 1024,
        help="refuse pages larger than this (default %(default)s MB)",
    )
    p.add_argument(
        "--encoder",
        choices=sorted(ENCODERS),
        default=_DEFAULTS.encoder,
        help="sentence encoder for grouping: minilm (contextual) or static (about 100 times faster, for large"
        " batches; switching re-embeds every stored article) (default %(default)s)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitroom", description="Conflict and ceasefire monitoring from news pages.")
    parser.add_argument("--version", action="version", version=f"sitroom {__version__}")
    parser.add_argument("--db", default=None, help=f"SQLite database file (default ./{DEFAULT_DB})")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="read pages (files, directories, WARC, JSONL, URLs, '-') and clean them")
    _input_options(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("run", help="the main job: ingest, clean, group, extract, reconcile and print the brief")
    _input_options(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("brief", help="the situation brief: incidents, contested claims, timeline, with citations")
    p.add_argument("--story", help="only this story (id or unique prefix)")
    p.add_argument("--since", help="only incidents on or after this date (YYYY-MM-DD)")
    p.add_argument("--format", choices=["md", "html"], default="md")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("articles", help="list stored articles")
    p.add_argument("--limit", type=int, default=0)
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("show", help="one article, then what was removed from its page and why")
    p.add_argument("id", help="article id (a unique prefix is enough)")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("export", help="export stored records")
    p.add_argument("what", choices=["articles", "families", "events", "stories", "facts", "incidents", "audit"])
    p.add_argument("--format", choices=sorted(EXPORTERS), default="jsonl")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("facts", help="one article with its places, times and figures marked in the text")
    p.add_argument("id", help="article id (a unique prefix is enough)")
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("families", help="syndication families: who copied whom, what each copy cut or changed")
    p.set_defaults(func=cmd_families)

    p = sub.add_parser("stories", help="list stories (developing situations) with their date spans")
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("story", help="one story side by side: events, outlets, headlines, dates and copy edits")
    p.add_argument("id", help="story id (a unique prefix is enough)")
    p.set_defaults(func=cmd_story)

    p = sub.add_parser("demo", help="run on the bundled sample pages and print what was found")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("serve", help="the desk: a web application and JSON API over the database")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument(
        "--token",
        default=os.environ.get("SITROOM_TOKEN"),
        help="bearer token that allows reviews and posting pages (default: $SITROOM_TOKEN; none: read-only)",
    )
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db is None:
        args.db = DEMO_DB if args.command == "demo" else DEFAULT_DB
    try:
        return int(args.func(args))
    except SitroomError as exc:
        print(f"sitroom: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
