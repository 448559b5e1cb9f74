"""actors: every actor mention of a parsed article, resolved to a code (and a person's role).

What is found, in one pass over each paragraph:
- names from the gazetteer (countries, organisations and their acronyms, companies, armed
  groups), demonyms ("malienne", "Russian"), compound demonyms ("russo-malien"), capitals
  and seats of power ("Moscou", "le Kremlin") which are both places and metonyms;
- people: named entities and names of the seed people table, with role, sector and country
  read from their title or apposition ("Mikhaïl Bogdanov, vice-ministre russe des Affaires
  étrangères"), else from the people table; later mentions of the same surname are the same
  person;
- pairs: "les deux pays", "both sides" — resolved to the article's main dyad.
Nothing is attached to a country by mere co-occurrence: a person's code comes from their own
title phrase, a coordinated colleague's, or the people table.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace

from .nlp import ParsedArticle
from .records import Actor, ActorRole
from .knowledge import normalise_form
from .resources import MAX_FORM_TOKENS, LanguageResources, Resources, fold, is_acronym
from .titles import CLAUSE_DEPS, RANKS, find_role, find_roles, is_function, role_phrase, surface

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
    #: Actor codes by how often the article names them (countries, organisations, people's
    #: codes), most named first: who the article is about.
    salience: tuple[tuple[str, int], ...] = ()

    def in_para(self, para: int) -> list[Mention]:
        return self.mentions.get(para, [])


def actor_id(kind: str, name: str, code: str | None) -> str:
    """Stable id of a canonical actor: same kind, folded name and code → same id."""
    return hashlib.sha1(f"{kind}|{fold(name)}|{code or ''}".encode()).hexdigest()[:12]


# -- gazetteer ---------------------------------------------------------------------------
def _lookup(lr: LanguageResources, text: str):
    form = text.replace("’", "'").strip()
    if is_acronym(form):
        # a country or capital written in capitals, as datelines are ("BAMAKO, 18 septembre")
        return lr.acronyms.get(form, []) or [e for e in lr.gazetteer.get(fold(form), []) if len(form) >= 4
                                             and e.kind == "country" and e.form_kind in ("name", "capital")]
    return [e for e in lr.gazetteer.get(fold(form), []) if e.form_kind != "prefix"]


def _compound_demonym(lr: LanguageResources, text: str) -> tuple[str, ...]:
    """"russo-malien" → (RUS, MLI); () when the parts are not prefix(es) + demonym."""
    parts = fold(text).split("-")
    if len(parts) < 2:
        return ()
    codes = []
    for p in parts[:-1]:
        pre = [e for e in lr.gazetteer.get(p, []) if e.form_kind == "prefix"]
        if not pre:
            return ()
        codes.append(pre[0].code)
    last = [e for e in lr.gazetteer.get(parts[-1], []) if e.form_kind == "demonym"]
    if not last:
        return ()
    codes.append(last[0].code)
    return tuple(dict.fromkeys(codes))


def _span_head(doc, start: int, end: int) -> int:
    for t in doc[start:end]:
        if not (start <= t.head.i < end) or t.head.i == t.i:
            return t.i
    return start


def _locative(lr: LanguageResources, doc, start: int) -> bool:
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.lower_ in ("le", "la", "l'", "the") and start > 1:
        prev = doc[start - 2]
    return prev is not None and lr.has("loc_prep", prev.lower_)


def _folded_tokens(doc) -> list[tuple[str, str]]:
    """(folded text, whitespace after) per token: a span's key is their concatenation."""
    return [(normalise_form(t.text).lower() if t.is_space else fold(t.text), normalise_form(t.whitespace_))
            for t in doc]


def _candidates(doc, i: int, ft: list[tuple[str, str]], prefixes: frozenset[str]) -> list[int]:
    """Span lengths from token i whose folded text could be a name, longest first."""
    out, key = [], ""
    for j in range(i, min(i + MAX_FORM_TOKENS, len(doc))):
        key += ft[j][0]
        if key not in prefixes:
            break
        out.append(j - i + 1)
        key += ft[j][1]
    return out[::-1]


