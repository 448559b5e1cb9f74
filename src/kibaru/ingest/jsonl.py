"""JSONL: one article a line with `text` and optional url, title, published, outlet, author, lang."""
from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import InputError

FIELDS = ("text", "url", "title", "published", "outlet", "author", "lang")


def parse_jsonl(text, source: str) -> Iterator[dict | InputError]:
    """Each line's article dict, or an `InputError` naming the line; other lines go on.
    `text` is the whole text or an iterable of lines (a file streamed line by line)."""
    lines = text.split("\n") if isinstance(text, str) else text
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"not valid JSON ({exc.msg} at column {exc.colno})", line=n)
            continue
        if not isinstance(obj, dict):
            yield InputError(source, "a line must be a JSON object", line=n)
            continue
        if not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield InputError(source, "no 'text' field with the article text", line=n)
            continue
        rec = {k: obj.get(k) for k in FIELDS if obj.get(k) not in (None, "")}
        rec["line"] = n
        yield rec
