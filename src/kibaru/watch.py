"""watch: poll RSS/Atom feeds over HTTP and process their new articles as they appear.

`watch(feeds_file, store, settings, every_seconds)` polls every feed of a FEEDS.txt (one URL
a line) each round, fetches the page of every item link not handled before, and codes the
pages through `pipeline.run_articles` — the stages of `kibaru run`. `poll_once` is one round.

Why it is built this way:

- One request at a time, in a plain sequential loop: per-host serialisation needs no more,
  and a per-host clock adds a polite delay (`Settings.fetch_delay`, or a longer robots.txt
  Crawl-delay) between two requests to one host.
- Every request goes through `ingest.fetch.fetch`: its SSRF checks at every redirect, http(s)
  only, size and time limits. Feeds get a conditional GET from their saved ETag /
  Last-Modified, so an unchanged feed costs a 304 and no parsing.
- robots.txt is read once per host per run (once a day on a long run), with the same
  fetcher; no answer or a 4xx means allowed (as crawlers do), a 5xx means "not now" for
  that round.
- An item's page that cannot be fetched is a row of `failures`, never a crash. A transient
  failure (5xx, 408, 429, no answer) is retried in the next rounds, up to `MAX_TRIES`; a permanent
  one (4xx, refused URL, disallowed, page without an article) is not. The feed's own copy of
  the text is not used instead: it is often a teaser, and one source of text keeps ids stable.
- State lives in the store (`feeds`, `feed_items`) and is written only after the round's
  articles are stored. A crash in between refetches those links on restart, which adds
  nothing twice (an article id is the hash of its text). Validators are not saved for a
  feed whose poll was cut short or which has links to retry, so no 304 can hide them.
- Ctrl-C sets a flag: the round stops after the current article, what was fetched is
  processed and recorded, and the watch returns. A second Ctrl-C interrupts at once; the
  store's transactions leave nothing half-written.
"""
from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from .errors import ConfigError, InputError
from .ingest import Ingestor
from .ingest.feeds import feed_links
from .ingest.fetch import MAX_BYTES, Fetched, HTTPStatusError, UnreachableError, check_url, fetch
from .pipeline import LocalCoder, run_articles
from .records import Article, Failure
from .resources import Resources
from .settings import Settings
from .store import Store

#: The name robots.txt rules are matched against.
ROBOTS_AGENT = "kibaru"
ROBOTS_MAX_BYTES = 512 * 1024
#: A robots.txt Crawl-delay is honoured up to this many seconds.
MAX_CRAWL_DELAY = 30.0
ROBOTS_MAX_AGE = 24 * 3600.0
#: Rounds in which an item whose fetch failed transiently is tried before it is given up.
MAX_TRIES = 3
ALLOWED, DISALLOWED, LATER = "allowed", "disallowed", "later"
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh])\s*$")


def parse_every(value: str) -> float:
    """'30s', '15m', '1h' → seconds."""
    m = _EVERY.match(str(value))
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"{value!r} is not a duration; write a positive number and a unit: 30s, 15m, 1h")
    return float(m.group(1)) * {"s": 1, "m": 60, "h": 3600}[m.group(2)]


def read_feeds(path: str | Path) -> list[str]:
    """Feed URLs of a FEEDS.txt: one a line; blank lines and `#` comments ignored.

    A line that is not one http(s) URL is an `InputError` naming the file and line: a typo
    should stop the watch at once, not silently drop a feed for weeks."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the feeds file ({getattr(exc, 'strerror', None) or exc})") from None
    feeds: list[str] = []
    for n, line in enumerate(lines, start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        parts = urlsplit(url)
        if len(url.split()) != 1 or parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(str(path), f"not a feed URL: {url!r} (expected one http:// or https:// URL a line)",
                             line=n)
        if url not in feeds:
            feeds.append(url)
    if not feeds:
        raise InputError(str(path), "no feed URL in the file (one http(s) URL a line)")
    return feeds


@dataclass
class RoundReport:
    """What one round did: the line printed per round."""

    number: int
    feeds: int = 0  # feeds polled (answered 200 or 304)
    not_modified: int = 0
    new_items: int = 0  # item links fetched this round
    new_articles: int = 0  # articles added to the store
    failures: list[Failure] = field(default_factory=list)
    stopped: bool = False  # cut short by Ctrl-C
    seconds: float = 0.0

    def line(self) -> str:
        n = len(self.failures)
        return (f"round {self.number}: {self.feeds} feed(s) polled, {self.not_modified} not modified, "
                f"{self.new_items} new item(s), {self.new_articles} new article(s), {n} failure(s)"
                f"{' — stopped early' if self.stopped else ''} ({self.seconds:.1f} s)")


@dataclass
class WatchReport:
    rounds: list[RoundReport] = field(default_factory=list)
    interrupted: bool = False  # stopped by Ctrl-C rather than after --rounds


@dataclass
class _Poll:
    """One feed's outcome in a round, saved to the store once its articles are stored."""

    feed: str
    etag: str | None = None
    last_modified: str | None = None
    complete: bool = True
    done: list[str] = field(default_factory=list)
    retry: list[str] = field(default_factory=list)