def find_named(doc, para: int, lr: LanguageResources, res: Resources) -> list[Mention]:
    """Gazetteer names, demonyms, capitals and places of one paragraph, longest first."""
    out: list[Mention] = []
    in_person = {i for e in doc.ents if e.label_ in PERSON_LABELS and len(e) > 1 for i in range(e.start, e.end)}
    prefixes = res.name_prefixes(lr.lang)
    ft = _folded_tokens(doc)
    i, n = 0, len(doc)
    while i < n:
        found = None
        lengths = _candidates(doc, i, ft, prefixes)
        if "-" in doc[i].text or (i + 1 < n and doc[i + 1].text == "-"):
            lengths = sorted(set(lengths) | set(range(1, min(4, n - i) + 1)), reverse=True)
        for L in lengths:
            span = doc[i:i + L]
            if span[0].is_punct or span[-1].is_punct:
                continue
            entries = _lookup(lr, span.text)
            places = res.places.get(fold(span.text), []) if span[0].text[:1].isupper() and i not in in_person else []
            compound = _compound_demonym(lr, span.text) if "-" in span.text else ()
            if entries or places or compound:
                found = (L, span, entries, places, compound)
                break
        if not found:
            i += 1
            continue
        L, span, entries, places, compound = found
        head = _span_head(doc, i, i + L)
        loc = _locative(lr, doc, i)
        if compound:
            out.append(Mention(para, i, i + L, head, span.text, compound, "demonym", span.text))
        elif entries:
            e = entries[0]
            if e.kind == "institution" and _in_title(lr, doc, i, L):
                i += L  # "chef d'état-major": part of a person's title
                continue
            if e.kind == "institution":
                out.append(Mention(para, i, i + L, head, span.text, (), "institution", e.canonical,
                                   sector=e.sector, locative=loc, institution=True))
                i += L
                continue
            if e.form_kind == "demonym":
                kind, sector = "demonym", _sector_of_noun(lr, doc[head].head)
            else:
                kind, sector = e.kind, e.sector
            place = places[0] if places else None
            if e.form_kind in ("capital", "seat"):
                place = place or _place_of_country(res, e.code)
            out.append(Mention(para, i, i + L, head, span.text, (e.code,), kind, e.canonical,
                               sector=sector, locative=loc, place=place))
        elif places and doc[head].pos_ == "PROPN":
            p = places[0]
            out.append(Mention(para, i, i + L, head, span.text, (p.country,), "place", p.name,
                               locative=loc, place=p))
        i += L
    return _qualify_institutions(doc, out)


def _in_title(lr: LanguageResources, doc, i: int, L: int) -> bool:
    """The span [i, i+L) ends a title of the role lexicon ("chef d'" + "état-major")."""
    return any(fold(surface(doc[i - k:i + L])) in lr.roles for k in range(1, min(3, i) + 1))


def _qualify_institutions(doc, named: list[Mention]) -> list[Mention]:
    """A state institution takes the country named right by it: "le ministère de la Défense
    du Mali", "…nationale algérien", "the Algerian Defence Ministry", "Mali's Foreign Ministry".
    Without one it waits for the article's home country (see `_home_country`)."""
    out = []
    for m in named:
        if m.kind == "institution":
            q = None
            for n in named:
                if n.kind not in ("country", "demonym") or len(n.codes) != 1 or n.place is not None and n.locative:
                    continue
                after = n.start == m.end and n.kind == "demonym" or \
                    n.start == m.end + 1 and doc[m.end].lower_ in ("de", "du", "d'", "of")
                before = n.end == m.start and n.kind == "demonym" or \
                    n.end == m.start - 1 and doc[n.end].text in ("'s", "’s")
                if after or before:
                    q = n.codes[0]
                    break
            if q:
                m = replace(m, codes=(q,), kind="organisation")
        out.append(m)
    return out


def _place_of_country(res: Resources, code: str):
    """A seat of power without a place entry of its own is in the country's capital."""
    return res.capitals.get(code)


def _sector_of_noun(lr: LanguageResources, token) -> str | None:
    return lr.words.get("sector_noun", {}).get(token.lower_)


