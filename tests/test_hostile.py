"""Hostile inputs: `kibaru run` on tests/fixtures/hostile/ (made by tests/fixtures/make_hostile.py).

Every file there is either read into articles or listed as a failure naming the file (and the
line, for JSONL), with a reason; nothing crashes, a second run adds nothing, and
`kibaru failures` lists what could not be read. The command runs in a subprocess, as a user
runs it, with its output piped (so not a terminal, as in a log or CI).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import FIXTURES

pytestmark = pytest.mark.slow

HOSTILE = FIXTURES / "hostile"
ANY = object()  # a line number that may be absent or given (see flux_casse.xml)

#: file → (articles stored from it, failures [(line, reason regex)], text that must be in the
#: stored article, text that must not be). The rows with a comment guard against bugs these
#: inputs found (all fixed in 896ec4f).
EXPECTED: dict[str, tuple[int, list[tuple[object, str]], tuple[str, ...], tuple[str, ...]]] = {
    "vide.txt": (0, [(None, r"^empty file")], (), ()),
    "espaces.txt": (0, [(None, r"^empty file")], (), ()),
    "aleatoire.bin": (0, [(None, r"^binary file \(contains NUL bytes\)")], (), ()),
    "image.png": (0, [(None, r"^binary file \(a PNG image\)")], (), ()),
    "rapport.pdf": (0, [(None, r"^binary file \(a PDF document\)")], (), ()),
    "archive.gz": (0, [(None, r"^binary file \(a gzip archive\)")], (), ()),
    # Was: one byte cut at the end made the whole file fall back to cp1252 (mojibake "Ã©", "â€”").
    "tronque_utf8.txt": (1, [], ("lagune Ébrié", "Abidjan, 20 janvier 2025 —"), ("Ã", "â€")),
    "bamako_cp1252.txt": (1, [], ("l’insécurité", "Le cœur du dispositif", "« C’est"), ("Ã",)),
    "niamey_latin1.txt": (1, [], ("désenclavera", "« Ce projet", "reçu jeudi"), ("Ã",)),
    "dakar_utf16le_bom.txt": (1, [], ("Dakar, 5 May 2025 —", "Senegal's president"), ("\ufeff", "\x00")),
    "ouaga_utf8_bom.txt": (1, [], ("burkinabè", "témoins"), ("\ufeff", "ï»¿")),
    "casse.html": (0, [(None, r"^HTML page without an article body")], (), ()),
    "article.html": (1, [], ("commission mixte", "Kousséri"), ("Tous droits réservés", "Accueil")),
    # Was: feedparser's loose parser yields one empty ghost item, which kibaru reported as
    # "language 'und' is not coded" instead of saying the feed is broken (or the item has no text).
    "flux_casse.xml": (0, [(ANY, r"not well-formed|no items|no text|without text")], (), ()),
    "actualites.atom": (2, [], (), ()),
    "depeches.jsonl": (3, [(3, r"^not valid JSON"), (4, r"^a line must be a JSON object"),
                           (5, r"^no 'text' field"), (6, r"^no 'text' field")], (), ()),
    # Was: a one-word text was reported as "language 'und' is not coded" (and counted as a
    # skipped language) instead of too short: the language was guessed before the length.
    "titre_seul.txt": (0, [(None, r"fewer than 5 words")], (), ()),
    "madrid_es.txt": (0, [(None, r"^language 'es' is not coded")], (), ()),
    "doublon_a.txt": (1, [], ("La junte guinéenne",), ()),
    "doublon_b.txt": (0, [], (), ()),  # same text as doublon_a.txt: a duplicate, stored once
    "ligne_longue.txt": (1, [], ("Le conseil municipal de Thiès",), ()),
    "lagos_crlf.txt": (1, [], ("Nigerian police arrested",), ("\r",)),
    "Dépêche de Lomé — été 2025.txt": (1, [], ("Le président togolais",), ()),
}
N_ARTICLES = sum(n for n, *_ in EXPECTED.values())  # 15
N_FAILURES = sum(len(f) for _, f, *_ in EXPECTED.values())  # 14


def _env(columns: int | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    if columns:
        env["COLUMNS"] = str(columns)
    return env


def kibaru(*args, columns: int | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kibaru.cli", *map(str, args)], capture_output=True, text=True,
                          env=_env(columns), timeout=600, check=False)


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Run twice on a copy of the folder; keep the first run's database; list the failures."""
    tmp = tmp_path_factory.mktemp("hostile")
    folder = tmp / "in"
    shutil.copytree(HOSTILE, folder)
    db = tmp / "k.duckdb"
    first = kibaru("run", folder, "--db", db, "--quiet")
    db1 = tmp / "after_first_run.duckdb"
    if db.exists():
        shutil.copy(db, db1)
    counts1 = counts(db) if db.exists() else {}
    second = kibaru("run", folder, "--db", db, "--quiet")
    counts2 = counts(db) if db.exists() else {}
    listed = kibaru("failures", "--db", db, columns=400)
    return {"folder": folder, "db": db, "db1": db1, "first": first, "second": second, "counts1": counts1,
            "counts2": counts2, "listed": listed}


