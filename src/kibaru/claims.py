"""Claims each article of a story makes about its main happening, compared across outlets.

Three claims, read from the text with the vocabulary of the article's language (`words.tsv`,
docs/DATA.md); sentences dated another year than the article are background and skipped.

- **time of day** (field `time`): the first clock time stated in the article's opening
  sentences ("vers 5 heures du matin", "peu avant 4 heures", "at around 5 a.m.", "à 17 h 30").
  A number is a clock time only when a time word follows it (`clock_unit`: "heures", "h",
  "o'clock"; or `clock_part`: "du matin", "p.m.") and either a `clock_part` or a `clock_lead`
  is there ("à", "vers", "at around"): "5 heures de combats", "pendant 5 heures" are durations.
  Leads of kind `skip` ("avant", "jusqu'à", "until") make no claim, nor do two clock times
  side by side (a range: "de 21 heures à 6 heures"). "À l'aube" states no hour.
  The rule: a stated time covers a window — an exact time ("à 5 heures") its minute; an
  approximate one ("vers 5 heures", "around 5 a.m.") `APPROX_MINUTES` either side; "peu avant
  4 heures" the `APPROX_MINUTES` before 4:00, "peu après" those after. Two outlets agree when
  their windows meet — when one moment could be described by both wordings: "vers 5 heures"
  and "aux environs de 5 heures" agree, as do "vers 5 heures" and "à 5 h 30"; "vers 5 heures"
  and "peu avant 4 heures" do not (no moment is both about five and shortly before four).
- **effective date of a decision** (field `date`): "avec effet immédiat", "sans délai",
  "with immediate effect" (`effect_now`); a delay, "un an après notification", "au terme d'un
  délai d'un an", "one year after notice" (`effect_delay_after` / `effect_delay_before`
  around a duration, in a sentence holding an `effect_word`: "effectif", "takes effect");
  a date, "à compter du 7 avril", "with effect from 1 May" (`effect_from`). An article stating
  several keeps its latest: an immediate withdrawal announced, then "under the treaty it only
  takes effect a year after notice", claims the year. Two claims that are both delays
  ("immediate" is a delay of 0) agree when the delays are equal (within `DELAY_SLACK_DAYS`);
  otherwise as days: "immediate" is the article's day (or up to `DISAGREEMENT_DAYS` before),
  a delay is at least the article's day plus the delay (less a month: notice may predate the
  article), a date is itself; claims agree when these meet.
- **country of the place** (field `location`): where the article puts the event at country
  level — "en territoire malien", "dans l'espace aérien algérien", "inside Algerian airspace",
  "on Malian soil": a `territory_lead` (locative or violation word), an optional determiner,
  a `territory_noun`, and a country read beside the noun (a demonym or country name from the
  gazetteer: "territoire malien", "territoire du Mali", "Malian territory"); a `territory_self`
  adjective ("espace aérien national") is the one country the sentence names, a possessive
  ("violé son espace aérien") the nearest country named before it. An article naming two
  countries so (reporting both versions) takes no side; articles naming one disagree when
  their countries differ.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from functools import cache

from .discrepancies import _SENTENCE, _YEAR, _knowledge
from .records import Discrepancy

#: An approximate time ("vers 5 heures") covers this many minutes either side of the hour.
APPROX_MINUTES = 30
#: Events dated this close to their article's day are what the article reports (not background).
CORE_DAYS = 3
#: A clock time is looked for in this many opening sentences (of four words or more).
LEAD_SENTENCES = 8
#: "Immediate" is the article's day, or the decision day reported up to this many days later.
DISAGREEMENT_DAYS = 3
#: Delays this close are one delay ("a year", "twelve months").
DELAY_SLACK_DAYS = 7
#: A delay counts from a notice that may predate the article by up to this many days.
NOTICE_BEFORE_DAYS = 31
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}
_WORDISH = re.compile(r"[^\W_][\w'’-]*")
#: words, an elided article kept apart from its noun ("l'", "Algérie"; "d'", "un")
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*['’]?")


def _fold(w: str) -> str:
    return w.casefold().replace("’", "'")


def _phrase(form: str) -> str:
    """A vocabulary form as a regex: flexible spaces, either apostrophe."""
    return r"\s+".join(re.escape(w) for w in form.casefold().replace("’", "'").split()).replace("'", "['’]")


def _alt(forms) -> str:
    forms = sorted(set(forms), key=len, reverse=True)
    return "(?:" + "|".join(_phrase(f) for f in forms) + ")" if forms else r"(?!x)x"


@cache
def _words(lang: str) -> dict[str, dict[str, str]]:
    """kind → {form: value} for one language (every language when it has no words.tsv)."""
    k = _knowledge()
    rows = k.words.get(lang) or [r for rs in k.words.values() for r in rs]
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for r in rows:
        out[r["kind"]][r["form"].casefold()] = r["value"]
    return out


def _sentences(text: str, year: int | None) -> list[str]:
    return [s for s in _SENTENCE.split(text or "")
            if s.strip() and not (year and any(int(y) != year for y in _YEAR.findall(s)))]


# -- time of day --------------------------------------------------------------------------------
@cache
def _clock(lang: str):
    w = _words(lang)
    unit, part = _alt(w["clock_unit"]), _alt(w["clock_part"])
    core = re.compile(
        rf"(?<![\w.,:])(?P<h>[01]?\d|2[0-3])(?:\s*(?P<sep>:|{unit})\s*(?P<m>[0-5]\d)(?!\d))?"
        rf"(?:\s*(?P<unit>{unit}))?(?:\s*(?P<part>{part}))?(?!\w)", re.IGNORECASE)
    lead = re.compile(rf"(?<!\w)(?P<lead>{_alt(w['clock_lead'])})\s*$", re.IGNORECASE)
    return core, lead, w["clock_lead"], {k: int(v or 0) for k, v in w["clock_part"].items()}


def clock_claims(sentence: str, lang: str) -> list[tuple[tuple[int, int], str]]:
    """The clock times of a sentence: (window in minutes after midnight, as written)."""
    core, lead_rx, leads, parts = _clock(lang)
    hits = [m for m in core.finditer(sentence) if m.group("unit") or m.group("part") or m.group("sep")]
    out = []
    for m in hits:
        if any(abs(o.start() - m.end()) <= 12 or abs(m.start() - o.end()) <= 12 for o in hits if o is not m):
            continue  # a range: "de 21 heures à 6 heures"
        lead = lead_rx.search(sentence[max(0, m.start() - 30):m.start()])
        how = leads.get(re.sub(r"\s+", " ", lead.group("lead").casefold().replace("’", "'"))) if lead else None
        if how == "skip" or (how is None and not m.group("part")):
            continue
        h, mins = int(m.group("h")), int(m.group("m") or 0)
        if m.group("part"):
            offset = parts.get(re.sub(r"\s+", " ", m.group("part").casefold().replace("’", "'")), 0)
            h += offset if h < 12 else 0
        t = h * 60 + mins
        win = {"about": (t - APPROX_MINUTES, t + APPROX_MINUTES), "before": (t - APPROX_MINUTES, t),
               "after": (t, t + APPROX_MINUTES)}.get(how or "at", (t, t))
        shown = ((lead.group("lead") + " ") if lead else "") + m.group(0).strip()
        out.append((win, shown))
    return out


def time_claim(text: str, lang: str, year: int | None):
    n = 0
    for sent in _sentences(text, year):
        if len(_WORDISH.findall(sent)) < 4:
            continue
        n += 1
        if n > LEAD_SENTENCES:
            break
        found = clock_claims(sent, lang)
        if found:
            return found[0]
    return None


def _meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return max(a[0], b[0]) <= min(a[1], b[1])


# -- effective date -----------------------------------------------------------------------------
@cache
def _effect(lang: str):
    w = _words(lang)
    k = _knowledge()
    units = {r["form"].casefold(): r["value"] for r in k.time.get(lang, []) if r["kind"] == "unit"}
    dur = rf"(?P<n>\d+|{_alt(w['duration_number'])})\s+(?P<unit>{_alt(units)})"
    rx = {
        "now": re.compile(rf"(?<!\w){_alt(w['effect_now'])}(?!\w)", re.IGNORECASE),
        "before": re.compile(rf"(?<!\w){_alt(w['effect_delay_before'])}\s*{dur}(?!\w)", re.IGNORECASE),
        "after": re.compile(rf"(?<!\w){dur}\s+{_alt(w['effect_delay_after'])}(?!\w)", re.IGNORECASE),
        "from": re.compile(rf"(?<!\w){_alt(w['effect_from'])}(?!\w)", re.IGNORECASE),
        "word": re.compile(rf"(?<!\w){_alt(w['effect_word'])}(?!\w)", re.IGNORECASE),
    }
    tp = None
    if lang in k.time:
        from .dates import TimeParser, TimeWords
        tp = TimeParser(TimeWords.from_rows(lang, k.time[lang]))
    # words allowed between "à compter" and its date: "à compter de ce lundi 7 avril"
    glue = frozenset(_fold(x) for kind in ("de_prep", "determiner", "demonstrative") for x in w[kind])
    return rx, units, w["duration_number"], tp, glue


def effect_claims(sentence: str, lang: str, day: date | None):
    """Effect claims of a sentence: (delay in days or None, (first, last) day ordinals, as written)."""
    rx, units, numbers, tp, glue = _effect(lang)
    base = day.toordinal() if day else 0
    out = []
    for m in rx["now"].finditer(sentence):
        out.append((m.start(), 0, (base - DISAGREEMENT_DAYS, base + 1), m.group(0)))
    if rx["word"].search(sentence):
        for kind in ("before", "after"):
            for m in rx[kind].finditer(sentence):
                n = int(m.group("n")) if m.group("n").isdigit() else int(numbers.get(m.group("n").casefold(), 0) or 0)
                unit = units.get(m.group("unit").casefold())
                if n and unit in _UNIT_DAYS:
                    d = round(n * _UNIT_DAYS[unit])
                    out.append((m.start(), d, (base + d - NOTICE_BEFORE_DAYS, float("inf")), m.group(0)))
    if tp is not None and day is not None:
        for m in rx["from"].finditer(sentence):
            rest = sentence[m.end():m.end() + 60]
            f = next(iter(tp.find(rest)), None)
            if f is None or any(_fold(t) not in glue for t in _TOKEN.findall(rest[:f.start])) \
                    or re.search(r"[^\w\s'’]", rest[:f.start]):
                continue
            iv = tp.resolve(f, day, future=True)
            if iv.precision == "day" and iv.start:
                o = date.fromisoformat(iv.start[:10]).toordinal()
                out.append((m.start(), None, (o, o), sentence[m.start():m.end() + f.end].rstrip(" .")))
    return [c[1:] for c in sorted(out, key=lambda c: c[0])]


def effect_claim(text: str, lang: str, day: date | None):
    """The article's latest stated effect (see the module's rule)."""
    claims = [c for s in _sentences(text, day.year if day else None) for c in effect_claims(s, lang, day)]
    return max(claims, key=lambda c: c[1][0]) if claims else None


def _effect_agree(a, b) -> bool:
    if a[0] is not None and b[0] is not None:
        return abs(a[0] - b[0]) <= DELAY_SLACK_DAYS
    return _meet(a[1], b[1])


# -- country of the place -----------------------------------------------------------------------
@cache
def _countries() -> dict[str, str]:
    """Country names, demonyms, capitals and seats of every language (case folded) → alpha-3."""
    return {r["form"].casefold(): r["code"] for r in _knowledge().gazetteer
            if r["kind"] == "country" and r["form_kind"] in ("name", "demonym", "capital", "seat")}


@cache
def _territory(lang: str):
    w = _words(lang)
    det = _alt(list(w["determiner"]) + list(w["possessive"]))
    rx = re.compile(rf"(?<!\w)(?:{_alt(w['territory_lead'])})\s+(?:(?P<det>{det})\s*)?"
                    rf"(?:(?P<pre>[^\W\d_][\w-]*(?:['’]s)?)\s+)?(?P<noun>{_alt(w['territory_noun'])})(?!\w)", re.IGNORECASE)
    links = frozenset(_fold(x) for x in list(w["de_prep"]) + list(w["determiner"]))
    return rx, frozenset(w["possessive"]), frozenset(w["territory_self"]), links


def _country_at(words: list[str], i: int, n_out: list | None = None) -> str | None:
    """The country named by the words starting at `i` (names of up to three words; "Mali's");
    the number of words taken is appended to `n_out`."""
    c = _countries()
    for n in (3, 2, 1):
        if i + n <= len(words):
            name = " ".join(words[i:i + n])
            code = c.get(_fold(name)) or c.get(re.sub(r"['’]s?$", "", _fold(name)))
            if code:
                if n_out is not None:
                    n_out.append(n)
                return code
    return None


def place_claims(sentence: str, lang: str) -> dict[str, str]:
    """The countries a sentence places something in, with the words saying so
    ("en territoire malien" → {"MLI": "en territoire malien"})."""
    rx, poss, self_words, links = _territory(lang)
    out: dict[str, str] = {}
    for m in rx.finditer(sentence):
        pre = _TOKEN.findall(m.group("pre") or "")
        spans = list(_TOKEN.finditer(sentence, m.end(), m.end() + 60))
        after = [t.group(0) for t in spans]
        code, end = (_country_at(pre, 0) if pre else None), m.end()
        for i in range(min(4, len(after))):  # "territoire malien", "territoire de l'Algérie"
            if code or sentence[end:spans[i].start()].strip():
                break  # only words, no punctuation, between the noun and the country
            took: list[int] = []
            code = _country_at(after, i, took)
            if code:
                end = spans[i + took[0] - 1].end()
            elif _fold(after[i]) not in links:
                break
            else:
                end = spans[i].end()
        shown = sentence[m.start():end]
        if code is None and any(_fold(w) in self_words for w in pre + after[:1]):
            words = _TOKEN.findall(sentence)
            named = {x for j in range(len(words)) if (x := _country_at(words, j))}
            code = next(iter(named)) if len(named) == 1 else None
            shown = f"{sentence[m.start():spans[0].end() if after and not pre else m.end()]} ({code})"
        if code is None and _fold(m.group("det") or "") in poss:
            before = _TOKEN.findall(sentence[:m.start()])
            code = next((x for j in range(len(before) - 1, -1, -1) if (x := _country_at(before, j))), None)
            shown = f"{m.group(0)} ({code})"
        if code:
            out.setdefault(code, shown)
    return out


def place_claim(text: str, lang: str, year: int | None) -> tuple[str, str] | None:
    """(country, as written) when the article places things in one country only."""
    found: dict[str, str] = {}
    for s in _sentences(text, year):
        for code, shown in place_claims(s, lang).items():
            found.setdefault(code, shown)
    return next(iter(found.items())) if len(found) == 1 else None


# -- per story ----------------------------------------------------------------------------------
def main_event(mentions: list[dict], days: dict[str, date | None]) -> str:
    """The story's main event as "CATEGORY CODES": the category most articles report as
    happening within `CORE_DAYS` of their own day (any reported one when none is), with the
    participants most of those articles give it."""
    def core(m):
        d = days.get(m["article_id"])
        return (d is not None and m.get("date_precision") == "day" and m.get("date_start")
                and abs((date.fromisoformat(str(m["date_start"])[:10]) - d).days) <= CORE_DAYS)
    ms = [m for m in mentions if m.get("status") != "negated"]
    ms = [m for m in ms if core(m)] or ms
    codes: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))  # category → article → codes
    for m in ms:
        codes[m["event"]][m["article_id"]] |= {p["code"] for p in m["actor"] + m["recipient"] if p.get("code")}
    if not codes:
        return "the story"
    cat = max(codes, key=lambda c: (len(codes[c]), sum(map(len, codes[c].values())), c))
    held = Counter(c for cs in codes[cat].values() for c in cs)
    return " ".join([cat, "–".join(sorted(c for c, k in held.items() if 2 * k > len(codes[cat])))]).strip()


def _grouped(claims: list[tuple[str, object, str]], same) -> dict[str, list[str]] | None:
    """{as written: article ids} grouping claims that agree with the first of a group, when two
    claims disagree; else None."""
    if not any(not same(a[1], b[1]) for i, a in enumerate(claims) for b in claims[i + 1:]):
        return None
    groups: list[tuple[object, str, list[str]]] = []
    for art, v, shown in claims:
        g = next((g for g in groups if g[0] == v), None) or next((g for g in groups if same(g[0], v)), None)
        if g is None:
            groups.append((v, shown, [art]))
        else:
            g[2].append(art)
    return {shown: sorted(set(arts)) for _, shown, arts in groups}


def claim_discrepancies(sid: str, members: list[dict], days: dict[str, date | None],
                        mentions: list[dict]) -> list[Discrepancy]:
    """Time of day, effective date and country on which the story's articles disagree."""
    arts = sorted((a for a in members if not a.get("duplicate_of")), key=lambda a: a["id"])
    if len(arts) < 2:
        return []
    times, effects, places = [], [], []
    for a in arts:
        d, lang, text = days.get(a["id"]), a.get("lang") or "fr", a.get("text") or ""
        year = d.year if d else None
        if (t := time_claim(text, lang, year)):
            times.append((a["id"], t[0], t[1]))
        if (e := effect_claim(text, lang, d)):
            effects.append((a["id"], (e[0], e[1]), e[2]))
        if (p := place_claim(text, lang, year)):
            places.append((a["id"], p[0], p[1]))
    if not (times or effects or places):
        return []
    ids = {a["id"] for a in arts}
    about = main_event([m for m in mentions if m["article_id"] in ids], days)
    out = []
    for field, what, claims, same in (("time", "time of day", times, _meet),
                                      ("date", "effective date", effects, _effect_agree),
                                      ("location", "country", places, lambda x, y: x == y)):
        sides = _grouped(claims, same) if len({c[0] for c in claims}) >= 2 else None
        if sides and len(sides) >= 2:
            out.append(Discrepancy(field, f"{what} of {about}", sides, sid, None))
    return out
