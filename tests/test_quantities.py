"""Quantities with value and unit: money in any currency and scale, people, goods."""
import pytest

from kibaru.knowledge import data_dir, read_tsv
from kibaru.quantities import QuantityParser


def parser(lang):
    words = {}
    for r in read_tsv(data_dir() / lang / "words.tsv", ("form", "kind", "value")):
        words.setdefault(r["kind"], {})[r["form"].lower()] = r["value"]
    months = {r["form"] for r in read_tsv(data_dir() / lang / "time.tsv", ("form", "kind", "value"))}
    return QuantityParser(lang, words, frozenset(months))


FR, EN = parser("fr"), parser("en")


@pytest.mark.parametrize("p,text,value,unit", [
    (FR, "un don alimentaire de 2 millions de dollars via le PAM", 2_000_000, "USD"),
    (FR, "un prêt de 10 milliards de FCFA", 10_000_000_000, "XOF"),
    (FR, "290 bourses d'études", 290, "bourses"),
    (FR, "1 500 soldats français", 1500, "soldats"),
    (FR, "des milliers de tonnes de blé", None, "tonnes"),
    (FR, "une enveloppe de 3,5 millions d'euros", 3_500_000, "EUR"),
    (EN, "a $1.5bn loan", 1_500_000_000, "USD"),
    (EN, "between 25,000 and 50,000 tonnes of grain", 25000, "tonnes"),
    (EN, "70 million dollars of aid", 70_000_000, "USD"),
])
def test_quantity(p, text, value, unit):
    q = p.find(text)
    assert q, f"no quantity in {text!r}"
    assert (q[0].value, q[0].unit) == (value, unit)


@pytest.mark.parametrize("text", ["le 23 juin 2025", "depuis 2023", "il y a 3 ans", "2 min de lecture"])
def test_dates_and_durations_are_not_quantities(text):
    assert FR.find(text) == []
