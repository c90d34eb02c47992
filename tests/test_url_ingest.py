"""Fetching pages over http(s): safety (no loopback/private addresses unless allowed),
politeness (User-Agent, per-host delay), and clear failures that do not stop the batch.

Every test talks to a small HTTP server started on 127.0.0.1 inside the test.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

import sitroom.ingest.url as url_module
from sitroom.cli import main, run_ingest
from sitroom.errors import FetchError
from sitroom.ingest.url import Fetcher
from sitroom.pipeline import IngestSummary
from sitroom.settings import IngestOptions
from sitroom.store import Store

STORY_TITLE = "Tamsford opens its new river ferry terminal after two years of work"
PLAIN_TITLE = "Snow closes the mountain pass above Tamsford for a third day"


def story_html(title: str) -> bytes:
    """An HTML article page served by the test server."""
    paragraphs = [
        "The new ferry terminal on the east bank of the river in Tamsford opened to passengers on Saturday, "
        "two years after work began and six months later than the town council had first promised.",
        "The terminal replaces a wooden jetty that was damaged beyond repair in the floods of the winter "
        "before last, when the river rose over the quay and swept away the ticket office.",
        "Ferry operators said the first crossings ran on time, and that they expected about a thousand "
        "passengers a day once the schools reopen after the summer holidays at the end of the month.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def plain_page(title: str) -> bytes:
    """A flattened-text page served as text/plain."""
    paragraphs = [
        "Snow drifts of up to two metres closed the mountain pass above Tamsford for a third day on "
        "Thursday, cutting the road between the valley villages and the regional hospital.",
        "Road crews worked through the night with two ploughs, but strong winds blew the snow back over "
        "the road faster than they could clear it, the regional roads office said in a statement.",
        "Villagers said bread and milk were running short in the two shops above the pass, and the army "
        "was asked to fly supplies in by helicopter if the weather allowed it on Friday morning.",
    ]
    return (title + "\n\n" + "\n\n".join(paragraphs) + "\n").encode("utf-8")


@dataclass
class Seen:
    """One request the test server received."""

    path: str
    headers: dict[str, str]


@dataclass
class PageServer:
    """A loopback HTTP server and what it was asked."""

    base: str
    port: int
    requests: list[Seen] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        """URL of ``path`` on this server, under ``host``."""
        return f"http://{host}:{self.port}{path}"

    def paths(self) -> list[str]:
        """Paths requested so far, in order."""
        return [r.path for r in self.requests]


def make_handler(server: PageServer) -> type[BaseHTTPRequestHandler]:
    """A request handler serving the test routes and logging each request."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output quiet."""

        def _send(self, status: int, body: bytes, content_type: str, length: bool = True) -> None:
            """Send a response, with or without a Content-Length."""
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            """Serve the route named by the path."""
            server.requests.append(Seen(self.path, dict(self.headers.items())))
            if self.path.startswith("/story"):
                self._send(200, story_html(STORY_TITLE), "text/html; charset=utf-8")
            elif self.path.startswith("/plain"):
                self._send(200, plain_page(PLAIN_TITLE), "text/plain; charset=utf-8")
            elif self.path == "/slow":
                server.release.wait(10)
                self._send(200, story_html("Too late"), "text/html")
            elif self.path == "/big":
                self._send(200, b"<p>" + b"x" * 5000 + b"</p>", "text/html")
            elif self.path == "/big-stream":
                self._send(200, b"<p>" + b"y" * 5000 + b"</p>", "text/html", length=False)
            elif self.path == "/to-loopback":
                self.send_response(302)
                self.send_header("Location", server.url("/story"))
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self._send(404, b"not here", "text/plain")

    return Handler


@pytest.fixture
def page_server() -> Iterator[PageServer]:
    """A threaded HTTP server on 127.0.0.1, shut down after the test."""
    state = PageServer(base="", port=0)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    state.port = httpd.server_address[1]
    state.base = f"http://127.0.0.1:{state.port}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


ALLOWED = replace(IngestOptions(), allow_private=True, per_host_delay=0.0, timeout=5.0)


def ingest(db: Path, urls: list[str], options: IngestOptions) -> IngestSummary:
    """Run an ingest the way the command line does."""
    with Store(db) as store:
        return run_ingest(store, urls, options, quiet=True)


def ok_pages(db: Path) -> list[dict[str, object]]:
    """Stored (cleaned) pages with their URL and outlet."""
    with Store(db) as store:
        return [
            dict(row)
            for row in store.db.execute(
                "SELECT source, url, outlet, status FROM pages WHERE status = 'ok' ORDER BY url"
            )
        ]


def titles(db: Path) -> list[str | None]:
    """Titles of every stored article."""
    with Store(db) as store:
        return [a.title for a in store.articles()]


def reasons_by_source(summary: IngestSummary) -> dict[str, str]:
    """Failure reasons keyed by the source they name."""
    return {f.source: f.reason for f in summary.failures}


# -- fetching and safety -------------------------------------------------------------------


