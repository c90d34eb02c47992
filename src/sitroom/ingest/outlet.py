"""The outlet of a page: the registered domain of its URL (``news.bbc.co.uk`` → ``bbc.co.uk``).

The public suffix list ships inside the ``publicsuffixlist`` package, so this never
touches the network.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


def outlet_of(url: str | None) -> str | None:
    """Registered domain of ``url``, lower-cased; the bare host for IPs and single labels."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host:
        return None
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    return _psl().privatesuffix(host) or host
