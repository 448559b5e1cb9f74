"""Claims outlets make about one story — time of day, effective date of a decision, death toll,
country of the place — and the discrepancies recorded when they differ (kibaru.claims).

The sentences are made up for these tests."""
import json
from datetime import date

import pytest

from kibaru.claims import _effect_agree, _meet, clock_claims, effect_claims, place_claims


# -- time of day ---------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, lang, window", [
    ("Les assaillants ont frappé vers 6 heures du matin.", "fr", (330, 390)),
    ("L'assaut a commencé aux alentours de 6 h, selon un témoin.", "fr", (330, 390)),
    ("Les premiers tirs ont retenti peu avant 3 heures du matin.", "fr", (150, 180)),
    ("Le cortège est arrivé peu après 14 heures.", "fr", (840, 870)),
    ("La réunion s'est ouverte à 10h15 au palais.", "fr", (615, 615)),
    ("Explosions were heard at around 6 a.m. near the camp.", "en", (330, 390)),
    ("The convoy was ambushed shortly before 9 p.m. on Friday.", "en", (1230, 1260)),
    ("Les combats ont duré pendant 5 heures.", "fr", None),         # a duration
    ("Il a fallu 5 heures de route pour rejoindre la ville.", "fr", None),  # no lead, no part of day
    ("Le couvre-feu court de 21 heures à 6 heures.", "fr", None),  # a range, not a moment
    ("Des tirs ont été entendus dès l'aube.", "fr", None),         # no hour stated
    ("The talks lasted until 11 p.m.", "en", None),
])
def test_clock_times_and_their_windows(sentence, lang, window):
    found = clock_claims(sentence, lang)
    assert (found[0][0] if found else None) == window


@pytest.mark.parametrize("a, b, agree", [
    ("vers 6 heures du matin", "aux environs de 6 heures du matin", True),
    ("vers 6 heures du matin", "à 6 h 20", True),
    ("vers 6 heures du matin", "peu avant 6 heures du matin", True),
    ("vers 6 heures du matin", "peu avant 5 heures du matin", False),
    ("à 6 heures du matin", "à 8 heures du matin", False),
])
def test_times_agree_when_one_moment_fits_both_wordings(a, b, agree):
    wa, wb = clock_claims(f"Cela s'est passé {a}.", "fr")[0][0], clock_claims(f"Cela s'est passé {b}.", "fr")[0][0]
    assert _meet(wa, wb) is agree


# -- effective date ------------------------------------------------------------------------------
DAY = date(2024, 3, 4)


@pytest.mark.parametrize("sentence, lang, delay", [
    ("Le gouvernement met fin à l'accord avec effet immédiat.", "fr", 0),
    ("Le pays quitte l'organisation sans délai, dit le communiqué.", "fr", 0),
    ("The government ended the pact with immediate effect.", "en", 0),
    ("La dénonciation ne sera effective qu'au terme d'un délai de six mois.", "fr", 182),
    ("Selon les statuts, le départ prend effet un an après la notification.", "fr", 365),
    ("The exit only takes effect one year after notice is given.", "en", 365),
    ("Les élections auront lieu dans un délai d'un an.", "fr", None),  # no decision taking effect
])
def test_effect_claims_read_the_delay(sentence, lang, delay):
    found = effect_claims(sentence, lang, DAY)
    assert (found[0][0] if found else None) == delay


def test_an_effect_date_is_resolved_against_the_article_day():
    (delay, days, shown), = effect_claims("La mesure s'applique à compter du 11 mars.", "fr", DAY)
    assert delay is None and days == (date(2024, 3, 11).toordinal(),) * 2 and "11 mars" in shown


def test_immediate_and_delayed_effects_disagree_equal_delays_agree():
    now, = effect_claims("Il part avec effet immédiat.", "fr", DAY)
    year, = effect_claims("Le départ n'est effectif qu'au terme d'un délai d'un an.", "fr", DAY)
    months, = effect_claims("The exit takes effect twelve months after notification.", "en", DAY)
    assert not _effect_agree(now, year) and _effect_agree(year, months)