def test_allowed_loopback_fetch_stores_page_with_url_and_outlet(page_server: PageServer, tmp_path: Path) -> None:
    """With ``allow_private`` a page is fetched, stored under its URL, its host as outlet, and cleaned."""
    url = page_server.url("/story/ferry")
    db = tmp_path / "s.db"

    summary = ingest(db, [url], ALLOWED)

    assert summary.failures == []
    assert summary.pages_new == 1
    pages = ok_pages(db)
    assert pages == [{"source": url, "url": url, "outlet": "127.0.0.1", "status": "ok"}]
    assert titles(db) == [STORY_TITLE]
    with Store(db) as store:
        article = next(store.articles())
    assert article.outlet == "127.0.0.1"
    assert "ferry terminal" in article.body


def test_plain_text_response_is_read_as_a_flattened_page(page_server: PageServer, tmp_path: Path) -> None:
    """A text/plain response is cleaned as a flattened-text page."""
    db = tmp_path / "s.db"

    summary = ingest(db, [page_server.url("/plain/snow")], ALLOWED)

    assert summary.failures == []
    assert titles(db) == [PLAIN_TITLE]


def test_loopback_url_is_refused_by_default_and_not_fetched(page_server: PageServer, tmp_path: Path) -> None:
    """Without ``allow_private`` the URL is refused as loopback and the server is never asked."""
    url = page_server.url("/story/ferry")
    db = tmp_path / "s.db"

    summary = ingest(db, [url], replace(IngestOptions(), per_host_delay=0.0))

    reason = reasons_by_source(summary)[url]
    assert "refused" in reason
    assert "private, loopback" in reason
    assert "127.0.0.1" in reason
    assert page_server.requests == []
    assert ok_pages(db) == []
    with Store(db) as store:
        assert [f["source"] for f in store.failures()] == [url]


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:8080/admin",
        "http://[::1]/",
        "http://10.0.0.7/internal",
        "http://192.168.1.1/router",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
    ],
)
def test_check_refuses_internal_addresses(target: str) -> None:
    """Each hop is checked; any internal address is refused with the address named."""
    fetcher = Fetcher(IngestOptions())
    try:
        with pytest.raises(FetchError, match="private, loopback or link-local") as caught:
            fetcher._check(target)
    finally:
        fetcher.close()
    assert f"({urlsplit(target).hostname})" in caught.value.problem
    assert caught.value.source == target


def test_check_refuses_non_http_schemes() -> None:
    """Only http and https URLs are fetched, even with private addresses allowed."""
    fetcher = Fetcher(replace(IngestOptions(), allow_private=True))
    try:
        with pytest.raises(FetchError, match="only http and https"):
            fetcher._check("file:///etc/passwd")
    finally:
        fetcher.close()


