"""RSS and Atom feed files: one article per item, with its link, date and text."""
from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser
import lxml.html

from ..errors import InputError


def _plain(html: str) -> str:
    if "<" not in html:
        return html
    root = lxml.html.fromstring(f"<div>{html}</div>")
    for br in root.iter("br", "p"):
        br.tail = ("\n\n" + br.tail) if br.tail else "\n\n"
    return root.text_content()


def _parse(raw: bytes, source: str):
    feed = feedparser.parse(raw)
    why = getattr(feed, "bozo_exception", None)
    if feed.bozo and why is not None and "not well-formed" in str(why):
        raise InputError(source, f"feed is not well-formed XML ({why})")
    return feed


def feed_links(raw: bytes, source: str) -> list[str]:
    """The item links of a feed, in feed order (relative links resolved by feedparser).

    For `kibaru watch`, which fetches each item's page: a feed with no items yet is not an
    error, but a response that is no feed at all (an HTML page) is.
    """
    feed = _parse(raw, source)
    if not feed.entries and not feed.version:
        raise InputError(source, "not an RSS or Atom feed")
    return [e.link.strip() for e in feed.entries if (e.get("link") or "").strip()]


def parse_feed(raw: bytes, source: str) -> Iterator[dict]:
    """Items of a feed as article dicts; a feed that does not parse raises `InputError`."""
    feed = _parse(raw, source)
    if not feed.entries:
        why = getattr(feed, "bozo_exception", None)
        raise InputError(source, f"feed has no items{f' ({why})' if why else ''}")
    for entry in feed.entries:
        content = ""
        if entry.get("content"):
            content = max((c.get("value", "") for c in entry.content), key=len)
        text = _plain(content or entry.get("summary", "") or "")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        yield {
            "text": text,
            "title": entry.get("title"),
            "url": entry.get("link"),
            "author": entry.get("author"),
            "published": time.strftime("%Y-%m-%d", stamp) if stamp else None,
            "outlet": feed.feed.get("title"),
        }
