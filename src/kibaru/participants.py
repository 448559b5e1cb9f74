"""participants: who is on each side of an event, and the side an article leaves implicit.

The coder fills actor and recipient from the trigger's argument slots (events.py); here the
mentions become participants (one per country, people with their roles), a recipient that
merely repeats the actor is dropped, and an event of a two-sided category with one side named
takes the other from the article (the event just stated, else the actor the article is most
about).
"""
from __future__ import annotations

from dataclasses import replace

from .mentions import ArticleActors, Mention
from .records import EventMention, Participant

#: Categories whose events have two sides, completed from the article when one is missing.
TWO_SIDED = {"COOPERATE", "AID", "SANCTION", "ACCUSE", "REJECT", "RETREAT", "THREATEN", "ASSAULT", "REQUEST",
             "CONCEDE", "COERCE", "SUPPORT", "AGREE", "CONSULT"}
#: Cooperative categories whose several actors can act together with no recipient (PLOVER).
JOINT = {"CONSULT", "SUPPORT", "AGREE", "COOPERATE"}
#: How often an actor must be named in an article to stand in for a missing side.
MIN_SALIENCE = 2


def participants(ms: list[Mention], names: dict[str, str]) -> list[Participant]:
    out, seen = [], set()
    # "pays membres de la Confédération des États du Sahel (AES)": the members act, not the
    # organisation named to say who they are
    expanded = {m.name for m in ms if m.kind == "pair"}
    named = {c for m in ms if m.kind in ("country", "demonym") for c in m.codes}
    # ...and the countries named are the ones that act: "du Mali et du Niger, pays membres de l'AES"
    ms = [m for m in ms if not (m.kind == "pair" and named and named < set(m.codes))]
    for m in ms:
        if m.kind == "pair":
            for c in m.codes:
                if ("geo", c) not in seen:
                    seen.add(("geo", c))
                    out.append(Participant(names.get(c, c), c))
            continue
        if not m.codes or m.kind == "organisation" and m.name in expanded:
            continue
        for c in m.codes:
            key = (m.key or m.name, c)
            geo = m.kind in ("place", "country", "demonym")
            if key in seen or geo and ("geo", c) in seen:
                continue  # "le camp de Kati, près de Bamako": one Mali, not one per place
            seen.add(key)
            if geo:
                seen.add(("geo", c))
            name = m.name if len(m.codes) == 1 else names.get(c, c)
            out.append(Participant(name, c, m.sector, m.role, m.key))
    # a code given by a person or a state institution ("les autorités maliennes") makes the
    # bare country/demonym mention of it redundant
    coded_people = {p.code for p in out if p.actor_id and p.role}
    coded_people |= {c for m in ms if m.institution for c in m.codes}
    bare = {(m.key or m.name) for m in ms if m.kind in ("country", "demonym")}
    return [p for p in out if not (p.code in coded_people and (p.actor_id or p.name) in bare and not p.role)]


#: Categories whose target is often a person of the actor's own country (arrests, attacks).
INTERNAL = frozenset({"COERCE", "ASSAULT"})


def distinct(p: Participant, actor: list[Participant], event: str | None = None) -> bool:
    """A recipient is not the actor again — unless one side is an armed group and the other
    its country's state ("le JNIM a frappé le camp de Kati": MLI rebels against MLI), or the
    recipient is a person of the actor's country ("soldiers detained President Bazoum"): an
    internal event, X against X, which no foreign party is then invented for."""
    same = [a for a in actor if a.code == p.code]
    return not p.code or not same or any("REB" in {p.sector, a.sector} and p.sector != a.sector for a in same) \
        or event in INTERNAL and bool(p.role) and all(a.actor_id != p.actor_id for a in same)  # "soldiers detained President Bazoum"


def continue_previous(em: EventMention, previous: list[EventMention]) -> EventMention:
    """"Elle a aussi offert…": an event with no recipient, same category and same actor as
    the one just stated, continues it and keeps its recipient."""
    if em.recipient or not previous:
        return em
    last = previous[-1]
    if last.event == em.event and last.recipient and {p.code for p in last.actor} == {p.code for p in em.actor}:
        return replace(em, recipient=last.recipient)
    return em


#: Categories that answer an earlier act against their actor ("Bamako a démenti…").
ANSWERS = {"REJECT": {"ACCUSE", "REQUEST", "THREATEN"}, "CONCEDE": {"ACCUSE", "REQUEST"}}


def answer_previous(em: EventMention, previous: list[EventMention]) -> EventMention:
    """"Le gouvernement a démenti": a denial with no recipient answers the last accusation,
    demand or threat made against its actor, and is addressed to whoever made it."""
    if em.recipient or em.event not in ANSWERS or not em.actor:
        return em
    acodes = {p.code for p in em.actor if p.code}
    for prev in reversed(previous):
        if prev.event in ANSWERS[em.event] and prev.actor and acodes & {p.code for p in prev.recipient if p.code}:
            return replace(em, recipient=tuple(p for p in prev.actor if p.code not in acodes))
    return em


def complete(em: EventMention, aa: ArticleActors, names: dict[str, str]) -> EventMention:
    """An event of a two-sided category with one side only: the other side is the actor the
    article is most about, other than this side ("La France a rejeté ces accusations" in an
    article on France and Mali → FRA rejects MLI). Confidence is lowered: it is inferred."""
    if em.event not in TWO_SIDED or em.mode == "multilateral":
        return em  # a summit has participants, not a recipient
    acodes = {p.code for p in em.actor if p.code}
    rcodes = {p.code for p in em.recipient if p.code}
    if bool(acodes) == bool(rcodes):
        return em
    have = acodes or rcodes
    rebels = [p for p in em.actor if p.sector == "REB" and p.code and len(p.code) == 3]
    if em.event in ("ASSAULT", "COERCE") and rebels and not rcodes:
        # "le JNIM a frappé l'école de gendarmerie": an armed group's unnamed target is the
        # state it fights (its own country's), not whoever else the article names
        c = rebels[0].code
        return replace(em, recipient=(Participant(names.get(c, c), c),), confidence=round(em.confidence - 0.1, 2))
    if len(have) >= 2 and em.event in JOINT:
        return em  # "le Mali et la Russie ont réaffirmé…": a joint act of both, no one else's
    if em.event == "ASSAULT" and not acodes:
        return em  # an attacker the text does not name is not whoever else the article is about
    other = next((c for c, n in aa.salience if n >= MIN_SALIENCE and c not in have), None)
    if other is None:
        return em
    side = (Participant(names.get(other, other), other),)
    conf = round(em.confidence - 0.1, 2)
    return replace(em, recipient=side, confidence=conf) if acodes else replace(em, actor=side, confidence=conf)