def test_redirect_to_a_loopback_address_is_refused(
    page_server: PageServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A public-looking first hop that redirects to 127.0.0.1 is stopped at the redirect.

    ``localhost`` stands in for a public host: the resolver check lets it through, as it
    would a public address, while 127.0.0.1 is checked for real.
    """
    real_check: Callable[[str], str | None] = url_module._refused_address

    def pretend_localhost_is_public(host: str) -> str | None:
        """Let ``localhost`` pass the address check; check every other host for real."""
        return None if host == "localhost" else real_check(host)

    monkeypatch.setattr(url_module, "_refused_address", pretend_localhost_is_public)
    start = page_server.url("/to-loopback", host="localhost")
    db = tmp_path / "s.db"

    summary = ingest(db, [start], replace(IngestOptions(), per_host_delay=0.0, timeout=5.0))

    reason = reasons_by_source(summary)[start]
    assert "refused" in reason and "loopback" in reason
    assert page_server.url("/story") in reason  # names the hop that was refused
    assert page_server.paths() == ["/to-loopback"]  # the redirect target was never requested
    assert ok_pages(db) == []


def test_redirect_is_followed_when_private_addresses_are_allowed(page_server: PageServer, tmp_path: Path) -> None:
    """The same redirect, allowed, gives the target page under the URL it ended at."""
    start = page_server.url("/to-loopback")
    db = tmp_path / "s.db"

    summary = ingest(db, [start], ALLOWED)

    assert summary.failures == []
    assert page_server.paths() == ["/to-loopback", "/story"]
    assert [p["url"] for p in ok_pages(db)] == [page_server.url("/story")]
    assert titles(db) == [STORY_TITLE]


# -- failures that do not stop the batch ----------------------------------------------------


def test_timeout_is_reported_and_the_batch_goes_on(page_server: PageServer, tmp_path: Path) -> None:
    """A URL that does not answer in time is reported as timed out; the next URL is fetched."""
    slow = page_server.url("/slow")
    good = page_server.url("/story/after-slow")
    db = tmp_path / "s.db"

    summary = ingest(db, [slow, good], replace(ALLOWED, timeout=0.5))

    reasons = reasons_by_source(summary)
    assert list(reasons) == [slow]
    assert "timed out" in reasons[slow]
    assert "0.5 s" in reasons[slow]
    assert [p["url"] for p in ok_pages(db)] == [good]


def test_http_404_is_reported_with_its_status(page_server: PageServer, tmp_path: Path) -> None:
    """A missing page is reported with its HTTP status; the next URL is fetched."""
    missing = page_server.url("/gone")
    good = page_server.url("/story/after-404")
    db = tmp_path / "s.db"

    summary = ingest(db, [missing, good], ALLOWED)

    reasons = reasons_by_source(summary)
    assert list(reasons) == [missing]
    assert "HTTP 404" in reasons[missing]
    assert [p["url"] for p in ok_pages(db)] == [good]


@pytest.mark.parametrize("path", ["/big", "/big-stream"], ids=["declared-length", "streamed"])
def test_page_over_the_size_limit_is_refused(page_server: PageServer, tmp_path: Path, path: str) -> None:
    """Too large is refused whether the server declares the length or just streams the bytes."""
    big = page_server.url(path)
    db = tmp_path / "s.db"

    summary = ingest(db, [big], replace(ALLOWED, max_page_bytes=1000))

    reason = reasons_by_source(summary)[big]
    assert "1000 byte limit" in reason
    assert ok_pages(db) == []


# -- politeness --------------------------------------------------------------------------------


def test_user_agent_names_sitroom(page_server: PageServer, tmp_path: Path) -> None:
    """Servers see a User-Agent naming sitroom."""
    ingest(tmp_path / "s.db", [page_server.url("/story/ua")], ALLOWED)

    assert len(page_server.requests) == 1
    agent = page_server.requests[0].headers.get("User-Agent", "")
    assert agent.startswith("sitroom/")


def test_requests_to_one_host_are_spaced_by_the_per_host_delay(
    page_server: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second request to the same host waits out ``per_host_delay``; another host does not wait."""
    clock = SimpleNamespace(now=1000.0)
    slept: list[float] = []

    def fake_sleep(seconds: float) -> None:
        """Record the wait and advance the fake clock."""
        slept.append(seconds)
        clock.now += seconds

    monkeypatch.setattr(url_module, "time", SimpleNamespace(monotonic=lambda: clock.now, sleep=fake_sleep))
    fetcher = Fetcher(replace(ALLOWED, per_host_delay=3.0), sleep=fake_sleep)
    try:
        fetcher.fetch(page_server.url("/story/1"))
        assert slept == []
        fetcher.fetch(page_server.url("/story/2"))
        assert slept == [pytest.approx(3.0)]
        fetcher.fetch(page_server.url("/story/3", host="localhost"))  # another host: no wait
        assert slept == [pytest.approx(3.0)]
        clock.now += 1.0
        fetcher.fetch(page_server.url("/story/4"))  # one second passed: wait the other two
        assert slept == [pytest.approx(3.0), pytest.approx(2.0)]
        clock.now += 10.0
        fetcher.fetch(page_server.url("/story/5"))  # long enough since the last request
        assert len(slept) == 2
    finally:
        fetcher.close()
    assert page_server.paths() == ["/story/1", "/story/2", "/story/3", "/story/4", "/story/5"]


# -- the command line -----------------------------------------------------------------------------


def test_urls_file_with_comments_and_blank_lines(
    page_server: PageServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--urls FILE`` reads one URL a line, skipping blank lines and ``#`` comments."""
    url_list = tmp_path / "urls.txt"
    url_list.write_text(
        "# pages for the Tamsford desk\n"
        "\n"
        f"{page_server.url('/story/one')}\n"
        "   # an indented comment\n"
        "\n"
        f"  {page_server.url('/plain/two')}  \n",
        encoding="utf-8",
    )
    db = tmp_path / "s.db"

    code = main(["--db", str(db), "ingest", "--urls", str(url_list), "--allow-private", "--delay", "0", "-q"])

    out = capsys.readouterr().out
    assert code == 0
    assert "failures: 0" in out
    assert page_server.paths() == ["/story/one", "/plain/two"]
    assert sorted(t or "" for t in titles(db)) == sorted([STORY_TITLE, PLAIN_TITLE])


def test_urls_file_without_allow_private_fetches_nothing(
    page_server: PageServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A loopback URL from a list is refused on the command line too, and never requested."""
    url_list = tmp_path / "urls.txt"
    url_list.write_text(page_server.url("/story/one") + "\n", encoding="utf-8")

    code = main(["--db", str(tmp_path / "s.db"), "ingest", "--urls", str(url_list), "--delay", "0", "-q"])

    out = capsys.readouterr().out
    assert code == 0
    assert "failures: 1" in out
    assert "loopback" in out
    assert page_server.requests == []


def test_missing_urls_file_is_reported(tmp_path: Path) -> None:
    """A ``--urls`` file that does not exist is a failure naming it."""
    db = tmp_path / "s.db"
    with Store(db) as store:
        summary = run_ingest(store, [], ALLOWED, url_lists=[str(tmp_path / "absent.txt")], quiet=True)
    reasons = reasons_by_source(summary)
    assert list(reasons) == [str(tmp_path / "absent.txt")]
    assert "cannot read the URL list" in reasons[str(tmp_path / "absent.txt")]
