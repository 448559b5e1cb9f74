"""kibaru watch against a real HTTP server on loopback: a feed and French article pages.

What a user relies on: new items are fetched and coded once; an unchanged feed costs a 304;
robots.txt is obeyed; a broken page is a failure, not a crash; a restart (or Ctrl-C) loses
nothing and refetches nothing.
"""
import hashlib
import http.server
import os
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import http_server

from kibaru.cli import main
from kibaru.errors import ConfigError, InputError
from kibaru.settings import Settings
from kibaru.store import Store
from kibaru.watch import parse_every, poll_once, read_feeds, watch

PAGES = Path(__file__).parent / "fixtures" / "watch"
ROBOTS = b"User-agent: *\nDisallow: /prive/\n"
FAYE, AES, MAHAMA = "/articles/faye-nouakchott.html", "/articles/aes-niamey.html", "/articles/mahama-bamako.html"
PRIVATE, BROKEN = "/prive/note-interne.html", "/articles/casse.html"
ARTICLE_PATHS = {FAYE: "faye-nouakchott.html", AES: "aes-niamey.html", MAHAMA: "mahama-bamako.html",
                 PRIVATE: "note-interne.html"}
LAST_MODIFIED = "Sat, 06 Jul 2024 18:00:00 GMT"


class Site:
    """What the server serves (changed by the tests) and what it was asked (`log`)."""

    def __init__(self):
        self.base = ""
        self.items: list[str] = []
        self.etag = True  # answer conditional GETs
        self.robots_status = 200
        self.log: list[dict] = []
        self.on_request = None  # called with the path before answering

    def feed(self) -> bytes:
        items = "".join(f"<item><title>{p}</title><link>{self.base}{p}</link>"
                        f"<description>Résumé de l'article.</description></item>" for p in self.items)
        return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Le Fil du Sahel</title>"
                f"<link>{self.base}/</link><description>Dépêches</description>{items}</channel></rss>").encode()

    def answer(self, path: str, headers) -> tuple[int, dict, bytes]:
        if path == "/robots.txt":
            return self.robots_status, {"Content-Type": "text/plain"}, ROBOTS if self.robots_status == 200 else b"?"
        if path == "/feed.xml":
            body = self.feed()
            tag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            validators = {"ETag": tag, "Last-Modified": LAST_MODIFIED} if self.etag else {}
            if self.etag and headers.get("If-None-Match") == tag:
                return 304, validators, b""
            return 200, {"Content-Type": "application/rss+xml; charset=utf-8", **validators}, body
        if path == BROKEN:
            return 500, {"Content-Type": "text/plain"}, b"erreur interne"
        if path in ARTICLE_PATHS:
            return 200, {"Content-Type": "text/html; charset=utf-8"}, (PAGES / ARTICLE_PATHS[path]).read_bytes()
        return 404, {"Content-Type": "text/plain"}, b"introuvable"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        site = self.server.site
        if site.on_request:
            site.on_request(self.path)
        status, headers, body = site.answer(self.path, self.headers)
        site.log.append({"path": self.path, "status": status, "headers": dict(self.headers), "at": time.monotonic()})
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    with http_server(Handler) as srv:
        yield srv


@pytest.fixture
def site(server):
    server.site = Site()
    server.site.base = f"http://127.0.0.1:{server.server_address[1]}"
    return server.site


@pytest.fixture
def feeds_file(site, tmp_path):
    f = tmp_path / "feeds.txt"
    f.write_text(f"# le fil de test\n\n{site.base}/feed.xml\n", encoding="utf-8")
    return f


SETTINGS = Settings(allow_private=True, fetch_delay=0)


def fetched(site) -> list[str]:
    return [r["path"] for r in site.log if r["path"] not in ("/robots.txt", "/feed.xml")]


def run_rounds(feeds_file, db, resources, rounds=1, **kw):
    with Store(db) as store:
        return watch(feeds_file, store, SETTINGS, 0, rounds, resources=resources, **kw)