# -- people ------------------------------------------------------------------------------
def find_people(doc, para: int, lr: LanguageResources, res: Resources, named: list[Mention]) -> list[Mention]:
    taken = {i for m in named for i in range(m.start, m.end)}
    spans = [(e.start, e.end) for e in doc.ents if e.label_ in PERSON_LABELS]
    # Names of the people table that the model missed.
    for i, t in enumerate(doc):
        if t.text[:1].isupper():
            for L in (4, 3, 2):
                if i + L <= len(doc) and fold(doc[i:i + L].text) in res.people:
                    spans.append((i, i + L))
                    break
    # Names the model took for a place or an organisation, set off as a title's apposition
    # ("L'envoyé spécial de l'Union africaine, Mamadou Tangara, …").
    for ent in doc.ents:
        if ent.label_ not in PERSON_LABELS and 2 <= len(ent) <= 3 and all(t.pos_ == "PROPN" and t.text.istitle()
                                                                          for t in ent) \
                and not any(i in taken for i in range(ent.start, ent.end)) and fold(ent.text) not in res.places \
                and not _lookup(lr, ent.text):
            head = doc[_span_head(doc, ent.start, ent.end)]
            if head.dep_ == "appos" and fold(head.head.text) in lr.roles or _title_before(doc, ent.start, lr):
                spans.append((ent.start, ent.end))
    out, seen = [], set()
    for s, e in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if any(i in seen or i in taken for i in range(s, e)):
            continue
        while s < e and (lr.has("honorific", doc[s].lower_) or fold(doc[s].text) in lr.roles):
            s += 1
        if s >= e or not doc[s].text[:1].isupper() or doc[s].is_stop or doc[e - 1].is_punct:
            continue
        e = _extend_name(doc, s, e, lr, res, taken)
        if any(i in seen or i in taken for i in range(s, e)):
            continue
        seen.update(range(s, e))
        name = doc[s:e].text
        head = _span_head(doc, s, e)
        phrase = role_phrase(doc[head], set(range(s, e)))
        title = doc[s - 1] if s > 0 else None
        if doc[head].dep_ == "ROOT" and title is not None and fold(title.text) in lr.roles:
            # "…du Président de la Transition, le Général Assimi Goïta": the parser cut the name
            # off the sentence; it belongs to the title just before it.
            head = title.i
            phrase = [title] + (role_phrase(title, {title.i}) if title.dep_ == "appos" else [])
            phrase = sorted(set(phrase) | ({*title.head.subtree} - {*title.subtree} if title.dep_ == "appos" else set()),
                            key=lambda t: t.i)
            phrase = [t for t in phrase if not (s <= t.i < e)]
        found, src = find_role(lr, phrase), phrase
        if not (found[0] and is_function(lr, found, phrase)):
            before = _title_before(doc, s, lr)
            if before:
                phrase = sorted(set(phrase) | set(before), key=lambda t: t.i)
                found, src = find_role(lr, before), before
        role, sector, at, role_key = found
        if role_key in SPOKES_ROLES:
            sector = _complement_sector(lr, src[at:], named) or sector
        if role is None and s > 0 and fold(doc[s - 1].text) in lr.roles:
            role, (sector, role_key) = doc[s - 1].text, lr.roles[fold(doc[s - 1].text)]
        codes = tuple(dict.fromkeys(c for m in named if m.head in {t.i for t in phrase}
                                    and m.kind in ("demonym", "country", "organisation", "group", "company")
                                    and m.place is None and not m.locative for c in m.codes))
        if not codes and role:
            codes = tuple(c for c in [_title_code(lr, res, role)] if c)
        if codes and codes[0].startswith("IGO:") and sector in (None, "GOV"):
            sector = "IGO"  # "le secrétaire exécutif de la CEDEAO": an officer of the organisation
        out.append(Mention(para, s, e, head, name, codes[:1], "person", name, sector=sector, role=role,
                           role_key=role_key))
    phrases = {p.head: {t.i for t in role_phrase(doc[p.head], set(range(p.start, p.end)))} for p in out}
    return [replace(p, nested=True) if any(p.head in ids for h, ids in phrases.items() if h != p.head) else p
            for p in out]


