"""The desk's defences: response headers, request size limits, and who may write.

Page text is hostile (it is scraped from partisan sites), so besides escaping every string
in the templates the desk sends a Content-Security-Policy that allows no inline script and
no other origin, refuses request bodies over a limit before reading them whole, and lets a
request change anything only with the bearer token the server was started with, compared
in constant time.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
MAX_FORM_BYTES = 64 * 1024  # reviews, watch areas, logins
MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # posted pages
UPLOAD_PATHS = ("/api/v1/pages",)
TOKEN_COOKIE = "sitroom_token"
WHO_COOKIE = "sitroom_who"


class Guard:
    """ASGI middleware: security headers on every response, body size limits on every request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = MAX_UPLOAD_BYTES if scope["path"] in UPLOAD_PATHS else MAX_FORM_BYTES
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _refuse(send, limit)
            return
        seen = 0
        refused = False

        async def limited() -> Message:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    refused = True
                    raise BodyTooLarge(limit)
            return message

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + HEADERS
            await send(message)

        try:
            await self.app(scope, limited, with_headers)
        except BodyTooLarge:
            if refused:
                await _refuse(send, limit)


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"request body over {limit} bytes")


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps({"error": f"request body too large: the limit here is {limit} bytes"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": body})


def token_ok(expected: str | None, headers: Any, cookies: Any) -> bool:
    """True when the request carries the server's token (bearer header or the login cookie)."""
    if not expected:
        return False
    given = ""
    auth = headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    elif cookies.get(TOKEN_COOKIE):
        given = cookies[TOKEN_COOKIE]
    return hmac.compare_digest(given.encode(), expected.encode())


def same_origin(headers: Any) -> bool:
    """A browser form post comes from this desk's own pages (checked when the cookie authenticates)."""
    origin = headers.get("origin") or headers.get("referer") or ""
    host = headers.get("host") or ""
    if not origin:
        return True  # not a browser, or a browser that sends neither: the SameSite cookie still applies
    stripped = origin.split("://", 1)[-1].split("/", 1)[0]
    return hmac.compare_digest(stripped.encode(), host.encode())