# -- country of the place ------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, lang, countries", [
    ("L'appareil s'est écrasé en territoire nigérien.", "fr", {"NER"}),
    ("Il a été abattu dans l'espace aérien béninois.", "fr", {"BEN"}),
    ("Des soldats ont été vus sur le sol du Burkina Faso.", "fr", {"BFA"}),
    ("The aircraft was downed inside Beninese airspace.", "en", {"BEN"}),
    ("Selon l'armée béninoise, il volait dans l'espace aérien national.", "fr", {"BEN"}),
    ("Cotonou affirme que l'appareil a violé son espace aérien.", "fr", {"BEN"}),
    ("Le Bénin a annoncé la fermeture de l'espace aérien béninois.", "fr", set()),  # not a place of it
])
def test_place_claims(sentence, lang, countries):
    assert set(place_claims(sentence, lang)) == countries


# -- whole stories, through the real pipeline ----------------------------------------------------
STORIES = {
    "hours differ": (
        "2024-06-14",
        {"A": ("fr", "Des hommes armés ont attaqué jeudi vers 6 heures du matin le camp de Boulkessi, "
                     "dans le cercle de Douentza, selon l'armée."),
         "B": ("fr", "Le camp de Boulkessi, dans le cercle de Douentza, a été visé jeudi aux alentours de "
                     "6 heures du matin par des assaillants venus à moto."),
         "C": ("fr", "À Boulkessi, dans le cercle de Douentza, l'attaque a débuté jeudi peu avant 4 heures du "
                     "matin, racontent des habitants.")},
        ("time", [["A", "B"], ["C"]])),
    "hours agree": (
        "2024-06-14",
        {"A": ("fr", "Des hommes armés ont attaqué jeudi vers 6 heures du matin le camp de Boulkessi, "
                     "dans le cercle de Douentza, selon l'armée."),
         "B": ("en", "Gunmen stormed the Boulkessi camp in the Douentza district at around 6 a.m. on "
                     "Thursday, the army said.")},
        None),
    "effect differs": (
        "2024-03-04",
        {"A": ("fr", "Le Tchad a dénoncé lundi son accord de défense avec la France, avec effet immédiat, "
                     "a annoncé N'Djamena."),
         "B": ("fr", "Le Tchad a dénoncé lundi son accord de défense avec la France. Selon le texte, la "
                     "dénonciation ne devient effective qu'au terme d'un délai de six mois."),
         "C": ("en", "Chad on Monday ended its defence accord with France with immediate effect, "
                     "N'Djamena said.")},
        ("date", [["A", "C"], ["B"]])),
    "effect agrees": (
        "2024-03-04",
        {"A": ("fr", "Le Tchad a dénoncé lundi son accord de défense avec la France, avec effet immédiat, "
                     "a annoncé N'Djamena."),
         "B": ("en", "Chad on Monday ended its defence accord with France with immediate effect, "
                     "N'Djamena said.")},
        None),
    "tolls differ": (
        "2024-06-14",
        {"A": ("fr", "Au moins 40 soldats ont été tués jeudi dans l'attaque du camp de Boulkessi, dans le "
                     "cercle de Douentza."),
         "B": ("fr", "L'attaque du camp de Boulkessi, dans le cercle de Douentza, a fait jeudi une "
                     "vingtaine de morts parmi les soldats.")},
        ("quantity", [["A"], ["B"]])),
    "countries differ": (
        "2024-05-21",
        {"A": ("fr", "Un drone de l'armée du Niger a été abattu mardi près de Gaya, à la frontière du "
                     "Bénin. Selon les autorités nigériennes, l'appareil est tombé en territoire nigérien."),
         "B": ("fr", "Un drone de l'armée du Niger a été abattu mardi près de Gaya, à la frontière du "
                     "Bénin. L'armée béninoise assure qu'il volait dans l'espace aérien béninois."),
         "C": ("fr", "Un drone de l'armée du Niger a été abattu mardi près de Gaya, à la frontière du "
                     "Bénin. Les autorités nigériennes parlent d'une chute en territoire nigérien, "
                     "Cotonou affirme au contraire que l'engin avait violé son espace aérien.")},
        ("location", [["A"], ["B"]])),  # C reports both versions: no side
    "countries agree": (
        "2024-05-21",
        {"A": ("fr", "Un drone de l'armée du Niger a été abattu mardi près de Gaya, à la frontière du "
                     "Bénin. Il est tombé en territoire nigérien."),
         "B": ("en", "A Nigerien army drone was shot down on Tuesday near Gaya, on the border with Benin. "
                     "It came down in Nigerien territory.")},
        None),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(STORIES))