def _title_code(lr: LanguageResources, res: Resources, role: str) -> str | None:
    """The country a title implies by itself ("assistant secretary of state": USA), from the
    `code` column of the role lexicon."""
    key = ("title_codes", lr.lang)
    if key not in res.cache:
        res.cache[key] = {fold(r["form"]): r["code"] for r in res.knowledge.roles[lr.lang] if r.get("code")}
    codes = res.cache[key]
    f = fold(role)
    best = max((k for k in codes if f == k or f.startswith(k + " ")), key=len, default=None)
    return codes[best] if best else None


#: Roles whose sector is that of the body they speak for ("porte-parole du JNIM" → REB).
SPOKES_ROLES = frozenset({"spokesperson"})


def _complement_sector(lr: LanguageResources, tokens: list, named: list[Mention]) -> str | None:
    """Sector of the body named in a title's complement, up to the first comma: a named
    group or organisation with a sector ("du JNIM"), else a sector noun ("de l'armée")."""
    ids = []
    for t in tokens[1:]:
        if t.text in (",", ";", "(") or t.dep_ in CLAUSE_DEPS:
            break
        ids.append(t)
    at = {t.i for t in ids}
    for m in named:
        if m.head in at and m.sector and m.kind in ("organisation", "group", "company"):
            return m.sector
    return next((lr.words["sector_noun"][t.lower_] for t in ids if t.lower_ in lr.words.get("sector_noun", {})), None)


def _extend_name(doc, s: int, e: int, lr: LanguageResources, res: Resources, taken: set[int]) -> int:
    """End of the name starting at s: the people table's longer form of it ("Assimi GOÏTA"
    where the model saw "Assimi"), or the surname written in capitals that follows it."""
    for L in (4, 3, 2):
        if s + L > e and s + L <= len(doc) and fold(doc[s:s + L].text) in res.people:
            return s + L
    if e - s > 2 or fold(doc[s:e].text) in res.people or any(_caps_word(t) for t in doc[s:e]):
        return e
    start = e
    while e < len(doc) and e not in taken and _caps_word(doc[e]) and not lr.acronyms.get(doc[e].text) \
            and e - start < 2:
        e += 1
    return e