def test_fixture_folder_is_what_the_script_makes(tmp_path):
    sys.path.insert(0, str(FIXTURES))
    try:
        import make_hostile
    finally:
        sys.path.remove(str(FIXTURES))
    make_hostile.write(tmp_path)
    made = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    committed = {p.name: p.read_bytes() for p in HOSTILE.iterdir()}
    assert made == committed, "regenerate with: python tests/fixtures/make_hostile.py"
    assert set(made) == set(EXPECTED)
    assert sum(len(b) for b in made.values()) < 300 * 1024


def test_run_does_not_crash_and_exits_1(runs):
    for r in (runs["first"], runs["second"]):
        assert "Traceback" not in r.stderr, r.stderr
        assert r.returncode == 1, r.stdout + r.stderr


def test_run_summary(runs):
    out = runs["first"].stdout
    flat = " ".join(out.split())
    assert f"{N_ARTICLES} new article(s)" in flat
    assert "1 duplicate(s) in the input" in flat
    assert f"{N_FAILURES} input(s) could not be read" in flat
    assert re.search(r"skipped languages: .*\bes: 1\b", flat)


def test_articles_row_count(runs):
    assert runs["counts1"].get("articles") == N_ARTICLES
    assert runs["counts1"].get("failures") == N_FAILURES


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file(runs, name):
    n_articles, failures, must, must_not = EXPECTED[name]
    db, path = runs["db1"], str(runs["folder"] / name)
    texts = [r[0] for r in rows(db, "SELECT text FROM articles WHERE source = ?", [path])]
    found = sorted(((line, reason) for src, line, reason in rows(db, "SELECT source, line, reason FROM failures")
                    if src == path), key=lambda f: (f[0] or 0))
    assert len(texts) == n_articles, found
    assert len(found) == len(failures), found
    expected = sorted(failures, key=lambda f: f[0] if isinstance(f[0], int) else 0)
    for (line, reason), (want_line, pattern) in zip(found, expected):
        if want_line is not ANY:
            assert line == want_line, (line, reason)
        assert re.search(pattern, reason), f"{name}:{line}: {reason!r} does not match {pattern!r}"
    for t in texts:
        for s in must:
            assert s in t, f"{s!r} not in the stored text of {name}: {t[:200]!r}"
        for s in must_not:
            assert s not in t, f"{s!r} in the stored text of {name}: {t[:200]!r}"


