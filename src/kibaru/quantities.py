"""Quantities stated with an event: money in any currency and scale, people, goods.

"2 millions de dollars" → (2000000, USD); "10 milliards de FCFA" → (1e10, XOF);
"$1.5bn" → (1.5e9, USD); "290 bourses d'études" → (290, bourses); "1 500 soldats" →
(1500, soldats); "des milliers de tonnes de blé" → (None, tonnes).
"""
from __future__ import annotations

import re

from .records import Quantity

_NUM = r"(?P<num>\d{1,3}(?:[\u00a0\u202f  .,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"


def _number(text: str, lang: str) -> float | None:
    s = re.sub(r"[\u00a0\u202f ]", "", text)
    if lang == "fr":
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
            s = s.replace(".", "")
        s = s.replace(",", ".")
    else:
        s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


class QuantityParser:
    """Finds quantities in a text; units and scales come from the language's words table."""

    def __init__(self, lang: str, words: dict[str, dict[str, str]], time_forms: frozenset[str] = frozenset()):
        self.lang = lang
        #: Units that are durations or calendar words: "3 ans", "23 juin" are not quantities.
        self.stop = words.get("stop", {})
        self.excluded = frozenset(f.lower() for f in time_forms) | {"h", "km", "min"}
        self.scales = {k: float(v) for k, v in words.get("scale", {}).items()}
        self.currencies = words.get("currency", {})
        scale = "|".join(sorted(map(re.escape, self.scales), key=len, reverse=True))
        cur = "|".join(sorted(map(re.escape, self.currencies), key=len, reverse=True))
        de = r"(?:\s+(?:de|d'|d’|of))?\s*"
        self.money_after = re.compile(rf"{_NUM}\s*(?P<scale>{scale})?\.?{de}(?P<cur>{cur})(?![a-z])", re.I)
        self.money_before = re.compile(rf"(?P<cur>[$€£]|US\$)\s?{_NUM}\s*(?P<scale>{scale})?(?![a-z])", re.I)
        self.range = re.compile(rf"{_NUM}\s*(?:and|et|à|to|-|–)\s*(?P<num2>\d[\d\u00a0\u202f  .,]*)\s*(?P<scale>{scale})?{de}(?P<unit>[^\W\d_][\w-]+)", re.I)
        self.count = re.compile(rf"{_NUM}\s*(?P<scale>{scale})?{de}(?P<unit>[^\W\d_][\w-]+)", re.I)
        approx = "|".join(sorted(map(re.escape, words.get("approx", {})), key=len, reverse=True)) or "(?!)"
        self.approx_words = {k: float(v) for k, v in words.get("approx", {}).items()}
        # "une soixantaine de morts": about sixty
        self.approx = re.compile(rf"\b(?:une?|a|some)\s+(?P<w>{approx})\s+(?:de|d'|d’|of)\s+(?P<unit>[^\W\d_][\w-]+)", re.I)
        self.vague = re.compile(rf"\b(?:des|plusieurs|thousands|hundreds|millions)\s+(?:de\s+)?(?P<scale>{scale}|centaines|dizaines)?\s*(?:de|d'|d’|of)\s+(?P<unit>[^\W\d_][\w-]+)", re.I)

    def find(self, text: str) -> list[Quantity]:
        out, taken = [], []

        def free(m):
            return not any(m.start() < e and s < m.end() for s, e in taken)

        for rx in (self.money_before, self.money_after):
            for m in rx.finditer(text):
                if not free(m):
                    continue
                value = _number(m.group("num"), self.lang)
                if value is None:
                    continue
                value *= self.scales.get((m.group("scale") or "").lower(), 1)
                cur = self.currencies.get(m.group("cur").lower(), m.group("cur").upper())
                out.append(Quantity(_clean(value), cur, m.group(0).strip()))
                taken.append(m.span())
        for m in list(self.range.finditer(text)) + list(self.count.finditer(text)):
            if not free(m):
                continue
            unit = m.group("unit")
            value = _number(m.group("num"), self.lang)
            if value is None or len(unit) < 3 or self.stop.get(unit.lower()) is not None or unit.lower() in self.scales or unit.lower() in self.excluded or (1900 <= value <= 2100 and not m.group("scale")):
                continue
            value *= self.scales.get((m.group("scale") or "").lower(), 1)
            out.append(Quantity(_clean(value), unit.lower(), m.group(0).strip()))
            taken.append(m.span())
        for m in self.approx.finditer(text):
            if free(m):
                out.append(Quantity(_clean(self.approx_words[m.group("w").lower()]), m.group("unit").lower(),
                                    m.group(0).strip()))
                taken.append(m.span())
        for m in self.vague.finditer(text):
            if free(m) and not m.group("unit").lower() in self.excluded:
                out.append(Quantity(None, m.group("unit").lower(), m.group(0).strip()))
                taken.append(m.span())
        return out


def _clean(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v
