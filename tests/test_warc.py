"""WARC input: the HTML responses of a crawl become articles; other records are skipped."""
import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kibaru.ingest import Ingestor
from kibaru.records import Article, Failure

PAGE = """<html><head><title>Le Tchad et le Soudan rouvrent leur frontière</title>
<meta property="article:published_time" content="2024-05-02T10:00:00Z"></head><body>
<nav>Accueil | Monde</nav><article><h1>Le Tchad et le Soudan rouvrent leur frontière</h1>
<p>Les autorités tchadiennes ont annoncé jeudi la réouverture du poste frontalier d'Adré avec le Soudan,
fermé depuis plusieurs semaines, afin de permettre le passage de l'aide humanitaire.</p>
<p>Le ministre tchadien des Affaires étrangères a précisé que les convois seraient inspectés.</p></article>
</body></html>"""


def make_warc(path, gz=True):
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for url, body, ctype in [("https://example.org/2024/05/02/tchad", PAGE, "text/html; charset=utf-8"),
                                 ("https://example.org/logo.png", "\x89PNG....", "image/png")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                                http_headers=headers))


def test_warc_gz_html_responses_are_articles(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    make_warc(p)
    items = list(Ingestor().read([p]))
    arts = [i for i in items if isinstance(i, Article)]
    assert len(arts) == 1 and not [i for i in items if isinstance(i, Failure)]
    a = arts[0]
    assert a.url == "https://example.org/2024/05/02/tchad" and a.published == "2024-05-02"
    assert "Adré" in a.text and "Accueil" not in a.text


def test_a_broken_warc_is_a_failure_not_a_crash(tmp_path):
    p = tmp_path / "broken.warc"
    p.write_bytes(b"WARC/1.0\r\nthis is not a record\r\n\r\n")
    items = list(Ingestor().read([p]))
    assert items and all(isinstance(i, Failure) and "broken.warc" in i.source for i in items)