def test_first_round_stores_the_articles_and_their_events(site, feeds_file, tmp_path, resources):
    site.items = [FAYE, AES]
    report = run_rounds(feeds_file, tmp_path / "w.duckdb", resources)
    [r] = report.rounds
    assert (r.feeds, r.not_modified, r.new_items, r.new_articles, r.failures) == (1, 0, 2, 2, [])
    with Store(tmp_path / "w.duckdb", read_only=True) as store:
        arts = {a["url"]: a for a in store.articles()}
        assert set(arts) == {site.base + FAYE, site.base + AES}
        assert "Ghazouani" in arts[site.base + FAYE]["text"] and "Tortue Ahmeyim" in arts[site.base + FAYE]["text"]
        assert "Tous droits réservés" not in arts[site.base + FAYE]["text"]  # boilerplate left out
        assert arts[site.base + AES]["published"] == "2024-07-06"
        assert store.counts()["mentions"] > 0 and store.counts()["events"] > 0
        assert {m["article_id"] for m in store.mentions()} == {a["id"] for a in arts.values()}


def test_unchanged_feed_is_a_conditional_get_answered_304(site, feeds_file, tmp_path, resources):
    site.items = [FAYE]
    report = run_rounds(feeds_file, tmp_path / "w.duckdb", resources, rounds=2)
    first, second = report.rounds
    assert (first.new_articles, second.feeds, second.not_modified, second.new_items, second.new_articles) == (1, 1, 1, 0, 0)
    feed_requests = [r for r in site.log if r["path"] == "/feed.xml"]
    assert [r["status"] for r in feed_requests] == [200, 304]
    assert "If-None-Match" not in feed_requests[0]["headers"]
    assert feed_requests[1]["headers"]["If-None-Match"].startswith('"')
    assert feed_requests[1]["headers"]["If-Modified-Since"] == LAST_MODIFIED
    assert fetched(site) == [FAYE]
    assert [r["path"] for r in site.log].count("/robots.txt") == 1  # once per host per run


def test_a_new_item_is_picked_up_and_only_it_is_fetched(site, feeds_file, tmp_path, resources):
    site.items = [FAYE, AES]
    seen = []
    with Store(tmp_path / "w.duckdb") as store:
        def add_an_item(r):
            seen.append(r)
            if r.number == 1:
                site.items.insert(0, MAHAMA)
        watch(feeds_file, store, SETTINGS, 0, 2, resources=resources, on_round=add_an_item)
        assert fetched(site) == [FAYE, AES, MAHAMA]
        assert (seen[1].not_modified, seen[1].new_items, seen[1].new_articles) == (0, 1, 1)
        assert "Mahama" in " ".join(a["text"] for a in store.articles())
        assert store.counts()["articles"] == 3


def test_robots_disallow_keeps_the_article_out(site, feeds_file, tmp_path, resources):
    site.items = [PRIVATE, FAYE]
    [r] = run_rounds(feeds_file, tmp_path / "w.duckdb", resources).rounds
    assert PRIVATE not in fetched(site) and FAYE in fetched(site)
    with Store(tmp_path / "w.duckdb", read_only=True) as store:
        assert [a["url"] for a in store.articles()] == [site.base + FAYE]
        [f] = store.failures()
        assert f["source"] == site.base + PRIVATE and "disallowed by robots.txt" in f["reason"]


def test_robots_server_error_means_not_now_and_no_robots_means_allowed(site, feeds_file, tmp_path, resources):
    site.items, site.robots_status = [PRIVATE], 503
    notices = []

    def robots_gone(r):
        site.robots_status = 404
    first, second = run_rounds(feeds_file, tmp_path / "w.duckdb", resources, rounds=2, on_round=robots_gone,
                               on_notice=notices.append).rounds
    assert first.feeds == 0 and any("robots.txt answered a server error" in n for n in notices)
    assert [r["path"] for r in site.log] == ["/robots.txt", "/robots.txt", "/feed.xml", PRIVATE]
    assert second.new_articles == 1


def test_a_page_answering_500_is_a_failure_retried_next_round(site, feeds_file, tmp_path, resources):
    site.items = [BROKEN, AES]
    first, second = run_rounds(feeds_file, tmp_path / "w.duckdb", resources, rounds=2).rounds
    assert first.new_articles == 1 and len(first.failures) == 1
    assert fetched(site) == [BROKEN, AES, BROKEN]  # a server error may pass: tried again, AES not refetched
    with Store(tmp_path / "w.duckdb", read_only=True) as store:
        [f] = store.failures()  # the same failure is not listed twice
        assert f["source"] == site.base + BROKEN and f["stage"] == "fetch" and "HTTP 500" in f["reason"]
        assert store.counts()["articles"] == 1


