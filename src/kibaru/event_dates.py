"""event_dates: which day an event is given, from the expressions of its sentence and the story.

`dates.py` resolves time expressions to intervals; this module chooses among them for one
event: the expression of the trigger's own clause (not another noun's date), else — for an
event that happened — the day the narrative is on, or the publication day for a statement in
the present.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from .dates import TimeParser
from .event_places import DASHES, DATELINE_BODY_TOKENS, dateline_of
from .mentions import ArticleActors, Mention
from .nlp import ParsedArticle
from .records import DateInterval
from .slots import CONTROLLING
from .resources import LanguageResources
from .syntax import before_articles

#: A narrative day older than this (days before publication) is background, not "today".
STALE_DAYS = 7


def nearest_time(times, tok, sent, words=None, gov=None):
    """The time expression of the trigger's clause: the nearest one. A date that belongs to
    another noun ("le coup d'État du 26 juillet", "une structure créée en 2010", "depuis le
    renversement du président, le 26 juillet") or to a relative clause the trigger is not in
    ("un calendrier … qui devront avoir quitté le pays avant le 15 septembre") is never the
    event's: the event then takes the narrative's day, as when its sentence names none — unless
    that noun is the statement it is made in ("dans un communiqué diffusé samedi, X a rejeté…").
    `words` are the language's function words by kind (`time_prep`, `medium_noun`)."""
    pos = tok.idx - sent.start_char
    own = [ft for ft in times if not of_other_noun(ft[0], tok, sent, words or {})]
    # one the trigger governs ("a atterri … dans la nuit de samedi à dimanche"), then one the verb
    # a nominal trigger hangs on governs ("Le 31 mars, ils avaient eu un entretien, et le 6 avril
    # …"), before one merely near it ("Parti de Bamako samedi, …")
    return min(own, key=lambda ft: (not _governed_by(ft[0], tok, sent),
                                    not (gov is not None and _governed_by(ft[0], gov, sent)),
                                    abs(ft[0].start - pos))) if own else None


def _tokens_of(found, sent):
    """The tokens of a time expression found in a sentence's text, or None."""
    at = sent.doc.char_span(sent.start_char + found.start, sent.start_char + found.end, alignment_mode="expand")
    return at if at is not None and len(at) else None


def _governed_by(found, tok, sent) -> bool:
    """Does the trigger govern the time expression, with no clause in between?"""
    at = _tokens_of(found, sent)
    if at is None:
        return False
    t = at.root
    while t.i != tok.i and t.head.i != t.i and t.dep_ not in CLAUSE_DEPS:
        t = t.head
    return t.i == tok.i


#: Dependencies that open a clause of its own.
CLAUSE_DEPS = {"advcl", "acl", "acl:relcl", "relcl", "ccomp", "xcomp", "csubj", "parataxis", "conj"}


def of_other_noun(found, tok, sent, words: dict) -> bool:
    at = _tokens_of(found, sent)
    if at is None:
        return False
    if _in_other_relative(at.root, tok) or _apposed_to_time_phrase(at, tok, words.get("time_prep", {})) \
            or _in_sequenced_clause(at.root, tok, words.get("time_prep", {})):
        return True
    media = words.get("medium_noun", {})
    t = at.root
    if t.dep_ == "nmod" and not _has_case(at):
        return False  # "lever ces sanctions fin février": no "de", a date the parser hung on a noun
    while t.dep_ in ("nmod", "amod", "nummod", "case", "det", "fixed", "flat", "flat:name", "compound") and t.head.i != t.i:
        t = t.head
        if t.i == tok.i:
            return False
        if t.pos_ == "NOUN" and t.lemma_.lower() in words.get("time_noun", {}):
            continue  # "dans la nuit du 31 mars au 1er avril": still a time, not another noun
        if t.pos_ == "NOUN" and t.i != tok.i:
            return not _medium_of(t, tok, media)  # ("dans un communiqué du 1er avril, X affirme…")
    # "les journalistes condamnés le 4 mai": the day of a participle qualifying a noun (the
    # parser may take the time for its object: "les projets annoncés l'an dernier")
    h = t.head
    return (t.dep_.startswith("obl") or t.dep_ in ("obj", "dobj", "advmod")) and h.i != tok.i and h.pos_ == "VERB" \
        and tok.i not in {x.i for x in h.subtree} and not _medium_of(h.head, tok, media) \
        and (h.dep_ in ("acl", "amod") and h.head.i != tok.i  # ("un sommet prévu dimanche": the event's own noun's)
             or _noun_participle(h) and h.head.i != tok.i and not _phrase_of(h.doc[h.i - 2], tok))


def _phrase_of(t, tok) -> bool:
    """Is token t in the noun phrase the trigger heads ("leur retrait de la CEDEAO, annoncé en
    janvier": the participle then qualifies the trigger itself)?"""
    while t.i != tok.i and t.dep_ in ("nmod", "amod", "det", "case", "flat", "flat:name", "appos", "fixed", "compound",
                                      "nummod", "punct") and t.head.i != t.i:
        t = t.head
    return t.i == tok.i


def _noun_participle(h) -> bool:
    """A bare past participle set after a noun and a comma, which the parser hung on the verb
    ("retirer son consentement à la mission de l'UE, lancée en février"): it qualifies the noun."""
    if h.dep_ != "advcl" or "Part" not in h.morph.get("VerbForm") or "Past" not in h.morph.get("Tense") \
            or any(c.dep_.startswith(("aux", "nsubj")) for c in h.children) or h.i < 2:
        return False
    before = h.doc[h.i - 1]
    return before.text == "," and h.doc[h.i - 2].pos_ in ("NOUN", "PROPN", "PUNCT") and h.doc[h.i - 2].text != ","


def _hangs_on(tok, verb) -> bool:
    """Does the noun hang on the verb, itself or through the nouns it qualifies ("a lancé fin
    septembre une campagne de bombardements")?"""
    t = tok
    while t.head.i != verb.i and t.dep_ == "nmod" and t.head.pos_ == "NOUN" and t.head.i != t.i:
        t = t.head
    return t.head.i == verb.i


def _on_verb(found, verb, sent) -> bool:
    """Does the time expression hang on the verb itself ("il a été reçu hier")?"""
    at = _tokens_of(found, sent)
    return at is not None and at.root.head.i == verb.i and at.root.i != verb.i


def _has_case(at) -> bool:
    """Is the time expression opened by a preposition ("du 26 juillet", "de juillet 2023")?"""
    i = before_articles(at.doc, at.start)
    return any(t.pos_ == "ADP" for t in at) or i >= 0 and at.doc[i].pos_ == "ADP"


def _medium_of(noun, tok, media) -> bool:
    """Is this noun the statement the trigger's act is made in ("dans un communiqué", "in a
    speech")? Its day is the act's."""
    if noun.lemma_.lower() not in media:
        return False
    # (or that of the verb the trigger's clause is joined to: "Dans un message publié jeudi, la
    # présidence a salué…, tandis que le ministère a remercié… et promis…")
    t = tok
    while t.i != noun.head.i and t.dep_ in ("advcl", "conj", "xcomp") and t.head.i != t.i:
        t = t.head
    return t.i == noun.head.i


def _in_other_relative(t, tok) -> bool:
    """Is token t inside a relative clause that does not hold the trigger?"""
    for a in (t, *t.ancestors):
        if a.i == tok.i:
            return False
        if a.dep_ in ("acl:relcl", "relcl") and tok.i not in {x.i for x in a.subtree}:
            return True
    return False


def _in_sequenced_clause(t, tok, time_preps) -> bool:
    """Is token t inside a clause told as before or after the event ("avant de lever ces
    sanctions fin février 2024", "après avoir signé le 3 mai")? Its time is that clause's."""
    for a in (t, *t.ancestors):
        if a.i == tok.i:
            return False
        if a.dep_ == "advcl" and tok.i not in {x.i for x in a.subtree} and any(
                c.dep_ in ("mark", "case") and c.lower_ in time_preps and time_preps[c.lower_] != "during"
                for c in a.children):
            return True
    return False


def _apposed_to_time_phrase(at, tok, time_preps) -> bool:
    """"depuis le renversement du président Bazoum, le 26 juillet": a date set after a comma
    right behind a phrase opened by a time preposition is that phrase's."""
    doc = at.doc
    i = before_articles(doc, at.start)  # ", le 26 juillet"
    if not time_preps or i < 1 or doc[i].text != ",":
        return False
    for a in (doc[i - 1], *doc[i - 1].ancestors):
        if a.i == tok.i or a.pos_ in ("VERB", "AUX"):
            return False
        if a.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "case" and c.lower_ in time_preps for c in a.children):
            return tok.i not in {x.i for x in a.subtree}
    return False


