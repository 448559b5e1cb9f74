"""intervals: calendar arithmetic for time expressions — a day, a month, a part of a month or
of a week, a weekend, N units back or ahead of a day, and which year a day-and-month without
one falls in. Pure functions of dates; `dates` finds the expressions and calls them."""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .records import DateInterval

if TYPE_CHECKING:
    from .dates import TimeWords

#: Days (from Monday) each part of a week covers: early, middle, late.
_WEEK_PARTS = {"begin": (0, 1), "middle": (2, 3), "end": (4, 6)}


def part_week(anchor: date | None, g: dict, w: TimeWords, future: bool, text: str) -> DateInterval | None:
    """"en début de semaine", "late last week", "earlier this week": part of a week, as a range."""
    if anchor is None:
        return None
    which = (g.get("which") or "").lower()
    d = (g.get("dir") or "").lower()
    step = -1 if which == "last" or d in w.past else 1 if which == "next" or d in w.future else 0
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
    part = (g.get("part") or "").lower()
    if part == "earlier":  # "earlier this week": from Monday to the day before the anchor
        return DateInterval(monday.isoformat(), max(monday, anchor - timedelta(days=1)).isoformat(), "range", text)
    lo, hi = _WEEK_PARTS[w.parts.get(part, "middle")]
    s, e = monday + timedelta(days=lo), monday + timedelta(days=hi)
    if step == 0 and not future and s > anchor:
        s, e = s - timedelta(weeks=1), e - timedelta(weeks=1)  # "en fin de semaine" told on a Monday
    return DateInterval(s.isoformat(), e.isoformat(), "range", text)


def weekend(anchor: date | None, g: dict, w: TimeWords, future: bool, text: str) -> DateInterval | None:
    """"ce week-end", "le week-end dernier", "next weekend": a Saturday and Sunday."""
    if anchor is None:
        return None
    d = (g.get("dir") or "").lower()
    saturday = anchor + timedelta(days=5 - anchor.weekday())  # this week's
    if d in w.past or not d and not future and saturday > anchor:
        saturday -= timedelta(weeks=1)
    elif d in w.future and saturday <= anchor:
        saturday += timedelta(weeks=1)
    return DateInterval(saturday.isoformat(), (saturday + timedelta(days=1)).isoformat(), "range", text)


def day_iv(d: date, text: str) -> DateInterval:
    return DateInterval(d.isoformat(), d.isoformat(), "day", text)


def month_iv(year: int, month: int, text: str) -> DateInterval:
    last = calendar.monthrange(year, month)[1]
    return DateInterval(f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}", "month", text)


def part_of(iv: DateInterval, part: str | None, w: TimeWords) -> DateInterval:
    """"début/mi/fin" of a month or year: a third of it, as a range."""
    which = w.parts.get((part or "").lower())
    if not which:
        return iv
    s, e = date.fromisoformat(iv.start), date.fromisoformat(iv.end)
    third = (e - s).days // 3
    if which == "begin":
        e = s + timedelta(days=third)
    elif which == "middle":
        s, e = s + timedelta(days=third), s + timedelta(days=2 * third + 1)
    else:
        s = e - timedelta(days=third)
    return DateInterval(s.isoformat(), e.isoformat(), "range", iv.text)


def nearest_year(anchor: date | None, month: int, day: int, future: bool) -> int | None:
    """Year of a day-month without year: the occurrence nearest the anchor, in the past
    unless the clause speaks of the future."""
    if anchor is None:
        return None
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = date(y, month, min(day, calendar.monthrange(y, month)[1]))
        except ValueError:
            continue
        gap = (d - anchor).days
        # a past clause speaks of a past day, a future clause of a coming one (a week of slack
        # for datelines and announcements)
        penalty = 1000 if (not future and gap > 7) or (future and gap < -7) else 0
        score = abs(gap) + penalty
        if best is None or score < best[0]:
            best = (score, y)
    return best[1] if best else None


def year_of_weekday(anchor: date | None, month: int, day: int, weekday: int | None) -> int | None:
    """"mercredi 10 août" without a year: the year near the anchor where that day is a Wednesday."""
    if anchor is None or weekday is None:
        return None
    for y in (anchor.year, anchor.year - 1, anchor.year + 1, anchor.year - 2, anchor.year - 3):
        try:
            if date(y, month, day).weekday() == weekday:
                return y
        except ValueError:
            continue
    return None


def shifted(d: date, unit: str | None, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        m = d.month - 1 + n
        y, m = d.year + m // 12, m % 12 + 1
        return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    if unit == "year":
        return date(d.year + n, d.month, min(d.day, calendar.monthrange(d.year + n, d.month)[1]))
    raise ValueError(f"unknown unit {unit!r}")


def unit_interval(anchor: date, unit: str | None, n: int, text: str, *, exact: bool = False) -> DateInterval:
    """The day/week/month/year n units from the anchor; `exact` keeps the day for "il y a N"."""
    d = shifted(anchor, unit, n)
    if unit == "day" or (exact and unit == "week"):
        if unit == "week":
            s = d - timedelta(days=d.weekday())
            return DateInterval(s.isoformat(), (s + timedelta(days=6)).isoformat(), "week", text)
        return day_iv(d, text)
    if unit == "week":
        s = d - timedelta(days=d.weekday())
        return DateInterval(s.isoformat(), (s + timedelta(days=6)).isoformat(), "week", text)
    if unit == "month":
        return month_iv(d.year, d.month, text)
    if unit == "year":
        return DateInterval(f"{d.year}-01-01", f"{d.year}-12-31", "year", text)
    raise ValueError(f"unknown unit {unit!r}")
