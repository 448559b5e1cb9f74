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

from collections import Counter
from dataclasses import replace

from .nlp import ParsedArticle
from .records import Actor, ActorRole
from .resources import LanguageResources, Resources, fold
from .titles import RANKS, find_role, role_phrase
from .mentions import SALIENT_KINDS, ArticleActors, Mention, actor_id, note_actor  # noqa: F401 (re-exported)
from .names import bare_capitals, find_named
from .event_places import dateline_of
from .people import consumed, coordinate, find_people, resolve_person


# -- the article --------------------------------------------------------------------------
def find_actors(parsed: ParsedArticle, res: Resources) -> ArticleActors:
    """All actor mentions of an article, people resolved and linked across paragraphs."""
    lr = res.lang[parsed.article.lang]
    out = ArticleActors()
    people_by_surname: dict[str, str] = {}
    groups: list[tuple[str, ...]] = []
    blocs: list[tuple[str, ...]] = []  # member states of small blocs named ("l'AES")
    nationals: dict[tuple, Mention] = {}  # (noun lemma, number) → its last nationality ("militaires ivoiriens")
    seen_codes: Counter = Counter()
    for para in parsed.paragraphs:
        doc = para.doc
        named = find_named(doc, para.index, lr, res)
        people = find_people(doc, para.index, lr, res, named)
        people = coordinate(doc, people)
        named = consumed(named, people, doc)
        resolved = []
        for p in people:
            p = resolve_person(p, out, people_by_surname, res, parsed.article.lang, parsed.article.published)
            resolved.append(p)
        for m in named:
            if m.kind in ("country", "organisation", "group", "company"):
                key = actor_id(m.kind, m.name, m.code)
                note_actor(out, key, m, parsed.article)
                m = replace(m, key=key)
            resolved.append(m)
        resolved = _members(doc, resolved, lr, res)
        resolved.extend(_anaphors(doc, para.index, lr, resolved, out))
        resolved.extend(_nominal_anaphors(doc, para.index, lr, resolved, nationals))
        resolved.extend(_own_countries(doc, lr, resolved))
        groups.extend(_groups(doc, resolved, lr))
        blocs.extend(b for m in resolved if m.kind == "organisation"
                     and 0 < len(b := res.knowledge.members.get(m.code or "", ())) <= MAX_EXPANDED)
        seen_codes.update(c for m in resolved if m.kind in ("country", "demonym", "person") for c in m.codes)
        resolved.extend(_pairs(doc, para.index, lr, blocs + groups, seen_codes))
        out.mentions[para.index] = sorted(resolved, key=lambda m: m.start)
    _home_country(out, parsed)
    out.home = home_country(out, parsed)
    if out.home:  # "rentré dans la capitale": the capital of the country the article is written from
        for para in parsed.paragraphs:
            out.mentions[para.index] = sorted(out.in_para(para.index) + bare_capitals(
                para.doc, para.index, lr, res, out.home, out.in_para(para.index)), key=lambda m: m.start)
    out.dyad = _dyad(out)
    dateline = dateline_of(parsed, out, lr.words.get("correspondent_noun", {}))  # ("DAKAR, 29 janvier (APS) -": where it is filed, not whom it is about)
    out.salience = tuple(Counter(c for ms in out.mentions.values() for m in ms if not m.nested and m is not dateline
                                 and m.kind in SALIENT_KINDS and not (m.kind == "demonym" and m.locative)
                                 for c in m.codes).most_common())
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
    paragraphs (title, dateline "BAMAKO, 18 septembre"), else the first place, else the first
    nationality ("bases françaises" in a Dakar title qualifies a thing, not the writer), else
    a clearly most-named one."""
    for kinds in (("country",), ("place",), ("demonym",)):
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
                note_actor(out, m.key, m, parsed.article)
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
    resolve_person(p, out, by_surname, res, a.lang, a.published)
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
        before = [m for m in orgs if m.para != para or m.start < t.i]  # "l'organisation": one named before
        if lr.has("org_anaphor", t.lower_) and before:
            target = before[-1]
        else:
            words = [x.text for x in t.subtree if x.i >= t.i][:5]
            key = None
            for L in range(len(words), 0, -1):
                hit = lr.roles.get(fold(" ".join(words[:L]).replace(" '", "'").replace("' ", "'")))
                if hit:
                    key = hit[1]
                    break
            if key and key not in RANKS:
                target = next((p for p in reversed(people) if p.role_key == key and (p.para != para or p.start < t.i)), None)
        if target is not None:
            found.append(replace(target, para=para, start=t.i, end=t.i + 1, head=t.i, text=t.text, locative=False))
    return found


def _nominal_anaphors(doc, para: int, lr: LanguageResources, here: list[Mention],
                      nationals: dict[tuple, Mention]) -> list[Mention]:
    """"les militaires ivoiriens … ces militaires", "the Malian authorities … the authorities":
    a definite noun phrase without a nationality of its own repeats the last one its noun had."""
    taken = {i for m in here for i in range(m.start, m.end)}
    qualified = {doc[m.head].head.i: m for m in here if m.kind == "demonym" and len(m.codes) == 1
                 and doc[m.head].head.pos_ == "NOUN" and doc[m.head].head.i != m.head}
    found = []
    for t in doc:
        number = tuple(t.morph.get("Number"))
        if t.i in qualified:
            nationals[(t.lemma_.lower(), number)] = qualified[t.i]
            continue
        counted = any(c.dep_ == "nummod" for c in t.children)
        if t.pos_ != "NOUN" or t.i in taken or counted and lr.has("group_noun", t.lower_):
            continue  # "la délégation malienne … les deux délégations": another group
        prev = nationals.get((t.lemma_.lower(), number))
        definite = counted or any(c.dep_ == "det" and (lr.has("demonstrative", c.lower_) or c.lower_ in DEFINITE)
                                  for c in t.children)  # "trois militaires" of the forty-six named
        if prev is not None and definite and not any(c.dep_ in ("nmod", "amod") and c.i in taken for c in t.children):
            found.append(replace(prev, para=para, start=t.i, end=t.i + 1, head=t.i, text=t.text, locative=False))
    return found


def _own_countries(doc, lr: LanguageResources, here: list[Mention]) -> list[Mention]:
    """"Le ministre soudanais a assuré que son pays et la Russie…", "Mali said its country…": a
    possessive before a country noun is the country of the party its sentence named last."""
    found = []
    for t in doc:
        own = [c for c in t.children if c.dep_.startswith("det") and lr.has("possessive", c.lower_)]
        if not lr.has("country_noun", t.lower_) or not own or "Plur" in own[0].morph.get("Number") + t.morph.get("Number"):
            continue  # ("le soutien de leurs pays": several)
        sent = t.sent
        # (the last one named, if its country is known: "M. Abiy a assuré que son pays…" is not
        # the country named before him)
        owner = sorted((m for m in here if sent.start <= m.head < t.i and not m.locative
                        and m.kind in ("person", "demonym", "country")), key=lambda m: m.head)
        if owner and len(owner[-1].codes) == 1:
            o = owner[-1]
            found.append(Mention(o.para, t.i, t.i + 1, t.i, t.text, o.codes, "country", o.codes[0]))
    return found


#: Definite articles (any language): "les militaires", "the authorities".
DEFINITE = frozenset({"le", "la", "l'", "l’", "les", "the"})


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


def _groups(doc, mentions: list[Mention], lr: LanguageResources) -> list[tuple[str, ...]]:
    """Countries listed together ("le Burkina Faso, le Mali et le Niger"), in text order."""
    out, cur, last_end = [], [], None
    for m in sorted((m for m in mentions if m.kind in ("country", "demonym") and len(m.codes) == 1),
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
    article, else the members of a bloc of that size it names, else its that-many most
    mentioned countries (the dyad for two)."""
    out = []
    for t in doc:
        n = lr.words.get("count", {}).get(t.lower_)
        if n and t.head.i != t.i and lr.has("group_noun", t.head.lower_):
            n = int(n)
            codes = next((g for g in reversed(groups) if len(g) == n), None)
            countries = [c for c, _ in counts.most_common() if len(c) == 3]
            if codes is None and (n > 2 or len(countries) == n):  # two named so far: those two
                top = countries[:n]
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
