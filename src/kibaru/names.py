"""names: countries, organisations, groups, demonyms, capitals and places named in a paragraph,
looked up in the gazetteer (longest form first, pruned by the prefixes of known names)."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from .knowledge import normalise_form
from .resources import MAX_FORM_TOKENS, LanguageResources, PlaceEntry, Resources, fold, is_acronym
from .titles import surface
from .mentions import PERSON_LABELS, Mention


# -- gazetteer ---------------------------------------------------------------------------
def lookup(lr: LanguageResources, text: str):
    form = text.replace("’", "'").strip()
    if is_acronym(form):
        # a country or capital written in capitals, as datelines are ("BAMAKO, 18 septembre")
        return lr.acronyms.get(form, []) or [e for e in lr.gazetteer.get(fold(form), []) if len(form) >= 4
                                             and e.kind == "country" and e.form_kind in ("name", "capital")]
    found = [e for e in lr.gazetteer.get(fold(form), []) if e.form_kind != "prefix"]
    if not found and len(form) >= 4 and form[0].isupper() and form[1:].isalpha() and form[1:].islower():
        # "l'Otan", "l'Unicef": an organisation's acronym written as a word, as many papers do
        found = [e for e in lr.acronyms.get(form.upper(), []) if e.kind == "organisation"]
    return found


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


def _leader(lr: LanguageResources, text: str) -> tuple[str, ...]:
    """"US-led", "French-led": the country leading (a coalition, a war) — the main party of it."""
    name, _, suffix = text.rpartition("-")
    if not name or not lr.has("leader_suffix", suffix.lower()):
        return ()
    return tuple(dict.fromkeys(e.code for e in lookup(lr, name) if e.kind in ("country", "organisation") and e.code))


def span_head(doc, start: int, end: int) -> int:
    for t in doc[start:end]:
        if not (start <= t.head.i < end) or t.head.i == t.i:
            return t.i
    return start


def _where(lr: LanguageResources, place) -> bool:
    """Is this place noun ("capitale", "city", "frontière") where something happens — after a
    locative preposition ("dans la capitale", "near the border", "près de la frontière")?"""
    if not lr.has("place_noun", place.lemma_.lower()):
        return False
    marks = [c.lower_ for c in place.children if c.dep_ in ("case", "advmod")]  # ("près de la capitale")
    if place.dep_ == "pobj" or place.head.pos_ in ("ADV", "ADP"):
        marks.append(place.head.lower_)  # "near the border", "près de la frontière"
        if place.head.head.pos_ in ("ADV", "ADP"):
            marks.append(place.head.head.lower_)  # "outside of the city"
    return any(lr.has(k, w) for w in marks for k in ("loc_prep", "near_prep"))


def _locative(lr: LanguageResources, doc, start: int, head: int | None = None) -> bool:
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.lower_ in ("le", "la", "l'", "the") and start > 1:
        prev = doc[start - 2]
    if prev is not None and lr.has("loc_prep", prev.lower_):
        return True
    if prev is not None and prev.i > 0 and lr.has("de_prep", prev.lower_) and lr.has("near_prep", doc[prev.i - 1].lower_):
        return True  # "près de Tombouctou", "non loin de Gao"
    if prev is not None and lr.has("dest_prep", prev.lower_) and head is not None and any(
            lr.has("depart_verb", a.lemma_.lower()) for a in list(doc[head].ancestors)[:2]):
        return True  # "a quitté Dakar pour Nouakchott", "left for Moscow": where the trip goes
    if head is None:
        return False
    # "outside the Iraqi city of Basra", "dans la ville de Gao": the name of a place noun that is where
    t = doc[head]
    up = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("of", "de", "d'") else t.head if t.dep_ in ("nmod", "appos") else None
    return up is not None and up.i != t.i and _where(lr, up)


def _reached(lr: LanguageResources, t) -> bool:
    """"a regagné Bangui", "a rejoint Niamey": a town a journey reaches is where, not a party."""
    return t.dep_ in ("obj", "dobj", "obl", "obl:mod", "obl:arg") and not any(c.dep_ == "case" for c in t.children) \
        and lr.has("reach_verb", t.head.lemma_.lower())


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
    # ("Thérèse Kayikwamba Wagner": a surname an armed group also bears, after a person's first
    # names; a company named after its founder, "Aliko Dangote", stays known)
    in_name = {i for e in doc.ents if e.label_ in PERSON_LABELS and len(e) > 1 for i in range(e.start + 1, e.end)}
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
            entries = [e for e in lookup(lr, span.text) if i not in in_name or e.kind != "group"]
            places = res.places.get(fold(span.text), []) if span[0].text[:1].isupper() and i not in in_person else []
            compound = _compound_demonym(lr, span.text) or _leader(lr, span.text) if "-" in span.text else ()
            if entries or places or compound:
                found = (L, span, entries, places, compound)
                break
        if not found and i > 0 and doc[i].text[:1].isupper() and (art := lr.words.get("contracted", {}).get(doc[i - 1].lower_)):
            # "au Caire", "du Cap": the place's own article is in the preposition ("Le Caire")
            found = next(((L, doc[i:i + L], lookup(lr, f"{art.capitalize()} {doc[i:i + L].text}"), ps, ())
                          for L in range(min(3, n - i), 0, -1)
                          if (ps := res.places.get(fold(f"{art} {doc[i:i + L].text}"), []))), None)
        if not found:
            i += 1
            continue
        L, span, entries, places, compound = found
        head, capital = span_head(doc, i, i + L), None
        loc = _locative(lr, doc, i, head) or bool(places) and _reached(lr, doc[head])
        if compound:
            out.append(Mention(para, i, i + L, head, span.text, compound, "demonym", span.text))
        elif entries:
            e = entries[0]
            if e.form_kind == "capital" and not loc and fold(span.text) in res.seat_metonyms:
                e = res.seat_metonyms[fold(span.text)]  # "Bruxelles a suspendu son aide": the EU
            if e.kind == "institution" and _in_title(lr, doc, i, L):
                i += L  # "chef d'état-major": part of a person's title
                continue
            if e.kind == "institution":
                out.append(Mention(para, i, i + L, head, span.text, (), "institution", e.canonical,
                                   sector=e.sector, locative=loc, institution=True))
                i += L
                continue
            if i + L < n and lr.has("currency", doc[i + L].lower_):
                i += L  # "US $50 million", "Hong Kong dollars": a currency, not a party
                continue
            if e.form_kind == "name" and (i > 0 and lr.has("feature_noun", doc[i - 1].lemma_.lower())
                                          or i + L < n and lr.has("feature_noun", doc[i + L].lemma_.lower())):
                i += L  # "le fleuve Niger", "Lake Chad": a river or a lake, not the country
                continue
            if e.form_kind == "demonym" and i > 0 and lr.has("ethnic_marker", doc[i - 1].lower_):
                i += L  # "ethnic Albanians in Serbia": people of a group, not the country Albania
                continue
            if e.form_kind == "demonym":
                kind, sector = "demonym", _sector_of_noun(lr, doc[head].head)
                # "dans la capitale nigériane", "près de la frontière algérienne": a nationality
                # describing where something happens, not a party to it
                loc = _where(lr, doc[head].head)
            else:
                kind, sector = e.kind, e.sector
            place = places[0] if places else None
            if e.form_kind in ("capital", "seat"):
                place = place or _place_of_country(res, e.code)
            elif (capital := _capital_of(lr, doc, head, e.form_kind)) is not None:
                # "la capitale malienne", "the capital of Mali": the country's capital, named
                # as a place — where, when a locative preposition opens it, else a party
                kind, place, loc = "country", _place_of_country(res, e.code), _where(lr, capital)
            # ("au Kremlin", "à l'Élysée": a seat of power is where its town is, named as the town)
            town = place is not None and (capital is not None or place.feature == "seat")
            out.append(Mention(para, i, i + L, head, span.text, (e.code,), kind, e.canonical,
                               sector=sector, locative=loc, place=place,
                               place_name=lr.capital_name(place.country, res.capitals.get(place.country) or place)
                               if town else None))
        elif places and (doc[head].pos_ == "PROPN" or _division_named(lr, doc, i) or _capitals(span)) and not (
                doc[head].dep_ == "compound" and lr.has("office_noun", doc[head].head.lemma_.lower())):
            # ("the Bush administration": a president's name, whatever town bears it)
            p = places[0]
            if _division_named(lr, doc, i):  # "la région de Kidal": the region, not its town
                p = next((c for c in places if c.feature == "region"), p)
            out.append(Mention(para, i, i + L, head, span.text, (p.country,), "place", p.name,
                               locative=loc, place=p))
        i += L
    out = _compass_regions(doc, _places_in_context(doc, out, res), lr, res)
    out += _unlisted_places(doc, para, lr, out)
    return _qualify_institutions(doc, out)


def _capitals(span) -> bool:
    """A name in capitals ("LA HAYE, 25 juin (Reuters)"), whose words the tagger cannot read."""
    return span.text.isupper() and len(span.text) > 3


def _division_named(lr: LanguageResources, doc, i: int) -> bool:
    """Does a division noun open the name ("la région de Kidal", "la région de l'Extrême-Nord",
    "the state of Borno")?"""
    j = i - 1 if i > 0 and doc[i - 1].lower_ in ("l'", "l’", "la", "le", "the") else i
    return j > 1 and doc[j - 1].lower_ in ("de", "d'", "du", "of") \
        and lr.words.get("place_noun", {}).get(doc[j - 2].lemma_.lower()) == "division"


def _places_in_context(doc, found: list[Mention], res: Resources) -> list[Mention]:
    """A place name several countries have ("Hyderabad", "Saint-Louis") is the one in a country
    its sentence names ("à Hyderabad, dans le sud du Pakistan")."""
    out = []
    for m in found:
        cands = res.places.get(fold(m.text), []) if m.kind == "place" else []
        sent = doc[m.head].sent
        named = {c for n in found if n.kind in ("country", "demonym") and sent.start <= n.head < sent.end for c in n.codes}
        if len({p.country for p in cands}) > 1 and m.place.country not in named:
            p = next((p for p in cands if p.country in named), None)
            if p is not None:
                m = replace(m, codes=(p.country,), name=p.name, place=p)
        out.append(m)
    return out


def _compass_regions(doc, found: list[Mention], lr: LanguageResources, res: Resources) -> list[Mention]:
    """"dans le sud du Liban", "au nord du Darfour", "in southern Lebanon": a side of a country or
    a region that the gazetteer lists as a region of its own ("Sud-Liban", "Darfour-Nord") is that
    region; a side no list names stays the country or region named."""
    out = []
    for m in found:
        j = m.start - 1
        if j > 0 and doc[j].lower_ in ("la", "l'", "l’", "the"):
            j -= 1
        if j > 0 and doc[j].lower_ in ("du", "de", "d'", "d’", "of"):
            j -= 1
        elif j != m.start - 1 or j < 0:
            j = -1  # "southern Lebanon": the side word right before the name
        side = lr.words.get("compass", {}).get(doc[j].lower_) if j >= 0 and m.kind in ("country", "place") else None
        if side is not None:
            name = fold(m.text)
            words = {fold(side), fold(doc[j].text)}
            keys = [k for w in words for k in (f"{w}-{name}", f"{name}-{w}", f"{w} {name}", f"{name} {w}", f"{name} du {w}")]
            region = next((p for k in keys for p in res.places.get(k, [])
                           if p.feature == "region" and p.country in m.codes), None)
            if region is not None:
                m = replace(m, place=region, place_name=region.name, locative=m.locative or _locative(lr, doc, j))
        out.append(m)
    return out


def _unlisted_places(doc, para: int, lr: LanguageResources, found: list[Mention]) -> list[Mention]:
    """Places no gazetteer lists (a neighbourhood, a camp, a border post: "à Faladié", "près de
    Tinzaouatène", "sa base de Port-Bouët"), named where something happens: kept by their name,
    in the country of the nearest place the sentence names, with no GeoNames id."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out = []
    placed = _placed_names(doc, lr)
    for e in [*placed, *doc.ents]:
        if e.label_ not in PLACE_LABELS and e.label_ != "placed" or any(i in taken for i in range(e.start, e.end)) \
                or not e.text[:1].isupper():
            continue
        prev = doc[e.start - 1] if e.start > 0 else None
        if prev is None:
            continue
        here = lr.has("loc_prep", prev.lower_) or lr.has("near_prep", prev.lower_) or (
            prev.lower_ in ("de", "d'", "of") and e.start > 1 and lr.has("place_noun", doc[e.start - 2].lemma_.lower())) or (
            prev.lower_ in ("de", "d'") and e.start > 1 and lr.has("near_prep", doc[e.start - 2].lower_))
        if not here or e.label_ != "placed" and (e.root.dep_ in ("obl:arg", "obj", "dobj", "iobj")
                                                 or e.root.dep_.startswith("nsubj")):
            continue  # "lié à Al-Qaïda": what a verb takes, no place
        # the country of the nearest place the sentence names, else of the nationality it names
        # ("l'armée mozambicaine … dans la province de Cabo Delgado")
        country = next((m.codes[0] for kinds in (("place", "country"), ("demonym",))
                        for m in sorted(found, key=lambda m: abs(m.start - e.start))
                        if m.kind in kinds and len(m.codes) == 1 and len(m.codes[0]) == 3
                        and e.sent.start <= m.start < e.sent.end), "")
        taken.update(range(e.start, e.end))
        place = PlaceEntry(None, e.text, country, None, None, "unlisted")
        out.append(Mention(para, e.start, e.end, e.root.i, e.text, (country,) if country else (), "place", e.text,
                           locative=True, place=place))
    return out


def _placed_names(doc, lr: LanguageResources) -> list:
    """"à Moura, dans le centre du pays", "à Tinzaouatène, près de la frontière": a name after a
    locative preposition that a locative phrase then places is a place, whatever the tagger
    thought it was."""
    out = []
    for t in doc:
        if not (lr.has("loc_prep", t.lower_) and t.i + 3 < len(doc) and doc[t.i + 1].pos_ == "PROPN"):
            continue
        end = t.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and end - t.i <= 3:
            end += 1
        if end + 1 < len(doc) and doc[end].text == "," and (
                lr.has("loc_prep", doc[end + 1].lower_) or lr.has("near_prep", doc[end + 1].lower_)):
            out.append(Span(doc, t.i + 1, end, label="placed"))
    return out


#: spaCy entity labels of places.
PLACE_LABELS = {"LOC", "GPE"}


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


def bare_capitals(doc, para: int, lr: LanguageResources, res: Resources, home: str,
                  found: list[Mention]) -> list[Mention]:
    """"Rentré dans la capitale jeudi", "protests in the capital": the word alone, where
    something happens, is the capital of the country the article is written from (a capital
    qualified — "la capitale malienne", "the capital of Niger" — is its country's, see `_capital_of`)."""
    capital = res.capitals.get(home)
    if capital is None:
        return []
    taken = {m.head for m in found} | {doc[m.head].head.i for m in found} | {m.start - 1 for m in found}
    out = []
    for t in doc:
        if _capital_noun(lr, t) and t.i not in taken \
                and any(c.dep_ == "det" and lr.has("definite", c.lower_) for c in t.children) \
                and not any(c.dep_ in ("amod", "nmod", "appos", "compound") for c in t.children) \
                and (_where(lr, t) or _of_a_where(lr, t)):
            out.append(Mention(para, t.i, t.i + 1, t.i, t.text, (home,), "country", t.text, locative=True,
                               place=capital, place_name=lr.capital_name(home, capital)))
    return out


def _of_a_where(lr: LanguageResources, t) -> bool:
    """"à son domicile de la capitale", "dans les rues de la capitale": the complement of a
    noun that says where."""
    return t.dep_ in ("nmod", "pobj") and any(c.dep_ == "case" and lr.has("de_prep", c.lower_) for c in t.children) \
        and any(c.dep_ == "case" and (lr.has("loc_prep", c.lower_) or lr.has("near_prep", c.lower_))
                for c in t.head.children)


def _capital_noun(lr: LanguageResources, t) -> bool:
    """Is this the word "capitale" / "capital"?"""
    return lr.words.get("place_noun", {}).get(t.lemma_.lower()) == "capital"


def _capital_of(lr: LanguageResources, doc, head: int, form_kind: str):
    """The word "capital" this country name or nationality qualifies ("la capitale malienne",
    "la capitale du Mali", "Mali's capital"), if any."""
    t = doc[head]
    if form_kind == "demonym" and t.i > 0 and _capital_noun(lr, doc[t.i - 1]) and t.pos_ == "ADJ":
        return doc[t.i - 1]  # (right after it, wherever the parser hung the adjective)
    noun = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" else t.head
    if noun.i == t.i or not _capital_noun(lr, noun):
        return None
    if form_kind == "demonym":
        return noun if t.dep_ == "amod" else None
    return noun if t.dep_ in ("pobj", "poss") or t.dep_ == "nmod" and any(
        c.dep_ == "case" and lr.has("de_prep", c.lower_) for c in t.children) else None


def _place_of_country(res: Resources, code: str):
    """A seat of power without a place entry of its own is in the country's capital."""
    return res.capitals.get(code)


def _sector_of_noun(lr: LanguageResources, token) -> str | None:
    return lr.words.get("sector_noun", {}).get(token.lower_)
