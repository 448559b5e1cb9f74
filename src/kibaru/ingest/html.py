"""HTML pages: main text and metadata through trafilatura."""
from __future__ import annotations

import trafilatura

from ..errors import InputError


def parse_html(html: str, source: str, url: str | None = None) -> dict:
    """Main text, title, author, date, site name of an article page."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    doc = doc.as_dict() if doc is not None else None
    if not doc or not (doc.get("text") or "").strip():
        raise InputError(source, "HTML page without an article body (no main text found)")
    return {
        "text": doc["text"],
        "title": doc.get("title"),
        "author": doc.get("author"),
        "published": (doc.get("date") or None),
        "outlet": doc.get("sitename"),
        "url": doc.get("url") or url,
    }
