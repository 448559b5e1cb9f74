"""The HTTP API over a store built from our own fixture articles: every endpoint, bad parameters."""
import shutil

import pytest
from fastapi.testclient import TestClient

from conftest import FIXTURES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(tmp_path_factory, resources):
    from kibaru.pipeline import run
    from kibaru.server import create_app
    from kibaru.store import Store
    tmp = tmp_path_factory.mktemp("srv")
    shutil.copytree(FIXTURES / "articles", tmp / "in")
    with Store(tmp / "k.duckdb") as store:
        run([tmp / "in"], store, resources=resources)
    return TestClient(create_app(tmp / "k.duckdb"))


@pytest.mark.parametrize("path", ["/api/events", "/api/mentions", "/api/articles", "/api/stories", "/api/actors",
                                  "/api/quotes", "/api/discrepancies"])
def test_list_endpoints_are_paginated(client, path):
    r = client.get(path, params={"limit": 2})
    assert r.status_code == 200
    body = r.json()
    assert set(body) >= {"total", "limit", "offset", "items"} and len(body["items"]) <= 2


def test_event_filters_narrow_the_list(client):
    everything = client.get("/api/events").json()["total"]
    sen = client.get("/api/events", params={"country": "SEN"}).json()
    assert 0 < sen["total"] < everything
    assert all("SEN" in {p["code"] for p in e["actor"] + e["recipient"]} for e in sen["items"])
    consult = client.get("/api/events", params={"category": "consult"}).json()
    assert all(e["event"] == "CONSULT" for e in consult["items"])


def test_detail_endpoints_and_search(client):
    story = client.get("/api/stories").json()["items"][0]
    assert client.get(f"/api/stories/{story['story_id']}").json()["events"] is not None
    actor = client.get("/api/actors").json()["items"][0]
    assert client.get(f"/api/actors/{actor['actor_id']}").json()["name"] == actor["name"]
    art = client.get("/api/articles").json()["items"][0]
    assert "text" in client.get(f"/api/articles/{art['id']}").json()
    assert client.get("/api/search", params={"q": "Bamako"}).json()["articles"]


@pytest.mark.parametrize("path,params,status", [
    ("/api/events", {"category": "FIGHTING"}, 400),
    ("/api/events", {"country": "mali"}, 400),
    ("/api/events", {"dyad": "MLI"}, 400),
    ("/api/events", {"start": "yesterday"}, 422),
    ("/api/events", {"limit": 10_000}, 422),
    ("/api/events", {"offset": -1}, 422),
    ("/api/search", {"q": "x"}, 422),
    ("/api/stories/nope", {}, 404),
    ("/api/actors/nope", {}, 404),
    ("/story/nope", {}, 404),
    ("/dyad/MLI", {}, 400),
])
def test_bad_parameters_get_a_clear_4xx(client, path, params, status):
    r = client.get(path, params=params)
    assert r.status_code == status
    assert r.json()["detail"]


def test_injection_attempts_are_just_values(client):
    r = client.get("/api/events", params={"q": "'; DROP TABLE events; --"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/events").json()["total"] > 0


def test_openapi_and_csv(client):
    assert "/api/events" in client.get("/openapi.json").json()["paths"]
    r = client.get("/export.csv", params={"country": "SEN"})
    assert r.status_code == 200 and r.text.startswith("GlobalEventID,")
    p = client.get("/export.parquet", params={"country": "SEN"})
    assert p.status_code == 200 and p.content[:4] == b"PAR1"


def test_pages_render(client):
    for path in ("/", "/events", "/actors", "/network", "/search?q=Bamako", "/dyad/MLI-SEN"):
        r = client.get(path)
        assert r.status_code == 200 and "<html" in r.text, path
