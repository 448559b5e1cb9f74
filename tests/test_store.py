"""The store: migrations, idempotent writes, round-trips of records."""
import duckdb
from hypothesis import given, settings, strategies as st

from kibaru.records import (Actor, ActorRole, Article, ArticleResult, DateInterval, Evidence, EventMention,
                            Failure, Participant, Place, Quantity, Quote)
from kibaru.store import MIGRATIONS, Store


def result(aid="a1", text="Le Mali et la Russie ont signé un accord.", event="AGREE"):
    art = Article(aid, text, "fr", url="x.txt", outlet="O", published="2025-06-23")
    m = EventMention(f"{aid}-m1", aid, event, None, ("diplomatic",), "occurred",
                     (Participant("Mali", "MLI"),), (Participant("Russie", "RUS"),),
                     DateInterval("2025-06-23", "2025-06-23", "day", "lundi"),
                     Place("Moscou", "RUS", 524901, 55.75, 37.62), (Quantity(290, "bourses", "290 bourses"),),
                     (Evidence(aid, text, 0, len(text), "signé"),), 0.8, 2.5)
    q = Quote(aid, "un diplomate malien", None, "MLI", "Une nouvelle étape", 10, 28)
    actor = Actor("act1", "Abdoulaye Diop", "person", "MLI", "GOV", ("M. Diop",),
                  (ActorRole("ministre des Affaires étrangères", "MLI", "GOV", "2025-06-23", "2025-06-23", (aid,)),), (aid,))
    return ArticleResult(art, [m], [q], [actor])


def test_migrations_recorded_and_idempotent(tmp_path):
    path = tmp_path / "k.duckdb"
    with Store(path) as s:
        assert s.migrate() == MIGRATIONS[-1][0]
    with Store(path) as s:  # reopening applies nothing twice
        assert s.db.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def test_adding_the_same_article_twice_adds_nothing(store):
    assert store.add_results([result()]) == 1
    before = store.counts()
    assert store.add_results([result()]) == 0
    assert store.counts() == before


def test_roles_merge_across_articles(store):
    store.add_results([result("a1")])
    r2 = result("a2", text="Autre texte sur le Mali.")
    r2.actors[0] = Actor("act1", "Abdoulaye Diop", "person", "MLI", "GOV", ("Diop",),
                         (ActorRole("ministre des Affaires étrangères", "MLI", "GOV", "2025-07-01", "2025-07-01", ("a2",)),),
                         ("a2",))
    store.add_results([r2])
    [a] = store.actors()
    assert a["article_ids"] == ["a1", "a2"]
    assert set(a["aliases"]) == {"M. Diop", "Diop"}
    [role] = a["roles"]
    assert (role["first_seen"], role["last_seen"], role["article_ids"]) == ("2025-06-23", "2025-07-01", ["a1", "a2"])


def test_failures_not_duplicated(store):
    f = Failure("bad.txt", "ingest", "empty file")
    store.add_failures([f])
    store.add_failures([f])
    assert store.counts()["failures"] == 1


@settings(max_examples=25, deadline=None)
@given(text=st.text(min_size=1, max_size=200), value=st.one_of(st.none(), st.integers(-10**9, 10**9)),
       unit=st.text(min_size=1, max_size=20))
def test_mention_round_trip(tmp_path_factory, text, value, unit):
    path = tmp_path_factory.mktemp("rt") / "rt.duckdb"
    r = result(text=text)
    m = r.mentions[0]
    r.mentions[0] = EventMention(m.id, m.article_id, m.event, m.mode, m.context, m.status, m.actor, m.recipient,
                                 m.date, m.location, (Quantity(value, unit, text),), m.evidence, m.confidence, m.score)
    with Store(path) as s:
        s.add_results([r])
        [row] = s.mentions()
    assert row["quantities"] == [{"value": value, "unit": unit, "text": text}]
    assert row["evidence"][0]["sentence"] == text
    assert row["actor"] == [{"name": "Mali", "code": "MLI", "sector": None, "role": None, "actor_id": None}]


def test_read_only_store_missing_file_is_clear(tmp_path):
    import pytest
    from kibaru.errors import StoreError
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_file_is_a_real_duckdb_database(tmp_path):
    path = tmp_path / "k.duckdb"
    with Store(path) as s:
        s.add_results([result()])
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