def tensed(tok, gov):
    """The verb whose tense is the event's: "décide de rompre" → décide; "a riposté en
    rappelant son ambassadeur et menacé de…" → riposté (a gerund or an auxiliary-less participle
    joined to a verb is told in that verb's tense)."""
    h = tok if tok.pos_ in ("VERB", "AUX") else gov
    while h is not None and h.head.i != h.i:
        m = str(h.morph)
        if "VerbForm=Inf" in m and h.dep_ == "xcomp" or "VerbForm=Part" in m and h.dep_ in ("advcl", "conj") \
                and h.head.pos_ in ("VERB", "AUX") and not any(c.dep_.startswith("aux") for c in h.children):
            h = h.head
        else:
            break
    return h


def simple_present(tok, gov) -> bool:
    """A verb in the simple present indicative, with no auxiliary (not "a annoncé")."""
    h = tensed(tok, gov)
    return h is not None and h.pos_ == "VERB" and "Tense=Pres" in str(h.morph) and "Mood=Ind" in str(h.morph) \
        and "VerbForm=Fin" in str(h.morph) and not any(c.dep_.startswith("aux") for c in h.children)


def imperfect(tok) -> bool:
    """"La vie reprenait lundi", "Les échanges se poursuivaient": a verb in the imperfect, with
    no auxiliary — a state the story describes, not an act it tells."""
    h = tensed(tok, None)
    return h is not None and "Tense=Imp" in str(h.morph) and "Mood=Ind" in str(h.morph) \
        and not any(c.dep_.startswith("aux") for c in h.children)


