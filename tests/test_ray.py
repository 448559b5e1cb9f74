"""The Ray engine, on a real local Ray instance, gives the same results as the local one."""
import pytest

from conftest import store_rows as rows

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray", reason="ray is installed by `make test` (test extras)")


def test_ray_engine_equals_local_engine(tmp_path, local_run):
    from kibaru.distributed import run_ray
    from kibaru.store import Store
    src, expected = local_run
    with Store(tmp_path / "ray.duckdb") as dist:
        report = run_ray([src], dist, actors=2)
        got = rows(dist)
    assert report.new == len(expected[0]) and len(report.failures) == 4
    assert got == expected


def test_cli_ray_engine_on_the_seeds_twice(tmp_path, shared):
    """`kibaru run --engine ray` as a user types it: events stored, a second run adds nothing."""
    import subprocess
    import sys
    from pathlib import Path
    db = tmp_path / "k.duckdb"
    cmd = [str(Path(sys.executable).parent / "kibaru"), "run", str(shared / "seeds"), "--db", str(db), "--engine", "ray",
           "--processes", "2", "--quiet"]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    from kibaru.store import Store
    with Store(db) as s:
        counts = s.counts()
        assert counts["articles"] == 2 and counts["mentions"] > 0
    second = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stderr
    with Store(db) as s:
        assert s.counts() == counts
