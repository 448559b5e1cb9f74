"""Fetching over HTTP: only http(s), non-public hosts refused unless allowed (at every redirect),
size-limited; pages and feeds served from loopback become articles."""
import http.server

import pytest
from conftest import http_server

from kibaru.errors import InputError
from kibaru.ingest import Ingestor
from kibaru.ingest.fetch import check_url, fetch
from kibaru.records import Article, Failure

PAGE = ("<html><head><title>Le Bénin et le Niger rouvrent le dialogue</title></head><body><article>"
        "<h1>Le Bénin et le Niger rouvrent le dialogue</h1><p>Les ministres béninois et nigérien des Affaires "
        "étrangères se sont rencontrés lundi à Niamey pour discuter de la réouverture de la frontière.</p>"
        "</article></body></html>").encode()
FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Fil</title><item><title>Visite</title>"
        "<link>http://127.0.0.1/visite</link><pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate><description>"
        "Le président togolais a reçu lundi à Lomé le ministre burkinabè des Affaires étrangères.</description>"
        "</item></channel></rss>").encode()


def warc_bytes() -> bytes:
    """A small gzipped WARC crawl (one article page, one image), as CC-NEWS ships them."""
    import tempfile
    from pathlib import Path

    from test_warc import make_warc
    with tempfile.TemporaryDirectory() as tmp:
        make_warc(Path(tmp) / "c.warc.gz")
        return (Path(tmp) / "c.warc.gz").read_bytes()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        routes = {"/page": ("text/html; charset=utf-8", PAGE), "/feed": ("application/rss+xml", FEED),
                  "/big": ("text/html", b"x" * (2 * 1024 * 1024)),
                  "/crawl.warc.gz": ("application/octet-stream", warc_bytes())}
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        if self.path not in routes:
            self.send_error(404)
            return
        ctype, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    with http_server(Handler) as srv:
        yield f"http://127.0.0.1:{srv.server_address[1]}"


@pytest.mark.parametrize("url,reason", [("file:///etc/passwd", "only http and https"),
                                        ("ftp://127.0.0.1/x", "only http and https"),
                                        ("http://127.0.0.1/x", "non-public address"),
                                        ("http://169.254.169.254/latest/meta-data", "non-public address"),
                                        ("http://10.0.0.1/", "non-public address")])
def test_refused_urls(url, reason):
    with pytest.raises(InputError, match=reason):
        check_url(url)


def test_loopback_needs_allow_private(server):
    items = list(Ingestor().read([server + "/page"]))
    assert isinstance(items[0], Failure) and "--allow-private" in items[0].reason


def test_page_and_feed_from_a_local_server(server):
    ing = Ingestor(allow_private=True)
    [page] = list(ing.read([server + "/page"]))
    assert isinstance(page, Article) and "Niamey" in page.text and page.url.endswith("/page")
    [item] = list(ing.read([server + "/feed"]))
    assert isinstance(item, Article) and item.published == "2024-06-03" and "Lomé" in item.text


def test_warc_from_a_local_server(server, tmp_path):
    """`kibaru run http://…/crawl.warc.gz`: the crawl's article pages are stored."""
    from kibaru.pipeline import run
    from kibaru.settings import Settings
    from kibaru.store import Store
    items = list(Ingestor(allow_private=True).read([server + "/crawl.warc.gz"]))
    assert [type(i) for i in items] == [Article] and "Adré" in items[0].text
    with Store(tmp_path / "w.duckdb") as store:
        report = run([server + "/crawl.warc.gz"], store, settings=Settings(allow_private=True))
        assert report.new == 1 and store.counts()["articles"] == 1


def test_redirects_are_followed_and_rechecked(server):
    got = fetch(server + "/moved", allow_private=True)
    assert got.url.endswith("/page")
    with pytest.raises(InputError, match="non-public"):
        fetch(server + "/moved")


def test_size_limit(server):
    with pytest.raises(InputError, match="larger than"):
        fetch(server + "/big", allow_private=True, max_bytes=1024 * 1024)
