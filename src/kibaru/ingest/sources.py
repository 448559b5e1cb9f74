"""Walk inputs (files, folders) and turn each into articles or failures."""
from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from ..dates import TimeParser, TimeWords, first_full_date
from ..errors import InputError
from ..knowledge import data_dir, read_tsv, TIME_COLUMNS
from ..records import Article, Failure
from .decode import decode
from .feeds import parse_feed
from .fetch import Fetched, fetch, is_url
from .html import parse_html
from .jsonl import parse_jsonl
from .langid import LanguageGuesser
from .text import parse_text

#: Languages kibaru codes; articles in others are counted and skipped.
SUPPORTED = ("fr", "en")
#: Inputs larger than this are refused rather than read into memory.
MAX_FILE_BYTES = 50 * 1024 * 1024
URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|$|[^\d])")
HTML_EXT = {".html", ".htm", ".xhtml"}
FEED_EXT = {".xml", ".rss", ".atom"}
JSONL_EXT = {".jsonl", ".ndjson"}
WARC_SUFFIXES = (".warc", ".warc.gz")


def normalised(text: str) -> str:
    """The text an article id is computed from: NFC, one space, straight apostrophes, lowercase."""
    t = unicodedata.normalize("NFC", text).replace("’", "'").lower()
    return re.sub(r"\s+", " ", t).strip()


def article_id(text: str) -> str:
    return hashlib.sha1(normalised(text).encode("utf-8")).hexdigest()[:16]


