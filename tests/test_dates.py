"""Time expressions resolved against a publication date: interval and precision."""
from datetime import date

import pytest

from kibaru.dates import TimeParser, TimeWords
from kibaru.knowledge import TIME_COLUMNS, data_dir, read_tsv


def parser(lang):
    return TimeParser(TimeWords.from_rows(lang, read_tsv(data_dir() / lang / "time.tsv", TIME_COLUMNS)))


FR, EN = parser("fr"), parser("en")
PUB = date(2025, 6, 23)  # a Monday

CASES = [
    # (lang, text, anchor, future, start, end, precision)
    ("fr", "le 23 juin 2025", PUB, False, "2025-06-23", "2025-06-23", "day"),
    ("fr", "1er juillet 2023", PUB, False, "2023-07-01", "2023-07-01", "day"),
    ("fr", "en avril dernier", PUB, False, "2025-04-01", "2025-04-30", "month"),
    ("fr", "en septembre dernier", PUB, False, "2024-09-01", "2024-09-30", "month"),
    ("fr", "dans les prochaines semaines", PUB, True, "2025-06-23", "2025-07-07", "range"),
    ("fr", "depuis 2023", PUB, False, "2023-01-01", "2025-06-23", "range"),
    ("fr", "hier", PUB, False, "2025-06-22", "2025-06-22", "day"),
    ("fr", "dimanche", PUB, False, "2025-06-22", "2025-06-22", "day"),
    ("fr", "jeudi", PUB, True, "2025-06-26", "2025-06-26", "day"),
    ("fr", "lundi prochain", PUB, False, "2025-06-30", "2025-06-30", "day"),
    ("fr", "ce mercredi 10 août", PUB, False, "2022-08-10", "2022-08-10", "day"),
    ("fr", "du 22 au 26 juin", PUB, False, "2025-06-22", "2025-06-26", "range"),
    ("fr", "mi-juin", PUB, False, "2025-06-10", "2025-06-20", "range"),
    ("fr", "fin 2024", PUB, False, "2024-09-01", "2024-12-31", "range"),
    ("fr", "le mois prochain", PUB, False, "2025-07-01", "2025-07-31", "month"),
    ("fr", "la semaine prochaine", PUB, False, "2025-06-30", "2025-07-06", "week"),
    ("fr", "l'an dernier", PUB, False, "2024-01-01", "2024-12-31", "year"),
    ("fr", "en janvier 2022", PUB, False, "2022-01-01", "2022-01-31", "month"),
    ("fr", "l'année 2025-2026", PUB, False, "2025-01-01", "2026-12-31", "range"),
    ("fr", "il y a deux jours", PUB, False, "2025-06-21", "2025-06-21", "day"),
    ("fr", "Publié le 18/09/2024", None, False, "2024-09-18", "2024-09-18", "day"),
    ("fr", "en 2021", None, False, "2021-01-01", "2021-12-31", "year"),
    ("en", "on Sunday", date(2024, 1, 29), False, "2024-01-28", "2024-01-28", "day"),
    ("en", "last Tuesday", date(2024, 1, 29), False, "2024-01-23", "2024-01-23", "day"),
    ("en", "next week", date(2024, 1, 29), False, "2024-02-05", "2024-02-11", "week"),
    ("en", "July 26 last year", date(2024, 1, 29), False, "2023-07-26", "2023-07-26", "day"),
    ("en", "last September", date(2024, 1, 29), False, "2023-09-01", "2023-09-30", "month"),
    ("en", "March 17, 2024", None, False, "2024-03-17", "2024-03-17", "day"),
    ("en", "in the coming weeks", date(2024, 1, 29), True, "2024-01-29", "2024-02-12", "range"),
    ("en", "since 2023", date(2024, 1, 29), False, "2023-01-01", "2024-01-29", "range"),
    ("en", "two days ago", date(2024, 1, 29), False, "2024-01-27", "2024-01-27", "day"),
    ("en", "late 2024", None, False, "2024-09-01", "2024-12-31", "range"),
    ("en", "yesterday", date(2024, 1, 29), False, "2024-01-28", "2024-01-28", "day"),
]


@pytest.mark.parametrize("lang,text,anchor,future,start,end,precision", CASES)
def test_expression_resolves_to_interval(lang, text, anchor, future, start, end, precision):
    p = FR if lang == "fr" else EN
    found = p.find(text)
    assert found, f"no time expression found in {text!r}"
    iv = p.resolve(max(found, key=lambda f: f.end - f.start), anchor, future=future)
    assert (iv.start, iv.end, iv.precision) == (start, end, precision)


def test_relative_expression_without_anchor_is_unknown():
    iv = FR.resolve(FR.find("hier")[0], None)
    assert iv.precision == "unknown" and iv.start is None


@pytest.mark.parametrize("text", ["2 min de lecture", "sa décision", "le mali des affaires", "des milliers"])
def test_no_false_dates(text):
    assert FR.find(text) == []
