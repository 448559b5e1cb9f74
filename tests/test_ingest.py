"""Ingest: boilerplate removed, metadata read, bad inputs named with their reason."""
import json

import pytest

from kibaru.ingest import Ingestor
from kibaru.ingest.langid import LanguageGuesser
from kibaru.ingest.sources import article_id
from kibaru.ingest.text import parse_text
from kibaru.records import Article, Failure

from conftest import FIXTURES


@pytest.fixture(scope="module")
def ingestor():
    return Ingestor()


def read_one(ingestor, path):
    items = list(ingestor.read([path]))
    assert len(items) == 1, items
    return items[0]


def test_plain_text_header_signature_and_comments_removed(ingestor):
    a = read_one(ingestor, FIXTURES / "articles" / "visite_dakar.txt")
    assert isinstance(a, Article)
    assert a.title.startswith("Le président sénégalais reçu à Bamako")
    assert a.outlet == "Le Courrier du Niger (fictif)"
    assert a.published == "2024-05-30"
    assert a.author == "Awa Traoré"
    assert "min de lecture" not in a.text and "Commentaires" not in a.text and "lecteur" not in a.text
    assert "Awa Traoré" not in a.text
    assert a.text.startswith(a.title)
    assert "\n\n\n" not in a.text
    assert a.lang == "fr"


def test_cp1252_is_decoded(ingestor):
    a = read_one(ingestor, FIXTURES / "articles" / "burkina_cp1252.txt")
    assert isinstance(a, Article)
    assert "burkinabè" in a.text and "rappelé" in a.text


@pytest.mark.parametrize("name,reason", [("empty.txt", "empty file"), ("image.bin", "binary file")])
def test_unreadable_files_fail_with_reason(ingestor, name, reason):
    f = read_one(ingestor, FIXTURES / "articles" / name)
    assert isinstance(f, Failure) and reason in f.reason and f.source.endswith(name)


def test_utf16_with_bom(ingestor, tmp_path):
    p = tmp_path / "utf16.txt"
    p.write_bytes("Le Mali et la Russie ont signé un accord de coopération à Moscou ce lundi.".encode("utf-16"))
    a = read_one(ingestor, p)
    assert isinstance(a, Article) and "Moscou" in a.text


