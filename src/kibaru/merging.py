"""Mentions of one event inside an article (headline, lead, body) merged into one."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from .records import DateInterval, EventMention
from .scores import plover_score

def _compatible_dates(a: DateInterval, b: DateInterval, headline: bool = False) -> bool:
    """Dates that can be one event's: overlapping, or a headline's inferred date (a headline in
    the present is stamped with the publication day; the lead says "samedi")."""
    if a.precision == "unknown" or b.precision == "unknown":
        return True
    if period_against_date(a, b):
        return False  # "depuis 2023, des visites…" is no mention of the visit of that one day
    if headline and (a.text is None or b.text is None):
        return True
    return a.start <= b.end and b.start <= a.end


#: A period longer than this (a year, "depuis 2023") holds many events: no one day's mention.
MERGE_SPAN_DAYS = 31


def period_against_date(a: DateInterval, b: DateInterval) -> bool:
    """A period longer than a month against a date of another precision: not one event's."""
    return a.precision != b.precision and max(_days(a), _days(b)) > MERGE_SPAN_DAYS


def _days(d: DateInterval) -> int:
    return (date.fromisoformat(d.end) - date.fromisoformat(d.start)).days if d.start and d.end else 0


def _persons(em: EventMention) -> set[str]:
    return {p.actor_id for p in em.actor + em.recipient if p.actor_id and p.role is not None}


def _sides(em: EventMention) -> tuple[frozenset, frozenset]:
    return frozenset(p.code for p in em.actor if p.code), frozenset(p.code for p in em.recipient if p.code)


def _headline_part(a: EventMention, b: EventMention) -> bool:
    """"Retrait du Statut de Rome" over "le Burkina, le Mali et le Niger se retirent du Statut
    de Rome": a headline names fewer of the parties than the report it heads."""
    head, body = (a, b) if a.evidence[0].start == 0 else (b, a) if b.evidence[0].start == 0 else (None, None)
    if head is None:
        return False
    (ha, hr), (bda, bdr) = _sides(head), _sides(body)
    return hr == bdr and ha <= bda


def _same_event(a: EventMention, b: EventMention) -> bool:
    if a.event != b.event or a.status != b.status or a.codes != b.codes and not _headline_part(a, b):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    (aa_, ar), (ba, br) = _sides(a), _sides(b)
    if a.event in RECIPROCAL and aa_ and ar and ba and br and not aa_ & ba \
            and not (_is_lone_headline(a) or _is_lone_headline(b)):
        return False  # "le Burkina accuse le Mali… Bamako accuse Ouagadougou": two accusations
    if a.evidence[0].sentence == b.evidence[0].sentence and a.date != b.date:
        return False  # one sentence, two days: two events ("lundi puis à nouveau mardi")
    if not _compatible_dates(a.date, b.date, headline=_is_lone_headline(a) or _is_lone_headline(b)):
        return False
    qa, qb = {(q.value, q.unit) for q in a.quantities}, {(q.value, q.unit) for q in b.quantities}
    if (qa or qb) and qa != qb:
        return False
    # named people make events distinct: the arrival of X and X's audience with Y are two
    # (a headline names fewer people than the report it heads; two sentences of the body,
    # one naming people, the other none, may tell two meetings of one visit)
    pa, pb = _persons(a), _persons(b)
    return pa == pb or (not pa or not pb) and (_is_headline(a) or _is_headline(b))


#: Acts that two sides often do to each other in one story (an accusation answered by one).
RECIPROCAL = frozenset({"ACCUSE", "THREATEN", "REJECT"})


def _is_lone_headline(em: EventMention) -> bool:
    """A headline's mention alone, whose date (if any) is only the publication day's."""
    return em.evidence[0].start == 0 and len(em.evidence) == 1


def _is_headline(em: EventMention) -> bool:
    """The article's first line, short and without a full stop: a title."""
    ev = em.evidence[0]
    text = ev.sentence.strip()
    return ev.start == 0 and len(text) <= HEADLINE_CHARS and not text.endswith(".")


#: A title is at most this long.
HEADLINE_CHARS = 160


def merge_mentions(mentions: list[EventMention]) -> list[EventMention]:
    """Mentions of the same event in one article (headline, lead, body) become one."""
    out: list[EventMention] = []
    for m in mentions:
        for i, o in enumerate(out):
            if _same_event(o, m):
                out[i] = _combine(o, m)
                break
        else:
            out.append(m)
    return out


def _finer_place(a, b):
    """Of two places named for one event, the one GeoNames knows as a town ("Moscou") over a
    country ("Visite en Russie") or an unlisted name."""
    if a is None or b is None:
        return a or b
    return b if b.geonameid and not a.geonameid else a


def _combine(a: EventMention, b: EventMention) -> EventMention:
    better_date = min((a.date, b.date), key=lambda d: (d.precision == "unknown", d.text is None, d.precision != "day"))
    # the directed statement (with a recipient) says who did what to whom better
    sides = max((a, b), key=lambda m: (bool(m.recipient), len(_persons(m)), len(m.codes)))
    return replace(
        a,
        mode=a.mode or b.mode,
        actor=sides.actor,
        recipient=sides.recipient,
        date=better_date,
        location=_finer_place(a.location, b.location),
        context=tuple(dict.fromkeys(a.context + b.context)),
        evidence=a.evidence + b.evidence,
        confidence=max(a.confidence, b.confidence),
        score=plover_score(a.event, a.mode or b.mode),
    )


