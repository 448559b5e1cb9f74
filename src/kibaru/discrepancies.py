"""Discrepancies: the facts on which the articles of one story disagree.

Two kinds of comparison:

- **one event, several reports** (`event_discrepancies`): the mentions merged into one
  `Event` come from different articles; their day, place and amounts are compared.
  A day counts only when a text states it: a headline's date inferred from the publication
  day is no outlet's claim. Two phrasings of one day ("lundi", "6 février") are one ISO day;
  two names of one place ("Moscou", "Moscow", "NIAMEY") are one GeoNames id.
- **one figure, several articles** (`figure_discrepancies`): tolls and head counts
  ("plus de 70 personnes ont été tuées", "une soixantaine de morts", "about 1,000 troops")
  are often stated outside any coded event. Each article's first figure for a kind of count
  (killed, wounded, troops, detained, displaced) is its claim; background sentences (dated
  another year than the article) are skipped.

When two figures disagree — the rule, for every amount:
  a figure covers a range: an exact or approximate figure ("77", "environ 1 100",
  "une soixantaine") covers its value; a lower bound ("plus de 70", "at least 70") covers
  [70, ∞); an upper bound ("moins de 70", "up to 70") covers [0, 70]. Two figures agree
  when their ranges meet or lie within 5 % of the larger value of each other (rounding:
  "environ 1 000" and "1 020" agree); otherwise the outlets disagree ("plus de 70" and
  "une soixantaine" do; "plus de 70" and "77" do not; "environ 1 100" and "about 1,000" do).

Time of day, effective date of a decision and the country of the place, read from each
article's text, are compared in `kibaru.claims`. A toll found in two articles is compared only
when both are in one story (`kibaru.stories`).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date
from functools import lru_cache

from .records import Discrepancy

#: Two figures closer than this share of the larger one are one figure, rounded differently.
ROUNDING = 0.05

_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


# -- figures ---------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _vocab():
    """The words of figures, from every language's words.tsv (a figure's words are compared
    across outlets whatever their language): kinds of head count — a word saying what happened
    to the people ("tuées", "wounded", kind `happened`) wins over the noun counting them
    ("soldats", kind `counted`) — and the words before a figure that make it a lower or upper
    bound or an approximation."""
    kinds, strong, phrases = {}, set(), {"bound_lower": [], "bound_upper": [], "about": []}
    for rows in _knowledge().words.values():
        for r in rows:
            form = r["form"].casefold()
            if r["kind"] in ("happened", "counted"):
                kinds[unicodedata.normalize("NFC", form)] = r["value"]
                if r["kind"] == "happened":
                    strong.add(unicodedata.normalize("NFC", form))
            elif r["kind"] in phrases:
                phrases[r["kind"]].append(r"\s+".join(re.escape(w) for w in form.replace("'", "['’]").split()
                                          ).replace(re.escape("['’]"), "['’]"))
    regex = {k: re.compile(r"(?:" + "|".join(v) + r")\s*$", re.I) for k, v in phrases.items()}
    return kinds, strong, regex


def bounds(sentence: str, start: int, value: float) -> tuple[float, float]:
    """The range a figure covers, from the words just before it (at `start` in `sentence`)."""
    before = sentence[max(0, start - 20):start]
    regex = _vocab()[2]
    if regex["bound_lower"].search(before):
        return (value, float("inf"))
    if regex["bound_upper"].search(before):
        return (0.0, value)
    return (value, value)


def agree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two ranges agree when they meet, or when their gap is within rounding."""
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return gap <= ROUNDING * max(a[0], b[0])


def _fold(w: str) -> str:
    return unicodedata.normalize("NFC", w.casefold())


def kind_of(unit: str, after: str) -> str | None:
    """The kind of count of "<n> <unit> <after…>": "70 personnes ont été tuées" → killed."""
    words = [_fold(unit)] + [_fold(w) for w in _WORD.findall(after)[:4]]
    kinds, strong_words, _ = _vocab()
    strong = next((kinds[w] for w in words if w in strong_words), None)
    return strong or kinds.get(words[0])


@lru_cache(maxsize=1)
def _knowledge():
    """The knowledge files, read once (discrepancies are built from stored rows, without the
    pipeline's `Resources`)."""
    from .knowledge import Knowledge
    return Knowledge.load(("fr", "en"))


@lru_cache(maxsize=None)
def _parser(lang: str):
    from .dates import TimeWords
    from .quantities import QuantityParser
    k = _knowledge()
    if lang not in k.words:
        return None
    words: dict[str, dict[str, str]] = {}
    for r in k.words[lang]:
        words.setdefault(r["kind"], {})[r["form"].lower()] = r["value"]
    tw = TimeWords.from_rows(lang, k.time[lang])
    return QuantityParser(lang, words, frozenset(tw.months) | frozenset(tw.units) | frozenset(tw.weekdays))


