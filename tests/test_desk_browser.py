"""The desk in a real browser (Debian's chromium driven by Playwright), with no network.

Skipped when chromium is not installed, except in CI (``CI`` set), where they fail: the
README's test command installs chromium. Screenshots of the main pages are written to
``build/screenshots/`` for a reviewer to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.cli import run_ingest
from sitroom.settings import IngestOptions
from sitroom.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed: the browser tests must run in CI (make test installs it)")
    pytest.skip("chromium is not installed (apt-get install chromium, or run make test)", allow_module_level=True)

from playwright.sync_api import Browser, Page, Route, sync_playwright  # noqa: E402

TOKEN = "browser-test-token-42"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_PAGE = f"""<!doctype html><html><head><title>{HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;")}</title>
<meta property="article:published_time" content="2025-06-21"></head><body><article>
<h1>{HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;")}</h1>
<p>Artillery shelling hit the village of Kafr Nabl on Saturday, killing two farmers, a local monitor said.</p>
<p>The monitor said the shells were fired from positions south of the village,
and that rescuers searched the rubble.</p>
</article></body></html>"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def desk(desk_sample_db: Path, tmp_path_factory: pytest.TempPathFactory, samples: Path) -> Iterator[dict]:
    """A desk server on a free loopback port, over a copy of the samples plus one hostile page."""
    import uvicorn

    from sitroom.web.app import DeskSettings, create_app

    folder = tmp_path_factory.mktemp("desk")
    db = folder / "desk.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{desk_sample_db}{suffix}").exists():
            shutil.copy(f"{desk_sample_db}{suffix}", f"{db}{suffix}")
    hostile = folder / "hostile.html"
    hostile.write_text(HOSTILE_PAGE, encoding="utf-8")
    with Store(db) as store:
        run_ingest(store, [str(hostile)], IngestOptions(per_host_delay=0), quiet=True)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(DeskSettings(db=str(db), token=TOKEN)), host="127.0.0.1", port=port, log_level="error"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "db": db, "samples": samples}
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, desk: dict) -> Iterator[Page]:
    """A fresh browser tab that may reach the desk only: anything else is refused and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    errors: list[str] = []

    def route(r: Route) -> None:
        if r.request.url.startswith(desk["url"]) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    tab.outside = outside  # type: ignore[attr-defined]
    tab.errors = errors  # type: ignore[attr-defined]
    yield tab
    context.close()


def _shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=name != "overview")


def test_overview_loads_offline_and_shows_markers(page: Page, desk: dict) -> None:
    page.goto(desk["url"] + "/")
    page.wait_for_selector(".incident-marker", timeout=15_000)
    page.wait_for_selector("#timeline svg rect", timeout=15_000)
    # Country outlines come from the vendored world atlas: well over a hundred shapes.
    outlines = page.locator(".leaflet-overlay-pane path")
    for _ in range(150):
        if outlines.count() > 100:
            break
        page.wait_for_timeout(100)
    assert outlines.count() > 100
    assert page.locator(".incident-marker").count() >= 1
    assert page.locator("#map-legend").inner_text().startswith(page.locator("#map").get_attribute("data-markers"))
    assert page.outside == []  # type: ignore[attr-defined]
    assert page.errors == []  # type: ignore[attr-defined]
    _shot(page, "overview")


def test_a_filter_changes_the_list(page: Page, desk: dict) -> None:
    page.goto(desk["url"] + "/")
    before = int(page.locator("#incident-count").inner_text())
    grades = page.locator("select[name=grade] option").all_inner_texts()
    target = "contested" if "contested" in grades else grades[-1]
    page.select_option("select[name=grade]", target)
    page.click("#filters button[type=submit]")
    page.wait_for_url("**grade=" + target + "*")
    after = int(page.locator("#incident-count").inner_text())
    assert 0 < after < before
    rows = page.locator("tr.incident-row .grade").all_inner_texts()
    assert rows and set(rows) == {target}


def test_incident_page_shows_its_range_with_sources(page: Page, desk: dict) -> None:
    page.goto(desk["url"] + "/")
    page.locator("tr.incident-row a").first.click()
    page.wait_for_selector("h1")
    killed = page.locator("section.casualty[data-figure=killed]").first
    assert killed.locator(".range").inner_text().strip()
    bounds = killed.locator("table.bounds tr")
    assert bounds.count() == 3
    for row in range(3):
        cells = bounds.nth(row)
        assert cells.locator("a").count() == 1, "each bound links to the article it comes from"
        assert cells.locator("blockquote.sentence").inner_text().strip()
    _shot(page, "incident")


def test_a_review_persists_across_a_rerun_of_the_pipeline(page: Page, desk: dict) -> None:
    page.goto(desk["url"] + "/login")
    page.fill("input[name=who]", "Browser Analyst")
    page.fill("input[name=token]", TOKEN)
    page.click("form.login button")
    page.wait_for_url(desk["url"] + "/")
    page.locator("tr.incident-row a").first.click()
    page.wait_for_selector("#review-grade")
    current = page.locator("#grade").inner_text()
    wanted = "confirmed" if current != "confirmed" else "weak"
    page.select_option("#review-grade select[name=grade]", wanted)
    page.fill("#review-grade input[name=note]", "party admitted the strike")
    page.click("#review-grade button")
    page.wait_for_selector("#grade")
    assert page.locator("#grade").inner_text() == wanted
    url = page.url
    with Store(desk["db"]) as store:  # the whole pipeline runs again on the same pages
        run_ingest(store, [str(desk["samples"])], IngestOptions(per_host_delay=0), quiet=True)
    page.goto(url)
    assert page.locator("#grade").inner_text() == wanted
    assert "Browser Analyst" in page.locator("table.audit").inner_text()
    _shot(page, "incident-reviewed")


def test_a_hostile_title_renders_as_text(page: Page, desk: dict) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(desk["url"] + "/search?q=Kafr+Nabl+shelling")
    link = page.locator("ol.results a").first
    assert link.inner_text() == HOSTILE_TITLE
    link.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.locator("article img").count() == 0
    page.check("#show-removed")
    page.wait_for_timeout(300)
    assert dialogs == []
    _shot(page, "article")


def test_story_and_sources_pages_render(page: Page, desk: dict) -> None:
    page.goto(desk["url"] + "/stories")
    page.locator("table.stories a").first.click()
    page.wait_for_selector("section.event .column")
    _shot(page, "story")
    page.goto(desk["url"] + "/sources")
    assert page.locator("table.sources tbody tr").count() >= 3
    _shot(page, "sources")
