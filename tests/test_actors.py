"""Actors: name tables, people with their roles, coreference, and the knowledge base that learns."""
import pytest
from babel import Locale

from kibaru.knowledge import GAZETTEER_COLUMNS, data_dir, read_tsv
from kibaru.resources import fold

GAZ = [r for p in sorted((data_dir() / "gazetteer").glob("*.tsv")) for r in read_tsv(p, GAZETTEER_COLUMNS)]


def test_every_iso_country_has_a_french_and_an_english_name():
    names = {(r["code"], lang) for r in GAZ if r["kind"] == "country" and r["form_kind"] in ("name", "alias")
             for lang in (("fr", "en") if r["lang"] == "*" else (r["lang"],))}
    codes = {r["code"] for r in GAZ if r["kind"] == "country" and r["form_kind"] == "name"}
    assert len(codes) >= 240
    missing = sorted(c for c in codes if (c, "fr") not in names or (c, "en") not in names)
    assert not missing, missing


def test_cldr_names_are_used():
    fr = {fold(r["form"]) for r in GAZ if r["lang"] in ("fr", "*") and r["kind"] == "country"}
    for alpha2 in ("ML", "CI", "US", "RU", "BF", "NE", "TD", "DZ"):
        assert fold(Locale("fr").territories[alpha2]) in fr


@pytest.mark.parametrize("form,lang,code", [
    ("malien", "fr", "MLI"), ("maliennes", "fr", "MLI"), ("nigérien", "fr", "NER"), ("nigériane", "fr", "NGA"),
    ("burkinabè", "fr", "BFA"), ("ivoirienne", "fr", "CIV"), ("russes", "fr", "RUS"), ("Malian", "en", "MLI"),
    ("Nigerien", "en", "NER"), ("Nigerian", "en", "NGA"),
])
def test_demonyms_map_back_to_their_country(form, lang, code):
    hits = {r["code"] for r in GAZ if r["form_kind"] == "demonym" and r["lang"] in (lang, "*")
            and fold(r["form"]) == fold(form)}
    assert hits == {code}


def test_every_demonym_points_to_a_named_country():
    named = {r["code"] for r in GAZ if r["kind"] == "country" and r["form_kind"] in ("name", "alias")}
    assert {r["code"] for r in GAZ if r["form_kind"] == "demonym"} <= named


def people(result):
    return {a.name: (a.code, a.sector, [r.role for r in a.roles]) for a in result.actors if a.kind == "person"}


@pytest.mark.slow
@pytest.mark.parametrize("text,lang,name,want_code,want_sector", [
    ("Le ministre malien des Affaires étrangères, Abdoulaye Diop, a reçu l'ambassadeur.", "fr", "Abdoulaye Diop", "MLI", "GOV"),
    ("Mikhaïl Bogdanov, vice-ministre russe des Affaires étrangères, était présent.", "fr", "Mikhail Bogdanov", "RUS", "GOV"),
    ("Russian President Vladimir Putin spoke on Tuesday.", "en", "Vladimir Putin", "RUS", "GOV"),
    ("Ghanaian Foreign Minister Kwame Mensah Boateng arrived in Lomé on Monday.", "en", "Kwame Mensah Boateng", "GHA", "GOV"),
    ("Le porte-parole du gouvernement togolais, le colonel Koffi Amégah, a démenti l'information.", "fr", "Koffi Amégah", "TGO", "GOV"),
])
def test_person_from_title_or_apposition(code, text, lang, name, want_code, want_sector):
    got = people(code(text, lang=lang))
    assert name in got, got
    assert got[name][:2] == (want_code, want_sector), got[name]


@pytest.mark.slow
def test_later_mentions_are_the_same_person(code):
    text = ("Le ministre sénégalais des Affaires étrangères, Moussa Ndiaye Fall, est arrivé lundi à Bamako. "
            "M. Fall a été reçu par le président de la Transition. Fall a ensuite rencontré la presse.")
    r = code(text, lang="fr")
    fall = [a for a in r.actors if a.kind == "person" and "Fall" in a.name]
    assert len(fall) == 1 and fall[0].code == "SEN"
    assert {"M. Fall", "Fall"} & set(fall[0].aliases) or any("Fall" == x for x in fall[0].aliases)


@pytest.mark.slow
def test_knowledge_learned_from_one_article_serves_the_next(store, resources, tmp_path):
    from kibaru.ingest import Ingestor
    from kibaru.pipeline import run_articles
    ing = Ingestor()
    first = ing._article({"text": "Le ministre guinéen de la Défense, Aboubacar Sidiki Camara, a signé un accord "
                                  "avec le Mali mardi à Conakry.", "published": "2024-02-06", "lang": "fr"},
                         "a.jsonl", origin="jsonl", line=1)
    second = ing._article({"text": "Aboubacar Sidiki Camara a rencontré mercredi son homologue malien à Bamako "
                                   "pour parler de sécurité.", "published": "2024-03-06", "lang": "fr"},
                          "b.jsonl", origin="jsonl", line=1)
    run_articles([first], store, resources=resources)
    run_articles([second], store, resources=resources)
    [camara] = [a for a in store.actors() if a["name"] == "Aboubacar Sidiki Camara"]
    assert camara["code"] == "GIN"
    assert set(camara["article_ids"]) == {first.id, second.id}
    [role] = camara["roles"]
    assert role["first_seen"] == "2024-02-06" and role["article_ids"] == [first.id]
