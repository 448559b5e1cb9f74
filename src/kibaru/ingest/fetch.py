"""Fetching articles and feeds over HTTP, safely.

Only http and https. The host's addresses are checked before connecting, and again at each
redirect: private, loopback, link-local, multicast, reserved and cloud-metadata addresses are
refused unless `allow_private` (a local test server, an intranet crawl). Responses are
limited in size and time (per socket operation and in total). Every refusal is an
`InputError` that says why; an HTTP error status is an `HTTPStatusError` (an `InputError`
carrying the status, so a caller can tell "gone" (4xx) from "try later" (5xx)).

Conditional GET: `headers` may carry If-None-Match / If-Modified-Since (what `kibaru watch`
sends from a feed's saved ETag / Last-Modified); the server's 304 is then a `Fetched` with
status 304 and no body, not an error.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..errors import InputError

#: Largest response read; a news page is far smaller, a feed rarely above a few MB.
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 20
MAX_REDIRECTS = 5
USER_AGENT = "kibaru (+https://github.com/kibaru; news event coder)"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None


class HTTPStatusError(InputError):
    """The server answered with an error status (`status`)."""

    def __init__(self, source: str, status: int, reason: str):
        super().__init__(source, f"HTTP {status} {reason}")
        self.status = status


class UnreachableError(InputError):
    """No answer: connection refused, name not resolved, timed out, cut off. Worth retrying later."""


def is_url(value: str) -> bool:
    return "://" in str(value)


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Refuse what kibaru must not fetch; `InputError` names the reason."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError(url, f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'}")
    if not parts.hostname:
        raise InputError(url, "URL without a host")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise UnreachableError(url, f"host {parts.hostname} does not resolve ({exc.strerror})") from None
    if allow_private:
        return
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
                or ip.is_unspecified or str(ip) == "169.254.169.254"):
            raise InputError(url, f"host {parts.hostname} resolves to a non-public address ({ip}); "
                                  "use --allow-private to fetch it anyway")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # redirects are followed by hand, each hop checked


def fetch(url: str, *, allow_private: bool = False, max_bytes: int = MAX_BYTES,
          timeout: float = TIMEOUT_SECONDS, headers: dict[str, str] | None = None) -> Fetched:
    """GET `url`, following redirects by hand (each hop re-checked), within size and time limits.

    `timeout` bounds each socket operation and, times four, the whole download: a server
    dripping one byte at a time cannot hold the caller for ever.
    """
    opener = urllib.request.build_opener(_NoRedirect)
    conditional = any(k.lower() in ("if-none-match", "if-modified-since") for k in (headers or {}))
    deadline = time.monotonic() + 4 * timeout
    for _ in range(MAX_REDIRECTS + 1):
        check_url(url, allow_private=allow_private)
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
        try:
            resp = opener.open(req, timeout=timeout)
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                url = urljoin(url, exc.headers["Location"])
                continue
            if exc.code == 304 and conditional:
                return Fetched(url, "", b"", 304, exc.headers.get("ETag"), exc.headers.get("Last-Modified"))
            raise HTTPStatusError(url, exc.code, exc.reason) from None
        except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException) as exc:
            raise UnreachableError(url, f"cannot fetch: {getattr(exc, 'reason', exc)}") from None
        with resp:
            body = _read(resp, url, max_bytes, deadline)
            return Fetched(resp.geturl(), resp.headers.get("Content-Type", ""), body, resp.status,
                           resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects")


def _read(resp, url: str, max_bytes: int, deadline: float) -> bytes:
    chunks, size = [], 0
    try:
        while chunk := resp.read(min(65536, max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise InputError(url, f"response larger than {_size(max_bytes)}; not read")
            if time.monotonic() > deadline:
                raise UnreachableError(url, "download too slow; stopped at the time limit")
    except (TimeoutError, OSError, http.client.HTTPException) as exc:
        raise UnreachableError(url, f"cannot fetch: {exc or type(exc).__name__}") from None
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n // 2**20} MiB" if n >= 2**20 else f"{n // 1024} KiB"