def iso_day(value: str | None) -> str | None:
    """'2024-03-12T09:00:00Z' or '2024-03-12' → '2024-03-12'; anything else → None."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", str(value))
    if not m:
        return None
    try:
        return date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


class Ingestor:
    """Reads inputs into `Article`s. Light: no spaCy; builds its word tables once."""

    def __init__(self, languages: tuple[str, ...] = SUPPORTED, min_words: int = 5, *, allow_private: bool = False):
        self.languages = languages
        self.allow_private = allow_private
        self.min_words = min_words
        self.guesser = LanguageGuesser()
        self.time = {lg: TimeParser(TimeWords.from_rows(lg, read_tsv(data_dir() / lg / "time.tsv", TIME_COLUMNS)))
                     for lg in SUPPORTED}
        self.skipped_languages: dict[str, int] = {}

    # -- dispatch -------------------------------------------------------------------------
    def read(self, paths: Iterable[str | Path]) -> Iterator[Article | Failure]:
        for p in paths:
            if is_url(str(p)):
                yield from self.read_url(str(p))
                continue
            path = Path(p)
            if not path.exists():
                yield Failure(str(p), "ingest", "no such file or folder")
            elif path.is_dir():
                files = sorted(f for f in path.rglob("*") if f.is_file()
                               and not any(part.startswith(".") for part in f.relative_to(path).parts))
                for f in files:
                    yield from self.read_file(f)
            else:
                yield from self.read_file(path)

    def read_file(self, path: Path) -> Iterator[Article | Failure]:
        source = str(path)
        try:
            size = path.stat().st_size
            if path.suffix.lower() in JSONL_EXT:
                # streamed line by line: memory stays bounded whatever the file's size
                with path.open("rb") as fh:
                    for rec in parse_jsonl((_line_text(b) for b in fh), source):
                        if isinstance(rec, InputError):
                            yield Failure(source, "ingest", rec.reason, rec.line)
                        else:
                            yield self._article(rec, source, origin="jsonl", line=rec.pop("line"))
                return
            if size > MAX_FILE_BYTES:
                raise InputError(source, f"file too large ({size // 2**20} MiB > {MAX_FILE_BYTES // 2**20} MiB);"
                                         " split it (JSONL) before ingesting")
            if path.name.lower().endswith(WARC_SUFFIXES):
                from .warc import parse_warc
                with path.open("rb") as fh:
                    for rec in parse_warc(fh, source):
                        if isinstance(rec, InputError):
                            yield Failure(source, "ingest", rec.reason, rec.line)
                        else:
                            yield self._article(rec, source, origin="warc", line=rec.pop("line"))
                return
            raw = path.read_bytes()
            ext = path.suffix.lower()
            head = raw[:512].lstrip().lower()
            if ext in FEED_EXT or (head.startswith(b"<?xml") and (b"<rss" in raw[:2048] or b"<feed" in raw[:2048])):
                records = parse_feed(raw, source)
                for n, rec in enumerate(records, start=1):
                    yield self._article(rec, source, origin="feed", line=n)
                return
            text = decode(raw, source)
            if ext in JSONL_EXT:
                for rec in parse_jsonl(text, source):
                    if isinstance(rec, InputError):
                        yield Failure(source, "ingest", rec.reason, rec.line)
                    else:
                        yield self._article(rec, source, origin="jsonl", line=rec.pop("line"))
                return
            if ext in HTML_EXT or head.startswith((b"<!doctype html", b"<html")):
                yield self._article(parse_html(text, source), source, origin="html")
                return
            yield self._article({"text": text}, source, origin="text")
        except InputError as exc:
            yield Failure(source, "ingest", exc.reason, exc.line)
        except OSError as exc:
            yield Failure(source, "ingest", f"cannot read: {exc.strerror or exc}")

    def read_url(self, url: str) -> Iterator[Article | Failure]:
        """An article page or a feed fetched over HTTP (see `fetch` for what is refused)."""
        try:
            got = fetch(url, allow_private=self.allow_private)
        except InputError as exc:
            yield Failure(url, "fetch", exc.reason, exc.line)
            return
        yield from self.read_fetched(url, got)

    def read_fetched(self, url: str, got: Fetched) -> Iterator[Article | Failure]:
        """Articles of a fetched response: a feed's items, or an HTML page's main text."""
        try:
            ctype = got.content_type.lower()
            head = got.body[:2048].lstrip().lower()
            if "warc" in ctype or urlsplit(got.url).path.lower().endswith(WARC_SUFFIXES):
                # a (small) crawl served over HTTP; a large one is downloaded first (fetch limits)
                from .warc import parse_warc
                for rec in parse_warc(io.BytesIO(got.body), url):
                    if isinstance(rec, InputError):
                        yield Failure(url, "ingest", rec.reason, rec.line)
                    else:
                        yield self._article(rec, url, origin="warc", line=rec.pop("line"))
                return
            if "xml" in ctype or "rss" in ctype or "atom" in ctype or head.startswith(b"<?xml") and (
                    b"<rss" in head or b"<feed" in head):
                for n, rec in enumerate(parse_feed(got.body, url), start=1):
                    yield self._article(rec, url, origin="feed", line=n)
                return
            text = decode(got.body, url)
            if "html" in ctype or head.startswith((b"<!doctype html", b"<html")):
                yield self._article(parse_html(text, url, url=got.url), url, origin="html")
            else:
                yield self._article({"text": text, "url": got.url}, url, origin="text")
        except InputError as exc:
            yield Failure(url, "ingest", exc.reason, exc.line)

    # -- one article ----------------------------------------------------------------------
    def _article(self, rec: dict, source: str, *, origin: str, line: int | None = None) -> Article | Failure:
        raw = rec["text"]
        if len(raw.split()) < self.min_words:
            return Failure(source, "ingest", f"article has fewer than {self.min_words} words of text", line)
        lang = rec.get("lang") or self.guesser.guess(raw)
        if lang not in self.languages:
            self.skipped_languages[lang] = self.skipped_languages.get(lang, 0) + 1
            return Failure(source, "ingest", f"language '{lang}' is not coded (kibaru codes {', '.join(self.languages)})", line)
        tp = self.time[lang]
        parsed = parse_text(raw, has_date=lambda s: first_full_date(tp, s) is not None)
        text = parsed.text
        if len(text.split()) < self.min_words:
            return Failure(source, "ingest", f"article has fewer than {self.min_words} words of text", line)
        published = iso_day(rec.get("published"))
        if not published and parsed.date_line:
            d = first_full_date(tp, parsed.date_line)
            published = d.isoformat() if d else None
        url = rec.get("url")
        if not published and url and (m := URL_DATE.search(url)):
            published = iso_day(f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
        if not published:
            # A dateline such as "Moscou, 23 juin 2025 —" opening the first paragraphs.
            for para in text.split("\n")[:3]:
                d = first_full_date(tp, para[:60])
                if d and re.search(r"[—–-]", para[:80]):
                    published = d.isoformat()
                    break
        return Article(
            id=article_id(text),
            text=text,
            lang=lang,
            url=url or (f"{source}#{line}" if origin in ("jsonl", "feed", "warc") and line else source),
            outlet=rec.get("outlet") or parsed.outlet,
            title=rec.get("title") or parsed.title,
            author=rec.get("author") or parsed.author,
            published=published,
            source=source,
        )


def _line_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig").rstrip("\r\n")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace").rstrip("\r\n")


def read_sources(paths: Iterable[str | Path], **kw) -> Iterator[Article | Failure]:
    return Ingestor(**kw).read(paths)
