"""Typed records passed between the stages.

Every stage is a plain function from these records to these records, so the local runner
and a distributed runner compose the same functions. Records are frozen where they are
shared; the few that a stage fills progressively say so.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("occurred", "planned", "hypothetical", "negated")
PRECISIONS = ("day", "week", "month", "year", "range", "unknown")


@dataclass(frozen=True)
class Article:
    """One news article after ingest: boilerplate removed, metadata read."""

    id: str
    text: str
    lang: str
    url: str | None = None  # the URL, or the file path as given
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date, None when unknown (never the ingest time)
    source: str | None = None  # file the article was read from
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Failure:
    """An input that could not be turned into an article, with the reason."""

    source: str
    stage: str
    reason: str
    line: int | None = None


@dataclass(frozen=True)
class DateInterval:
    start: str | None
    end: str | None
    precision: str = "unknown"
    text: str | None = None

    @staticmethod
    def unknown() -> "DateInterval":
        return DateInterval(None, None, "unknown", None)


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Quantity:
    value: float | None
    unit: str
    text: str


@dataclass(frozen=True)
class Participant:
    """An actor as it takes part in an event."""

    name: str
    code: str | None
    sector: str | None = None
    role: str | None = None
    actor_id: str | None = None


@dataclass(frozen=True)
class Evidence:
    article_id: str
    sentence: str
    start: int  # character offsets of the sentence in the article text
    end: int
    trigger: str


@dataclass(frozen=True)
class EventMention:
    """One event as one article states it."""

    id: str
    article_id: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    status: str
    actor: tuple[Participant, ...]
    recipient: tuple[Participant, ...]
    date: DateInterval
    location: Place | None
    quantities: tuple[Quantity, ...]
    evidence: tuple[Evidence, ...]
    confidence: float
    score: float | None = None

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(p.code for p in self.actor + self.recipient if p.code)


@dataclass(frozen=True)
class Quote:
    article_id: str
    speaker: str
    actor_id: str | None
    speaker_code: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ActorRole:
    role: str
    code: str | None
    sector: str | None
    first_seen: str | None
    last_seen: str | None
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class Actor:
    """A canonical actor: a person, a country, an organisation or a group."""

    actor_id: str
    name: str
    kind: str  # person | country | organisation | group
    code: str | None
    sector: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[ActorRole, ...] = ()
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Discrepancy:
    field: str
    about: str
    values: dict[str, list[str]]  # value -> article ids that state it
    story_id: str | None = None
    event_id: str | None = None


@dataclass(frozen=True)
class Story:
    story_id: str
    title: str
    article_ids: tuple[str, ...]
    start: str | None
    end: str | None
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    """One real-world event: the mentions of it across articles, merged."""

    id: str
    story_id: str | None
    article_ids: tuple[str, ...]
    event: str
    mode: str | None
    context: tuple[str, ...]
    status: str
    actor: tuple[Participant, ...]
    recipient: tuple[Participant, ...]
    date: DateInterval
    location: Place | None
    quantities: tuple[Quantity, ...]
    evidence: tuple[Evidence, ...]
    num_articles: int
    num_sources: int
    score: float | None
    confidence: float
    mention_ids: tuple[str, ...] = ()


@dataclass
class ArticleResult:
    """What the pipeline learned from one article (filled stage by stage)."""

    article: Article
    mentions: list[EventMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    signature: bytes | None = None  # MinHash of the text, for near-duplicate detection


def to_dict(record: Any) -> dict[str, Any]:
    """Plain dict (JSON-ready) of a record."""
    return asdict(record)
