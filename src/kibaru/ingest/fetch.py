"""Fetching articles and feeds over HTTP, safely.

Only http and https. The host's addresses are checked before connecting, and again at each
redirect: private, loopback, link-local, multicast, reserved and cloud-metadata addresses are
refused unless `allow_private` (a local test server, an intranet crawl). Responses are
limited in size and time. Every refusal is an `InputError` that says why.
"""
from __future__ import annotations

import ipaddress
import socket
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
        raise InputError(url, f"host {parts.hostname} does not resolve ({exc.strerror})") from None
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
          timeout: float = TIMEOUT_SECONDS) -> Fetched:
    opener = urllib.request.build_opener(_NoRedirect)
    for _ in range(MAX_REDIRECTS + 1):
        check_url(url, allow_private=allow_private)
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            resp = opener.open(req, timeout=timeout)
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                url = urljoin(url, exc.headers["Location"])
                continue
            raise InputError(url, f"HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise InputError(url, f"cannot fetch: {getattr(exc, 'reason', exc)}") from None
        with resp:
            body = resp.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise InputError(url, f"response larger than {max_bytes // 2**20} MiB; not read")
            return Fetched(resp.geturl(), resp.headers.get("Content-Type", ""), body)
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects")