def test_outlets_of_one_story_disagree_only_where_their_claims_differ(name, tmp_path, resources):
    from kibaru.pipeline import run
    from kibaru.store import Store
    published, texts, expected = STORIES[name]
    (tmp_path / "in.jsonl").write_text("\n".join(
        json.dumps({"outlet": o, "lang": lang, "text": t, "published": published}, ensure_ascii=False)
        for o, (lang, t) in texts.items()))
    with Store(tmp_path / "k.duckdb") as store:
        run([tmp_path / "in.jsonl"], store, resources=resources)
        outlet = {a["id"]: a["outlet"] for a in store.articles()}
        assert len({a["story_id"] for a in store.articles()}) == 1
        story_level = [(d["field"], sorted(sorted(outlet[x] for x in v) for v in d["vals"].values()))
                       for d in store.discrepancies() if not d["event_id"]]
        assert story_level == ([expected] if expected else [])
        for d in store.discrepancies():  # each side shows the words of one of its articles
            for shown, arts in d["vals"].items():
                assert d["event_id"] or any(shown in texts[outlet[a]][1] or shown.split(" (")[0] in texts[outlet[a]][1]
                                            for a in arts)


# -- the toll of an attack inside one country needs its reports in one story ----------------------
def _stated(mid, art, event, day, codes=("MLI",)):
    return {"id": mid, "article_id": art, "event": event, "status": "occurred", "mode": None, "context": [],
            "actor": [{"name": c, "code": c} for c in codes], "recipient": [], "date_start": day,
            "date_end": day, "date_precision": "day", "date_text": "mardi", "location": None,
            "quantities": [], "evidence": [], "confidence": 0.8}


@pytest.mark.parametrize("b_event, b_day, linked", [
    ("ASSAULT", "2024-09-17", True),    # one rare name, the same act on the same day
    ("ASSAULT", "2024-09-10", False),   # another attack, a week before
    ("CONSULT", "2024-09-17", False),   # another kind of act
])
def test_one_rare_name_and_the_same_act_on_the_same_day_make_one_story(b_event, b_day, linked):
    from kibaru.stories import build_stories
    arts = [{"id": "a", "lang": "fr", "outlet": "a", "published": "2024-09-18",
             "text": "Mardi, des assaillants ont visé le quartier de Kalabancoro et la gare routière."},
            {"id": "b", "lang": "fr", "outlet": "b", "published": "2024-09-19",
             "text": "Une soixantaine de morts : tel est le bilan de l'assaut contre Kalabancoro."}]
    ms = [_stated("m1", "a", "ASSAULT", "2024-09-17"), _stated("m2", "b", b_event, b_day, ("MLI", "RUS"))]
    _, _, _, story = build_stories(arts, ms)
    assert (story["a"] == story["b"]) is linked


@pytest.mark.slow
def test_datelines_from_two_cities_are_no_disagreement_on_the_place(tmp_path, resources):
    """Two outlets filing from two capitals report one recall: the dispatch's city is where
    the story was written, not a claim on where the event happened."""
    from kibaru.pipeline import run
    from kibaru.store import Store
    texts = {"A": "DAKAR, 3 mars (Test Presse) — Le Sénégal a rappelé lundi son ambassadeur en Gambie.",
             "B": "BANJUL, 3 mars (Test Info) — Le Sénégal a rappelé lundi son ambassadeur en Gambie, "
                  "selon un communiqué."}
    (tmp_path / "in.jsonl").write_text("\n".join(
        json.dumps({"outlet": o, "lang": "fr", "text": t, "published": "2025-03-03"}, ensure_ascii=False)
        for o, t in texts.items()))
    with Store(tmp_path / "k.duckdb") as store:
        run([tmp_path / "in.jsonl"], store, resources=resources)
        assert len({a["story_id"] for a in store.articles()}) == 1
        assert [d for d in store.discrepancies() if d["field"] == "location"] == []