def test_a_restart_does_not_refetch_seen_items(site, feeds_file, tmp_path, resources):
    site.items, site.etag = [FAYE, AES], False  # no ETag: only the stored links can prevent refetching
    db = tmp_path / "w.duckdb"
    run_rounds(feeds_file, db, resources)
    site.log.clear()
    [r] = run_rounds(feeds_file, db, resources).rounds  # a new process would do the same: state is in the file
    assert (r.feeds, r.not_modified, r.new_items, r.new_articles) == (1, 0, 0, 0)
    assert fetched(site) == [] and [x["path"] for x in site.log] == ["/robots.txt", "/feed.xml"]


def test_a_restart_sends_the_saved_etag(site, feeds_file, tmp_path, resources):
    site.items = [FAYE]
    db = tmp_path / "w.duckdb"
    run_rounds(feeds_file, db, resources)
    [r] = run_rounds(feeds_file, db, resources).rounds
    assert r.not_modified == 1 and [x["status"] for x in site.log if x["path"] == "/feed.xml"] == [200, 304]


def test_ctrl_c_stops_after_the_current_article_and_the_next_run_resumes(site, feeds_file, tmp_path, resources):
    site.items = [FAYE, AES, MAHAMA]
    db = tmp_path / "w.duckdb"

    def ctrl_c_while_serving_the_first_article(path):
        if path == FAYE:
            os.kill(os.getpid(), signal.SIGINT)
    site.on_request = ctrl_c_while_serving_the_first_article
    notices = []
    report = run_rounds(feeds_file, db, resources, rounds=5, on_notice=notices.append)
    assert report.interrupted and len(report.rounds) == 1 and report.rounds[0].stopped
    assert fetched(site) == [FAYE] and any("Ctrl-C" in n for n in notices)
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 1  # the article being fetched was finished and stored
    site.on_request, site.log = None, []
    [r] = run_rounds(feeds_file, db, resources).rounds
    assert fetched(site) == [AES, MAHAMA] and r.new_articles == 2
    assert "If-None-Match" not in site.log[1]["headers"]  # the cut-short poll saved no ETag


def test_requests_to_one_host_are_spaced_by_the_delay(site, feeds_file, tmp_path, resources):
    site.items = [FAYE, AES]
    with Store(tmp_path / "w.duckdb") as store:
        poll_once(read_feeds(feeds_file), store, Settings(allow_private=True, fetch_delay=0.2), resources=resources)
    times = [r["at"] for r in site.log]
    assert len(times) == 4  # robots.txt, feed, two pages: one at a time
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.15


def test_cli_one_round(site, feeds_file, tmp_path):
    site.items = [FAYE]
    db = tmp_path / "cli.duckdb"
    r = CliRunner().invoke(main, ["watch", str(feeds_file), "--db", str(db), "--every", "30s", "--rounds", "1",
                                  "--allow-private", "--delay", "0"])
    assert r.exit_code == 0, r.output
    assert "round 1: 1 feed(s) polled, 0 not modified, 1 new item(s), 1 new article(s), 0 failure(s)" in r.output
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 1


def test_cli_refuses_a_bad_duration(feeds_file, tmp_path):
    r = CliRunner().invoke(main, ["watch", str(feeds_file), "--db", str(tmp_path / "x.duckdb"), "--every", "15 minutes"])
    assert r.exit_code == 2 and "not a duration" in r.output


@pytest.mark.parametrize("value,seconds", [("30s", 30), ("15m", 900), ("1h", 3600), ("1.5m", 90)])
def test_durations(value, seconds):
    assert parse_every(value) == seconds


@pytest.mark.parametrize("value", ["15", "0s", "-1m", "m", "1d", ""])
def test_bad_durations(value):
    with pytest.raises(ConfigError):
        parse_every(value)


def test_a_malformed_feeds_line_names_the_file_and_line(tmp_path):
    f = tmp_path / "feeds.txt"
    f.write_text("# fils\nhttps://example.org/rss\n\nexample.org/atom.xml\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_feeds(f)
    assert str(exc.value).startswith(f"{f}:4: not a feed URL: 'example.org/atom.xml'")
    r = CliRunner().invoke(main, ["watch", str(f), "--db", str(tmp_path / "x.duckdb"), "--rounds", "1"])
    assert r.exit_code == 2 and f"feeds.txt:4: not a feed URL" in " ".join(r.output.split())
