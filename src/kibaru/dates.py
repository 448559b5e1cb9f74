"""Time expressions → intervals with a precision, resolved against an anchor date.

French and English. The words (months, weekdays, "dernier", "next", units…) are data
(`data/<lang>/time.tsv`); this module holds the few grammatical shapes they combine into.
An expression resolves to a `DateInterval(start, end, precision, text)`; relative ones need
an anchor (the publication date), absolute ones do not.
"""
from __future__ import annotations

import calendar

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .errors import ResourceError
from .intervals import (day_iv, month_iv, nearest_year, part_of, part_week, shifted, unit_interval, weekend,
                        year_of_weekday)
from .records import DateInterval

#: How far "dans les prochaines semaines" / "in the coming weeks" reaches: two of the units.
COMING_SPAN = 2
_DAY = r"(?P<day>[0-3]?\d)(?:er|re|st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"


@dataclass(frozen=True)
class TimeWords:
    """The time vocabulary of one language, read from its `time.tsv`."""

    lang: str
    months: dict[str, int]
    weekdays: dict[str, int]
    days: dict[str, int]
    past: frozenset[str]
    future: frozenset[str]
    units: dict[str, str]
    parts: dict[str, str]
    #: "dans la soirée", "this morning": a part of the day the narrative is on
    same_day: frozenset = frozenset()
    #: "ce jour-là", "that same day" (value `then`): the day last told, however long ago it was
    then_day: frozenset = frozenset()
    #: "le lendemain", "the previous day": days from the day the narrative is on
    shift_days: dict = field(default_factory=dict)
    #: "plus tard", "earlier" after "deux jours": the direction of a shift from the narrative's day
    shift_dirs: dict = field(default_factory=dict)
    #: "de la même année", "l'année suivante", "the following year": years from the year last told
    shift_years: dict = field(default_factory=dict)
    #: "printemps", "summer" → (first month, first day, last month, last day) of the season
    seasons: dict = field(default_factory=dict)

    @classmethod
    def from_rows(cls, lang: str, rows: list[dict[str, str]]) -> "TimeWords":
        by: dict[str, dict[str, str]] = {}
        for r in rows:
            by.setdefault(r["kind"], {})[r["form"].lower()] = r["value"]
        return cls(
            lang=lang,
            months={k: int(v) for k, v in by.get("month", {}).items()},
            weekdays={k: int(v) for k, v in by.get("weekday", {}).items()},
            days={k: int(v) for k, v in by.get("day", {}).items()},
            past=frozenset(by.get("past", {})),
            future=frozenset(by.get("future", {})),
            units=dict(by.get("unit", {})),
            parts=dict(by.get("part", {})),
            same_day=frozenset(by.get("same_day", {})),
            then_day=frozenset(k for k, v in by.get("same_day", {}).items() if v == "then"),
            shift_days={k: int(v) for k, v in by.get("shift_day", {}).items()},
            shift_dirs={k: int(v) for k, v in by.get("shift_dir", {}).items()},
            shift_years={k: int(v) for k, v in by.get("shift_year", {}).items()},
            seasons={k: _season_bounds(k, v) for k, v in by.get("season", {}).items()},
        )


