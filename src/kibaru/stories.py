"""stories: articles about the same happening grouped; mentions of one event merged across
articles into one `Event`; disagreements between outlets recorded as `Discrepancy`s.

Articles are linked when they state the same core event — same category (read the PLOVER
way), same participants, dates that agree — close to their own date. Background events
("depuis 2023, …") are not core and link nothing. Candidate pairs come from an index keyed
by (category, participants), never from comparing every pair of articles.

Events inside one country (an attack in Bamako: MLI against MLI) have one participant code
and link nothing that way; articles are also linked when, published within `NAME_DAYS` of
each other, they share at least `SHARED_NAMES` rare proper names — names found in at most
`RARE_NAME_ARTICLES` articles of the store ("Faladié", a commander's name), candidates coming
from an index by name — or one such name when both also state an event of the same category
on the same day (outlets naming the attacked neighbourhood, each with other details: a common
word capitalised in a name, "Groupe de soutien…", is rare only in a small store).
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from .claims import claim_discrepancies
from .discrepancies import event_discrepancies, figure_discrepancies
from .merging import period_against_date
from .records import DateInterval, Event, Evidence, Participant, Place, Quantity, Story
from .scores import plover_event, plover_score

#: An event dated within this many days of its article's date is "core" to the article.
CORE_WINDOW_DAYS = 10
#: Reports of one event whose days differ by at most this much are one event, in disagreement.
DISAGREEMENT_DAYS = 3
#: Articles whose dates are further apart than this are not one story.
STORY_WINDOW_DAYS = 21
#: Articles published this close that share `SHARED_NAMES` rare proper names are one story.
NAME_DAYS = 3
SHARED_NAMES = 2
RARE_NAME_ARTICLES = 3
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_SENT = re.compile(r"(?<=[.!?:;«»\"])\s+|\n+")


@dataclass
class _Mention:
    row: dict
    key: tuple
    start: str | None
    end: str | None


def _sha(*parts) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def _codes(m: dict) -> frozenset[str]:
    return frozenset(p["code"] for p in m["actor"] + m["recipient"] if p.get("code"))


def _article_day(a: dict, ms: list[dict]) -> date | None:
    if a.get("published"):
        return date.fromisoformat(a["published"][:10])
    days = sorted(m["date_start"] for m in ms if m.get("date_precision") == "day" and m.get("date_start"))
    return date.fromisoformat(days[len(days) // 2][:10]) if days else None


def _is_core(m: dict, day: date | None) -> bool:
    if day is None or not m.get("date_start"):
        return m.get("date_precision") in (None, "unknown")
    s, e = date.fromisoformat(m["date_start"][:10]), date.fromisoformat(m["date_end"][:10])
    return (s - day).days <= CORE_WINDOW_DAYS and (day - e).days <= CORE_WINDOW_DAYS


#: The lead: headline and first paragraphs, up to this many paragraphs of some length.
LEAD_PARAGRAPHS = 2
LEAD_PARAGRAPH_CHARS = 120


def _lead_end(text: str) -> int:
    """Where an article's lead ends: after its first `LEAD_PARAGRAPHS` real paragraphs (the
    headline and short lines before them included). What an article links to other reports
    by is what it leads with; an event recalled further down ("dix jours après la décision
    de Niamey…") is background, even when recent."""
    pos, seen = 0, 0
    for line in text.split("\n"):
        pos += len(line) + 1
        if len(line.strip()) >= LEAD_PARAGRAPH_CHARS:
            seen += 1
            if seen == LEAD_PARAGRAPHS:
                return pos
    return pos


def _first_said(m: dict) -> int:
    ev = m.get("evidence") or []
    return min((e.get("start") or 0 for e in ev), default=0)


class _Union:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_stories(articles: list[dict], mentions: list[dict]):
    """(stories, events, discrepancies, article→story) from all stored articles and mentions."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        by_article[m["article_id"]].append(m)
    day = {a["id"]: _article_day(a, by_article[a["id"]]) for a in articles}
    uf = _Union()
    # blocking: (core event key, week) → the last article seen with it; linking a new article
    # to one member of each nearby block gives the same stories as comparing all pairs.
    index: dict[tuple, str] = {}
    weeks = STORY_WINDOW_DAYS // 7
    for a in sorted(articles, key=lambda a: (day[a["id"]] or date.min, a["id"])):
        uf.find(a["id"])
        if a.get("duplicate_of"):
            uf.union(a["id"], a["duplicate_of"])
            continue
        lead = _lead_end(a.get("text") or "")
        keys = {(plover_event(m["event"], m["status"]), _codes(m)) for m in by_article[a["id"]]
                if len(_codes(m)) >= 2 and _is_core(m, day[a["id"]]) and _first_said(m) < lead}
        d = day[a["id"]]
        week = d.toordinal() // 7 if d else None
        for k in keys:
            for w in ([None] if week is None else range(week - weeks, week + 1)):
                other = index.get((k, w))
                if other is not None and (d is None or day[other] is None
                                          or abs((d - day[other]).days) <= STORY_WINDOW_DAYS):
                    uf.union(a["id"], other)
            index[(k, week)] = a["id"]
    acts = {a["id"]: {(plover_event(m["event"], m["status"]), m["date_start"]) for m in by_article[a["id"]]
                      if m["date_precision"] == "day" and m.get("date_text") and m["status"] != "negated"}
            for a in articles}
    _link_by_names(articles, day, uf, acts)
    groups: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        groups[uf.find(a["id"])].append(a)
    stories, events, discrepancies, article_story = [], [], [], {}
    for members in groups.values():
        ids = sorted(a["id"] for a in members)
        sid = _sha("story", ids[0])
        for a in members:
            article_story[a["id"]] = sid
        ms = [m for a in members for m in by_article[a["id"]]]
        evs, discs = _merge_events(sid, members, ms)
        events.extend(evs)
        discrepancies.extend(discs)
        discrepancies.extend(_new(discs, figure_discrepancies(sid, members, day)))
        discrepancies.extend(_new(discs, claim_discrepancies(sid, members, day, ms)))
        days = sorted(d.isoformat() for a in members if (d := day[a["id"]]))
        codes = sorted({c for m in ms for c in _codes(m)})
        first = min(members, key=lambda a: (a.get("published") or "9999", a["id"]))
        stories.append(Story(sid, first.get("title") or (first["text"][:80] + "…"), tuple(ids),
                             days[0] if days else None, days[-1] if days else None, tuple(codes)))
    return stories, events, discrepancies, article_story


def proper_names(text: str) -> set[str]:
    """Capitalised words of four letters or more that do not open a sentence (a sentence's
    first word is capitalised whatever it is); all-capital words (datelines, acronyms) aside."""
    out = set()
    for sent in _SENT.split(text):
        for w in _TOKEN.findall(sent)[1:]:
            if len(w) >= 4 and w[0].isupper() and not w.isupper():
                out.add(w)
    return out


def _link_by_names(articles: list[dict], day: dict, uf: _Union, acts: dict | None = None) -> None:
    names = {a["id"]: proper_names(a.get("text") or "") for a in articles if not a.get("duplicate_of") and day[a["id"]]}
    holders: dict[str, list[str]] = defaultdict(list)
    for aid, ns in names.items():
        for n in ns:
            holders[n].append(aid)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for n, ids in holders.items():
        if 2 <= len(ids) <= RARE_NAME_ARTICLES:
            for i, x in enumerate(sorted(ids)):
                for y in sorted(ids)[i + 1:]:
                    shared[(x, y)] += 1
    for (x, y), k in shared.items():
        same_act = bool(acts and acts.get(x, set()) & acts.get(y, set()))
        if (k >= SHARED_NAMES or same_act) and abs((day[x] - day[y]).days) <= NAME_DAYS:
            uf.union(x, y)


def _compatible(a: dict, b: dict) -> bool:
    """Two mentions can be one event: their dates overlap, or are days a few days apart —
    outlets disagreeing on the day (a discrepancy worth recording, not two events)."""
    if a["date_precision"] == "unknown" or b["date_precision"] == "unknown" or not a["date_start"] or not b["date_start"]:
        return True
    if a["date_precision"] != b["date_precision"] and period_against_date(*(
            DateInterval(str(m["date_start"])[:10], str(m["date_end"] or m["date_start"])[:10], m["date_precision"], None)
            for m in (a, b))):
        return False
    if a["date_start"] <= b["date_end"] and b["date_start"] <= a["date_end"]:
        return True
    if a["date_precision"] == b["date_precision"] == "day":
        gap = abs((date.fromisoformat(a["date_start"][:10]) - date.fromisoformat(b["date_start"][:10])).days)
        return gap <= DISAGREEMENT_DAYS
    return False


def _merge_events(sid: str, members: list[dict], ms: list[dict]):
    outlets = {a["id"]: (a.get("outlet") or a.get("url") or a["id"]) for a in members}
    dup = {a["id"] for a in members if a.get("duplicate_of")}
    clusters: list[list[dict]] = []
    by_key: dict[tuple, list[tuple[list[dict], set[str], list]]] = defaultdict(list)
    # (an article's dated mentions first: a day's event finds its day's cluster before a
    # mention dated by a vaguer period does)
    for m in sorted(ms, key=lambda m: (m["article_id"], m["date_precision"] != "day", m["id"])):
        key = (plover_event(m["event"], m["status"]), _codes(m), m["status"] == "negated")
        for c, arts, span in by_key[key]:
            # one mention per article in an event; its date must fit the event's (kept as a span)
            if m["article_id"] not in arts and _compatible(m, span[0]):
                c.append(m)
                arts.add(m["article_id"])
                if span[0]["date_precision"] == "unknown":
                    span[0] = m
                break
        else:
            c = [m]
            clusters.append(c)
            by_key[key].append((c, {m["article_id"]}, [m]))
    clusters = _join_partial_reports(clusters)
    events, discs = [], []
    for c in clusters:
        ev = _event_of(sid, c, outlets, dup)
        events.append(ev)
        discs.extend(event_discrepancies(sid, ev.id, c, _codes(c[0])))
    return events, discs


def _trigger(m: dict) -> str:
    return (m["evidence"][0]["trigger"] if m["evidence"] else "").casefold()


def _join_partial_reports(clusters: list[list[dict]]) -> list[list[dict]]:
    """Reports of one event in which one outlet names fewer participants ("ferme son espace
    aérien au Mali" / "… au Mali et au Niger") are one event: clusters from different articles
    join when they have the same category and status, one's participants are a subset (of at
    least two) of the other's, both state dates that agree (within `DISAGREEMENT_DAYS`), and
    they share a trigger word — the same word naming the act is what tells one event from
    another act between the same parties."""
    out: list[list[dict]] = []
    # joined clusters indexed by category, status, trigger word and participant, so that a story
    # with many events compares a cluster only with those sharing its rarest participant
    index: dict[tuple, list[tuple[list[dict], frozenset, set, set]]] = defaultdict(list)

    def register(entry, key, words):
        for w in words:
            for code in entry[1]:
                index[key + (w, code)].append(entry)

    for c in sorted(clusters, key=lambda c: -len(_codes(c[0]))):
        m = c[0]
        codes, key = _codes(m), (plover_event(m["event"], m["status"]), m["status"])
        arts, trig = {x["article_id"] for x in c}, {_trigger(x) for x in c}
        cands = [e for w in trig for e in min((index[key + (w, code)] for code in codes), key=len)] \
            if len(codes) >= 2 else []
        for entry in cands:
            o, ocodes, oarts, otrig = entry
            if (codes < ocodes and not arts & oarts
                    and all(x["date_precision"] != "unknown" and y["date_precision"] != "unknown" and _compatible(x, y)
                            for x in c for y in o)):
                o.extend(c)
                oarts |= arts
                register(entry, key, trig - otrig)
                otrig |= trig
                break
        else:
            out.append(c)
            register((c, codes, arts, trig), key, trig)
    return out


def _new(have: list, found: list) -> list:
    """Found discrepancies whose sides are not already recorded on the same field."""
    seen = {(d.field, frozenset(frozenset(v) for v in d.values.values())) for d in have}
    return [d for d in found if (d.field, frozenset(frozenset(v) for v in d.values.values())) not in seen]


def _vote(values: list):
    counts: dict = defaultdict(int)
    for v in values:
        if v is not None:
            counts[v] += 1
    return max(counts, key=lambda k: (counts[k], str(k))) if counts else None


def _event_of(sid: str, c: list[dict], outlets: dict[str, str], dup: set[str]) -> Event:
    best = max(c, key=lambda m: (m["confidence"] or 0, bool(m["recipient"])))
    dated = [m for m in c if m["date_precision"] == "day"] or [m for m in c if m["date_precision"] != "unknown"]
    dm = dated[0] if dated else best
    arts = tuple(dict.fromkeys(m["article_id"] for m in c))
    sources = {outlets.get(a, a) for a in arts if a not in dup}
    mode = _vote([m["mode"] for m in c])
    loc = best["location"] or next((m["location"] for m in c if m["location"]), None)
    evidence = tuple(Evidence(**e) for m in c for e in m["evidence"])
    return Event(
        id=_sha("event", *sorted(m["id"] for m in c)), story_id=sid, article_ids=arts, event=best["event"],
        mode=mode, context=tuple(dict.fromkeys(x for m in c for x in m["context"])), status=best["status"],
        actor=tuple(Participant(**p) for p in best["actor"]), recipient=tuple(Participant(**p) for p in best["recipient"]),
        date=DateInterval(dm["date_start"], dm["date_end"], dm["date_precision"], dm["date_text"]),
        location=Place(**loc) if loc else None,
        quantities=tuple(Quantity(**q) for q in best["quantities"]), evidence=evidence,
        num_articles=len(arts), num_sources=max(1, len(sources)), score=plover_score(best["event"], mode),
        confidence=round(min(0.99, max(m["confidence"] or 0 for m in c) + 0.05 * (len(arts) - 1)), 2),
        mention_ids=tuple(m["id"] for m in c))
