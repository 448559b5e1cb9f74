"""mentions: an actor named in an article (where, which code, what kind), and an article's
actors — the records the actor stage produces and the event, quote and story stages read."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .resources import fold


PERSON_LABELS = {"PER", "PERSON"}


#: Mentions that count towards who an article is about (places and "les deux pays" do not).
SALIENT_KINDS = {"country", "demonym", "person", "organisation", "group", "company"}


@dataclass(frozen=True)
class Mention:
    """An actor mention: tokens [start, end) of paragraph `para`."""

    para: int
    start: int
    end: int
    head: int
    text: str
    codes: tuple[str, ...]
    kind: str  # country | organisation | group | company | person | demonym | pair | place
    name: str
    sector: str | None = None
    role: str | None = None
    key: str | None = None  # the article actor it refers to
    locative: bool = False  # introduced by a locative preposition ("à Moscou")
    place: object | None = None  # PlaceEntry when the mention also names a place
    nested: bool = False  # inside another person's title ("représentant du Président X")
    role_key: str | None = None  # canonical role ("foreign_minister") of a person
    place_name: str | None = None  # the place's own name when the mention names it indirectly ("la capitale malienne")
    institution: bool = False  # a state institution named without its country ("le ministère de la Défense")

    @property
    def code(self) -> str | None:
        return self.codes[0] if len(self.codes) == 1 else None


@dataclass
class ArticleActors:
    """Mentions per paragraph and the article's actors (by key)."""

    mentions: dict[int, list[Mention]] = field(default_factory=dict)
    actors: dict[str, dict] = field(default_factory=dict)
    dyad: tuple[str, ...] = ()
    home: str | None = None  # the country the article is written from (see actors.home_country)
    #: Actor codes by how often the article names them (countries, organisations, people's
    #: codes), most named first: who the article is about.
    salience: tuple[tuple[str, int], ...] = ()

    def in_para(self, para: int) -> list[Mention]:
        return self.mentions.get(para, [])


def actor_id(kind: str, name: str, code: str | None) -> str:
    """Stable id of a canonical actor: same kind, folded name and code → same id."""
    return hashlib.sha1(f"{kind}|{fold(name)}|{code or ''}".encode()).hexdigest()[:12]


def note_actor(out: ArticleActors, key: str, m: Mention, article) -> None:
    a = out.actors.setdefault(key, {"name": m.name, "kind": m.kind, "code": m.code, "sector": m.sector,
                                    "aliases": set(), "roles": {}})
    a["aliases"].add(m.text)
    if m.kind == "person":
        a["code"] = a["code"] or m.code
        a["sector"] = a["sector"] or m.sector
        if m.role:
            a["roles"].setdefault(m.role, (m.sector, m.code))
