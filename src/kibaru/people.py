"""people: persons named in a paragraph, their role, sector and country from their title or
apposition, the people table or what earlier articles taught; later mentions linked."""
from __future__ import annotations

from dataclasses import replace

from .resources import LanguageResources, Resources, fold
from .titles import CLAUSE_DEPS, RANKS, find_role, find_roles, is_function, role_phrase, surface
from .mentions import PERSON_LABELS, ArticleActors, Mention, actor_id, note_actor
from .names import lookup, span_head


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
                and not lookup(lr, ent.text):
            head = doc[span_head(doc, ent.start, ent.end)]
            if head.dep_ == "appos" and fold(head.head.text) in lr.roles or _title_before(doc, ent.start, lr):
                spans.append((ent.start, ent.end))
    out, seen = [], set()
    for s, e in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if any(i in seen or i in taken for i in range(s, e)):
            continue
        while s < e and (lr.has("honorific", doc[s].lower_) or fold(doc[s].text) in lr.roles):
            s += 1
        rest = [t for t in doc[s:e] if not lr.has("name_particle", t.lower_)]
        particle = s < e and lr.has("name_particle", doc[s].lower_) and bool(rest) and all(
            t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)
        if s >= e or not particle and (not doc[s].text[:1].isupper() or doc[s].is_stop) or doc[e - 1].is_punct:
            continue  # (a surname may open with its particle: "Mme von der Leyen", "M. de Villepin")
        e = _extend_name(doc, s, e, lr, res, taken)
        if any(i in seen or i in taken for i in range(s, e)):
            continue
        seen.update(range(s, e))
        name = doc[s:e].text
        head = span_head(doc, s, e)
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
    # a list of names ("A, B et C ont réaffirmé…") nests no one: only a title does
    phrases = {h: ids for h, ids in phrases.items() if any(doc[i].pos_ == "NOUN" for i in ids)}
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


def consumed(named: list[Mention], people: list[Mention], doc) -> list[Mention]:
    """Named mentions inside a person's title phrase describe the person: drop them."""
    inside = set()
    for p in people:
        phrase = role_phrase(doc[p.head], set(range(p.start, p.end)))
        inside.update(t.i for t in phrase)
    # a place inside a title ("l'ambassadeur de France à Bamako") still says where things happen
    return [m if m.head not in inside or m.kind not in ("demonym", "country")
            else replace(m, nested=True) for m in named
            if m.head not in inside or m.kind not in ("demonym", "country") or m.place is not None]


def coordinate(doc, people: list[Mention]) -> list[Mention]:
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


def resolve_person(p: Mention, out: ArticleActors, by_surname: dict[str, str], res: Resources, lang: str,
                    day: str | None = None) -> Mention:
    words = p.name.split()
    key = None
    lr = res.lang.get(lang)
    if len(words) == 1 or fold(words[-1]) == fold(p.name) or lr is not None and all(
            lr.has("name_particle", w.lower()) for w in words[:-1]):  # "von der Leyen" is a surname
        key = by_surname.get(fold(words[-1]))
    if key is None:
        kb = res.people.get(fold(p.name), []) or (res.people_surnames.get(fold(p.name), []) if len(words) == 1 else [])
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
    note_actor(out, key, p, None)
    return p
