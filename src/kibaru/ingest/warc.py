"""WARC files (CC-NEWS style crawls, .warc or .warc.gz): one article per HTML response."""
from __future__ import annotations

from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from .decode import decode
from .html import parse_html


def parse_warc(stream, source: str) -> Iterator[dict | InputError]:
    """Article dicts from the HTML responses of a WARC stream; a record that cannot be read
    is an `InputError` naming its position, and the others go on."""
    valid = 0
    try:
        for n, record in enumerate(ArchiveIterator(stream), start=1):
            valid += record.rec_type is not None
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source} (record {n}, {url})"
            try:
                html = decode(record.content_stream().read(), where)
                art = parse_html(html, where, url=url)
            except InputError as exc:
                yield InputError(source, exc.reason, line=n)
                continue
            day = (record.rec_headers.get_header("WARC-Date") or "")[:10]
            art["published"] = art.get("published") or None
            art["crawled"] = day
            art["line"] = n
            yield art
    except ArchiveLoadFailed as exc:
        yield InputError(source, f"not a readable WARC file ({exc})")
        return
    if valid == 0:
        yield InputError(source, "WARC file holds no readable record")
