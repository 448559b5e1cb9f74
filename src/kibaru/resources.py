"""Resources: everything heavy that the stages use, built once per process.

The spaCy pipelines, the knowledge tables and the indexes over them live in one object
that is handed to the pure stage functions (once per Ray actor on a cluster). Nothing is
built at import time or inside a stage.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .dates import TimeParser, TimeWords
from .errors import ResourceError
from .knowledge import Knowledge, normalise_form
from .nlp import load_pipeline
from .records import Place
from .settings import Settings

#: Longest surface form (in tokens) looked up in the gazetteer and role lists ("Groupe de
#: soutien à l'islam et aux musulmans" is nine; the prefix index keeps long tries cheap).
MAX_FORM_TOKENS = 14


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lowercase without accents, straight apostrophes: the key names are compared on."""
    t = unicodedata.normalize("NFKD", normalise_form(text).lower())
    return "".join(c for c in t if not unicodedata.combining(c)).replace("‐", "-").strip()


def is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in form.strip()


@dataclass(frozen=True)
class GazEntry:
    code: str
    sector: str | None
    kind: str
    form_kind: str
    canonical: str


@dataclass(frozen=True)
class PlaceEntry:
    geonameid: int | None
    name: str
    country: str
    lat: float | None
    lon: float | None
    feature: str


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]
    pos: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    frame: dict[str, str]


@dataclass
class LanguageResources:
    """Indexes for one language."""

    lang: str
    gazetteer: dict[str, list[GazEntry]]  # folded form → entries (names, demonyms…)
    acronyms: dict[str, list[GazEntry]]  # exact form → entries
    roles: dict[str, tuple[str, str]]  # folded form → (sector, role key)
    triggers: dict[str, list[Trigger]]  # head lemma (lowercase) → triggers, longest first
    words: dict[str, dict[str, str]]  # kind → form → value
    time: TimeParser
    capital_names: dict[str, list[str]] = field(default_factory=dict)  # country code → its capital's own forms in this language

    def capital_name(self, code: str | None, place) -> str:
        """A country's capital as this language writes it ("Mogadiscio", "Alger"): GeoNames' name
        when the language writes it so too ("N'Djamena"), else the language's fullest form."""
        name = fold(place.name)
        # (a clipped form, "Ouaga", is no name for it)
        own = [f for f in self.capital_names.get(code or "", []) if not (name.startswith(fold(f)) and len(f) < len(name) - 2)]
        return place.name if not own or any(fold(f) == name for f in own) else max(own, key=len)

    def has(self, kind: str, form: str) -> bool:
        return form.lower() in self.words.get(kind, {})