def _season_bounds(form: str, value: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """"03-20/06-20" → ((3, 20), (6, 20))."""
    try:
        a, b = value.split("/")
        return tuple(int(x) for x in a.split("-")), tuple(int(x) for x in b.split("-"))  # type: ignore[return-value]
    except ValueError:
        raise ResourceError(f"time.tsv: season {form!r} needs a value like 03-20/06-20, not {value!r}") from None


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@dataclass(frozen=True)
class Found:
    """A time expression found in a text, with its character span."""

    start: int
    end: int
    text: str
    kind: str
    groups: dict[str, str | None]


class TimeParser:
    """Finds and resolves time expressions of one language."""

    def __init__(self, words: TimeWords):
        self.w = words
        mon, wd = _alt(words.months), _alt(words.weekdays)
        past, fut = _alt(words.past), _alt(words.future)
        units = _alt(words.units)
        days = _alt(words.days)
        part = _alt(words.parts)
        m = rf"(?P<month>{mon})\.?"
        same = [("same_day", rf"(?<![\w-])(?:{_alt(words.same_day)})(?![\w-])")] if words.same_day else []
        opt_wd = rf"(?:(?P<weekday>{wd}),?\s+)?"
        # "le lendemain", "deux jours plus tard", "the next day": from the narrative's day
        shifts = [("shift", rf"\b(?P<n>{_NUM_WORDS})\s+(?P<unit>{units})\s+(?P<sdir>{_alt(words.shift_dirs)})\b")] \
            if words.shift_dirs else []
        shifts += [("shift", rf"(?<![\w-])(?P<sday>{_alt(words.shift_days)})\b(?!\s+(?:{_SHIFT_STOP})\b)")] \
            if words.shift_days else []
        # "en janvier de la même année", "l'année suivante", "in May of the same year": from the
        # year the narrative last told
        if words.shift_years:
            lead = r"(?:(?:en|dès|début|fin|mi|in|early|late)[\s-]+)?" 
            shifts.insert(0, ("year_shift", rf"\b{lead}(?:{m}\s+)?(?P<syear>{_alt(words.shift_years)})\b"))
        seasons = []
        if words.seasons:  # "au printemps 2022", "l'été dernier", "cet hiver", "last summer"
            sea = rf"(?P<season>{_alt(words.seasons)})"
            lead_in = r"(?:(?:au|en|du|le|à\s+l['’]|de\s+l['’]|l['’])\s*)?" if words.lang == "fr" else r"(?:(?:in|of)\s+)?(?:the\s+)?"
            seasons = [("season", rf"\b{lead_in}{sea}\s+(?:(?:de\s+l['’]année|of)\s+)?{_YEAR}\b"),
                       ("season", rf"\b{lead_in}{sea}\s+(?P<dir>{past}|{fut})\b"),
                       ("season", rf"\b(?P<dir>{past}|{fut})\s+{sea}\b"),
                       ("season", rf"\b(?:cet|ce|this)\s+{sea}\b")]
        if words.lang == "fr":
            shapes = [*[sh for sh in shifts if sh[0] == "year_shift"], *seasons,
                ("day_range", rf"\b(?:du\s+)?(?P<d1>[0-3]?\d)(?:er)?\s*(?:au|-|–|et)\s*(?P<d2>[0-3]?\d)\s+{m}(?:\s+{_YEAR})?"),
                ("day_range2", rf"\bdu\s+(?P<d1>[0-3]?\d)(?:er)?\s+(?P<m1>{mon})\.?(?:\s+(?P<y1>(?:19|20)\d\d))?\s+au\s+(?P<d2>[0-3]?\d)(?:er)?\s+(?P<m2>{mon})\.?(?:\s+(?P<y2>(?:19|20)\d\d))?"),
                ("day_range", rf"\bentre\s+le\s+(?P<d1>[0-3]?\d)(?:er)?\s+et\s+le\s+(?P<d2>[0-3]?\d)\s+{m}(?:\s+{_YEAR})?"),
                ("full", rf"\b{opt_wd}{_DAY}\s+{m}(?:\s+{_YEAR})?(?:\s+(?P<dir>{past}|{fut})\b)?"),
                ("full", rf"\b{m}\s+{_DAY},\s+{_YEAR}\b"),  # "juin 23, 2025" (a CMS's English order)
                ("numeric", r"\b(?P<day>[0-3]?\d)(?:er)?[/.](?P<mon>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),
                ("numeric", r"\b(?P<day>[0-3]?\d)-(?P<mon>[01]?\d)-(?P<year>(?:19|20)\d\d)\b"),
                ("numeric", r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
                ("month_rel", rf"\b(?:en\s+|au\s+mois\s+d['’])?{m}\s+(?P<dir>{past}|{fut})\b"),
                ("month_year", rf"\b(?:(?P<part>{part})[\s-]+|en\s+|au\s+mois\s+de\s+)?{m}\s+{_YEAR}"),
                ("part_month", rf"\b(?P<part>{part})[\s-]+{m}\b"),
                ("month", rf"\b(?:en|(?:au|du|le)\s+mois\s+d['’]?e?|courant)\s*{m}\b"),
                ("since_year", rf"\bdepuis\s+{_YEAR}\b"),
                ("year_range", r"\b(?P<y1>(?:19|20)\d\d)\s*[-–/]\s*(?P<y2>(?:19|20)\d\d)\b"),
                ("part_year", rf"\b(?P<part>{part})[\s-]+{_YEAR}\b"),
                ("year", rf"\b(?:en|année|l['’]année)\s+{_YEAR}\b"),
                ("offset", rf"\b(?P<n>{_NUM_WORDS})\s+(?P<unit>{units})\s+(?P<rel>après|avant)\b(?!\s*[,.;:])"),
                ("offset", r"\b(?:au\s+)?(?P<rel>lendemain)\s+(?:de|du|des|d')"),
                ("offset", r"\b(?:à\s+)?la\s+(?P<rel>veille)\s+(?:de|du|des|d')"),
                *shifts,
                ("wd_range", rf"\b(?:de|du)\s+(?P<wd1>{wd})\s+(?:à|au)\s+(?P<wd2>{wd})\b"),
                ("part_week", rf"\ben\s+(?P<part>{part}|milieu)\s+de\s+semaine(?:\s+(?P<dir>{past}|{fut}))?\b"),
                ("ago", rf"\bil\s+y\s+a\s+(?P<n>\d+|un|une|deux|trois|quatre|cinq|six)\s+(?P<unit>{units})\b"),
                ("coming", rf"\b(?:dans|au\s+cours\s+des)\s+(?:les\s+)?(?:{fut})\s+(?P<unit>{units})\b"),
                ("in_n", rf"\bdans\s+(?P<n>\d+|un|une|deux|trois|quatre|cinq|six)\s+(?P<unit>{units})\b"),
                ("unit_rel", rf"\b(?:la|le|l['’]|les|cette|ce|cet|du|de\s+la|de\s+l['’])\s*(?P<unit>{units})\s+(?P<dir>{past}|{fut})\b"),
                ("this_unit", rf"\b(?:cette|ce|cet)\s+(?P<unit>{units})\b(?![-\s]l[àa]\b)"),
                # "dans le courant du mois", "au cours de la semaine": the one the report is in
                ("this_unit", (rf"\b(?:dans\s+le\s+courant|au\s+cours)\s+(?:du|de\s+la|de\s+l['’])\s*(?P<unit>{units})\b"
                               rf"(?!\s+(?:de|d['’]|du|des|{past}|{fut})\b)")),
                ("this_unit", r"\b(?:au\s+cours\s+du|pendant\s+le|durant\s+le)\s+(?P<unit>week-end|weekend)\b"),
                ("since_day", rf"\bdepuis\s+(?:(?P<weekday>{wd})(?:\s+(?P<dir>{past}))?|(?P<rday>{days}))\b"),
                ("weekday", rf"\b(?:ce\s+|le\s+)?(?P<weekday>{wd})(?:\s+(?P<dir>{past}|{fut}))?\b"),
                ("rel_day", rf"(?<![\w-])(?P<rday>{days})(?![\w-])"),
                *same,
            ]
        else:
            shapes = [*[sh for sh in shifts if sh[0] == "year_shift"], *seasons,
                ("day_range", rf"\b{m}\s+(?P<d1>[0-3]?\d)\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)(?:,?\s+{_YEAR})?"),
                ("day_range", rf"\b(?P<d1>[0-3]?\d)\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)\s+{m}(?:\s+{_YEAR})?"),
                ("full", rf"\b{opt_wd}{m}\s+{_DAY}(?:,?\s+{_YEAR})?\b(?!\s*(?:last|next)\s+year)"),
                ("full", rf"\b{opt_wd}{_DAY}\s+{m}(?:,?\s+{_YEAR})?"),
                ("full_rel_year", rf"\b{m}\s+{_DAY}\s+(?P<dir>{past}|{fut})\s+year\b"),
                ("numeric", r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
                ("month_rel", rf"\b(?P<dir>{past}|{fut})\s+{m}\b"),
                ("month_year", rf"\b(?:(?P<part>{part})[\s-]+|in\s+)?{m}\s+{_YEAR}"),
                ("part_month", rf"\b(?P<part>{part})[\s-]+{m}\b"),
                ("month", rf"\bin\s+{m}\b"),
                ("since_year", rf"\bsince\s+{_YEAR}\b"),
                ("year_range", r"\b(?P<y1>(?:19|20)\d\d)\s*[-–/]\s*(?P<y2>(?:19|20)\d\d)\b"),
                ("part_year", rf"\b(?:the\s+)?(?P<part>{part})(?:[\s-]+of)?[\s-]+{_YEAR}\b"),
                ("year", rf"\bin\s+{_YEAR}\b"),
                ("offset", rf"\b(?P<n>{_NUM_WORDS})\s+(?P<unit>{units})\s+(?P<rel>after|before)\b"),
                ("offset", r"\bthe\s+day\s+(?P<rel>after|before)\b(?!\s+(?:yesterday|tomorrow))(?!\s*[,.;:])"),
                ("offset", r"\bon\s+the\s+(?P<rel>eve)\s+of\b"),
                *shifts,
                ("wd_range", rf"\b(?:from\s+)?(?P<wd1>{wd})\s+(?:to|into)\s+(?P<wd2>{wd})\b"),
                ("part_week", rf"\b(?P<part>{part}|earlier)\s+(?P<which>this|last|next)\s+week\b"),
                ("ago", rf"\b(?P<n>\d+|a|an|one|two|three|four|five|six)\s+(?P<unit>{units})\s+ago\b"),
                ("coming", rf"\b(?:in|over|within)\s+the\s+(?:{fut})\s+(?P<unit>{units})\b"),
                ("in_n", rf"\bin\s+(?P<n>\d+|a|one|two|three|four|five|six)\s+(?P<unit>{units})\b"),
                ("unit_rel", rf"\b(?P<dir>{past}|{fut})\s+(?P<unit>{units})\b"),
                ("this_unit", rf"\bthis\s+(?P<unit>{units})\b"),
                ("this_unit", r"\b(?:over|during|at)\s+the\s+(?P<unit>weekend|week-end)\b"),
                ("since_day", rf"\bsince\s+(?:(?P<dir>{past})\s+)?(?:(?P<weekday>{wd})|(?P<rday>{days}))\b"),
                ("weekday", rf"\b(?:(?P<dir>{past}|{fut})\s+)?(?P<weekday>{wd})\b"),
                ("rel_day", rf"\b(?P<rday>{days})\b"),
                *same,
            ]
        self.shapes = [(kind, re.compile(rx, re.IGNORECASE)) for kind, rx in shapes]

    # -- finding --------------------------------------------------------------------------
    def find(self, text: str) -> list[Found]:
        """All time expressions in `text`, longest first, never overlapping."""
        hits: list[Found] = []
        taken: list[tuple[int, int]] = []
        text = text.replace("’", "'")  # same length: offsets stay true
        for kind, rx in self.shapes:
            for mt in rx.finditer(text):
                s, e = mt.span()
                if any(s < te and ts < e for ts, te in taken):
                    continue
                g = mt.groupdict()
                if kind == "full" and not _valid_day(g.get("day")):
                    continue
                if g.get("month") and not self._month_word_ok(g["month"], kind):
                    continue
                taken.append((s, e))
                hits.append(Found(s, e, mt.group(0).strip(), kind, g))
        return sorted(hits, key=lambda f: f.start)

    def _month_word_ok(self, word: str, kind: str) -> bool:
        """English months are capitalised ("may", "march" are verbs and nouns); a French
        "sept" without a day next to it is the number seven."""
        if self.w.lang == "en":
            return word[:1].isupper()
        return not (word.lower() == "sept" and kind in ("month_rel", "month", "part_month"))

    # -- resolving ------------------------------------------------------------------------
    def after(self, offset: Found, day: date) -> DateInterval:
        """"au lendemain du coup d'État du 30 août", "ten days after the vote on May 3": the day
        an offset puts after (or before) the dated thing it names."""
        g = offset.groups
        n = _number(g.get("n")) or 1
        later = g["rel"].lower() in ("après", "after", "lendemain")
        unit = self.w.units.get((g.get("unit") or "").lower()) or "day"
        return unit_interval(day, unit, n if later else -n, offset.text, exact=True)

    def resolve(self, f: Found, anchor: date | None, *, future: bool = False) -> DateInterval:
        """The interval an expression denotes, seen from `anchor` (publication date)."""
        try:
            iv = self._resolve(f, anchor, future)
        except (ValueError, OverflowError):
            iv = None
        return iv or DateInterval(None, None, "unknown", f.text)

    def _season(self, bounds, year: int | None, d: str, anchor: date | None, t: str) -> DateInterval | None:
        """The season of a year named, else the last one ("dernier"), the next one, or the one
        nearest the anchor ("cet hiver"); a winter runs into the next year."""
        (m1, d1), (m2, d2) = bounds

        def of(y: int) -> DateInterval:
            y2 = y + (m2 < m1)  # (a last day past the month's end is its end: "02-29" in 2025)
            end = date(y2, m2, min(d2, calendar.monthrange(y2, m2)[1]))
            return DateInterval(date(y, m1, d1).isoformat(), end.isoformat(), "range", t)
        if year is not None:
            return of(year)
        if anchor is None:
            return None
        if d in self.w.past:
            y = anchor.year
            while of(y).end >= anchor.isoformat():
                y -= 1
            return of(y)
        if d in self.w.future:
            y = anchor.year - 1
            while of(y).start <= anchor.isoformat():
                y += 1
            return of(y)
        def away(iv: DateInterval) -> int:  # days from the anchor to the season (0 within it)
            a, b = date.fromisoformat(iv.start), date.fromisoformat(iv.end)
            return max((a - anchor).days, (anchor - b).days, 0)
        return min((of(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)), key=away)

    def _resolve(self, f: Found, anchor: date | None, future: bool) -> DateInterval | None:
        g, w, t = f.groups, self.w, f.text
        month = w.months.get((g.get("month") or "").lower().rstrip("."))
        year = int(g["year"]) if g.get("year") else None
        if f.kind == "numeric":
            d = date(int(g["year"]), int(g["mon"]), int(g["day"]))
            return day_iv(d, t)
        if f.kind == "full":
            day = int(g["day"])
            wd = w.weekdays.get((g.get("weekday") or "").lower())
            d = (g.get("dir") or "").lower()
            fut = d in w.future if d else future
            y = year or year_of_weekday(anchor, month, day, wd) or nearest_year(anchor, month, day, fut)
            return day_iv(date(y, month, day), t) if y else None
        if f.kind == "full_rel_year" and anchor:
            y = anchor.year + (1 if g["dir"].lower() in w.future else -1)
            return day_iv(date(y, month, int(g["day"])), t)
        if f.kind == "day_range2":
            m1, m2 = w.months[g["m1"].lower()], w.months[g["m2"].lower()]
            y2 = int(g["y2"]) if g.get("y2") else nearest_year(anchor, m2, int(g["d2"]), future)
            y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if y2 and m1 > m2 else y2)
            if not y1 or not y2:
                return None
            return DateInterval(date(y1, m1, int(g["d1"])).isoformat(), date(y2, m2, int(g["d2"])).isoformat(),
                                "range", t)
        if f.kind == "day_range":
            y = year or nearest_year(anchor, month, int(g["d1"]), future)
            if not y:
                return None
            return DateInterval(date(y, month, int(g["d1"])).isoformat(),
                                date(y, month, int(g["d2"])).isoformat(), "range", t)
        if f.kind == "month_year":
            return part_of(month_iv(year, month, t), g.get("part"), w)
        if f.kind == "part_month":
            y = nearest_year(anchor, month, 15, future)
            return part_of(month_iv(y, month, t), g.get("part"), w) if y else None
        if f.kind in ("month_rel", "month"):
            if not anchor:
                return None
            fut = (g.get("dir") or "").lower() in w.future if g.get("dir") else future
            if g.get("dir") and not fut:
                y = anchor.year if month < anchor.month else anchor.year - 1
            elif fut:
                y = anchor.year if month > anchor.month else anchor.year + 1
            else:
                y = anchor.year if month <= anchor.month else anchor.year - 1
            return month_iv(y, month, t)
        if f.kind == "since_year":
            if anchor is not None and year > anchor.year:
                return None  # "depuis 2025" in a 2024 text: a typo or another reckoning, no interval
            end = anchor.isoformat() if anchor else None
            return DateInterval(f"{year}-01-01", end, "range", t)
        if f.kind == "year_range":
            y1, y2 = int(g["y1"]), int(g["y2"])
            if not (0 < y2 - y1 <= 30):
                return None
            return DateInterval(f"{y1}-01-01", f"{y2}-12-31", "range", t)
        if f.kind == "part_year":
            return part_of(DateInterval(f"{year}-01-01", f"{year}-12-31", "year", t), g["part"], w)
        if f.kind == "year":
            return DateInterval(f"{year}-01-01", f"{year}-12-31", "year", t)
        if f.kind == "season":
            return self._season(w.seasons[g["season"].lower()], year, (g.get("dir") or "").lower(), anchor, t)
        if anchor is None:
            return None
        if f.kind == "same_day":  # the narrative's day is the caller's to give; alone, the anchor's
            return day_iv(anchor, t)
        if f.kind == "rel_day":
            return day_iv(anchor + timedelta(days=w.days[g["rday"].lower()]), t)
        if f.kind == "weekday":
            wd = w.weekdays[g["weekday"].lower()]
            d = (g.get("dir") or "").lower()
            fut = d in w.future if d else future
            if fut:
                # ("prévu dimanche" in a Sunday paper is today; a week ahead is "dimanche prochain")
                delta = (wd - anchor.weekday()) % 7 or (7 if d else 0)
                return day_iv(anchor + timedelta(days=delta), t)
            delta = (anchor.weekday() - wd) % 7
            if d in w.past and delta == 0:
                delta = 7
            return day_iv(anchor - timedelta(days=delta), t)
        if f.kind == "since_day":  # "depuis jeudi", "since yesterday": from that day to the report's
            one = Found(f.start, f.end, t, "weekday" if g.get("weekday") else "rel_day", g)
            d = self._resolve(one, anchor, False)
            return DateInterval(d.start, anchor.isoformat(), "range", t) if d and d.start <= anchor.isoformat() else None
        if f.kind == "wd_range":
            d1 = self._resolve(Found(f.start, f.end, t, "weekday", {"weekday": g["wd1"]}), anchor, future)
            start = date.fromisoformat(d1.start)
            end = start + timedelta(days=(w.weekdays[g["wd2"].lower()] - start.weekday()) % 7)
            return DateInterval(start.isoformat(), end.isoformat(), "range", t)
        if f.kind == "part_week":
            return part_week(anchor, g, w, future, t)
        unit = w.units.get((g.get("unit") or "").lower())
        if unit == "weekend":
            return weekend(anchor, g, w, future, t)
        if f.kind == "year_shift":
            # (the caller passes a day of the year the narrative last told as anchor)
            year = anchor.year + w.shift_years[re.sub(r"\s+", " ", g["syear"].lower())]
            month = w.months.get((g.get("month") or "").lower().rstrip("."))
            return month_iv(year, month, t) if month else DateInterval(f"{year}-01-01", f"{year}-12-31", "year", t)
        if f.kind == "shift":
            # (the caller passes the day the narrative is on as anchor)
            if g.get("sday"):
                return day_iv(anchor + timedelta(days=w.shift_days[g["sday"].lower()]), t)
            n = _number(g.get("n")) or 1
            return unit_interval(anchor, unit or "day", n * w.shift_dirs[re.sub(r"\s+", " ", g["sdir"].lower())], t,
                                  exact=True)
        if f.kind == "this_unit":
            return unit_interval(anchor, unit, 0, t)
        if f.kind == "unit_rel":
            step = 1 if g["dir"].lower() in w.future else -1
            return unit_interval(anchor, unit, step, t)
        n = _number(g.get("n"))
        if f.kind == "offset":
            # "dix jours après la décision": what follows happened N units before the anchor
            # (the caller passes the day of the sentence's own event as anchor)
            before = g["rel"].lower() in ("après", "after", "lendemain")
            return unit_interval(anchor, unit or "day", -(n or 1) if before else (n or 1), t, exact=True)
        if f.kind == "ago" and n:
            return unit_interval(anchor, unit, -n, t, exact=True)
        if f.kind == "in_n" and n:
            return unit_interval(anchor, unit, n, t, exact=True)
        if f.kind == "coming":
            end = shifted(anchor, unit, COMING_SPAN)
            return DateInterval(anchor.isoformat(), end.isoformat(), "range", t)
        return None


_NUMBERS = {"un": 1, "une": 1, "a": 1, "an": 1, "one": 1, "deux": 2, "two": 2, "trois": 3,
            "three": 3, "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7,
            "huit": 8, "eight": 8, "neuf": 9, "nine": 9, "dix": 10, "ten": 10, "quinze": 15, "fifteen": 15}
_NUM_WORDS = r"\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen"


#: What follows "le lendemain" / "the day before" when it is the day after something named
#: ("au lendemain de l'attaque" is an offset, not a shift of the narrative's day).
_SHIFT_STOP = r"de|du|d'|des|of|the|a|an|his|her|its|their|yesterday|tomorrow"

def _number(s: str | None) -> int | None:
    if not s:
        return None
    return int(s) if s.isdigit() else _NUMBERS.get(s.lower())



def _valid_day(s: str | None) -> bool:
    return bool(s) and 1 <= int(s) <= 31



def first_full_date(parser: TimeParser, text: str) -> date | None:
    """The first complete day date (with year) written in `text`, or None."""
    for f in parser.find(text):
        if f.kind in ("full", "numeric") and f.groups.get("year"):
            iv = parser.resolve(f, None)
            if iv.precision == "day":
                return date.fromisoformat(iv.start)
    return None


def inside(inner: DateInterval, outer_start: str, outer_end: str) -> bool:
    """Is `inner` within [outer_start, outer_end] (ISO strings)?"""
    return bool(inner.start and inner.end) and outer_start <= inner.start and inner.end <= outer_end