def _caps_word(t) -> bool:
    """A word written in capitals, as surnames are in official texts ("GOÏTA", "N'DAW")."""
    letters = [c for c in t.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and all(c.isalpha() or c in "'-’" for c in t.text)


#: Determiners that open a title before a name ("le chef d'état-major…, le général X").
_TITLE_DETS = frozenset({"le", "la", "l'", "les", "du", "de", "des", "au", "aux", "the", "its", "his", "her"})


def _title_before(doc, s: int, lr: LanguageResources) -> list:
    """Tokens of a title set off by a comma before the name, when the parse did not hang the
    name on it: "le chef d'état-major général des armées, le général X" — the name preceded
    only by a rank, an honorific or a determiner, the comma, and a determined title phrase
    (stopping at a verb or punctuation)."""
    j = s - 1
    while j >= 0:
        if doc[j].lower_ in _TITLE_DETS or lr.has("honorific", doc[j].lower_):
            j -= 1
            continue
        # a rank, of one or more words ("le général de brigade X")
        rank = next((L for L in (4, 3, 2, 1) if j - L + 1 >= 0 and
                     lr.roles.get(fold(surface(doc[j - L + 1:j + 1])), ("", ""))[1] in RANKS), 0)
        if not rank:
            break
        j -= rank
    if j < 1 or doc[j].text != ",":
        return []
    end, k = j, j - 1
    while k >= 0 and j - k <= 12 and not (doc[k].is_punct and doc[k].text not in "-‐'’") \
            and doc[k].pos_ not in ("VERB", "AUX"):
        k -= 1
    window = list(doc[k + 1:end])
    for f in find_roles(lr, window):
        start = window[f[2]]
        det = doc[start.i - 1] if start.i > 0 else None
        # a determined title ("le chef…") that runs to the comma, not a verb's object
        if not is_function(lr, f, window) or det is None or det.lower_ not in _TITLE_DETS:
            continue
        if det.i > 0 and doc[det.i - 1].pos_ in ("VERB", "AUX"):
            continue
        return window[f[2]:]
    return []


def _consumed(named: list[Mention], people: list[Mention], doc) -> list[Mention]:
    """Named mentions inside a person's title phrase describe the person: drop them."""
    inside = set()
    for p in people:
        phrase = role_phrase(doc[p.head], set(range(p.start, p.end)))
        inside.update(t.i for t in phrase)
    # a place inside a title ("l'ambassadeur de France à Bamako") still says where things happen
    return [m if m.head not in inside or m.kind not in ("demonym", "country")
            else replace(m, nested=True) for m in named
            if m.head not in inside or m.kind not in ("demonym", "country") or m.place is not None]


# -- the article --------------------------------------------------------------------------
def find_actors(parsed: ParsedArticle, res: Resources) -> ArticleActors:
    """All actor mentions of an article, people resolved and linked across paragraphs."""
    lr = res.lang[parsed.article.lang]
    out = ArticleActors()
    people_by_surname: dict[str, str] = {}
    groups: list[tuple[str, ...]] = []
    seen_codes: Counter = Counter()
    for para in parsed.paragraphs:
        doc = para.doc
        named = find_named(doc, para.index, lr, res)
        people = find_people(doc, para.index, lr, res, named)
        people = _coordinate(doc, people)
        named = _consumed(named, people, doc)
        resolved = []
        for p in people:
            p = _resolve_person(p, out, people_by_surname, res, parsed.article.lang, parsed.article.published)
            resolved.append(p)
        for m in named:
            if m.kind in ("country", "organisation", "group", "company"):
                key = actor_id(m.kind, m.name, m.code)
                _note_actor(out, key, m, parsed.article)
                m = replace(m, key=key)
            resolved.append(m)
        resolved = _members(doc, resolved, lr, res)
        resolved.extend(_anaphors(doc, para.index, lr, resolved, out))
        groups.extend(_groups(doc, resolved, lr))
        seen_codes.update(c for m in resolved if m.kind in ("country", "demonym", "person") for c in m.codes)
        resolved.extend(_pairs(doc, para.index, lr, groups, seen_codes))
        out.mentions[para.index] = sorted(resolved, key=lambda m: m.start)
    _home_country(out, parsed)
    out.dyad = _dyad(out)
    out.salience = tuple(Counter(c for ms in out.mentions.values() for m in ms if not m.nested
                                 and m.kind in SALIENT_KINDS for c in m.codes).most_common())
    if out.dyad:
        for pi, ms in out.mentions.items():
            out.mentions[pi] = [replace(m, codes=out.dyad) if m.kind == "pair" and not m.codes else m for m in ms]
    if parsed.article.author and not _signer(parsed, lr, res, out, people_by_surname):
        a = parsed.article
        role = "auteur" if a.lang == "fr" else "author"
        key = actor_id("person", a.author, None)
        out.actors.setdefault(key, {"name": a.author, "kind": "person", "code": None, "sector": "MED",
                                    "aliases": {a.author}, "roles": {role: ("MED", None)}})
    return out


#: National offices: a holder whose title names no country holds it in the article's own
#: country ("le chef d'état-major général des armées" in a Bamako dispatch).
NATIONAL_ROLES = frozenset({
    "president", "vice_president", "head_of_state", "head_of_government", "prime_minister",
    "deputy_prime_minister", "junta_leader", "minister", "deputy_minister", "foreign_minister",
    "deputy_foreign_minister", "defence_minister", "deputy_defence_minister", "finance_minister",
    "interior_minister", "justice_minister", "security_minister", "spokesperson", "intelligence_chief",
    "national_security_adviser", "army_chief", "deputy_army_chief", "air_force_chief", "navy_chief",
    "commander_in_chief", "speaker", "governor", "prefect", "mayor", "police_chief", "prosecutor", "judge"})


def home_country(out: ArticleActors, parsed: ParsedArticle) -> str | None:
    """The country an article is written from: the first country named in its opening
    paragraphs (title, dateline "BAMAKO, 18 septembre"), else a clearly most-named one."""
    for kinds in (("country", "demonym"), ("place",)):
        for p in parsed.paragraphs[:3]:
            for m in sorted(out.in_para(p.index), key=lambda m: m.start):
                if m.kind in kinds and len(m.codes) == 1 and len(m.codes[0]) == 3:
                    return m.codes[0]
    counts = Counter(c for ms in out.mentions.values() for m in ms if m.kind in ("country", "demonym")
                     for c in m.codes if len(c) == 3).most_common(2)
    if counts and (len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]) and counts[0][1] >= 2:
        return counts[0][0]
    return None


