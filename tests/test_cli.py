"""The command line on real DuckDB files: run, re-run, export every level and format."""
import json
import shutil

import duckdb
import pytest
from click.testing import CliRunner

from kibaru.cli import main

from conftest import FIXTURES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A store built from the fixture folder (articles, an empty, a binary and a cp1252 file)."""
    tmp = tmp_path_factory.mktemp("cli")
    folder = tmp / "in"
    shutil.copytree(FIXTURES / "articles", folder)
    db = tmp / "k.duckdb"
    first = CliRunner().invoke(main, ["run", str(folder), "--db", str(db), "--quiet"])
    return folder, db, first


def test_run_reports_unreadable_inputs_and_exit_status(built):
    folder, db, first = built
    assert first.exit_code == 1, first.output
    assert "empty.txt: empty file" in first.output
    assert "image.bin: binary file" in first.output
    assert "wire.jsonl:3" in first.output
    con = duckdb.connect(str(db), read_only=True)
    texts = [r[0] for r in con.execute("SELECT text FROM articles").fetchall()]
    con.close()
    assert len(texts) == 6
    assert any("burkinabè" in t for t in texts)


def test_second_run_changes_no_row_count(built):
    folder, db, _ = built
    con = duckdb.connect(str(db), read_only=True)
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    con.close()
    again = CliRunner().invoke(main, ["run", str(folder), "--db", str(db), "--quiet"])
    assert "0 new article(s)" in again.output
    con = duckdb.connect(str(db), read_only=True)
    after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    con.close()
    assert after == before


@pytest.mark.parametrize("level", ["event", "mention", "actor", "quote", "article"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_every_level_and_format(built, tmp_path, level, fmt):
    _, db, _ = built
    out = tmp_path / f"out.{fmt}"
    r = CliRunner().invoke(main, ["export", "--db", str(db), "--level", level, "--format", fmt, "--output", str(out)])
    assert r.exit_code == 0, r.output
    n = int(r.output.split()[1])
    if fmt == "parquet":
        count = duckdb.connect().execute(f"SELECT count(*) FROM '{out}'").fetchone()[0]
        assert count == n
    elif fmt == "jsonl":
        assert len(out.read_text().splitlines()) == n
    assert n > 0


def test_event_jsonl_follows_the_contract(built, tmp_path):
    _, db, _ = built
    out = tmp_path / "events.jsonl"
    CliRunner().invoke(main, ["export", "--db", str(db), "--level", "event", "--output", str(out)])
    keys = {"id", "story_id", "article_ids", "event", "mode", "context", "status", "actor", "recipient", "date",
            "location", "quantities", "evidence", "num_articles", "num_sources", "score", "confidence"}
    for line in out.read_text().splitlines():
        rec = json.loads(line)
        assert keys <= set(rec)
        assert rec["status"] in ("occurred", "planned", "hypothetical", "negated")
        assert set(rec["date"]) == {"start", "end", "precision", "text"}
        for ev in rec["evidence"]:
            assert ev["sentence"] and ev["end"] > ev["start"]


def test_evidence_offsets_point_into_the_article(built, tmp_path):
    _, db, _ = built
    out = tmp_path / "m.jsonl"
    CliRunner().invoke(main, ["export", "--db", str(db), "--level", "mention", "--output", str(out)])
    con = duckdb.connect(str(db), read_only=True)
    text = dict(con.execute("SELECT id, text FROM articles").fetchall())
    con.close()
    for line in out.read_text().splitlines():
        for ev in json.loads(line)["evidence"]:
            assert text[ev["article_id"]][ev["start"]:ev["end"]] == ev["sentence"]


@pytest.mark.parametrize("cmd", ["events", "articles", "stories", "stats", "failures", "actors", "discrepancies"])
def test_views(built, cmd):
    _, db, _ = built
    r = CliRunner().invoke(main, [cmd, "--db", str(db)])
    assert r.exit_code == 0, r.output


def test_story_detail(built):
    _, db, _ = built
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    sid = con.execute("SELECT story_id FROM stories LIMIT 1").fetchone()[0]
    con.close()
    r = CliRunner().invoke(main, ["stories", sid[:8], "--db", str(db)])
    assert r.exit_code == 0 and sid in r.output
    r = CliRunner().invoke(main, ["stories", "zzzz", "--db", str(db)])
    assert r.exit_code == 2 and "0 stories match" in r.output


def test_missing_database_is_one_clear_line(tmp_path):
    r = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2
    assert "no database" in r.output


def test_bad_export_level_is_rejected(built, tmp_path):
    _, db, _ = built
    r = CliRunner().invoke(main, ["export", "--db", str(db), "--level", "nope", "--output", str(tmp_path / "x")])
    assert r.exit_code != 0 and "nope" in r.output


def test_bench_reports_both_pipelines():
    r = CliRunner().invoke(main, ["bench", "--synthetic", "6", "--runs", "1", "--cluster-sizes", "200"])
    assert r.exit_code == 0, r.output
    assert "bare spaCy" in r.output and "ratio bare spaCy / kibaru" in r.output
    assert "story clustering of 200 synthetic articles" in r.output


def test_eval_lists_missed_and_spurious_events(tmp_path):
    """`kibaru eval --errors` writes what a reader needs to audit the coder: each gold event
    missed, each event coded that the gold does not have, with its sentence."""
    gold = {"article": "t-1", "lang": "fr", "published": "2024-05-30", "outlet": "Test",
            "text": "Le Niger a rappelé mardi son ambassadeur à Paris.",
            "events": [{"event": "AID", "actor": ["CHN"], "recipient": ["TCD"], "status": "occurred",
                        "evidence": "aucune phrase ne le dit"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "errors.jsonl"
    r = CliRunner().invoke(main, ["eval", str(path), "--errors", str(out)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    kinds = {(e["kind"], (e.get("gold") or e.get("system"))["event"]) for e in rows}
    assert ("missed", "AID") in kinds and ("spurious", "SANCTION") in kinds
    spurious = next(e for e in rows if e["kind"] == "spurious")
    assert spurious["system"]["evidence"] == gold["text"] and spurious["system"]["trigger"] == "rappelé"