def pluperfect(tok, gov) -> bool:
    """"avait suspendu", "had imposed": a past before the story's time — background."""
    h = tensed(tok, gov)
    if h is None:
        return False
    for c in h.children:
        if c.dep_.startswith("aux"):
            m, lemma = str(c.morph), c.lemma_.lower()
            if "Tense=Imp" in m and lemma in ("avoir", "être") or lemma == "have" and "Tense=Past" in m:
                return True
    return False


def stale(last_day, anchor: date | None) -> bool:
    """Is the narrative's day older than `STALE_DAYS` before publication (background)?"""
    return last_day is not None and anchor is not None and last_day.end is not None and \
        (anchor - date.fromisoformat(last_day.end)).days > STALE_DAYS


def recent_tense(tok, gov) -> bool:
    for h in (tensed(tok, gov), gov):
        if h is not None and ("Tense=Pres" in str(h.morph) or any(
                c.dep_ == "aux:tense" and "Tense=Imp" not in str(c.morph)
                or c.dep_ == "aux" and c.lemma_ == "have" and "Tense=Pres" in str(c.morph)
                for c in h.children)):  # "a annoncé", "has revoked"
            return True
    return False


def anchor_date(art, parsed: ParsedArticle, tp: TimeParser) -> date | None:
    """The date relative expressions are read from: publication, else the first full date."""
    if art.published:
        return date.fromisoformat(art.published)
    from .dates import first_full_date
    for para in parsed.paragraphs[:6]:
        d = first_full_date(tp, para.doc.text)
        if d:
            return d
    return None


def after_start_word(text: str, start: int, lr: LanguageResources) -> bool:
    """"à compter de mardi", "starting Monday": a weekday that starts something is the next one."""
    before = " " + text[:start].lower().replace("’", "'").rstrip()
    return any(before.endswith(" " + w) or before.endswith(" " + w.rstrip("'") + "'")
               for w in lr.words.get("start_prep", {}))


def starts_ahead(sent, found, lr: LanguageResources) -> bool:
    """"la fermeture de l'espace aérien à compter de mardi": a day something starts from is
    ahead — unless the verb it hangs on tells it done ("Kigali a déployé à partir du 9 juillet
    un contingent")."""
    if not after_start_word(sent.text, found.start, lr):
        return False
    at = _tokens_of(found, sent)
    h = at.root if at is not None else None
    while h is not None and h.pos_ not in ("VERB", "NOUN") and h.head.i != h.i:
        h = h.head
    return not (h is not None and h.pos_ == "VERB" and (
        any(c.dep_ in ("aux:tense", "aux") and c.lemma_ in ("avoir", "être", "have") for c in h.children)
        or "Tense=Past" in str(h.morph) or "Tense=Imp" in str(h.morph)))