class Fetcher:
    """Every request of a watch: robots.txt, a polite delay per host, the safe `fetch`."""

    def __init__(self, settings: Settings, stopping: Callable[[], bool] = lambda: False):
        self.settings, self.stopping = settings, stopping
        self._last: dict[str, float] = {}
        self._delay: dict[str, float] = {}
        self._robots: dict[str, tuple[float, RobotFileParser | None]] = {}  # None: everything allowed
        self._this_round: dict[str, str] = {}  # hosts whose robots.txt did not answer: a verdict for one round

    def new_round(self) -> None:
        self._this_round.clear()

    def get(self, url: str, headers: dict[str, str] | None = None, *, max_bytes: int = MAX_BYTES) -> Fetched:
        host = _origin(url)
        wait = self._last.get(host, float("-inf")) + self._delay.get(host, self.settings.fetch_delay)
        while (left := wait - time.monotonic()) > 0 and not self.stopping():
            time.sleep(min(left, 0.1))
        try:
            return fetch(url, allow_private=self.settings.allow_private, headers=headers, max_bytes=max_bytes)
        finally:
            self._last[host] = time.monotonic()

    def robots(self, url: str) -> str:
        """ALLOWED, DISALLOWED, or LATER (the host's robots.txt answered 5xx this round).

        A robots.txt read is kept for the run (refreshed after a day, as crawlers do); no
        answer or a 5xx is a verdict for this round only, so the file is asked for again."""
        host = _origin(url)
        if host in self._this_round:
            return self._this_round[host]
        if host not in self._robots or time.monotonic() - self._robots[host][0] > ROBOTS_MAX_AGE:
            try:
                got = self.get(host + "/robots.txt", max_bytes=ROBOTS_MAX_BYTES)
                rp = RobotFileParser(host + "/robots.txt")
                rp.parse(got.body.decode("utf-8", errors="replace").splitlines())
                delay = rp.crawl_delay(ROBOTS_AGENT)
                if delay:
                    self._delay[host] = max(self.settings.fetch_delay, min(float(delay), MAX_CRAWL_DELAY))
            except HTTPStatusError as exc:
                if exc.status >= 500:
                    self._this_round[host] = LATER
                    return LATER
                rp = None  # no robots.txt: everything allowed
            except UnreachableError:
                self._this_round[host] = ALLOWED
                return ALLOWED
            except InputError:  # refused or too large: the fetch of the page itself will say why
                rp = None
            self._robots[host] = (time.monotonic(), rp)
        rp = self._robots[host][1]
        return ALLOWED if rp is None or rp.can_fetch(ROBOTS_AGENT, url) else DISALLOWED


