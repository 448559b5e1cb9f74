"""Syndicated copies are found at ingest and never counted as extra sources."""
import pytest

from kibaru.ingest.dedup import NearDuplicates, signature

TEXT = ("Le Niger et la Russie ont signé lundi à Niamey un accord de coopération militaire, a annoncé le "
        "ministère nigérien de la Défense. Le vice-ministre russe de la Défense a été reçu par le chef de la "
        "junte. Les deux pays avaient déjà signé des documents de coopération en décembre dernier, selon la "
        "même source, qui n'a pas donné de détails sur le contenu de l'accord.")


def test_a_repost_with_a_new_signature_line_is_a_near_duplicate():
    nd = NearDuplicates(0.8)
    nd.add("a", signature(TEXT))
    assert nd.original_of("b", signature(TEXT + "\n\n(Avec AFP)")) == "a"


def test_a_different_article_is_not():
    nd = NearDuplicates(0.8)
    nd.add("a", signature(TEXT))
    other = "Le Sénégal a accordé 500 bourses d'études à des étudiants maliens pour la rentrée prochaine à Dakar."
    assert nd.original_of("c", signature(other)) is None


@pytest.mark.slow
def test_copy_is_marked_and_counted_once(tmp_path, resources):
    from kibaru.pipeline import run
    from kibaru.store import Store
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(TEXT + "\n\nPublié avec l'aimable autorisation de l'agence.")
    with Store(tmp_path / "k.duckdb") as store:
        report = run([tmp_path / "a.txt"], store, resources=resources)
        report = run([tmp_path / "b.txt"], store, resources=resources)  # a later run finds it too
        assert report.near_duplicates == 1
        arts = {a["source"].rsplit("/", 1)[-1]: a for a in store.articles()}
        assert arts["b.txt"]["duplicate_of"] == arts["a.txt"]["id"]
        assert all(e["num_sources"] == 1 for e in store.events())