def after_validity_word(text: str, start: int, lr: LanguageResources) -> bool:
    """"pour l'année 2025-2026", "until 2030": the period something is for, not when it happened."""
    before = text[:start].split()[-2:]
    return any(lr.has("validity_prep", w.lower().strip("’'")) or lr.has("validity_prep", w.lower().split("'")[0] + "'")
               for w in before[-1:]) or (len(before) == 2 and lr.has("validity_prep", before[0].lower())
                                        and before[1].lower() in ("l'année", "l’année", "la", "le", "the"))


def offset_before(times, tok, sent):
    """The "N jours après", "au lendemain de", "a day after" just before the trigger, if any."""
    pos = tok.idx - sent.start_char
    near = [f for f, _ in times if f.kind == "offset" and f.end <= pos and (
        pos <= f.end + OFFSET_REACH or _opens(f, tok, sent))
            and not any(g.kind != "offset" and f.end <= g.start < pos for g, _ in times)]  # (not "after the vote on May 3, X…")
    return max(near, key=lambda f: f.end) if near else None


def _opens(found, tok, sent) -> bool:
    """Does the offset phrase hold the trigger, however far ("au lendemain d'une journée où la
    Cedeao a suspendu la Guinée-Bissau")?"""
    at = _tokens_of(found, sent)
    return at is not None and any(t.i == tok.i for t in at.root.subtree) and not any(t.i == tok.i for t in at)


def offset_of_dated(times, tok, sent):
    """("au lendemain de", "the day after") and the day-precise date of what it names, when the
    trigger is outside that phrase ("a suspendu X au lendemain du coup d'État du 30 août")."""
    pos = tok.idx - sent.start_char
    for o, _ in times:
        if o.kind != "offset":
            continue
        named = next(((f, iv) for f, iv in times if f.kind != "offset" and iv.precision == "day"
                      and o.end <= f.start <= o.end + OFFSET_REACH), None)
        if named is not None and not (o.start <= pos <= named[0].end):
            return o, named
    return None


#: Categories whose verb takes what is promised, asked, refused or alleged as its complement
#: (those whose content is other events, and a pledge of support: "s'engagent à…").
CONTENT_EVENTS = CONTROLLING | {"SUPPORT"}

#: How far after "dix jours après" (in characters) the event it dates may start.
OFFSET_REACH = 40


def occasion_of(text: str, lr: LanguageResources, told: list):
    """"à cette occasion", "during that visit": the sentence happens at the event told just
    before; "à l'issue de la rencontre", "after the talks": at the report's meeting (its first);
    "aussitôt", "dans la foulée": right after the event told just before."""
    if not told:
        return None
    refs = lr.words.get("occasion_ref", {})
    m = _occasion_pattern(tuple(refs)).search(text.lower().replace("’", "'")) if refs else None
    if m is None:
        return None
    if refs[m.group(0)] == "meeting":
        return next((em for em in told if em.event == "CONSULT" and em.date.precision != "unknown"), None)
    if refs[m.group(0)] == "after":
        # "avait aussitôt rappelé son ambassadeur", "dans la foulée": right after the act told
        # just before — its time, not its place
        return replace(told[-1], location=None)
    return told[-1]


@lru_cache(maxsize=8)
def _occasion_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    """One pattern for a language's occasion phrases, longest first, as whole words."""
    alt = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w'-])(?:{alt})(?![\w-])")


@dataclass(frozen=True)
class Lead:
    """What the top of a report says about its main event: where the dispatch is filed
    ("NIAMEY, 17 mars —"), up to which paragraph the lead runs, where the dateline's own words
    end (its date is the filing's, no event's), and the story's day — the first recent past
    day the report names ("…a révoqué l'accord. Le porte-parole l'a annoncé samedi soir")."""

    place: Mention | None = None
    para: int | None = None
    end: int = 1
    dateline_end: int = 0
    day: DateInterval | None = None