def test_jsonl_values_used_as_given_and_bad_lines_named(ingestor):
    items = list(ingestor.read([FIXTURES / "articles" / "wire.jsonl"]))
    arts = [i for i in items if isinstance(i, Article)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [a.published for a in arts] == ["2023-12-04", "2024-02-24"]
    assert arts[0].url == "https://example.org/2023/12/04/niger-russie"
    assert arts[1].lang == "en"
    assert sorted(f.line for f in fails) == [3, 4]
    assert all("wire.jsonl" in f.source for f in fails)


def test_html_main_text_and_metadata(ingestor):
    a = read_one(ingestor, FIXTURES / "articles" / "page.html")
    assert a.author == "Moussa Abakar" and a.published == "2024-11-29"
    assert "Koulamallah" in a.text and "Mentions légales" not in a.text and "Sport" not in a.text


def test_feed_items(ingestor):
    a = read_one(ingestor, FIXTURES / "articles" / "feed.xml")
    assert a.url == "https://example.org/2023/08/01/mali-burkina" and a.published == "2023-08-01"
    assert a.lang == "en" and "declaration of war" in a.text


def test_id_is_hash_of_normalised_text():
    assert article_id("Le  Mali’s\ntext") == article_id("le mali's text")
    assert article_id("Le Mali") != article_id("Le Niger")


@pytest.mark.parametrize("text,lang", [
    ("Le président de la Transition a reçu mardi les ambassadeurs des pays voisins à Bamako.", "fr"),
    # a one-sentence brief with few function words of the usual kind: "à", "l'", "d'" tell it
    ("Jeudi, à Niamey, la partie chinoise a accepté d'accélérer les chantiers routiers annoncés l'an dernier.", "fr"),
    ("The president of the transition received the ambassadors of neighbouring countries on Tuesday.", "en"),
    ("El presidente de la transición recibió el martes a los embajadores de los países vecinos.", "es"),
    ("Der Präsident hat am Dienstag die Botschafter der Nachbarländer in der Hauptstadt empfangen.", "de"),
])
def test_language(text, lang):
    assert LanguageGuesser().guess(text) == lang


def test_other_languages_are_skipped_and_counted(ingestor, tmp_path):
    p = tmp_path / "es.jsonl"
    p.write_text(json.dumps({"text": "El presidente de la transición recibió el martes a los embajadores de los países vecinos en la capital."}) + "\n")
    items = list(ingestor.read([p]))
    assert isinstance(items[0], Failure) and "not coded" in items[0].reason
    assert ingestor.skipped_languages.get("es") == 1


def test_section_and_navigation_lines_are_boilerplate():
    raw = ("Accueil | Politique | Économie | Sport\nAfrique › Diplomatie\n\n"
           "Titre de l'article sur la visite\n\nLe ministre a été reçu mardi par son homologue, "
           "a-t-on appris de source officielle. La rencontre a porté sur la sécurité.\n")
    p = parse_text(raw)
    assert p.title == "Titre de l'article sur la visite"
    assert "Accueil" not in p.text and "Diplomatie" not in p.text


def test_a_dateline_header_keeps_its_place_in_the_text(ingestor):
    """"Lomé, 12 mai 2024": the date is read as the publication day, and the city stays in the
    text, where the coder reads where the dispatch comes from."""
    raw = ("Le Phare du Golfe\nLomé, 12 mai 2024\n\nAccord de pêche entre le Togo et le Bénin\n\n"
           "Les deux gouvernements ont signé lundi un accord sur la pêche artisanale dans leurs eaux, "
           "après trois années de discussions entre les ministères concernés.\n")
    art = ingestor._article({"text": raw}, "<test>", origin="text")
    assert art.published == "2024-05-12"
    assert "Lomé, 12 mai 2024" in art.text.split("\n\n")[:3]
    # a section line with a date is boilerplate, not a dateline
    raw2 = raw.replace("Lomé, 12 mai 2024", "Politique – 12 mai 2024")
    assert "Politique" not in ingestor._article({"text": raw2}, "<test>", origin="text").text
    # the outlet's name before the town, on the same line: the town and date stay, the outlet goes
    raw3 = raw.replace("Le Phare du Golfe\nLomé, 12 mai 2024", "Le Phare du Golfe de Guinée – Lomé, dimanche 12 mai 2024")
    art3 = ingestor._article({"text": raw3}, "<test>", origin="text")
    assert art3.published == "2024-05-12"
    assert "Lomé, dimanche 12 mai 2024" in art3.text.split("\n\n")[:3] and "Phare" not in art3.text


def test_links_to_other_stories_inside_the_body_are_dropped():
    raw = ("Titre de l'article sur le sommet\n\nLes chefs d'État se sont réunis mardi à Lomé pour une "
           "session extraordinaire consacrée à la sécurité dans la région des Savanes.\n\n"
           "Lire aussi : Ghana-Togo, la frontière rouverte après six mois\n\n"
           "À lire également >> Le Bénin rappelle son ambassadeur\n\n"
           "Read also: Nigeria closes its border\n\n"
           "La session s'est achevée dans la soirée par l'adoption d'une déclaration commune sur la sécurité.\n")
    p = parse_text(raw)
    assert "Ghana-Togo" not in p.text and "Bénin" not in p.text and "Nigeria" not in p.text
    assert "déclaration commune" in p.text and "Lomé" in p.text


@pytest.mark.parametrize("header,published", [
    ("Le Veilleur du Sahel 1er/07/2023 à 14:48", "2023-07-01"),      # outlet and date on one line
    ("- 23 juin 2025 -", "2025-06-23"),
    ("Mis à jour le 15 mars 2024 à 10:20\nPublié le 14 mars 2024 à 09:12", "2024-03-14"),  # publication, not update
    ("Publié le 14/03/2024 à 09h12", "2024-03-14"),
    ("mars 14, 2024", "2024-03-14"),                                   # a CMS's English order, French words
    ("Date : 14-03-2024", "2024-03-14"),
])
def test_publication_day_from_header_lines(ingestor, header, published):
    body = ("Le gouvernement de transition a suspendu mardi les activités des partis politiques, "
            "selon un décret lu à la télévision nationale.")
    art = ingestor._article({"text": f"{header}\n\n{body}"}, "<test>", origin="text")
    assert art.published == published


def test_publication_day_unknown_stays_unknown(ingestor):
    art = ingestor._article({"text": "BAMAKO (AFP) - Le gouvernement de transition a suspendu mardi les activités "
                                     "des partis politiques, selon un décret lu à la télévision."}, "<test>", origin="text")
    assert art.published is None


@pytest.mark.parametrize("byline,author,kept", [
    ("Par notre correspondant à Niamey", None, True),
    ("Par Aïssata Maïga", "Aïssata Maïga", False),
])
def test_a_byline_naming_where_it_is_filed_from_stays_in_the_text(byline, author, kept):
    raw = (f"Le Niger suspend les partis politiques\n{byline}\n\n"
           "Le gouvernement nigérien a suspendu mardi les activités des partis politiques jusqu'à nouvel ordre.")
    got = parse_text(raw)
    assert got.author == author and ("Niamey" in got.text) == kept
