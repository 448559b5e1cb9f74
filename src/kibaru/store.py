"""store: the DuckDB database — the only module that speaks SQL.

Schema changes are numbered migrations applied in order; `schema_version` records the last
one applied. Writes happen in one transaction per batch of articles, so an interrupted run
leaves whole articles or nothing, and re-running the same input adds nothing twice.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import duckdb

from .errors import StoreError
from .records import Actor, ArticleResult, Discrepancy, Event, Failure, Story

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, url VARCHAR, source VARCHAR, outlet VARCHAR, title VARCHAR,
        author VARCHAR, published DATE, lang VARCHAR, text VARCHAR, duplicate_of VARCHAR,
        story_id VARCHAR, ingested_at TIMESTAMP DEFAULT current_timestamp);
    CREATE TABLE mentions (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, event VARCHAR, mode VARCHAR, status VARCHAR,
        context VARCHAR, actor VARCHAR, recipient VARCHAR, date_start DATE, date_end DATE,
        date_precision VARCHAR, date_text VARCHAR, location VARCHAR, quantities VARCHAR,
        evidence VARCHAR, confidence DOUBLE, score DOUBLE);
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY, story_id VARCHAR, event VARCHAR, mode VARCHAR, status VARCHAR,
        context VARCHAR, actor VARCHAR, recipient VARCHAR, date_start DATE, date_end DATE,
        date_precision VARCHAR, date_text VARCHAR, location VARCHAR, quantities VARCHAR,
        evidence VARCHAR, article_ids VARCHAR, mention_ids VARCHAR, num_articles INTEGER,
        num_sources INTEGER, score DOUBLE, confidence DOUBLE);
    CREATE TABLE actors (
        actor_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, code VARCHAR, sector VARCHAR,
        aliases VARCHAR, roles VARCHAR, article_ids VARCHAR);
    CREATE TABLE quotes (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, speaker VARCHAR, actor_id VARCHAR,
        speaker_code VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER);
    CREATE TABLE stories (
        story_id VARCHAR PRIMARY KEY, title VARCHAR, article_ids VARCHAR, start_date DATE,
        end_date DATE, codes VARCHAR);
    CREATE TABLE discrepancies (
        id VARCHAR PRIMARY KEY, story_id VARCHAR, event_id VARCHAR, field VARCHAR, about VARCHAR,
        vals VARCHAR);
    CREATE TABLE failures (
        id VARCHAR PRIMARY KEY, source VARCHAR, line INTEGER, stage VARCHAR, reason VARCHAR,
        seen_at TIMESTAMP DEFAULT current_timestamp);
    """),
    (2, """
    CREATE TABLE signatures (article_id VARCHAR PRIMARY KEY, minhash BLOB);
    """),
    # `kibaru watch`: each feed's validators, and the item links already handled (or being
    # retried after a transient error), so a restart neither refetches nor forgets.
    (3, """
    CREATE TABLE feeds (url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR,
        last_polled TIMESTAMP);
    CREATE TABLE feed_items (feed VARCHAR, link VARCHAR, done BOOLEAN, tries INTEGER,
        seen_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (feed, link));
    """),
]

TABLES = ("articles", "mentions", "events", "actors", "quotes", "stories", "discrepancies", "failures",
          "feeds", "feed_items")


def _j(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=lambda o: asdict(o))


def _h(*parts) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