@dataclass
class Resources:
    settings: Settings = field(default_factory=Settings)
    knowledge: Knowledge | None = None
    _pipelines: dict = field(default_factory=dict)
    #: Objects built from the resources by the stages (event coders…), kept for reuse.
    cache: dict = field(default_factory=dict)
    #: People learned from earlier articles (folded name or alias → name, code, sector),
    #: refreshed from the store by the pipeline before each batch.
    learned_people: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.knowledge is None:
            self.knowledge = Knowledge.load(self.settings.languages)

    def pipeline(self, lang: str):
        """The spaCy pipeline of a language, loaded on first use, then reused."""
        if lang not in self._pipelines:
            lr = self.lang.get(lang)
            known = (lambda form: bool(lr.gazetteer.get(fold(form))) or fold(form) in self.places) if lr else None
            self._pipelines[lang] = load_pipeline(self.settings.model_for(lang), known)
        return self._pipelines[lang]

    @cached_property
    def lang(self) -> dict[str, LanguageResources]:
        return {lg: self._build_language(lg) for lg in self.settings.languages}

    def _build_language(self, lg: str) -> LanguageResources:
        k = self.knowledge
        gaz: dict[str, list[GazEntry]] = {}
        acr: dict[str, list[GazEntry]] = {}
        own_capitals: dict[str, list[str]] = {}
        for r in k.gazetteer:
            if r["lang"] not in (lg, "*", ""):
                continue
            if r["form_kind"] == "capital" and r["lang"] == lg:  # ("Mogadiscio" in French, not "Mogadishu")
                own_capitals.setdefault(r["code"], []).append(r["form"])
            e = GazEntry(r["code"], r["sector"] or None, r["kind"], r["form_kind"], r["canonical"] or r["form"])
            form = normalise_form(r["form"]).strip()
            if r["form_kind"] == "acronym" or is_acronym(form):
                acr.setdefault(form, []).append(e)
            else:
                gaz.setdefault(fold(form), []).append(e)
        roles = {fold(r["form"]): (r["sector"], r["role"]) for r in k.roles[lg]}
        triggers: dict[str, list[Trigger]] = {}
        for r in k.events[lg]:
            words = tuple(w.lower() for w in r["lemma"].split())
            if not words:
                continue
            frame = dict(item.split("=", 1) for item in r["frame"].split(";") if "=" in item)
            t = Trigger(words, r["pos"].upper(), r["event"].upper(), r["mode"] or None,
                        tuple(c for c in r["context"].split("|") if c), frame)
            triggers.setdefault(words[0], []).append(t)
        for ts in triggers.values():
            ts.sort(key=lambda t: -len(t.words))
        words: dict[str, dict[str, str]] = {}
        for r in k.words[lg]:
            words.setdefault(r["kind"], {})[r["form"].lower()] = r["value"]
        return LanguageResources(lg, gaz, acr, roles, triggers, words,
                                 TimeParser(TimeWords.from_rows(lg, k.time[lg])),
                                 own_capitals)

    @cached_property
    def places(self) -> dict[str, list[PlaceEntry]]:
        """Folded place form → places, most important first (capitals, then towns, then the
        regions a town's name may also be: "Kidal" is the town unless "la région de" says so)."""
        index: dict[str, list[PlaceEntry]] = {}
        rank = {"seat": 0, "capital": 1, "city": 2, "region": 3}
        for r in self.knowledge.places:
            p = PlaceEntry(int(r["geonameid"]) if r["geonameid"].isdigit() else None, r["name"],
                           r["country"], _float(r["lat"]), _float(r["lon"]), r["feature"])
            for form in {r["name"], *r["forms"].split("|")}:
                if form.strip():
                    for variant in _abbreviations(fold(form)):
                        index.setdefault(variant, []).append(p)
        # capitals first, then a place whose own name the form is ("Kindia" is Kindia, Guinea,
        # before a Burkinabè Kindi that GeoNames also calls so)
        for key, ps in index.items():
            ps.sort(key=lambda p: (rank.get(p.feature, 9), fold(p.name) != key))
        return index

    def name_prefixes(self, lg: str) -> frozenset[str]:
        """Every prefix of every folded name, acronym and place form of a language.

        Lets the gazetteer lookup stop extending a span as soon as no name starts with it,
        instead of trying every span length at every token (the lookup's hot spot).
        """
        key = ("name_prefixes", lg)
        if key not in self.cache:
            lr = self.lang[lg]
            forms = {*lr.gazetteer, *(fold(a) for a in lr.acronyms), *self.places}
            self.cache[key] = frozenset(f[:i] for f in forms for i in range(1, len(f) + 1))
        return self.cache[key]

    @cached_property
    def capitals(self) -> dict[str, PlaceEntry]:
        """Country code → its capital (where "le Kremlin", "Koulouba" are)."""
        out: dict[str, PlaceEntry] = {}
        for ps in self.places.values():
            for p in ps:
                if p.feature == "capital":
                    out.setdefault(p.country, p)
        return out

    @cached_property
    def seats(self) -> dict[str, Place]:
        """Organisation code → the place it sits at, named as seats.tsv writes it."""
        out: dict[str, Place] = {}
        for code, name in self.knowledge.seats.items():
            p = next(iter(self.places.get(fold(name), ())), None)
            if p is None:
                raise ResourceError(f"seats.tsv: {code} sits at {name!r}, which places.tsv does not know")
            out[code] = Place(name, p.country, p.geonameid, p.lat, p.lon)
        return out

    @cached_property
    def seat_metonyms(self) -> dict[str, GazEntry]:
        """Folded seat name → the organisation it stands for when it acts ("Bruxelles a suspendu…")."""
        return {fold(seat): GazEntry(code, None, "organisation", "alias", self.country_names.get(code, code))
                for seat, code in self.knowledge.seat_metonyms.items()}

    @cached_property
    def country_names(self) -> dict[str, str]:
        """Actor code → canonical name (countries and organisations)."""
        out: dict[str, str] = {}
        for r in self.knowledge.gazetteer:
            if r["form_kind"] in ("name", "acronym") and r["code"] not in out:
                out[r["code"]] = r["canonical"] or r["form"]
        return out

    @cached_property
    def people(self) -> dict[str, list[dict[str, str]]]:
        """Folded full name or alias → rows of the seed people table."""
        index: dict[str, list[dict[str, str]]] = {}
        for r in self.knowledge.people:
            for name in {r["name"], *r["aliases"].split("|")}:
                if name.strip():
                    index.setdefault(fold(name), []).append(r)
        return index


    @cached_property
    def people_surnames(self) -> dict[str, list[dict[str, str]]]:
        """Folded surname → rows of the one person of the people table who bears it ("le
        président Tebboune"); a surname two people of the table share is left out."""
        index: dict[str, list[dict[str, str]]] = {}
        for r in self.knowledge.people:
            for name in {r["name"], *r["aliases"].split("|")}:
                if len(name.split()) > 1:
                    index.setdefault(fold(name.split()[-1]), []).append(r)
        return {k: rows for k, rows in index.items() if len({r["name"] for r in rows}) == 1}


#: Abbreviated forms of place-name words, as datelines write them ("ST PETERSBURG").
_ABBREVIATED = {"saint": ("st", "st."), "sainte": ("ste", "ste."), "mount": ("mt", "mt."), "fort": ("ft",)}


def _abbreviations(form: str) -> list[str]:
    """A folded place form and its abbreviated variants ("saint petersburg" → "st petersburg")."""
    out = [form]
    for full, shorts in _ABBREVIATED.items():
        for sep in (" ", "-"):
            if form.startswith(full + sep):
                out += [short + sep + form[len(full) + 1:] for short in shorts]
    return out


def _float(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None