#: A paragraph this long is body text, not a title or a header line.
LEAD_TOKENS = 25
#: The story's day is looked for in this many paragraphs after the lead's first.
STORY_DAY_PARAS = 3


def lead_of(parsed: ParsedArticle, aa: ArticleActors, tp: TimeParser, anchor: date | None,
            correspondents=()) -> Lead:
    place = dateline_of(parsed, aa, correspondents)
    para = next((p.index for p in parsed.paragraphs if place in aa.in_para(p.index)), None)
    dateline_end = 0
    if place is not None:
        doc = parsed.paragraphs[para].doc
        dash = next((t for t in doc[place.end:] if t.text in DASHES), None)
        # (a dateline line alone, "Rabat, 29 avril 2025", is the dateline's words all through)
        dateline_end = dash.idx if dash is not None else len(doc.text) if len(doc) < DATELINE_BODY_TOKENS else 0
    # the lead runs to the first paragraph of the body (after the outlet, author, date lines and
    # the title), and at least to the paragraph after the dateline
    body = next((p.index for p in parsed.paragraphs if len(p.doc) >= LEAD_TOKENS), 1)
    end = max((para + 1) if para is not None else 1, body)
    day = None
    for p in parsed.paragraphs[:end + STORY_DAY_PARAS]:
        for sent in p.doc.sents:
            if day is not None:
                break
            root = sent.root
            if pluperfect(root, None) or "Tense=Fut" in str(root.morph):
                continue
            days = []
            for f in tp.find(sent.text):
                if p.index == para and sent.start_char + f.end <= dateline_end or f.kind in ("same_day", "offset"):
                    continue
                iv = tp.resolve(f, anchor)
                if iv.precision == "day" and anchor is not None and iv.start <= anchor.isoformat() \
                        and not stale(iv, anchor):
                    days.append((f, iv))
            if days:  # the main verb's ("Après une escale à Bamako samedi, il a été reçu hier…")
                day = next((d for d in days if _on_verb(d[0], root, sent)), days[0])[1]
    return Lead(place, para, end, dateline_end, day)