def test_feed_and_jsonl_metadata(runs):
    db = runs["db1"]
    atom = str(runs["folder"] / "actualites.atom")
    got = sorted((str(p), u, t)
                 for p, u, t in rows(db, "SELECT published, url, title FROM articles WHERE source = ?", [atom]))
    assert got == [("2025-05-11", "https://exemple.org/2025/05/11/benin", "Benin opposition calls for dialogue"),
                   ("2025-05-12", "https://exemple.org/2025/05/12/cacao",
                    "Le Ghana et la Côte d'Ivoire signent un accord sur le cacao")]
    jsonl = str(runs["folder"] / "depeches.jsonl")
    urls = sorted(u for (u,) in rows(db, "SELECT url FROM articles WHERE source = ?", [jsonl]))
    assert urls == sorted(["https://exemple.org/2025/03/21/gaz", f"{jsonl}#2", f"{jsonl}#7"])


def test_every_failure_is_reported_with_its_file_and_line(runs):
    """Each failure has a line of the output that begins with its file (and `:line` for JSONL)."""
    lines = runs["first"].stdout.splitlines()
    for name, (_, failures, *_) in EXPECTED.items():
        for want_line, _ in failures:
            path = str(runs["folder"] / name)
            if want_line is ANY:
                heads = (f"  {path}: ", f"  {path}:1: ")
            else:
                heads = (f"  {path}{f':{want_line}' if want_line else ''}: ",)
            assert any(ln.startswith(heads) for ln in lines), (heads, runs["first"].stdout)


def test_every_line_of_the_failure_list_names_a_file(runs):
    """No line of the failure list is a fragment: a log of the run can be grepped by file name.

    Was: rich wrapped the piped output at 80 columns, so a failure line longer than that (any
    absolute path of some length) was split in two and the second half named no file."""
    out = runs["first"].stdout.splitlines()
    start = next(i for i, ln in enumerate(out) if "could not be read:" in ln)
    block = [ln for ln in out[start + 1:] if ln.strip()]
    prefix = f"  {runs['folder']}/"
    for ln in block:
        assert ln.startswith(prefix), f"line names no file: {ln!r}"
    assert len(block) == N_FAILURES, "\n".join(block)


def test_second_run_changes_no_row_count(runs):
    assert runs["counts1"] and runs["counts2"] == runs["counts1"]
    flat = " ".join(runs["second"].stdout.split())
    assert "0 new article(s)" in flat and f"{N_ARTICLES} already stored" in flat


def test_failures_command_lists_them(runs):
    r = runs["listed"]
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stdout + r.stderr
    assert f"failures ({N_FAILURES})" in r.stdout
    table = r.stdout.splitlines()
    for name, (_, failures, *_) in EXPECTED.items():
        for want_line, _ in failures:
            path = str(runs["folder"] / name)
            hits = [ln for ln in table if f" {path} " in ln]
            assert hits, f"{name} not listed:\n{r.stdout}"
            if isinstance(want_line, int):
                assert any(re.search(rf"│ {want_line}\s+│", ln) for ln in hits), (name, want_line, hits)


def test_only_unreadable_inputs_do_not_crash(tmp_path):
    """A folder where nothing can be read (so the store has no article) is not a crash.

    Was: rebuilding the stories of an empty store called DuckDB's executemany with an empty list,
    which DuckDB 2 refuses (InvalidInputException): a traceback instead of the failure list."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("vide.txt", "image.png", "titre_seul.txt"):
        shutil.copy(HOSTILE / name, folder / name)
    db = tmp_path / "k.duckdb"
    r = kibaru("run", folder, "--db", db, "--quiet")
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert r.returncode == 1
    assert counts(db)["failures"] == 3 and counts(db)["articles"] == 0


def test_file_names_are_printed_verbatim(runs, tmp_path):
    """A file name that looks like rich markup is printed as it is, not styled away.

    Was: the failure lines went through rich markup, so '[bold]' in a file name disappeared."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "[bold]vide.txt").write_bytes(b"")
    db = tmp_path / "k.duckdb"
    shutil.copy(runs["db1"], db)  # a store with articles, so that this run reads nothing new
    r = kibaru("run", folder, "--db", db, "--quiet", columns=400)
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert f"{folder}/[bold]vide.txt: empty file" in r.stdout, r.stdout
