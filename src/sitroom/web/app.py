"""The desk's HTTP application: pages, their JSON twins under /api/v1, and the write endpoints.

Thin by design: every route parses its parameters, calls a view or an action (which call
the store), then renders a template or returns JSON. One store connection per worker
thread; writes that regroup incidents run as jobs on one background thread.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from sitroom import __version__
from sitroom.store import Store
from sitroom.web import actions, views
from sitroom.web.feeds import watch_feed
from sitroom.web.jobs import Jobs
from sitroom.web.security import TOKEN_COOKIE, WHO_COOKIE, Guard, same_origin, token_ok

API = "/api/v1"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_WHO = re.compile(r"^[\w .@'-]{1,60}$", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DeskSettings:
    db: str
    token: str | None = None  # None: the desk is read-only


_PARTS_OF_DAY = {"TMO": "morning", "TAF": "afternoon", "TEV": "evening", "TNI": "night", "TDT": "daytime"}


def readable_date(value: str | None) -> str:
    """A stored time value as a reader writes it: "2025-06-10TEV" is the evening of the 10th."""
    if not value:
        return "undated"
    for code, words in _PARTS_OF_DAY.items():
        if value.endswith(code):
            return f"{value[: -len(code)].rstrip('T')} ({words})"
    return value.replace("/", " to ")


class Unauthorized(Exception):
    def __init__(self, message: str, status: int = 401) -> None:
        super().__init__(message)
        self.status = status


class _Stores(threading.local):
    store: Store | None = None


def create_app(settings: DeskSettings) -> FastAPI:
    if not Path(settings.db).exists():
        raise FileNotFoundError(f"{settings.db}: no such database (run 'sitroom run PAGES' first)")
    app = FastAPI(
        title="sitroom desk",
        version=__version__,
        description="Incidents, claims, stories and articles reconciled from news pages; every number cites its"
        " sentence.",
        openapi_url=f"{API}/openapi.json",
        docs_url=None,  # the hosted docs page loads scripts from a CDN: not on an offline desk
        redoc_url=None,
    )
    # Level 5: nearly the size of level 9 at a third of the time (the map sends 2,000 points).
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)
    app.add_middleware(Guard)
    static = Path(str(resources.files("sitroom.web") / "static"))
    app.mount("/static", StaticFiles(directory=static), name="static")
    templates = Environment(
        loader=PackageLoader("sitroom.web", "templates"), autoescape=select_autoescape(default=True)
    )
    templates.globals["version"] = __version__
    templates.filters["when"] = readable_date
    templates.filters["qs"] = lambda d: urllib.parse.urlencode({k: v for k, v in d.items() if v not in (None, "")})
    stores = _Stores()
    jobs = Jobs(settings.db)
    app.state.jobs = jobs

    def store() -> Store:
        if stores.store is None:
            stores.store = Store(settings.db)
        return stores.store

    def as_json(data: dict[str, Any], status: int = 200) -> Response:
        """JSON straight from the view's plain data (FastAPI's generic encoder is slow on big lists)."""
        return Response(json.dumps(data, ensure_ascii=False), status_code=status, media_type="application/json")

    def html(request: Request, template: str, data: dict[str, Any], status: int = 200) -> HTMLResponse:
        body = templates.get_template(template).render(
            **data, request_path=request.url.path, writer=token_ok(settings.token, {}, request.cookies)
        )
        return HTMLResponse(body, status_code=status)

    def writer(request: Request) -> str:
        """The analyst's name when the request may write; raises Unauthorized otherwise."""
        if not settings.token:
            raise Unauthorized("this desk is read-only: start 'sitroom serve' with --token to allow changes", 403)
        if not token_ok(settings.token, request.headers, request.cookies):
            raise Unauthorized("a bearer token is needed to change anything (Authorization: Bearer TOKEN)")
        if "authorization" not in request.headers and not same_origin(request.headers):
            raise Unauthorized("form posts are accepted from this desk's own pages only", 403)
        who = request.headers.get("x-sitroom-analyst") or request.cookies.get(WHO_COOKIE) or "analyst"
        return who if _WHO.match(who) else "analyst"

    async def form(request: Request) -> dict[str, Any]:
        """A urlencoded form or a JSON object, as a dict (repeated form fields become lists)."""
        raw = await request.body()
        if request.headers.get("content-type", "").startswith("application/json"):
            try:
                data = json.loads(raw or b"{}")
            except json.JSONDecodeError as exc:
                raise views.BadRequest(f"the body is not valid JSON ({exc})") from None
            if not isinstance(data, dict):
                raise views.BadRequest("the body must be a JSON object")
            return data
        parsed = urllib.parse.parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=False)
        return {k: v if len(v) > 1 or k == "reports" else v[0] for k, v in parsed.items()}

    # -- errors ---------------------------------------------------------------------------
    def _error(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith(API) or request.url.path.endswith(".atom"):
            headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
            return JSONResponse({"error": message}, status_code=status, headers=headers)
        return html(request, "error.html", {"status": status, "message": message}, status)

    @app.exception_handler(views.NotFound)
    async def not_found(request: Request, exc: views.NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(views.BadRequest)
    async def bad_request(request: Request, exc: views.BadRequest) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(Unauthorized)
    async def unauthorized(request: Request, exc: Unauthorized) -> Response:
        return _error(request, exc.status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _error(request, 400, f"bad parameters: {problems}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    # -- pages and their JSON twins -------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request) -> Response:
        return html(request, "overview.html", views.overview(store(), request.query_params))

    @app.get(f"{API}/incidents", summary="Incidents, filtered and ranked, with facets and contested claims")
    def overview_api(request: Request) -> Response:
        return as_json(views.overview(store(), request.query_params))

    @app.get(f"{API}/map", summary="Map points of the filtered incidents (the heaviest first)")
    def map_api(request: Request) -> Response:
        return as_json(views.map_data(store(), request.query_params))

    @app.get(f"{API}/timeline", summary="Incidents per day and type")
    def timeline_api(request: Request) -> Response:
        return as_json(views.timeline(store(), request.query_params))

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(request: Request, incident_id: str) -> Response:
        return html(request, "incident.html", views.incident(store(), incident_id))

    @app.get(f"{API}/incidents/{{incident_id}}", summary="One incident: ranges with sources, reports, ledger, audit")
    def incident_api(incident_id: str) -> dict[str, Any]:
        return views.incident(store(), incident_id)

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request) -> Response:
        return html(request, "stories.html", {"stories": store().story_list(500)})

    @app.get(f"{API}/stories", summary="Stories, the largest first")
    def stories_api() -> dict[str, Any]:
        return {"stories": store().story_list(500)}

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> Response:
        return html(request, "story.html", views.story(store(), story_id))

    @app.get(f"{API}/stories/{{story_id}}", summary="One story: outlets side by side per event, copy edits")
    def story_api(story_id: str) -> dict[str, Any]:
        return views.story(store(), story_id)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> Response:
        return html(request, "article.html", views.article(store(), article_id))

    @app.get(f"{API}/articles/{{article_id}}", summary="One article: clean text with facts, removed lines")
    def article_api(article_id: str) -> dict[str, Any]:
        return views.article(store(), article_id)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request) -> Response:
        return html(request, "search.html", views.search(store(), request.query_params))

    @app.get(f"{API}/search", summary="Full-text search over articles and claims")
    def search_api(request: Request) -> dict[str, Any]:
        return views.search(store(), request.query_params)

    @app.get("/sources", response_class=HTMLResponse, include_in_schema=False)
    def sources_page(request: Request) -> Response:
        return html(request, "sources.html", views.sources(store()))

    @app.get(f"{API}/sources", summary="Outlets: reports, copies, what they assert")
    def sources_api() -> dict[str, Any]:
        return views.sources(store())

    @app.get(f"{API}/audit", summary="The review audit trail: who changed what, when, before and after")
    def audit_api() -> dict[str, Any]:
        return {"audit": store().audit()}

    # -- reviews ----------------------------------------------------------------------------
    @app.post(f"{API}/incidents/{{incident_id}}/reviews", status_code=201, summary="Record an analyst's decision")
    async def review_api(request: Request, incident_id: str) -> dict[str, Any]:
        who = writer(request)
        result = actions.submit_review(store(), incident_id, await form(request), who)
        if result["needs_rebuild"]:
            result["job"] = jobs.submit_rebuild().as_dict()
        return result

    @app.post("/incidents/{incident_id}/review", include_in_schema=False)
    async def review_form(request: Request, incident_id: str) -> Response:
        who = writer(request)
        result = actions.submit_review(store(), incident_id, await form(request), who)
        if result["needs_rebuild"]:
            jobs.submit_rebuild()
            await anyio.to_thread.run_sync(jobs.wait, 120)
            return RedirectResponse("/", status_code=303)
        return RedirectResponse(f"/incidents/{urllib.parse.quote(incident_id)}", status_code=303)

    # -- watch areas --------------------------------------------------------------------------
    @app.get("/watch", response_class=HTMLResponse, include_in_schema=False)
    def watches_page(request: Request) -> Response:
        return html(request, "watches.html", {"watches": store().watches()})

    @app.get(f"{API}/watch", summary="Saved watch areas")
    def watches_api() -> dict[str, Any]:
        return {"watches": store().watches()}

    @app.post(f"{API}/watch", status_code=201, summary="Save a watch area (a circle or polygon) with a filter")
    async def watch_create(request: Request) -> dict[str, Any]:
        writer(request)
        return actions.create_watch(store(), await form(request))

    @app.post("/watch", include_in_schema=False)
    async def watch_form(request: Request) -> Response:
        writer(request)
        data = await form(request)
        try:
            lat, lon, km = float(data.get("lat", "")), float(data.get("lon", "")), float(data.get("km", ""))
        except ValueError:
            raise views.BadRequest("a watch area needs numeric lat, lon and km") from None
        filters = {k: data[k] for k in ("type", "grade", "country", "contested") if data.get(k)}
        made = actions.create_watch(
            store(), {"name": data.get("name"), "shape": {"circle": [lat, lon, km]}, "filters": filters}
        )
        return RedirectResponse(f"/watch/{made['id']}", status_code=303)

    @app.get("/watch/{watch_id}", response_class=HTMLResponse, include_in_schema=False)
    def watch_page(request: Request, watch_id: int) -> Response:
        return html(request, "watch.html", actions.watch_news(store(), watch_id, mark_visited=True))

    @app.get(f"{API}/watch/{{watch_id}}", summary="What is new in a watch area since the last visit")
    def watch_api(watch_id: int, visited: bool = False) -> dict[str, Any]:
        return actions.watch_news(store(), watch_id, mark_visited=visited)

    @app.get("/watch/{watch_id}/feed.atom", include_in_schema=False)
    def watch_atom(request: Request, watch_id: int) -> Response:
        news = actions.watch_news(store(), watch_id)
        base = str(request.base_url).rstrip("/")
        now = datetime.now(UTC).isoformat(timespec="seconds")
        return Response(watch_feed(news, base, now), media_type="application/atom+xml")

    # -- ingest and jobs ------------------------------------------------------------------------
    @app.post(f"{API}/pages", status_code=202, summary="Ingest pages: a JSON Lines batch or one file (token needed)")
    async def post_pages(request: Request, name: str = "posted.jsonl") -> dict[str, Any]:
        writer(request)
        body = await request.body()
        if not body:
            raise views.BadRequest("the body is empty: post a JSON Lines batch or one page's file")
        kind = request.headers.get("content-type", "").split(";")[0].strip()
        safe = _SAFE_NAME.sub("_", Path(name).name).strip("._") or "posted"
        if kind in ("application/x-ndjson", "application/jsonl", "application/json-lines") and not safe.endswith(
            ".jsonl"
        ):
            safe += ".jsonl"
        return {"job": jobs.submit_ingest(safe[:100], body).as_dict()}

    @app.get(f"{API}/jobs", summary="Recent jobs")
    def jobs_api() -> dict[str, Any]:
        return {"jobs": [j.as_dict() for j in jobs.all()]}

    @app.get(f"{API}/jobs/{{job_id}}", summary="One job's state and result")
    def job_api(job_id: int) -> dict[str, Any]:
        job = jobs.get(job_id)
        if job is None:
            raise views.NotFound(f"no job {job_id}")
        return job.as_dict()

    # -- login ------------------------------------------------------------------------------------
    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request) -> Response:
        return html(request, "login.html", {"read_only": not settings.token})

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        data = await form(request)
        token, who = str(data.get("token") or ""), str(data.get("who") or "analyst").strip()
        if not token_ok(settings.token, {"authorization": f"Bearer {token}"}, {}):
            return html(request, "login.html", {"read_only": not settings.token, "failed": True}, 401)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        response.set_cookie(WHO_COOKIE, who if _WHO.match(who) else "analyst", httponly=True, samesite="strict")
        return response

    @app.get("/healthz", include_in_schema=False)
    def health() -> dict[str, Any]:
        return {"ok": True, "version": __version__, "counts": store().counts()}

    return app