class DateChooser:
    """Mixed into `events.EventCoder`: the day of one event — the expression of the trigger's
    own clause, else the day the narrative is on, the story's day for the lead, or unknown."""

    def _when(self, tok, trig, gov, timed, status, times, sent, para, anchor, last_day, lead: Lead, occasion, earlier):
        """(the event's interval, the same act told before that it refers to, if any)."""
        clause = next((h for h in (tok, *tok.ancestors) if h.dep_ == "ccomp" and self._reports(h)), None)
        if clause is not None and status == "planned":
            # "a annoncé lundi qu'il se rendrait au Togo": the announcement's day is not the visit's
            span = {t.idx - sent.start_char for t in clause.subtree}
            times = [ft for ft in times if ft[0].start in span]
        if trig.event in CONTENT_EVENTS and tok.pos_ in ("VERB", "AUX"):
            # "s'engagent à ouvrir, au plus tard fin février, des négociations", "exige que la
            # France parte avant le 15 septembre": the time of what is promised or asked is not
            # that of the promise or the demand
            comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.i > tok.i]
            content = {t.idx - sent.start_char for c in comps for t in c.subtree}
            # (what follows the complement's verb is its own, wherever the parser hung it)
            start = min((c.idx - sent.start_char for c in comps), default=None)
            times = [ft for ft in times if ft[0].start not in content and (start is None or ft[0].start < start)]
        narrative = last_day or lead.day  # the day the story is on
        offset = offset_before(times, tok, sent)
        dated_offset = offset_of_dated(times, tok, sent)
        times = [ft for ft in times if ft[0].kind != "offset"]
        before_or_after = timed and tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("VERB", "AUX") and not any(
            self.lr.words["time_prep"].get(c.lower_) == "during" for c in tok.children)
        # "l'attaque a été revendiquée lundi", "the attack was claimed on Monday": the claim's day,
        # not the act's — which is that of the act told before, if any
        told = tok.pos_ == "NOUN" and tok.dep_ in ("nsubj:pass", "nsubjpass", "obj", "dobj") and \
            self.lr.has("claim_verb", tok.head.lemma_.lower())
        before = next((em for em in reversed(earlier) if em.event == trig.event and em.date.precision != "unknown"),
                      None) if told and any(c.dep_ == "det" and self.lr.has("definite", c.lower_) for c in tok.children) else None
        if before is None and not times and trig.event == "ASSAULT" and earlier and earlier[-1].event == "ASSAULT" \
                and earlier[-1].date.precision != "unknown" and earlier[-1].evidence[0].start != sent.start_char:
            # "… une attaque contre son camp de Bourem. Selon l'état-major, dix soldats ont perdu la
            # vie": the toll told right after an attack, with no time of its own, is that attack's
            before = earlier[-1]
        if before_or_after or told:
            # "ont annoncé dimanche le rappel…, après la destruction d'un drone dans la nuit du
            # 31 mars": the verb's day is not that of what came before or after it
            main = nearest_time(times, tok.head, sent)
            times = [ft for ft in times if main is None or ft[0] is not main[0]]
        light = gov if tok.pos_ in ("NOUN", "PROPN") and gov is not None and _hangs_on(tok, gov) else None
        iv = nearest_time([ft for ft in times if ft[0].kind != "same_day"], tok, sent, self.lr.words, light) or \
            nearest_time(times, tok, sent, self.lr.words, light)
        inside = {t.idx - sent.start_char for t in tok.subtree}
        if dated_offset is not None and offset is None:
            # "a suspendu le Gabon au lendemain du coup d'État du 30 août": the day after that day
            o, (_, named) = dated_offset
            iv = self.time.after(o, date.fromisoformat(named.start))
        elif offset is not None and not any(ft[0].start in inside for ft in times):
            # "dix jours après la décision de Niamey": that many days before the sentence's day
            # (unless the event says its own: "à la veille d'un sommet prévu dimanche")
            main = nearest_time([ft for ft in times if ft[1].precision == "day"], sent.root, sent)
            ref = main[1] if main else last_day if last_day is not None and not stale(last_day, anchor) else None
            ref_day = date.fromisoformat(ref.start) if ref is not None else anchor
            iv = self.time.resolve(offset, ref_day) if ref_day is not None else DateInterval.unknown()
        elif iv is None and before is not None:
            iv = before.date
        elif iv is None and before_or_after:
            iv = DateInterval.unknown()
        elif iv is None and occasion is not None and occasion.date.precision != "unknown":
            iv = occasion.date  # "ont signé à cette occasion": when the event told before happened
        elif iv is not None and iv[0].kind == "same_day" and narrative is not None and (
                not stale(narrative, anchor) or iv[0].text.lower() in self.time.w.then_day):
            # "Dans la soirée, Bamako a dénoncé…": that day's evening (the story's, before any other)
            iv = replace(narrative, text=iv[0].text)
        elif iv is not None and iv[0].kind in ("shift", "year_shift"):
            iv = iv[1]  # already read from the narrative's day
        elif iv is not None:
            f, _ = iv
            iv = self.time.resolve(f, anchor, future=status == "planned" or starts_ahead(sent, f, self.lr))
        elif status == "occurred" and anchor is not None and (
                simple_present(tok, gov) and last_day is None
                or stale(last_day, anchor) and not pluperfect(tok, gov)):
            # "Le gouvernement salue…", "the bloc urged…": a statement not set in the past of the
            # story is made the day it is reported, not on the day of background facts told
            # weeks before it — unless it heads the report of a day the lead names ("la France
            # reconnaît l'État de Palestine. Emmanuel Macron l'a annoncé hier soir")
            iv = replace(lead.day, text=None) if lead.day is not None and last_day is None and para.index <= lead.end \
                else DateInterval(anchor.isoformat(), anchor.isoformat(), "day", None)
        elif status == "occurred" and last_day is not None:
            iv = last_day
        elif status == "occurred" and anchor is not None and (recent_tense(tok, gov) or
                                                              para.index <= lead.end and not pluperfect(tok, gov)):
            # "Niamey a révoqué l'accord…" with no day of its own, before any (or any event of
            # the lead): the story's day when the report names one, else the day it is published
            iv = replace(lead.day, text=None) if lead.day is not None else \
                DateInterval(anchor.isoformat(), anchor.isoformat(), "day", None)
        else:
            iv = DateInterval.unknown()
        return iv, before
