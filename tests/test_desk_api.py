"""The desk's HTTP API: every endpoint, bad parameters, the token, reviews that survive a rebuild."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from sitroom.reconcile.stage import update_reconciled
from sitroom.store import Store
from sitroom.web.app import DeskSettings, create_app

TOKEN = "desk-test-token-0123"
AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Sitroom-Analyst": "Test Analyst"}


def copy_db(source: Path, target: Path) -> Path:
    """A private copy of a store (tests that write must not change the shared one)."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")
    return target


@pytest.fixture
def desk_db(desk_sample_db: Path, tmp_path: Path) -> Path:
    return copy_db(desk_sample_db, tmp_path / "desk.db")


@pytest.fixture
def client(desk_db: Path) -> TestClient:
    return TestClient(create_app(DeskSettings(db=str(desk_db), token=TOKEN)))


@pytest.fixture
def reader(desk_db: Path) -> TestClient:
    return TestClient(create_app(DeskSettings(db=str(desk_db), token=None)))


def _top_incident(client: TestClient) -> dict:
    listing = client.get("/api/v1/incidents").json()
    return listing["incidents"][0]


def test_overview_lists_ranked_incidents_with_facets(client: TestClient) -> None:
    data = client.get("/api/v1/incidents").json()
    assert data["total"] == len(data["incidents"]) > 0
    top = data["incidents"][0]
    # The incident most outlets report, with its toll, comes first.
    assert top["n_reports"] == max(i["n_reports"] for i in data["incidents"])
    assert top["killed"] and top["killed"][0] <= top["killed"][1] <= top["killed"][2]
    assert set(data["facets"]) >= {"types", "grades", "countries", "stories"}
    assert data["contested_claims"], "the sample pages contain a denied claim"


def test_filters_narrow_the_list_and_the_map(client: TestClient) -> None:
    everything = client.get("/api/v1/incidents").json()
    grade = everything["incidents"][0]["grade"]
    narrowed = client.get("/api/v1/incidents", params={"grade": grade}).json()
    assert 0 < narrowed["total"] <= everything["total"]
    assert all(i["grade"] == grade for i in narrowed["incidents"])
    contested = client.get("/api/v1/incidents", params={"contested": "true"}).json()
    assert all(i["contested"] for i in contested["incidents"])
    points = client.get("/api/v1/map").json()
    assert points["total"] == len(points["points"]) > 0
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in points["points"])
    future = client.get("/api/v1/map", params={"since": "2099-01-01"}).json()
    assert future["total"] == 0
    days = client.get("/api/v1/timeline").json()["days"]
    assert days and days == sorted(days, key=lambda d: (d["day"], d["type"]))


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"since": "last week"}, "since must be a date"),
        ({"grade": "excellent"}, "grade must be one of"),
        ({"country": "Syria"}, "two-letter ISO code"),
        ({"since": "2025-06-10", "until": "2025-06-01"}, "is after until"),
        ({"contested": "maybe"}, "contested must be true or false"),
        ({"page": "0"}, "page must be a whole number"),
        ({"near": "35,abc,10"}, "near must be"),
    ],
)
def test_bad_parameters_get_a_clear_400(client: TestClient, params: dict, words: str) -> None:
    response = client.get("/api/v1/incidents", params=params)
    assert response.status_code == 400
    assert words in response.json()["error"]


