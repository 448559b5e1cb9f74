"""A bounded load test of the API on loopback: no request fails; requests/s and p99 latency
are printed (measured, not asserted: the machines are noisy)."""
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from conftest import FIXTURES, serving

pytestmark = pytest.mark.slow
REQUESTS, WORKERS, TIME_LIMIT = 400, 4, 60.0


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, resources):
    from kibaru.pipeline import run
    from kibaru.store import Store
    db = tmp_path_factory.mktemp("load") / "k.duckdb"
    with Store(db) as store:
        run([FIXTURES / "articles"], store, resources=resources)
    with serving(db) as url:
        yield url


def test_api_under_load_has_no_error(base_url):
    paths = ["/api/events?limit=20", "/api/events?country=SEN", "/api/stories", "/api/actors?q=Faye",
             "/api/search?q=Bamako", "/api/events?category=AID&limit=5"]
    deadline = time.perf_counter() + TIME_LIMIT
    lat, errors = [], []

    def one(i):
        if time.perf_counter() > deadline:
            return
        t = time.perf_counter()
        r = httpx.get(base_url + paths[i % len(paths)], timeout=10)
        lat.append(time.perf_counter() - t)
        if r.status_code != 200:
            errors.append((paths[i % len(paths)], r.status_code))

    t0 = time.perf_counter()
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(one, range(REQUESTS)))
    elapsed = time.perf_counter() - t0
    assert not errors, errors[:5]
    p99 = statistics.quantiles(lat, n=100)[98]
    print(f"\nAPI load: {len(lat)} requests, {WORKERS} clients, {len(lat) / elapsed:.0f} req/s, "
          f"median {statistics.median(lat) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms")
