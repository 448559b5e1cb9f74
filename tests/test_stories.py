"""Stories, merged events and the discrepancies between outlets."""
import json

import pytest

from kibaru.discrepancies import agree, bounds, head_counts
from kibaru.stories import build_stories


def _range(sentence: str, figure: str, value: float):
    return bounds(sentence, sentence.index(figure), value)


def test_a_lower_bound_agrees_with_a_figure_above_it_not_with_one_below():
    more = _range("plus de 70 morts", "70", 70)
    assert more == (70, float("inf"))
    assert agree(more, (77, 77))
    assert not agree(more, (60, 60))  # "une soixantaine"
    assert agree(_range("moins de 20 blessés", "20", 20), (15, 15))


def test_figures_within_rounding_agree_and_ten_percent_apart_do_not():
    assert agree((1000, 1000), (1020, 1020))
    assert not agree((1100, 1100), (1000, 1000))


def test_head_counts_read_what_happened_to_the_people_counted():
    text = ("Au moins 30 personnes ont été tuées samedi et une quinzaine blessées. "
            "En 2015, 22 soldats avaient été tués au même endroit. Environ 800 militaires sont déployés.")
    counts = head_counts(text, "fr", 2024)
    assert counts["killed"] == ((30, float("inf")), "Au moins 30 personnes")
    assert counts["troops"] == ((800, 800), "Environ 800 militaires")  # the 2015 toll is background
    en = head_counts("At least 12 soldiers were killed and 30 wounded.", "en", 2024)
    assert en["killed"][0] == (12, float("inf")) and en["wounded"][0] == (30, 30)


def _mention(mid, art, event, actor, recipient, day, text="lundi", trigger="fermeture", status="occurred"):
    side = lambda codes: [{"name": c, "code": c} for c in codes]
    return {"id": mid, "article_id": art, "event": event, "status": status, "mode": None, "context": [],
            "actor": side(actor), "recipient": side(recipient), "date_start": day, "date_end": day,
            "date_precision": "day", "date_text": text, "location": None, "quantities": [],
            "evidence": [{"article_id": art, "sentence": "…", "start": 0, "end": 1, "trigger": trigger}],
            "confidence": 0.8}


def _articles(*ids, published="2025-04-08"):
    return [{"id": i, "text": "", "lang": "fr", "published": published, "outlet": i} for i in ids]


def test_a_report_naming_fewer_participants_is_the_same_event_and_its_day_is_compared():
    ms = [_mention("m1", "a", "SANCTION", ["DZA"], ["MLI", "NER"], "2025-04-07", status="planned"),
          _mention("m2", "b", "SANCTION", ["DZA"], ["MLI"], "2025-04-08", "mardi", status="planned"),
          _mention("k1", "a", "SANCTION", ["DZA"], ["MLI", "NER"], "2025-04-07", trigger="rappel"),
          _mention("k2", "b", "SANCTION", ["DZA"], ["MLI", "NER"], "2025-04-07", trigger="rappel")]
    stories, events, discs, _ = build_stories(_articles("a", "b"), ms)
    assert len(stories) == 1
    closure = next(e for e in events if "m1" in e.mention_ids)
    assert set(closure.mention_ids) == {"m1", "m2"} and closure.num_sources == 2
    assert [(d.field, d.values) for d in discs] == [("date", {"2025-04-07": ["a"], "2025-04-08": ["b"]})]


def test_another_act_between_the_same_parties_is_not_joined():
    ms = [_mention("k1", "a", "SANCTION", ["DZA"], ["MLI", "NER"], "2025-04-07", trigger="rappel"),
          _mention("k2", "b", "SANCTION", ["DZA"], ["MLI", "NER"], "2025-04-07", trigger="rappel"),
          _mention("m2", "b", "SANCTION", ["DZA"], ["MLI"], "2025-04-08", trigger="fermeture")]
    _, events, discs, _ = build_stories(_articles("a", "b"), ms)
    assert len(events) == 2 and discs == []


def test_a_headline_day_inferred_from_publication_is_no_claim():
    ms = [_mention("h", "a", "CONSULT", ["MLI"], ["MAR"], "2025-04-29", text=None, trigger="reçoit"),
          _mention("b", "b", "CONSULT", ["MLI"], ["MAR"], "2025-04-28", trigger="reçu")]
    _, events, discs, _ = build_stories(_articles("a", "b", published="2025-04-29"), ms)
    assert len(events) == 1 and discs == []


@pytest.mark.slow
def test_outlets_giving_different_tolls_disagree_and_a_bound_met_is_no_disagreement(tmp_path, resources):
    from kibaru.pipeline import run
    from kibaru.store import Store
    lead = "Le Mali et le Niger ont signé mardi à Niamey un accord de coopération militaire. "
    arts = [
        {"outlet": "A", "text": lead + "Au moins 49 soldats maliens ont été tués vendredi dans l'attaque du camp "
                                       "d'Indelimane, selon le gouvernement."},
        {"outlet": "B", "text": lead + "L'attaque du camp d'Indelimane, vendredi, a fait une trentaine de morts "
                                       "parmi les soldats maliens."},
        {"outlet": "C", "text": lead + "Selon un nouveau bilan, 53 soldats ont été tués vendredi à Indelimane."},
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps({**a, "published": "2019-11-05", "lang": "fr"},
                                                            ensure_ascii=False) for a in arts))
    with Store(tmp_path / "k.duckdb") as store:
        run([tmp_path / "in.jsonl"], store, resources=resources)
        outlet = {a["id"]: a["outlet"] for a in store.articles()}
        assert len({a["story_id"] for a in store.articles()}) == 1
        discs = [d for d in store.discrepancies() if d["field"] == "quantity"]
        assert len(discs) == 1
        sides = {k: sorted(outlet[x] for x in v) for k, v in discs[0]["vals"].items()}
        # 53 is more than 49: A and C agree; B's "about thirty" disagrees with both
        assert sides == {"Au moins 49 soldats": ["A"], "53 soldats": ["C"], "une trentaine de morts": ["B"]}


def test_articles_sharing_rare_names_within_days_are_one_story():
    texts = {
        "a": "Des hommes armés ont attaqué mardi l'école de gendarmerie de Faladié, puis la base de Sénou. "
             "Les habitants de Djicoroni ont entendu des tirs.",
        "b": "Mardi, des jihadistes ont frappé Faladié avant de viser la base aérienne de Sénou.",
        "c": "Le ministre a visité mercredi la base de Sénou.",  # one rare name in common
        "d": "Un mois après l'attaque, Faladié et Djicoroni pansent leurs plaies.",  # a month later
    }
    arts = [{"id": k, "text": t, "lang": "fr", "outlet": k,
             "published": "2024-10-20" if k == "d" else "2024-09-18"} for k, t in texts.items()]
    _, _, _, story = build_stories(arts, [])
    assert story["a"] == story["b"]
    assert story["c"] != story["a"] and story["d"] != story["a"]


@pytest.mark.slow
def test_the_two_seeds_are_one_story_and_goita_s_visit_one_event_of_two_sources(shared, tmp_path, resources):
    from kibaru.pipeline import run
    from kibaru.store import Store
    with Store(tmp_path / "seeds.duckdb") as store:
        run([shared / "seeds"], store, resources=resources)
        assert len({a["story_id"] for a in store.articles()}) == 1
        visits = [e for e in store.events() if e["event"] == "CONSULT" and e["mode"] == "visit"
                  and {p["code"] for p in e["actor"]} == {"MLI"} and {p["code"] for p in e["recipient"]} == {"RUS"}]
        assert any(e["num_sources"] == 2 for e in visits), visits
