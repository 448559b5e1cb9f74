"""Shared fixtures: real resources (spaCy models, knowledge files), real DuckDB files."""
from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def resources():
    from kibaru.resources import Resources
    return Resources()


@pytest.fixture
def store(tmp_path):
    from kibaru.store import Store
    with Store(tmp_path / "test.duckdb") as s:
        yield s


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "SPEC.md").exists():
        pytest.skip(f"the shared folder ({SHARED}) is absent: dev gold and seeds are not available here")
    return SHARED


@pytest.fixture(scope="session")
def code(resources):
    """Code one text (an article) and return its event mentions, actors and quotes."""
    from kibaru.ingest import Ingestor
    from kibaru.nlp import parse_articles
    from kibaru.pipeline import process

    ing = Ingestor()

    def _code(text: str, *, lang: str | None = None, published: str | None = "2024-05-30"):
        rec = {"text": text, "published": published}
        if lang:
            rec["lang"] = lang
        art = ing._article(rec, "<test>", origin="jsonl", line=1)
        parsed = next(parse_articles([art], resources.pipeline))
        return process(parsed, resources)

    return _code


@contextlib.contextmanager
def serving(db):
    """kibaru's web app on a free loopback port, in a thread, for the duration of a test."""
    import socket
    import threading
    import time

    import uvicorn

    from kibaru.server import create_app
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def store_rows(store):
    """What a user reads from a store — articles, mentions with their codes, row counts —
    in a canonical order, to compare two runs (engines, process counts) for equality."""
    arts = sorted((a["id"], a["title"], a["published"], a["duplicate_of"], a["story_id"]) for a in store.articles())
    ms = sorted((m["article_id"], m["event"], m["status"], tuple(sorted(p["code"] for p in m["actor"])),
                 tuple(sorted(p["code"] for p in m["recipient"])), m["date_start"]) for m in store.mentions())
    return arts, ms, store.counts()


@pytest.fixture
def local_run(tmp_path, resources):
    """The fixture articles copied to a folder, and the rows the local one-process engine stores
    for them: what another engine (worker processes, Ray) must reproduce."""
    import shutil

    from kibaru.pipeline import run
    from kibaru.store import Store
    src = tmp_path / "in"
    shutil.copytree(FIXTURES / "articles", src)
    with Store(tmp_path / "local.duckdb") as local:
        run([src], local, resources=resources)
        return src, store_rows(local)


@contextlib.contextmanager
def http_server(handler):
    """A real HTTP server on a free loopback port, serving `handler` in a thread."""
    import http.server
    import threading
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield srv
    finally:
        srv.shutdown()