def _home_country(out: ArticleActors, parsed: ParsedArticle) -> None:
    """People holding a national office and state institutions whose country nothing states
    get the home country (institutions without one are dropped)."""
    keys = {m.key for ms in out.mentions.values() for m in ms
            if m.kind == "person" and m.key and not m.codes and m.role_key in NATIONAL_ROLES}
    keys = {k for k in keys if not out.actors[k]["code"]}
    pending = any(m.kind == "institution" for ms in out.mentions.values() for m in ms)
    if not keys and not pending:
        return
    home = home_country(out, parsed)
    for pi, ms in out.mentions.items():
        kept = []
        for m in ms:
            if m.kind == "institution":
                if home is None:
                    continue
                m = replace(m, codes=(home,), kind="organisation", key=actor_id("organisation", m.name, home))
                _note_actor(out, m.key, m, parsed.article)
            kept.append(m)
        out.mentions[pi] = kept
    if home is None:
        return
    for k in keys:
        out.actors[k]["code"] = home
        out.actors[k]["roles"] = {r: (sec, code or home) for r, (sec, code) in out.actors[k]["roles"].items()}
    for pi, ms in out.mentions.items():
        out.mentions[pi] = [replace(m, codes=(home,)) if m.key in keys and not m.codes else m for m in ms]


def _signer(parsed: ParsedArticle, lr: LanguageResources, res: Resources, out: ArticleActors,
            by_surname: dict[str, str]) -> bool:
    """The signature of a communiqué is its signer, not a journalist: an author who, once his
    rank is set aside ("Colonel Abdoulaye MAÏGA"), is a known office-holder, or whose name
    follows a title line ("Le Ministre de…, Porte-parole du Gouvernement,"). True when the
    author was taken as such a person."""
    a = parsed.article
    words = a.author.split()
    while len(words) > 1:
        for L in range(len(words) - 1, 0, -1):
            head = fold(" ".join(words[:L]))
            if head in lr.roles or lr.has("honorific", head) or lr.has("honorific", head.rstrip(".")):
                words = words[L:]
                break
        else:
            break
    name = " ".join(words)
    known = fold(name) in res.people or fold(name) in res.learned_people
    title = None
    if parsed.paragraphs:
        last = parsed.paragraphs[-1].doc
        toks = [t for t in last if not t.is_space]
        if toks and toks[-1].text in (",", ":"):
            found = find_role(lr, toks[:-1])
            if found[0] and found[2] is not None and found[2] <= 1:
                title = (last[toks[found[2]].i:toks[-1].i].text, found[1], found[3])
    if not known and title is None:
        return False
    role, sector, role_key = title or (None, None, None)
    p = Mention(parsed.paragraphs[-1].index if parsed.paragraphs else 0, 0, 0, 0, a.author, (), "person", name,
                sector=sector, role=role, role_key=role_key, nested=True)
    _resolve_person(p, out, by_surname, res, a.lang, a.published)
    return True