class Watcher:
    """The feeds of a watch with what outlives a round: fetcher, robots, ingestor, loaded models."""

    def __init__(self, feeds: list[str], store: Store, settings: Settings | None = None, *,
                 resources: Resources | None = None, on_notice: Callable[[str], None] | None = None):
        self.feeds, self.store = feeds, store
        self.settings = settings or Settings()
        self.on_notice = on_notice or (lambda message: None)
        self._stop = False
        self.fetcher = Fetcher(self.settings, lambda: self._stop)
        self.ingestor = Ingestor(self.settings.languages, self.settings.min_words,
                                 allow_private=self.settings.allow_private)
        self.coder = LocalCoder(self.settings, resources)  # loads the models once, on first use

    def request_stop(self) -> None:
        self._stop = True

    @property
    def stopping(self) -> bool:
        return self._stop

    def poll(self, number: int = 1) -> RoundReport:
        """One round: poll every feed, fetch new items, store articles, failures and feed state."""
        t0 = time.monotonic()
        rep = RoundReport(number)
        self.fetcher.new_round()
        polls: list[_Poll] = []
        articles: list[Article] = []
        fetched: set[str] = set()  # links fetched this round (two feeds may list one article)
        for feed in self.feeds:
            if self._stop:
                rep.stopped = True
                break
            poll = self._poll_feed(feed, rep, articles, fetched)
            if poll is not None:
                polls.append(poll)
                rep.stopped |= not poll.complete
        if articles:
            rep.new_articles = run_articles(articles, self.store, settings=self.settings, coder=self.coder).new
        self.store.add_failures(rep.failures)
        for p in polls:
            self.store.save_feed_poll(p.feed, etag=p.etag, last_modified=p.last_modified, done=p.done,
                                      retry=p.retry, validators=p.complete and not p.retry)
        rep.seconds = time.monotonic() - t0
        return rep

    def _poll_feed(self, feed: str, rep: RoundReport, articles: list[Article], fetched: set[str]) -> _Poll | None:
        verdict = self.fetcher.robots(feed)
        if verdict != ALLOWED:
            if verdict == DISALLOWED:
                rep.failures.append(Failure(feed, "fetch", f"feed disallowed by robots.txt for {ROBOTS_AGENT}"))
            else:
                self.on_notice(f"{feed}: robots.txt answered a server error; feed skipped this round")
            return None
        state = self.store.feed_state(feed) or {}
        items = self.store.feed_items(feed)
        headers = {}
        if not any(not done and tries < MAX_TRIES for done, tries in items.values()):
            if state.get("etag"):
                headers["If-None-Match"] = state["etag"]
            if state.get("last_modified"):
                headers["If-Modified-Since"] = state["last_modified"]
        try:
            got = self.fetcher.get(feed, headers)
            links = [] if got.status == 304 else feed_links(got.body, feed)
        except InputError as exc:
            rep.failures.append(Failure(feed, "fetch", exc.reason))
            return None
        rep.feeds += 1
        if got.status == 304:
            rep.not_modified += 1
            return _Poll(feed, got.etag or state.get("etag"), got.last_modified or state.get("last_modified"))
        poll = _Poll(feed, got.etag, got.last_modified)
        for link in dict.fromkeys(urljoin(got.url, x) for x in links):
            done, tries = items.get(link, (False, 0))
            if done or tries >= MAX_TRIES:
                continue
            if self._stop:
                poll.complete = False
                break
            if link in fetched:
                poll.done.append(link)
                continue
            fetched.add(link)
            rep.new_items += 1
            self._fetch_item(link, poll, rep, articles)
        return poll

    def _fetch_item(self, link: str, poll: _Poll, rep: RoundReport, articles: list[Article]) -> None:
        try:
            check_url(link, allow_private=self.settings.allow_private)  # before robots: no request for a bad link
            verdict = self.fetcher.robots(link)
            if verdict == LATER:
                raise UnreachableError(link, "robots.txt of the host answered a server error; retried next round")
            if verdict == DISALLOWED:
                raise InputError(link, f"disallowed by robots.txt for {ROBOTS_AGENT}")
            got = self.fetcher.get(link)
        except InputError as exc:
            rep.failures.append(Failure(link, "fetch", exc.reason))
            transient = isinstance(exc, UnreachableError) or (
                isinstance(exc, HTTPStatusError) and (exc.status >= 500 or exc.status in (408, 429)))
            (poll.retry if transient else poll.done).append(link)
            return
        for item in self.ingestor.read_fetched(link, got):
            (rep.failures if isinstance(item, Failure) else articles).append(item)
        poll.done.append(link)


def poll_once(feeds: list[str], store: Store, settings: Settings | None = None, *,
              resources: Resources | None = None) -> RoundReport:
    """One round over `feeds` (URLs): what `kibaru watch --rounds 1` does."""
    return Watcher(feeds, store, settings, resources=resources).poll(1)


def watch(feeds_file: str | Path, store: Store, settings: Settings | None = None, every_seconds: float = 900.0,
          rounds: int | None = None, *, resources: Resources | None = None,
          on_round: Callable[[RoundReport], None] | None = None,
          on_notice: Callable[[str], None] | None = None) -> WatchReport:
    """Poll the feeds of `feeds_file` every `every_seconds` (from the start of one round to the
    next), `rounds` times or until Ctrl-C. Resumes from the store's saved feed state."""
    watcher = Watcher(read_feeds(feeds_file), store, settings, resources=resources, on_notice=on_notice)
    notice = watcher.on_notice
    report = WatchReport()
    with _first_ctrl_c_stops(watcher):
        try:
            while rounds is None or len(report.rounds) < rounds:
                start = time.monotonic()
                r = watcher.poll(len(report.rounds) + 1)
                report.rounds.append(r)
                if on_round:
                    on_round(r)
                if watcher.stopping or (rounds is not None and len(report.rounds) >= rounds):
                    break
                while (left := start + every_seconds - time.monotonic()) > 0 and not watcher.stopping:
                    time.sleep(min(left, 0.2))
                if watcher.stopping:
                    break
        except KeyboardInterrupt:
            store.rollback()
            report.interrupted = True
            notice("interrupted: the current round's articles were not all stored; "
                   "the same command resumes (nothing is half-written)")
            return report
    if watcher.stopping:
        report.interrupted = True
        notice("stopped; the same command resumes where this one left off")
    return report


@contextlib.contextmanager
def _first_ctrl_c_stops(watcher: Watcher):
    """While watching, a first SIGINT asks for a clean stop, a second one interrupts at once.

    Only the main thread can set signal handlers; elsewhere Ctrl-C stays a KeyboardInterrupt."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_sigint(signum, frame):
        if watcher.stopping:
            raise KeyboardInterrupt
        watcher.request_stop()
        watcher.on_notice("Ctrl-C: stopping after the current article (Ctrl-C again to stop at once)")

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()
