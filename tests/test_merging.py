"""Mentions of one event inside one article become one mention (`merge_mentions`)."""
from kibaru.merging import merge_mentions
from kibaru.records import DateInterval, EventMention, Evidence, Participant

SENTENCE = "Le Togo a confirmé lundi son retrait de la CEEAC, une décision de quitter l'organisation."


def _mention(mid, trigger, day, sentence=SENTENCE, start=40):
    return EventMention(
        id=mid, article_id="a", event="SANCTION", mode="withdraw", context=(), status="occurred",
        actor=(Participant("Togo", "TGO"),), recipient=(Participant("ECCAS", "IGO:ECCAS"),),
        date=DateInterval(day, day, "day", "lundi"), location=None, quantities=(),
        evidence=(Evidence("a", sentence, start, start + len(sentence), trigger),), confidence=0.8)


def test_two_words_of_one_sentence_for_one_event_are_one_mention():
    merged = merge_mentions([_mention("m1", "retrait", "2025-09-08"), _mention("m2", "quitter", "2025-09-08")])
    assert len(merged) == 1
    assert [e.trigger for e in merged[0].evidence] == ["retrait", "quitter"]


def test_one_sentence_telling_two_days_tells_two_events():
    merged = merge_mentions([_mention("m1", "retrait", "2025-09-08"), _mention("m2", "quitter", "2025-09-09")])
    assert len(merged) == 2