def head_counts(text: str, lang: str, year: int | None) -> dict[str, tuple[tuple[float, float], str]]:
    """The first figure of each kind of head count an article states: kind → (range, as written).
    Sentences dated another year than the article's are background and skipped."""
    parser = _parser(lang or "fr")
    out: dict[str, tuple[tuple[float, float], str]] = {}
    if parser is None:
        return out
    for sent in _SENTENCE.split(text):
        if year and any(int(y) != year for y in _YEAR.findall(sent)):
            continue
        for q in parser.find(sent):
            if q.value is None:
                continue
            at = sent.find(q.text)
            kind = kind_of(q.unit, sent[at + len(q.text):] if at >= 0 else "")
            if kind and kind not in out:
                rng = bounds(sent, at, float(q.value)) if at >= 0 else (q.value, q.value)
                lead = sent[max(0, at - 20):at] if at >= 0 else ""
                regex = _vocab()[2]
                bound = regex["bound_lower"].search(lead) or regex["bound_upper"].search(lead) or regex["about"].search(lead)
                out[kind] = (rng, ((bound.group(0).strip() + " ") if bound else "") + q.text)
    return out


def _sides(claims: list[tuple[str, tuple[float, float], str]]) -> dict[str, list[str]] | None:
    """{figure as written: article ids} when two of the claims disagree, else None."""
    if not any(not agree(a[1], b[1]) for i, a in enumerate(claims) for b in claims[i + 1:]):
        return None
    sides: dict[tuple, tuple[str, list[str]]] = {}
    for art, rng, shown in claims:
        sides.setdefault(rng, (shown, []))[1].append(art)
    return {shown: sorted(set(arts)) for shown, arts in sides.values()}


def figure_discrepancies(sid: str, members: list[dict], days: dict[str, date | None]) -> list[Discrepancy]:
    """Head counts on which the (non-duplicate) articles of one story disagree."""
    arts = [a for a in members if not a.get("duplicate_of")]
    if len(arts) < 2:
        return []
    claims: dict[str, list] = defaultdict(list)
    for a in sorted(arts, key=lambda a: a["id"]):
        d = days.get(a["id"])
        for kind, (rng, shown) in head_counts(a.get("text") or "", a.get("lang") or "fr", d.year if d else None).items():
            claims[kind].append((a["id"], rng, shown))
    out = []
    for kind, cs in sorted(claims.items()):
        sides = _sides(cs) if len({c[0] for c in cs}) >= 2 else None
        if sides:
            out.append(Discrepancy("quantity", f"number {kind}", sides, sid, None))
    return out


# -- one event, several reports ------------------------------------------------------------------
def place_key(m: dict) -> str | None:
    """Two names of one place ("NIAMEY", "Niamey"; "palais de Koulouba", "Bamako") agree."""
    loc = m["location"] or {}
    if loc.get("geonameid"):
        return str(loc["geonameid"])
    return (loc.get("name") or "").casefold() or None


def _stated_place(m: dict) -> str | None:
    """The place a text states for the mention's clause: not the city of a dateline
    ("OUAGADOUGOU, 28 janvier —"), where the dispatch was filed, which outlets filing from
    two capitals do not disagree on."""
    name = ((m["location"] or {}).get("name") or "").casefold()
    if not name:
        return None
    for ev in m["evidence"] or []:
        sent = (ev.get("sentence") or "").casefold()
        at = sent.find(name)
        while at >= 0:
            if not (at <= 1 and sent[at + len(name):at + len(name) + 1] == ","):
                return place_key(m)
            at = sent.find(name, at + 1)
    return None


def _stated_day(m: dict) -> str | None:
    """The day a text states for the mention; not a headline's day inferred from publication."""
    return m["date_start"] if m["date_precision"] == "day" and m.get("date_text") else None


def event_discrepancies(sid: str, eid: str, c: list[dict], codes: frozenset[str]) -> list[Discrepancy]:
    """Fields on which the articles reporting one event state different values."""
    if len({m["article_id"] for m in c}) < 2:
        return []
    out = []
    about = f"{c[0]['event']} " + "–".join(sorted(codes))
    for field, get in (("date", _stated_day), ("location", _stated_place)):
        values: dict[str, list[str]] = defaultdict(list)
        shown: dict[str, str] = {}
        for m in c:
            v = get(m)
            if v:
                values[v].append(m["article_id"])
                shown.setdefault(v, (m["location"] or {}).get("name") if field == "location" else v)
        if len(values) >= 2:
            out.append(Discrepancy(field, about, {shown[k]: sorted(set(v)) for k, v in values.items()}, sid, eid))
    # amounts of one unit, compared as ranges (see the module's rule)
    by_unit: dict[str, list] = defaultdict(list)
    for m in c:
        sent = m["evidence"][0]["sentence"] if m["evidence"] else ""
        for q in m["quantities"]:
            if q["value"] is not None:
                at = sent.find(q["text"])
                rng = bounds(sent, at, float(q["value"])) if at >= 0 else (q["value"], q["value"])
                by_unit[q["unit"]].append((m["article_id"], rng, q["text"]))
    for unit, cs in sorted(by_unit.items()):
        sides = _sides(cs) if len({x[0] for x in cs}) >= 2 else None
        if sides:
            out.append(Discrepancy("quantity", f"{about} ({unit})", sides, sid, eid))
    return out
