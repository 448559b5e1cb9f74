"""The one spaCy pipeline kibaru builds: what it does to French text before tagging."""
import pytest

pytestmark = pytest.mark.slow


def test_hyphenated_words_are_one_token_and_keep_their_sentence(resources):
    nlp = resources.pipeline("fr")
    doc = nlp("Le chef d'état-major de l'armée, reçu par Nana Akufo-Addo, a rencontré son homologue.")
    words = [t.text for t in doc]
    assert "état-major" in words and "Akufo-Addo" in words
    assert len(list(doc.sents)) == 1


def test_two_names_joined_by_a_hyphen_stay_two_names(resources):
    doc = resources.pipeline("fr")("Crise Algérie-Mali : Alger rappelle son ambassadeur en Guinée-Bissau")
    words = [t.text for t in doc]
    assert "Algérie" in words and "Mali" in words  # two countries, each found in the gazetteer
    assert "Guinée-Bissau" in words                # one country whose name has a hyphen


def test_a_participle_with_its_auxiliary_is_a_verb(resources):
    """The tagger reads "partis" as political parties and "gelé" as an adjective: with their
    auxiliary they are verbs, lemmatized as verbs (the trigger lexicon looks up "partir")."""
    nlp = resources.pipeline("fr")
    doc = nlp("Au Tchad, les derniers soldats français sont partis le 30 janvier.")
    partis = next(t for t in doc if t.text == "partis")
    assert (partis.pos_, partis.lemma_) == ("VERB", "partir")
    doc = nlp("Depuis le coup d'État, le Canada et la Banque mondiale ont gelé leur aide budgétaire au Gabon.")
    gele = next(t for t in doc if t.text == "gelé")
    assert (gele.pos_, gele.lemma_) == ("VERB", "geler")
    # a noun with no auxiliary stays a noun
    doc = nlp("Les partis de l'opposition ont boycotté le scrutin.")
    assert next(t for t in doc if t.text == "partis").pos_ == "NOUN"
