"""Fetch http(s) pages politely and safely.

Safety: a list of URLs from elsewhere must not reach internal services, so every hop
(the first request and each redirect) is resolved and refused when any address is
loopback, private, link-local, multicast or reserved, unless the caller allows it.
Politeness: a User-Agent that names sitroom, time-outs, a size cap read as a stream, and
a minimum delay between two requests to the same host.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from sitroom.errors import FetchError
from sitroom.ingest.items import RawItem
from sitroom.model import IngestFailure
from sitroom.settings import IngestOptions


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _refused_address(host: str) -> str | None:
    """The first address of ``host`` that a fetch must not reach, or None."""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise FetchError(host, f"host name does not resolve ({exc.strerror})") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if (
            addr.is_private
            or addr.is_loopback
            or addr.is_link_local
            or addr.is_multicast
            or addr.is_reserved
            or addr.is_unspecified
        ):
            return str(addr)
    return None


class Fetcher:
    """One HTTP client for a run, remembering when each host was last asked."""

    def __init__(self, options: IngestOptions, sleep: Callable[[float], None] = time.sleep) -> None:
        self.options = options
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._client = httpx.Client(
            timeout=httpx.Timeout(options.timeout),
            headers={"User-Agent": options.user_agent, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"},
            follow_redirects=False,
        )

    def close(self) -> None:
        self._client.close()

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            remaining = self.options.per_host_delay - (time.monotonic() - last)
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = time.monotonic()

    def _check(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "only http and https URLs can be fetched")
        if not self.options.allow_private:
            refused = _refused_address(parts.hostname)
            if refused:
                raise FetchError(
                    url,
                    f"refused: {parts.hostname} resolves to a private, loopback or "
                    f"link-local address ({refused}); allow it explicitly to fetch it",
                )

    def fetch(self, url: str) -> RawItem:
        """Fetch one URL, following redirects; raise :class:`FetchError` with the reason."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            self._check(current)
            self._wait_for(urlsplit(current).hostname or "")
            try:
                with self._client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(current, f"HTTP {response.status_code} redirect without a Location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(current, f"HTTP {response.status_code} {response.reason_phrase}")
                    raw = self._read_capped(response, current)
                    content_type = response.headers.get("content-type", "")
                    return RawItem(
                        source=url,
                        raw=raw,
                        kind="text" if content_type.startswith("text/plain") else None,
                        url=str(response.url),
                        charset=response.charset_encoding,
                        retrieved=datetime.now(UTC).isoformat(timespec="seconds"),
                    )
            except httpx.TimeoutException as exc:
                raise FetchError(current, f"timed out after {self.options.timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(current, f"could not fetch ({type(exc).__name__}: {exc})") from exc
        raise FetchError(url, f"more than {self.options.max_redirects} redirects")

    def _read_capped(self, response: httpx.Response, url: str) -> bytes:
        declared = response.headers.get("content-length")
        cap = self.options.max_page_bytes
        if declared and declared.isdigit() and int(declared) > cap:
            raise FetchError(url, f"page is {int(declared)} bytes, over the {cap} byte limit")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(url, f"page is over the {cap} byte limit; download stopped")
            chunks.append(chunk)
        return b"".join(chunks)


def fetch_all(urls: list[str], options: IngestOptions) -> Iterator[RawItem | IngestFailure]:
    fetcher = Fetcher(options)
    try:
        for url in urls:
            try:
                yield fetcher.fetch(url)
            except FetchError as exc:
                yield IngestFailure(url, exc.problem if exc.source == url else f"{exc.source}: {exc.problem}")
    finally:
        fetcher.close()