def _anaphors(doc, para: int, lr: LanguageResources, here: list[Mention], out: ArticleActors) -> list[Mention]:
    """Definite descriptions of actors already met: "le chef de l'État" → the person last
    named with that role; "l'organisation", "the bloc" → the organisation last named."""
    taken = {i for m in here for i in range(m.start, m.end)}
    phrases = set()
    for m in here:
        if m.kind == "person":
            phrases |= {t.i for t in role_phrase(doc[m.head], set(range(m.start, m.end)))}
    people = [m for ms in out.mentions.values() for m in ms if m.kind == "person" and m.key and not m.nested]
    people += [m for m in here if m.kind == "person" and m.key and not m.nested]
    orgs = [m for ms in out.mentions.values() for m in ms if m.kind == "organisation" and m.code and not m.institution]
    orgs += [m for m in here if m.kind == "organisation" and m.code and not m.institution]
    found = []
    for t in doc:
        if t.i in taken or t.i in phrases or t.pos_ not in ("NOUN", "PROPN"):
            continue
        definite = any(c.dep_ == "det" and c.lower_ in ("le", "la", "l'", "l’", "the", "ce", "cette", "this")
                       for c in t.children)
        if not definite:
            continue
        sub = {x.i for x in t.subtree}
        if any(m.head in sub and m.codes for m in here):  # "le ministre malien": the demonym says it
            continue
        target = None
        if lr.has("org_anaphor", t.lower_) and orgs:
            target = orgs[-1]
        else:
            words = [x.text for x in t.subtree if x.i >= t.i][:5]
            key = None
            for L in range(len(words), 0, -1):
                hit = lr.roles.get(fold(" ".join(words[:L]).replace(" '", "'").replace("' ", "'")))
                if hit:
                    key = hit[1]
                    break
            if key and key not in RANKS:
                target = next((p for p in reversed(people) if p.role_key == key), None)
        if target is not None:
            found.append(replace(target, para=para, start=t.i, end=t.i + 1, head=t.i, text=t.text, locative=False))
    return found


#: Member states a "pays de X" phrase is expanded to at most; a larger bloc stays itself.
MAX_EXPANDED = 5


def _members(doc, mentions: list[Mention], lr: LanguageResources, res: Resources) -> list[Mention]:
    """"les pays de l'AES", "AES member states": the phrase stands for the member states."""
    out = []
    for m in mentions:
        members = res.knowledge.members.get(m.code or "") if m.kind == "organisation" else None
        if members and len(members) > MAX_EXPANDED:
            members = None  # "les pays de la CEDEAO": a bloc of fifteen acts as the bloc
        t = doc[m.head]
        owner = t.head if t.dep_ in ("nmod", "compound", "poss") and t.head.i != t.i else None
        if members and owner is not None and lr.has("group_noun", owner.lower_):
            out.append(replace(m, codes=members, kind="pair", name=m.name))
        else:
            out.append(m)
    return out


def _coordinate(doc, people: list[Mention]) -> list[Mention]:
    """"X, ministre malien…, et Y, ministre de…": Y without a country takes X's."""
    by_head = {p.head: p for p in people}
    out = []
    for p in people:
        if not p.codes:
            t = doc[p.head]
            partner = by_head.get(t.head.i) if t.dep_ == "conj" else None
            partner = partner or next((by_head[c.i] for c in t.children if c.dep_ == "conj" and c.i in by_head), None)
            if partner and partner.codes and p.role:
                p = replace(p, codes=partner.codes)
        out.append(p)
    return out


def _kb_valid(r: dict[str, str], day: str | None) -> bool:
    return bool(day) and (not r["start"] or r["start"][:len(day)] <= day) and \
        (not r["end"] or day[:len(r["end"])] <= r["end"])


def _kb_row(rows: list[dict[str, str]], day: str | None) -> dict[str, str]:
    """The seed-table row of a person valid on the article's day, else the most recent one."""
    return next((r for r in rows if _kb_valid(r, day)), None) or max(rows, key=lambda r: r["start"] or "")


def _resolve_person(p: Mention, out: ArticleActors, by_surname: dict[str, str], res: Resources, lang: str,
                    day: str | None = None) -> Mention:
    words = p.name.split()
    key = None
    if len(words) == 1 or fold(words[-1]) == fold(p.name):
        key = by_surname.get(fold(words[-1]))
    if key is None:
        kb = res.people.get(fold(p.name), [])
        learned = res.learned_people.get(fold(p.name))
        code, sector, role = p.code, p.sector, p.role
        if kb:
            # the curated table knows better than a rank in a title ("le Général X", a head of state)
            row = _kb_row(kb, day)
            if code and row["code"].startswith("IGO:") and not code.startswith("IGO:") and _kb_valid(row, day):
                # "la Rwandaise X" gives a nationality; the office X holds that day gives the actor
                code = row["code"]
            code = code or row["code"] or None
            sector = row["sector"] or sector
            role = role or row.get(f"role_{lang}") or None
            canonical = row["name"]
        elif learned:
            # what earlier articles taught about this person, kept in the store with its sources
            code, sector, role = code or learned["code"], sector or learned["sector"], role
            canonical = learned["name"]
        else:
            canonical = p.name
        if key is None:
            key = actor_id("person", canonical, None)
        known = out.actors.get(key)
        if known:
            code = code or known["code"]
            sector = sector or known["sector"]
        p = replace(p, codes=(code,) if code else (), sector=sector, role=role, key=key, name=canonical)
    else:
        known = out.actors[key]
        p = replace(p, codes=(known["code"],) if known["code"] else p.codes, sector=known["sector"] or p.sector,
                    key=key, name=known["name"])
    by_surname.setdefault(fold(words[-1]), key)
    _note_actor(out, key, p, None)
    return p


