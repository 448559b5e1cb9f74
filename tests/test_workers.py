"""Two local worker processes (parse and coding in both) give exactly the rows one process gives."""
import shutil

import pytest

from conftest import FIXTURES, store_rows

pytestmark = pytest.mark.slow


def test_two_worker_processes_equal_one(tmp_path, resources):
    from kibaru.pipeline import run
    from kibaru.settings import Settings
    from kibaru.store import Store
    src = tmp_path / "in"
    shutil.copytree(FIXTURES / "articles", src)
    with Store(tmp_path / "one.duckdb") as one:
        run([src], one, resources=resources)
        expected = store_rows(one)
    with Store(tmp_path / "two.duckdb") as two:
        report = run([src], two, settings=Settings(processes=2, batch_size=8), resources=resources)
        got = store_rows(two)
        again = run([src], two, settings=Settings(processes=2, batch_size=8), resources=resources)
        assert store_rows(two) == got
    assert report.new == len(expected[0]) > 5 and again.new == 0
    assert got == expected
