"""Quotations and who said them (kibaru.quotes, kibaru.speakers), on made-up news sentences
through the real French and English pipelines."""
from __future__ import annotations

import pytest

CASES = [
    # a speech verb inverted after the quotation; an ordinary person speaks from the scene
    (("La foule se pressait samedi au marché central de Niamey. « Les prix ont doublé depuis "
     "le mois dernier », raconte une vendeuse de légumes."), "fr",
     [("NER", "Les prix ont doublé depuis le mois dernier")]),
    # the place of the speaker's description gives the code
    (("Le port a traité un volume record cette année. « La demande ne faiblit pas », "
     "estime un économiste installé à Dakar."), "fr",
     [("SEN", "La demande ne faiblit pas")]),
    # a state body named without its country speaks for the article's home country
    (("BAMAKO, 3 mars — Le Mali a rejeté les conclusions d'un rapport sur les droits humains.\n\n"
     "Dans un communiqué, le gouvernement dénonce des accusations « sans fondement »."), "fr",
     [("MLI", "sans fondement")]),
    # several countries speaking together have no single code
    ("Le Niger et le Tchad ont dénoncé une ingérence « inacceptable » dans leurs affaires.", "fr",
     [(None, "inacceptable")]),
    # "il" is the one the previous sentence speaks of, not the last person named; "le chef de
    # l'État" is the president named before
    (("Le président ghanéen John Mahama a reçu jeudi à Accra le ministre togolais des Affaires "
     "étrangères, Robert Dussey. Le chef de l'État a plaidé pour une coopération renforcée. "
     "« Nos deux pays partagent le même destin », a-t-il déclaré."), "fr",
     [("GHA", "Nos deux pays partagent le même destin")]),
    # a title alone stands for the person last named with it
    (("Le général Moussa Diallo, chef d'état-major de l'armée guinéenne, a inspecté les troupes "
     "à Conakry.\n\n« Nous resterons vigilants aux frontières », a lancé le général."), "fr",
     [("GIN", "Nous resterons vigilants aux frontières")]),
    # a relative "qui" stands for the noun it follows
    (("Le ministre nigérien de l'Intérieur, qui a dénoncé des « actes criminels », s'est rendu "
     "mardi dans la région."), "fr",
     [("NER", "actes criminels")]),
    # a quotation alone in the next paragraph continues the one before it
    (("« Nous n'abandonnerons pas nos champs », affirme un agriculteur de la région de Kayes, "
     "au Mali.\n\n« Nos enfants doivent pouvoir retourner à l'école. »"), "fr",
     [("MLI", "Nous n'abandonnerons pas nos champs"), ("MLI", "Nos enfants doivent pouvoir retourner à l'école.")]),
    # English: an ordinary person quoted where the report is from
    (("Markets in Kano reopened on Friday after a week of curfew. \"We have lost a lot of money,\" "
     "a trader told reporters."), "en",
     [("NGA", "We have lost a lot of money,")]),
    # English: the subject of a passive speech verb is no speaker
    ("Any foreign deployment would be described as an \"act of war\", Burkinabe officials warned.", "en",
     [("BFA", "act of war")]),
]


@pytest.mark.parametrize("text, lang, expected", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_quote_speaker(code, text, lang, expected):
    got = [(q.speaker_code, q.text) for q in code(text, lang=lang).quotes]
    assert got == expected


def test_quotation_over_two_paragraphs_takes_the_speaker_named_after_it(code):
    """French usage: a quotation left open at the end of a paragraph goes on in the next one,
    reopened with «; the speaker named at its close speaks the whole of it."""
    text = ("Le ministre malien de la Défense a pris la parole à l'ouverture de la session.\n\n"
            "« Notre armée a repris le contrôle de plusieurs localités du centre.\n\n"
            "« Nous ne reculerons devant aucune menace », a-t-il ajouté.")
    got = [(q.speaker_code, q.text) for q in code(text, lang="fr").quotes]
    assert got == [("MLI", "Notre armée a repris le contrôle de plusieurs localités du centre."),
                   ("MLI", "Nous ne reculerons devant aucune menace")]


def test_a_quotation_whose_speech_verb_climbs_to_a_subjectless_root_ends(code):
    # "…, affirmant avoir combattu…" hangs from a clause with no subject: the search for the
    # speaker stops at the root (it once looped there for ever)
    import signal

    def stuck(*_):
        raise TimeoutError("the speaker search did not end")
    old = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(60)
    try:
        got = code("« Mission accomplie » : c'est par un message diffusé sur ses canaux que le groupe a officialisé "
                   "son départ du Mali, affirmant avoir combattu aux côtés de l'armée malienne.", published="2025-06-07")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert got.mentions is not None