def test_unknown_records_are_404_in_json_and_in_html(client: TestClient) -> None:
    for path in ("/api/v1/incidents/inc-nope", "/api/v1/stories/st-nope", "/api/v1/articles/zzzz", "/api/v1/jobs/99"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "no " in response.json()["error"]
    page = client.get("/incidents/inc-nope")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "inc-nope" in page.text


def test_incident_shows_each_bound_with_its_source_and_sentence(client: TestClient, desk_db: Path) -> None:
    top = _top_incident(client)
    data = client.get(f"/api/v1/incidents/{top['id']}").json()
    killed = next(c for c in data["incident"]["casualties"] if c["figure"] == "killed" and c["scope"] == "total")
    for name in ("low", "best", "high"):
        bound = killed[name]
        assert str(bound["value"]) in bound["sentence"] or bound["text"] in bound["sentence"]
        assert bound["outlet"]
    assert data["incident"]["reports"] and all(r["outlet"] for r in data["incident"]["reports"])
    assert data["ledger"], "the top incident has claims about it"
    html = client.get(f"/incidents/{top['id']}").text
    assert f"{killed['low']['value']}–{killed['high']['value']}" in html or str(killed["low"]["value"]) in html


def test_story_article_search_sources_pages_and_twins(client: TestClient) -> None:
    top = client.get(f"/api/v1/incidents/{_top_incident(client)['id']}").json()
    story_id = top["incident"]["story_id"]
    story = client.get(f"/api/v1/stories/{story_id}").json()
    assert story["story"]["events"] and story["story"]["events"][0]["articles"]
    copies = [a for e in story["story"]["events"] for a in e["articles"] if a["copy_of"]]
    assert copies, "the sample story has wire copies"
    edits = {op for a in copies for change in a["changes"] for op, _ in change}
    assert edits & {"del", "ins"}, "what a copy changed is shown word by word"
    page = client.get(f"/stories/{story_id}").text
    assert "<del>" in page or "<ins>" in page
    article_id = top["incident"]["reports"][0]["article_id"]
    article = client.get(f"/api/v1/articles/{article_id}").json()
    kinds = {s.get("kind") for b in article["blocks"] if b["kind"] == "paragraph" for s in b["segments"]}
    assert kinds & {"place", "time", "figure"}, "facts are highlighted in the text"
    assert any(b["kind"] == "removed" and b["reason"] for b in article["blocks"]), "removed lines come with reasons"
    hits = client.get("/api/v1/search", params={"q": "market strike"}).json()["results"]
    assert hits and {h["kind"] for h in hits} <= {"article", "claim"}
    assert any(p["match"] for p in hits[0]["snippet"])
    assert client.get("/api/v1/search", params={"q": 'AND OR "('}).status_code == 200  # query syntax is not passed on
    sources = client.get("/api/v1/sources").json()["sources"]
    assert sources and all(s["articles"] >= s["copies"] for s in sources)
    for path in ("/", "/stories", "/sources", "/search?q=patrol", f"/articles/{article_id}", "/watch", "/login"):
        assert client.get(path).status_code == 200, path
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/incidents/{incident_id}/reviews" in schema["paths"]


def test_writes_need_the_token(client: TestClient, reader: TestClient) -> None:
    incident_id = _top_incident(client)["id"]
    path = f"/api/v1/incidents/{incident_id}/reviews"
    body = {"action": "grade", "grade": "fair"}
    missing = client.post(path, json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = client.post(path, json=body, headers={"Authorization": "Bearer not-the-token-at-all"})
    assert wrong.status_code == 401
    assert reader.post(path, json=body, headers=AUTH).status_code == 403
    assert "read-only" in reader.post(path, json=body, headers=AUTH).json()["error"]
    assert (
        client.post("/api/v1/pages", content=b"{}", headers={"Content-Type": "application/x-ndjson"}).status_code == 401
    )


def test_grade_review_is_audited_and_survives_a_rebuild(client: TestClient, desk_db: Path) -> None:
    top = _top_incident(client)
    new_grade = "confirmed" if top["grade"] != "confirmed" else "weak"
    path = f"/api/v1/incidents/{top['id']}/reviews"
    made = client.post(path, json={"action": "grade", "grade": new_grade, "note": "ministry admitted it"}, headers=AUTH)
    assert made.status_code == 201, made.text
    assert client.get(f"/api/v1/incidents/{top['id']}").json()["incident"]["grade"] == new_grade
    with Store(desk_db) as store:
        update_reconciled(store)  # the pipeline runs again
    after = client.get(f"/api/v1/incidents/{top['id']}").json()
    assert after["incident"]["grade"] == new_grade
    assert "Test Analyst" in after["incident"]["grade_reason"]
    entry = after["audit"][-1]
    assert entry["who"] == "Test Analyst" and entry["before"]["grade"] == top["grade"]
    assert entry["after"]["grade"] == new_grade and entry["applied"]
    assert client.get("/api/v1/audit").json()["audit"][-1]["id"] == entry["id"]
    bad = client.post(path, json={"action": "grade", "grade": "certain"}, headers=AUTH)
    assert bad.status_code == 400 and "grade must be one of" in bad.json()["error"]
    assert client.post(path, json={"action": "promote"}, headers=AUTH).status_code == 400


def test_date_and_place_corrections_apply_at_once(client: TestClient) -> None:
    top = _top_incident(client)
    path = f"/api/v1/incidents/{top['id']}/reviews"
    assert client.post(path, json={"action": "date", "date": "2025-06-09"}, headers=AUTH).status_code == 201
    moved = client.post(
        path, json={"action": "place", "place": "Saraqib", "lat": 35.86, "lon": 36.8}, headers=AUTH
    ).json()
    assert moved["after"]["place"]["name"] == "Saraqib"
    record = client.get(f"/api/v1/incidents/{top['id']}").json()["incident"]
    assert record["date"] == "2025-06-09" and record["date_basis"] == "review"
    assert record["place"]["name"] == "Saraqib" and record["place"]["basis"] == "review"
    points = {p["id"]: p for p in client.get("/api/v1/map").json()["points"]}
    assert points[top["id"]]["lat"] == pytest.approx(35.86)
    bad = client.post(path, json={"action": "date", "date": "yesterday"}, headers=AUTH)
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["error"]


def _wait(client: TestClient, job: dict) -> dict:
    for _ in range(600):
        state = client.get(f"/api/v1/jobs/{job['id']}").json()
        if state["status"] in ("done", "failed"):
            return state
        time.sleep(0.1)
    raise AssertionError(f"job {job['id']} did not finish")


def test_not_an_incident_merge_and_split_regroup(client: TestClient) -> None:
    listing = client.get("/api/v1/incidents").json()["incidents"]
    top = client.get(f"/api/v1/incidents/{listing[0]['id']}").json()["incident"]
    assert len(top["reports"]) >= 2
    # Split the first report out.
    first = top["reports"][0]["key"]
    made = client.post(
        f"/api/v1/incidents/{top['id']}/reviews", json={"action": "split", "reports": [first]}, headers=AUTH
    ).json()
    assert _wait(client, made["job"])["status"] == "done"
    after = client.get("/api/v1/incidents").json()
    assert after["total"] == len(listing) + 1
    # Merge it back: the incident now holding the first report joins the one holding the second.
    holder_of = {
        r["key"]: i["id"]
        for i in after["incidents"]
        for r in client.get(f"/api/v1/incidents/{i['id']}").json()["incident"]["reports"]
    }
    holder, other = holder_of[first], holder_of[top["reports"][1]["key"]]
    assert holder != other
    made = client.post(f"/api/v1/incidents/{holder}/reviews", json={"action": "merge", "other": other}, headers=AUTH)
    assert made.status_code == 201, made.text
    assert _wait(client, made.json()["job"])["status"] == "done"
    assert client.get("/api/v1/incidents").json()["total"] == len(listing)
    # One report is not an incident.
    single = next(i for i in listing if i["n_reports"] == 1)
    report = client.get(f"/api/v1/incidents/{single['id']}").json()["incident"]["reports"][0]["key"]
    made = client.post(
        f"/api/v1/incidents/{single['id']}/reviews", json={"action": "not_incident", "report": report}, headers=AUTH
    ).json()
    assert _wait(client, made["job"])["status"] == "done"
    assert client.get(f"/api/v1/incidents/{single['id']}").status_code == 404
    assert client.get("/api/v1/incidents").json()["total"] == len(listing) - 1


def test_watch_area_lists_new_incidents_and_serves_atom(client: TestClient) -> None:
    point = client.get("/api/v1/map").json()["points"][0]
    shape = {"circle": [point["lat"], point["lon"], 30]}
    made = client.post("/api/v1/watch", json={"name": "Around the top incident", "shape": shape}, headers=AUTH)
    assert made.status_code == 201, made.text
    watch_id = made.json()["id"]
    news = client.get(f"/api/v1/watch/{watch_id}").json()
    assert point["id"] in {i["id"] for i in news["incidents"]}
    assert news["new_incidents"] == []  # nothing is new since the area was saved
    feed = ET.fromstring(client.get(f"/watch/{watch_id}/feed.atom").content)
    assert feed.tag.endswith("feed") and feed.find("{http://www.w3.org/2005/Atom}title") is not None
    far = client.post(
        "/api/v1/watch", json={"name": "Far away", "shape": {"circle": [-40.0, -70.0, 10]}}, headers=AUTH
    ).json()
    assert client.get(f"/api/v1/watch/{far['id']}").json()["inside"] == 0
    bad = client.post("/api/v1/watch", json={"name": "x", "shape": {"circle": [95, 0, 10]}}, headers=AUTH)
    assert bad.status_code == 400 and "out of range" in bad.json()["error"]


def test_posted_pages_are_ingested_as_a_job(client: TestClient) -> None:
    before = client.get("/healthz").json()["counts"]["articles"]
    page = {
        "url": "https://example.org/news/posted-report",
        "title": "Shelling hits the outskirts of Varosh",
        "text": "Shelling hit the outskirts of Varosh on Monday, killing three people, local officials said. "
        "The officials said the shells were fired from positions to the north of the town.",
        "published": "2025-06-20",
    }
    body = (json.dumps(page) + "\n").encode()
    made = client.post("/api/v1/pages", content=body, headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert made.status_code == 202, made.text
    state = _wait(client, made.json()["job"])
    assert state["status"] == "done", state
    assert state["result"]["new"] == 1
    assert client.get("/healthz").json()["counts"]["articles"] == before + 1
    empty = client.post("/api/v1/pages", content=b"", headers=AUTH)
    assert empty.status_code == 400


def test_security_headers_and_size_limits(client: TestClient) -> None:
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in response.text, "no inline script"
    big = client.post(
        f"/api/v1/incidents/{_top_incident(client)['id']}/reviews", content=b"x" * (200 * 1024), headers=AUTH
    )
    assert big.status_code == 413 and "too large" in big.json()["error"]
    assert client.get("/static/../store/sqlite.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404


def test_login_sets_a_cookie_that_allows_form_reviews(client: TestClient) -> None:
    refused = client.post("/login", data={"token": "wrong-token-value", "who": "Ana"})
    assert refused.status_code == 401
    ok = client.post("/login", data={"token": TOKEN, "who": "Ana"}, follow_redirects=False)
    assert ok.status_code == 303 and "httponly" in ok.headers["set-cookie"].lower()
    incident_id = _top_incident(client)["id"]
    sent = client.post(
        f"/incidents/{incident_id}/review", data={"action": "grade", "grade": "fair"}, follow_redirects=False
    )
    assert sent.status_code == 303
    assert client.get(f"/api/v1/incidents/{incident_id}").json()["audit"][-1]["who"] == "Ana"
