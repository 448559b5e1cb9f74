"""Two local worker processes (parse and coding in both) give exactly the rows one process gives."""
import pytest

from conftest import store_rows

pytestmark = pytest.mark.slow


def test_two_worker_processes_equal_one(tmp_path, resources, local_run):
    from kibaru.pipeline import run
    from kibaru.settings import Settings
    from kibaru.store import Store
    src, expected = local_run
    with Store(tmp_path / "two.duckdb") as two:
        report = run([src], two, settings=Settings(processes=2, batch_size=8), resources=resources)
        got = store_rows(two)
        again = run([src], two, settings=Settings(processes=2, batch_size=8), resources=resources)
        assert store_rows(two) == got
    assert report.new == len(expected[0]) > 5 and again.new == 0
    assert got == expected