class Store:
    """A kibaru database. `Store(path)` opens (or creates) it and migrates it."""

    def __init__(self, path: str | Path = "kibaru.duckdb", *, read_only: bool = False, connection=None):
        self.path = str(path)
        if connection is not None:  # a cursor of a shared connection (see `reader`)
            self.db = connection
            return
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}; create it with `kibaru run PATH --db {self.path}`")
        if not read_only:
            _create_atomically(self.path)
        try:
            self.db = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from None
        if not read_only:
            self.migrate()

    @classmethod
    def reader(cls, path: str | Path):
        """A factory of read-only stores sharing one connection (one cursor each): what a
        server needs, instead of opening the file at every request."""
        probe = cls(path, read_only=True)  # the same clear error if the file is not there
        shared = probe.db

        def make() -> "Store":
            return cls(path, connection=shared.cursor())
        return make

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- schema ---------------------------------------------------------------------------
    def migrate(self) -> int:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
        row = self.db.execute("SELECT max(version) FROM schema_version").fetchone()
        current = row[0] or 0
        for version, sql in MIGRATIONS:
            if version > current:
                self.db.execute("BEGIN")
                self.db.execute(sql)
                self.db.execute("INSERT INTO schema_version VALUES (?)", [version])
                self.db.execute("COMMIT")
                current = version
        return current

    # -- writing --------------------------------------------------------------------------
    def known_articles(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        rows = self.db.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def add_failures(self, failures: Iterable[Failure]) -> int:
        rows = [(_h(f.source, f.line, f.reason), f.source, f.line, f.stage, f.reason) for f in failures]
        self._insert_many("failures (id, source, line, stage, reason)", rows, "ON CONFLICT (id) DO NOTHING")
        return len(rows)

    def add_results(self, results: list[ArticleResult]) -> int:
        """Store articles with their mentions, quotes and actors in one transaction.

        Articles already stored are skipped whole, so nothing is counted twice. Rows are
        written in bulk (multi-row INSERTs): row-by-row statements cost more than the coding."""
        known = self.known_articles(r.article.id for r in results)
        new = [r for r in results if r.article.id not in known]
        if not new:
            return 0
        arts = [(a.id, a.url, a.source, a.outlet, a.title, a.author, a.published, a.lang, a.text, a.duplicate_of)
                for a in (r.article for r in new)]
        sigs = [(r.article.id, r.signature) for r in new if r.signature is not None]
        mentions = [(m.id, m.article_id, m.event, m.mode, m.status, _j(m.context), _j(m.actor), _j(m.recipient),
                     m.date.start, m.date.end, m.date.precision, m.date.text, _j(m.location), _j(m.quantities),
                     _j(m.evidence), m.confidence, m.score) for r in new for m in r.mentions]
        quotes = [(_h(q.article_id, q.start, q.end), q.article_id, q.speaker, q.actor_id, q.speaker_code, q.text,
                   q.start, q.end) for r in new for q in r.quotes]
        self.db.execute("BEGIN")
        try:
            self._insert_many("articles (id, url, source, outlet, title, author, published, lang, text, "
                              "duplicate_of)", arts)
            self._insert_many("signatures", sigs, "ON CONFLICT DO NOTHING")
            self._insert_many("mentions", mentions)
            self._insert_many("quotes", quotes, "ON CONFLICT (id) DO NOTHING")
            self._merge_actors([a for r in new for a in r.actors])
            self.db.execute("COMMIT")
        except Exception:
            self.db.execute("ROLLBACK")
            raise
        return len(new)

    def _insert_many(self, table: str, rows: list[tuple], suffix: str = "", chunk: int = 256) -> None:
        """INSERT of many rows, `chunk` rows per statement."""
        for k in range(0, len(rows), chunk):
            part = rows[k:k + chunk]
            one = "(" + ",".join("?" * len(part[0])) + ")"
            self.db.execute(f"INSERT INTO {table} VALUES {','.join([one] * len(part))} {suffix}",
                            [v for row in part for v in row])

    def signatures(self) -> list[tuple[str, bytes]]:
        """MinHash signatures of the stored articles (near-duplicate detection)."""
        return self.db.execute("SELECT article_id, minhash FROM signatures").fetchall()

    def _merge_actors(self, actors: list[Actor]) -> None:
        """Actors merged with what is stored (aliases, roles, articles united), written in bulk."""
        merged: dict[str, list] = {}
        ids = list(dict.fromkeys(a.actor_id for a in actors))
        if not ids:
            return
        for aid, name, kind, code, sector, aliases, roles, arts in self.db.execute(
                "SELECT actor_id, name, kind, code, sector, aliases, roles, article_ids FROM actors "
                "WHERE actor_id IN (SELECT unnest(?))", [ids]).fetchall():
            merged[aid] = [aid, name, kind, code, sector, set(json.loads(aliases)), json.loads(roles),
                           json.loads(arts)]
        stored = list(merged)
        for a in actors:
            roles = [asdict(r) for r in a.roles]
            m = merged.get(a.actor_id)
            if m is None:
                merged[a.actor_id] = [a.actor_id, a.name, a.kind, a.code, a.sector, set(a.aliases), roles,
                                      list(a.article_ids)]
                continue
            m[3], m[4] = m[3] or a.code, m[4] or a.sector
            m[5] |= set(a.aliases)
            m[6] = _merge_roles(m[6], roles)
            m[7] = list(dict.fromkeys(m[7] + list(a.article_ids)))
        if stored:
            self.db.execute("DELETE FROM actors WHERE actor_id IN (SELECT unnest(?))", [stored])
        self._insert_many("actors", [(m[0], m[1], m[2], m[3], m[4], _j(sorted(m[5])), _j(m[6]), _j(m[7]))
                                     for m in merged.values()])

    def replace_stories(self, stories: list[Story], events: list[Event], discrepancies: list[Discrepancy],
                        article_story: dict[str, str]) -> None:
        """Derived tables (stories, merged events, discrepancies) rebuilt in one transaction."""
        self.db.execute("BEGIN")
        try:
            for t in ("stories", "events", "discrepancies"):
                self.db.execute(f"DELETE FROM {t}")
            st_rows = [(s.story_id, s.title, _j(list(s.article_ids)), s.start, s.end, _j(list(s.codes)))
                       for s in stories]
            self._insert_many("stories", st_rows)
            ev_rows = [(e.id, e.story_id, e.event, e.mode, e.status, _j(e.context), _j(e.actor), _j(e.recipient),
                        e.date.start, e.date.end, e.date.precision, e.date.text, _j(e.location), _j(e.quantities),
                        _j(e.evidence), _j(list(e.article_ids)), _j(list(e.mention_ids)), e.num_articles,
                        e.num_sources, e.score, e.confidence) for e in events]
            self._insert_many("events", ev_rows)
            d_rows = [(_h(d.story_id, d.event_id, d.field, d.about), d.story_id, d.event_id, d.field, d.about,
                       _j(d.values)) for d in discrepancies]
            self._insert_many("discrepancies", d_rows, "ON CONFLICT (id) DO NOTHING")
            self.db.execute("UPDATE articles SET story_id = NULL")
            if article_story:
                self.db.execute("UPDATE articles SET story_id = m.story FROM "
                                "(SELECT unnest(?) AS id, unnest(?) AS story) m WHERE articles.id = m.id",
                                [list(article_story), list(article_story.values())])
            self.db.execute("COMMIT")
        except Exception:
            self.db.execute("ROLLBACK")
            raise

    # -- reading --------------------------------------------------------------------------
    def query(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self.db.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def learned_people(self) -> dict[str, dict]:
        """People with a known code, by folded name and alias: what earlier articles taught."""
        rows = self.db.execute("SELECT name, aliases, code, sector FROM actors WHERE kind = 'person' "
                               "AND code IS NOT NULL ORDER BY actor_id").fetchall()
        return learn_people({}, ((name, json.loads(aliases), code, sector) for name, aliases, code, sector in rows))

    def article_stories(self) -> dict[str, str | None]:
        return dict(self.db.execute("SELECT id, story_id FROM articles").fetchall())

    def counts(self) -> dict[str, int]:
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def articles(self, ids: list[str] | None = None) -> list[dict]:
        if ids is None:
            return [_decode(r) for r in self.query("SELECT * FROM articles ORDER BY published NULLS LAST, id")]
        return [_decode(r) for r in self.query("SELECT * FROM articles WHERE id IN (SELECT unnest(?)) ORDER BY id", [ids])]

    def mentions(self, article_ids: list[str] | None = None) -> list[dict]:
        base = ("SELECT m.*, a.url AS article_url, a.published, a.outlet FROM mentions m "
                "JOIN articles a ON a.id = m.article_id")
        if article_ids is None:
            return [_decode(r) for r in self.query(base + " ORDER BY a.published NULLS LAST, m.article_id, m.id")]
        return [_decode(r) for r in self.query(base + " WHERE m.article_id IN (SELECT unnest(?))", [article_ids])]

    def events(self, *, limit: int | None = None) -> list[dict]:
        sql = "SELECT * FROM events ORDER BY date_start NULLS LAST, id"
        if limit:
            return [_decode(r) for r in self.query(sql + " LIMIT ?", [int(limit)])]
        return [_decode(r) for r in self.query(sql)]

    # -- filtered reading (the API) -----------------------------------------------------
    def find_events(self, *, country: str | None = None, dyad: tuple[str, str] | None = None,
                    category: str | None = None, start: str | None = None, end: str | None = None,
                    story_id: str | None = None, actor_id: str | None = None, q: str | None = None,
                    limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
        """Merged events matching every given filter (all values bound as parameters)."""
        where, params = [], []
        # participants are JSON lists; a participant filter is a bound LIKE on both sides
        for key, value in [("code", country), *(("code", c) for c in dyad or ()), ("actor_id", actor_id)]:
            if value:
                where.append("(actor LIKE ? OR recipient LIKE ?)")
                params += [f'%"{key}": "{value}"%'] * 2
        if category:
            where.append("event = ?")
            params.append(category)
        if story_id:
            where.append("story_id = ?")
            params.append(story_id)
        if start:
            where.append("date_end >= CAST(? AS DATE)")
            params.append(start)
        if end:
            where.append("date_start <= CAST(? AS DATE)")
            params.append(end)
        if q:
            where.append("(evidence ILIKE ? OR actor ILIKE ? OR recipient ILIKE ?)")
            params += [f"%{q}%"] * 3
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        total = self.db.execute(f"SELECT count(*) FROM events{clause}", params).fetchone()[0]
        rows = self.query(f"SELECT * FROM events{clause} ORDER BY date_start NULLS LAST, id LIMIT ? OFFSET ?",
                          params + [int(limit), int(offset)])
        return total, [_decode(r) for r in rows]

    def story(self, story_id: str) -> dict | None:
        rows = self.query("SELECT * FROM stories WHERE story_id = ?", [story_id])
        return _decode(rows[0]) if rows else None

    def actor(self, actor_id: str) -> dict | None:
        rows = self.query("SELECT * FROM actors WHERE actor_id = ?", [actor_id])
        return _decode(rows[0]) if rows else None

    def article(self, article_id: str) -> dict | None:
        rows = self.query("SELECT * FROM articles WHERE id = ?", [article_id])
        return _decode(rows[0]) if rows else None

    def search_articles(self, q: str, limit: int = 50) -> list[dict]:
        return [_decode(r) for r in self.query(
            "SELECT id, title, outlet, published, lang, story_id FROM articles WHERE text ILIKE ? OR title ILIKE ? "
            "ORDER BY published NULLS LAST LIMIT ?", [f"%{q}%", f"%{q}%", int(limit)])]

    def actors(self) -> list[dict]:
        return [_decode(r) for r in self.query("SELECT * FROM actors ORDER BY name")]

    def quotes(self) -> list[dict]:
        return self.query("SELECT q.*, a.url AS article_url FROM quotes q JOIN articles a ON a.id = q.article_id "
                          "ORDER BY q.article_id, q.start_char")

    def stories(self) -> list[dict]:
        return [_decode(r) for r in self.query("SELECT * FROM stories ORDER BY start_date NULLS LAST, story_id")]

    def discrepancies(self) -> list[dict]:
        return [_decode(r) for r in self.query("SELECT * FROM discrepancies ORDER BY story_id, field")]

    def failures(self) -> list[dict]:
        return self.query("SELECT source, line, stage, reason, seen_at FROM failures ORDER BY source, line")

    # -- watched feeds --------------------------------------------------------------------
    def feed_state(self, url: str) -> dict | None:
        """A watched feed's saved ETag, Last-Modified and last poll time, or None."""
        rows = self.query("SELECT url, etag, last_modified, last_polled FROM feeds WHERE url = ?", [url])
        return rows[0] if rows else None

    def feed_items(self, url: str) -> dict[str, tuple[bool, int]]:
        """Item links of a feed already handled: link → (done, tries of a transient failure)."""
        rows = self.db.execute("SELECT link, done, tries FROM feed_items WHERE feed = ?", [url]).fetchall()
        return {link: (bool(done), tries or 0) for link, done, tries in rows}

    def save_feed_poll(self, url: str, *, etag: str | None, last_modified: str | None, done: Iterable[str] = (),
                       retry: Iterable[str] = (), validators: bool = True) -> None:
        """Record one poll of a feed in one transaction: its validators (unless `validators`
        is false: the poll was not finished, so the next one must not get a 304), the links
        now done, and the links to retry (their try count goes up)."""
        done = list(dict.fromkeys(done))
        retry = [x for x in dict.fromkeys(retry) if x not in set(done)]
        self.db.execute("BEGIN")
        try:
            if validators:
                self.db.execute("INSERT INTO feeds VALUES (?, ?, ?, current_timestamp) ON CONFLICT (url) DO UPDATE "
                                "SET etag = excluded.etag, last_modified = excluded.last_modified, "
                                "last_polled = excluded.last_polled", [url, etag, last_modified])
            else:
                self.db.execute("INSERT INTO feeds VALUES (?, NULL, NULL, current_timestamp) ON CONFLICT (url) "
                                "DO UPDATE SET last_polled = excluded.last_polled", [url])
            if done:
                self.db.executemany("INSERT INTO feed_items (feed, link, done, tries) VALUES (?, ?, true, 0) "
                                    "ON CONFLICT (feed, link) DO UPDATE SET done = true", [(url, x) for x in done])
            if retry:
                self.db.executemany("INSERT INTO feed_items (feed, link, done, tries) VALUES (?, ?, false, 1) "
                                    "ON CONFLICT (feed, link) DO UPDATE SET tries = feed_items.tries + 1",
                                    [(url, x) for x in retry])
            self.db.execute("COMMIT")
        except Exception:
            self.db.execute("ROLLBACK")
            raise

    def rollback(self) -> None:
        """Abandon a transaction a hard interrupt (a second Ctrl-C) may have left open."""
        try:
            self.db.execute("ROLLBACK")
        except duckdb.Error:
            pass  # none was open


_JSON_COLS = {"context", "actor", "recipient", "location", "quantities", "evidence", "article_ids",
              "mention_ids", "aliases", "roles", "codes", "vals"}


def _decode(row: dict) -> dict:
    out = {}
    for k, v in row.items():
        if k in _JSON_COLS and isinstance(v, str):
            v = json.loads(v)
        elif hasattr(v, "isoformat"):
            v = v.isoformat()
        out[k] = v
    return out


def learn_people(known: dict[str, dict], people) -> dict[str, dict]:
    """Add people (name, aliases, code, sector) with a code to `known`, by folded name and
    alias of two words or more; what is known first stays."""
    from .resources import fold
    for name, aliases, code, sector in people:
        if not code:
            continue
        entry = {"name": name, "code": code, "sector": sector}
        for n in [name, *aliases]:
            if len(n.split()) >= 2:
                known.setdefault(fold(n), entry)
    return known


def _merge_roles(old: list[dict], new: list[dict]) -> list[dict]:
    by = {(r["role"], r.get("code")): r for r in old}
    for r in new:
        k = (r["role"], r.get("code"))
        if k not in by:
            by[k] = r
            continue
        o = by[k]
        o["article_ids"] = list(dict.fromkeys(list(o["article_ids"]) + list(r["article_ids"])))
        seen = [d for d in (o.get("first_seen"), r.get("first_seen")) if d]
        o["first_seen"] = min(seen) if seen else None
        seen = [d for d in (o.get("last_seen"), r.get("last_seen")) if d]
        o["last_seen"] = max(seen) if seen else None
    return list(by.values())


def _create_atomically(path: str) -> None:
    """A new database is built under a temporary name and renamed into place once its schema
    is written, so that a crash during creation never leaves a half-made file at `path`. An
    empty file (such a crash under an older kibaru, or `touch`) is taken as no database."""
    p = Path(path)
    if p.exists() and p.stat().st_size > 0:
        return
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".creating", dir=str(p.parent))
    os.close(fd)
    os.unlink(tmp)
    try:
        con = duckdb.connect(tmp)
        con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
        con.close()
        os.replace(tmp, p)
    finally:
        for leftover in (tmp, tmp + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)


def write_parquet(rows: list[dict], out: Path) -> None:
    """Records to a Parquet file through DuckDB, which infers nested types from the JSON."""
    con = duckdb.connect()
    try:
        if not rows:
            con.execute("COPY (SELECT NULL::VARCHAR AS empty WHERE false) TO ? (FORMAT parquet)".replace("?", _lit(out)))
            return
        fd, tmp = tempfile.mkstemp(suffix=".jsonl")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            con.execute(f"COPY (SELECT * FROM read_json_auto({_lit(tmp)}, format='newline_delimited', "
                        f"sample_size=-1)) TO {_lit(out)} (FORMAT parquet)")
        finally:
            os.unlink(tmp)
    finally:
        con.close()


def _lit(path) -> str:
    """A file path as a quoted SQL string literal (COPY takes no bound parameters)."""
    return "'" + str(path).replace("'", "''") + "'"