def _note_actor(out: ArticleActors, key: str, m: Mention, article) -> None:
    a = out.actors.setdefault(key, {"name": m.name, "kind": m.kind, "code": m.code, "sector": m.sector,
                                    "aliases": set(), "roles": {}})
    a["aliases"].add(m.text)
    if m.kind == "person":
        a["code"] = a["code"] or m.code
        a["sector"] = a["sector"] or m.sector
        if m.role:
            a["roles"].setdefault(m.role, (m.sector, m.code))


def _groups(doc, mentions: list[Mention], lr: LanguageResources) -> list[tuple[str, ...]]:
    """Countries listed together ("le Burkina Faso, le Mali et le Niger"), in text order."""
    out, cur, last_end = [], [], None
    for m in sorted((m for m in mentions if m.kind in ("country", "demonym") and len(m.codes) == 1 and not m.locative),
                    key=lambda m: m.start):
        glue = last_end is not None and all(lr.has("list_glue", t.lower_) for t in doc[last_end:m.start])
        if cur and glue:
            cur.append(m.code)
        else:
            if len(set(cur)) >= 2:
                out.append(tuple(dict.fromkeys(cur)))
            cur = [m.code]
        last_end = m.end
    if len(set(cur)) >= 2:
        out.append(tuple(dict.fromkeys(cur)))
    return out


def _pairs(doc, para: int, lr: LanguageResources, groups: list[tuple[str, ...]], counts: Counter) -> list[Mention]:
    """"les deux pays", "the three juntas": the last group of that many countries listed in the
    article, else its that-many most mentioned countries (the dyad for two)."""
    out = []
    for t in doc:
        n = lr.words.get("count", {}).get(t.lower_)
        if n and t.head.i != t.i and lr.has("group_noun", t.head.lower_):
            n = int(n)
            codes = next((g for g in reversed(groups) if len(g) == n), None)
            if codes is None and n > 2:
                top = [c for c, _ in counts.most_common(n) if len(c) == 3]
                codes = tuple(top) if len(top) == n else None
            h = t.head
            out.append(Mention(para, min(t.i, h.i), max(t.i, h.i) + 1, h.i,
                               doc[min(t.i, h.i):max(t.i, h.i) + 1].text, tuple(sorted(codes)) if codes else (),
                               "pair", "pair"))
    return out


def _dyad(out: ArticleActors) -> tuple[str, ...]:
    """The two countries the article is about: the two most mentioned, if both recur."""
    counts = Counter(c for ms in out.mentions.values() for m in ms
                     if m.kind in ("country", "demonym", "person") for c in m.codes if len(c) == 3)
    top = counts.most_common(2)
    if len(top) == 2 and top[1][1] >= 2:
        return tuple(sorted(c for c, _ in top))
    return ()


def article_actors(aa: ArticleActors, article) -> list[Actor]:
    """The article's canonical actors as records (roles carry this article as their source)."""
    out = []
    for key, a in aa.actors.items():
        roles = tuple(ActorRole(r, code or a["code"], sector or a["sector"], article.published, article.published,
                                (article.id,)) for r, (sector, code) in a["roles"].items())
        out.append(Actor(key, a["name"], a["kind"] if a["kind"] != "company" else "organisation",
                         a["code"], a["sector"], tuple(sorted(a["aliases"] - {a["name"]})), roles, (article.id,)))
    return out
