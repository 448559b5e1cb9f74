"""events: event mentions of a parsed article, from trigger lexicons and the dependency parse.

For each sentence: triggers are looked up by lemma in the language's lexicon
(`data/<lang>/events.tsv`); the participants are the actor mentions found in the trigger's
argument slots (subject, object, prepositional complements…), mapped to actor or recipient
by the trigger's frame; status, date, place and quantities are read around the trigger.
The slot logic works on both Universal Dependencies (French) and ClearNLP (English) labels.
Several mentions of one event in an article (headline, lead, body) are merged.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace

from .mentions import ArticleActors, Mention
from .dates import TimeParser
from .intervals import day_iv
from .nlp import ParsedArticle
from .records import Evidence, EventMention, Participant
from .resources import LanguageResources, Resources
from .merging import merge_mentions
from .narrative import Narrative
from .scores import modes, plover_score
from .event_places import PlaceChooser, Scene, meeting_place, place_complement, place_of, where_they_were
from .event_dates import DateChooser, Lead, after_validity_word, anchor_date, lead_of, occasion_of, offset_before, stale
from .actors import MAX_EXPANDED
from .participants import JOINT, TWO_SIDED, answer_previous, complete, continue_previous, distinct, participants
from .clauses import ClauseReader
from .slots import CONTROLLING, SlotFiller
from .syntax import arguments, first_list, governor, match_trigger, subject_ids, subtree_ids, verbal, with_shared_subject

#: Categories whose second party is naturally the host when a place is named ("visite à Moscou").
VISIT_MODES = {"visit"}
#: Conflictual acts whose announcement, before they are done, is a threat (PLOVER THREATEN),
#: with the THREATEN mode they take when their own mode is not one of THREATEN's.
THREAT_MODES = {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict"}
#: Base confidence of a mention, raised when both sides are found in the trigger's own slots.
BASE_CONFIDENCE = 0.6


#: The mode of a demand or refusal from the category of what it is about (PLOVER modes).
ASKED_MODES = {"CONSULT": "meet", "AID": "assist", "SUPPORT": "assist", "COOPERATE": "assist",
               "RETREAT": "yield", "CONCEDE": "yield"}

#: Acts of a state's police, courts and government (event, mode).
STATE_ACTS = frozenset({("COERCE", "arrest"), ("COERCE", "deport"), ("COERCE", "seize"), ("SANCTION", "convict"),
                        ("SANCTION", "expel"), ("RETREAT", "release")})



class EventCoder(SlotFiller, ClauseReader, DateChooser, PlaceChooser):
    """Codes the events of an article. Built once per language from the resources."""

    def __init__(self, res: Resources, lang: str):
        from .quantities import QuantityParser
        self.lr: LanguageResources = res.lang[lang]
        self.lang = lang
        tw = self.lr.time.w
        self.qty = QuantityParser(lang, self.lr.words, frozenset(tw.months) | frozenset(tw.units) | frozenset(tw.weekdays))
        self.time: TimeParser = self.lr.time
        # what comes through a channel ("via le PAM") or after a time word ("après la diffusion
        # d'une vidéo…") is not a party of the phrase it hangs in
        self.blocked = frozenset(self.lr.words.get("intermediary", {})) | frozenset(self.lr.words.get("time_prep", {}))
        self.country_names = res.country_names
        self.members = res.knowledge.members
        self.seats = res.seats

    # -- one article --------------------------------------------------------------------------
    def code(self, parsed: ParsedArticle, aa: ArticleActors) -> list[EventMention]:
        art = parsed.article
        anchor = anchor_date(art, parsed, self.time)
        out: list[EventMention] = []
        last_subject: list[Mention] = []
        told = Narrative(self.time, self.lr, anchor)
        prev_found: list[EventMention] = []  # the events of the sentence before
        scene = Scene()  # where the story is
        lead = lead_of(parsed, aa, self.time, anchor, self.lr.words.get("correspondent_noun", {}))
        headline_places: dict[str, tuple] = {}  # category → (place the headline/lead names for it, its day)
        if lead.place is not None:  # the story is where the dispatch is filed until told elsewhere
            scene = Scene(lead.place, lead.day or (day_iv(anchor, "") if anchor is not None else None), filed=True)
        for para in parsed.paragraphs:
            doc, mentions = para.doc, aa.in_para(para.index)
            for sent in doc.sents:
                # the dateline ("ABUJA, 24 févr. —") says where the dispatch was filed: no party
                # nor is a nationality describing a place ("près de la frontière algérienne")
                ms = [m for m in mentions if sent.start <= m.head < sent.end
                      and not (para.index == lead.para and m == lead.place)
                      and not (m.kind == "demonym" and m.locative)]
                stext = sent.text
                # ("le lendemain", "two days later": from the day the narrative is on)
                times = told.times(sent, [f for f in self.time.find(stext) if not after_validity_word(stext, f.start, self.lr)
                                          and not (para.index == lead.para and sent.start_char + f.end <= lead.dateline_end)],
                                   told.last_day or lead.day)
                told.back_to_story(sent, times)
                subj_here = [m for m in ms if m.head in subject_ids(sent)]
                occasion = occasion_of(stext, self.lr, out)
                found = []
                taken_tokens: set[int] = set()
                hits = [(tok, trig) for tok in sent if (trig := match_trigger(tok, self.lr)) is not None]
                in_names = {i for m in ms if m.kind in ("organisation", "group", "company") for i in range(m.start, m.end)}
                covered: dict[int, set[str]] = {}  # token → categories of triggers governing it
                embedded: dict[int, object] = {}  # verb trigger → the trigger of its controlling verb
                by_tok = {t.i: tr for t, tr in hits}
                asked: dict[int, set[str]] = {}  # demand/refusal → categories of what it is about
                if para.index <= lead.end:  # "Attaque jihadiste à Bamako", "l'attaque de Bamako"
                    locs = [m for m in ms if m.place is not None and (m.locative or place_complement(m, sent, self.lr))] \
                        or [m for m in ms if m.place is not None and m.place.geonameid
                            and any(self._struck(tok, trig, m) for tok, trig in hits[:1])] \
                        or [lead.place] * (lead.place is not None)  # (the main event is where the dispatch is filed)
                    for _, trig in hits[:1] if locs else ():
                        headline_places.setdefault(trig.event, (place_of(locs[0]), None))
                for tok, trig in hits:
                    if verbal(tok):
                        for c in tok.children:
                            if c.dep_ != "conj" and not self._dated_apart(c, times, sent):
                                # ("a offert du blé ainsi qu'un don": two gifts; "Arrivé dimanche à
                                # Moscou, il s'est entretenu lundi…": the arrival's own day, its own event)
                                for i in subtree_ids(c):
                                    covered.setdefault(i, set()).add(trig.event)
                            if c.dep_ in ("obj", "dobj") or trig.event in CONTROLLING and self._content(c) \
                                    or trig.event == "REQUEST" and c.dep_ == "ccomp":  # "demanded that X match Y's support"
                                # what an action acts on is not an event of its own ("a suspendu son
                                # aide", "exige la libération des soldats", "accused X of violations",
                                # "called for sanctions"); what a demand or accusation is about is
                                # its content, verbs included ("demanded a meeting to discuss…")
                                mark = "content" if trig.event in CONTROLLING else "*"
                                wanted = [a.i for a in c.children if a.dep_ == "acl" and "Inf" in a.morph.get("VerbForm")]
                                for i in subtree_ids(c) | set(wanted):
                                    covered.setdefault(i, set()).add(mark)
                                    if i in by_tok and i != tok.i:
                                        asked.setdefault(tok.i, set()).add(by_tok[i].event)
                    if trig.frame.get("clause") == "recipient":  # "said Benin must withdraw": the demand's content
                        for c in tok.children:
                            if c.dep_ == "ccomp":
                                for i in subtree_ids(c):
                                    covered.setdefault(i, set()).add("content")
                    if trig.event == "THREATEN":  # what the threatened must do is no event of its own
                        for c in self.conditions(tok):
                            for i in subtree_ids(c):
                                covered.setdefault(i, set()).add("content")
                    ctl = self._controller(tok, by_tok)
                    if ctl is not None:
                        embedded[tok.i] = ctl  # "agreed to provide aid", "is willing to send troops to help defend": one event, AGREE
                for tok, _ in hits:  # "accuse X de soutenir… et de livrer…": both are the content
                    if tok.dep_ == "conj" and tok.head.i in embedded:
                        embedded[tok.i] = embedded[tok.head.i]
                for i in list(embedded):  # the outermost agreement, demand… holds the content of those it holds
                    seen = {i}
                    while embedded[i].i in embedded and embedded[i].i not in seen:
                        seen.add(embedded[i].i)
                        embedded[i] = embedded[embedded[i].i]
                for tok, trig in sorted(hits, key=lambda h: h[0].pos_ not in ("VERB", "AUX")):
                    cov = covered.get(tok.i, ())
                    if tok.i in taken_tokens or trig.event in cov or tok.i in embedded or (
                            "*" in cov and (tok.pos_ in ("NOUN", "PROPN") or tok.dep_ == "acl" and "Inf" in tok.morph.get("VerbForm"))
                            or "content" in cov):
                        # (what the acted-on noun says is wanted — "met the demands to release the
                        # prisoners", "a rejeté l'offre de négocier" — is no event of its own)
                        continue
                    if self.no_event(tok, trig, by_tok, in_names):
                        continue
                    inner = [t for t, h in embedded.items() if h.i == tok.i]
                    em = self._event(tok, trig, ms, last_subject, times, sent, para, art, anchor, aa,
                                     told.last_day, scene, lead, {t.i: tr.event for t, tr in hits},
                                     [(sent.doc[i], by_tok[i]) for i in inner],
                                     occasion=occasion,
                                     headline_places=headline_places, asked=asked.get(tok.i, ()), earlier=out + found)
                    if em is not None:
                        em = meeting_place(answer_previous(continue_previous(em, out + found), out + found), out + found,
                                           place_of(lead.place), long_ago=stale(em.date, anchor))
                        em = where_they_were(em, out + found)
                        heading = headline_places.get(em.event)
                        if para.index <= lead.end and em.location is not None and (heading is None or heading[1] is None):
                            # "Bamako frappée au cœur": the place, and the day it heads the report of
                            headline_places[em.event] = (heading[0] if heading else em.location, em.date)
                        if not (em.actor and not em.recipient and self._names_people(tok, ms)):
                            em = complete(em, aa, self.country_names)
                        if not _alone(em) or em.event == "AGREE" and inner:  # "agreed to resign": to something
                            found.append(em)
                        own = {t.i for c in tok.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
                               for t in c.subtree}  # "a dénoncé X et annoncé Y": Y is the other verb's
                        taken_tokens.update(t.i for t in tok.subtree if t.i in own and t.dep_ in ("nmod", "obl:mod")
                                            and t.pos_ == "NOUN" and not offset_before(times, t, sent)
                                            and not self._in_circumstance(t))  # "à l'issue du sommet": an event too
                if not found and prev_found:
                    out[len(out) - len(prev_found):] = self._told_where(sent, ms, prev_found)
                prev_found = found
                out.extend(found)
                actors_here = [m for m in ms if any(m.key and m.key == p.actor_id or m.code == p.code and m.kind in ("country", "demonym")
                                                    for em in found for p in em.actor)]
                if actors_here:
                    last_subject = actors_here
                elif subj_here and any(m.codes for m in subj_here):
                    last_subject = [m for m in subj_here if m.codes]
                # the narrative's day: a past day named in this sentence ("l'élection prévue le 27
                # février" is no day on which the story goes on)
                days = [(f, iv) for f, iv in times if iv.precision == "day" and f.kind not in ("same_day", "offset")
                        and (anchor is None or iv.start <= anchor.isoformat())]
                if all(em.status == "planned" for em in found) and (found or self.status(sent.root, None, sent) == "planned"):
                    days = []  # "est attendu dimanche à Thiaroye": a day ahead, not the story's
                told.move_on(sent, days, occasion)
                if scene.filed and told.last_day is not None:
                    scene = replace(scene, day=told.last_day)  # (filed from there, the story stays there as days go by)
                # ("Les émissaires ont quitté Conakry hier soir": they were there that day)
                locs = [m for m in ms if m.place is not None and (m.locative or self._left(sent.doc[m.head]))]
                if locs:
                    # (a headline or lead telling no day is the day the report is out: "Sommet de
                    # l'AES à Niamey" over a live report)
                    today = day_iv(anchor, "") if anchor is not None and para.index <= lead.end else None
                    there = frozenset(c for m in ms if not m.locative and m.kind != "place" for c in m.codes)
                    scene = Scene(self._town_of(locs[-1], lead), told.last_day or lead.day or today, there)
        return merge_mentions(out)

    @staticmethod
    def _dated_apart(c, times, sent) -> bool:
        """Is this adverbial clause dated on its own ("Arrivé dimanche à Moscou, …")?"""
        if c.dep_ != "advcl":
            return False
        span = (c.left_edge.idx - sent.start_char, c.right_edge.idx + len(c.right_edge) - sent.start_char)
        return any(span[0] <= f.start < span[1] and f.kind != "offset" for f, _ in times)

    def _event(self, tok, trig, ms, last_subject, times, sent, para, art, anchor, aa,
               last_day, scene, lead: Lead, trigger_ids: dict[int, str],
               inner=(), occasion: EventMention | None = None,
               headline_places: dict | None = None, asked=(), earlier=()) -> EventMention | None:
        gov, rel = (governor(tok) if tok.pos_ in ("NOUN", "PROPN", "ADJ") else (None, None))
        slots = self.fill_slots(tok, trig, ms, last_subject)
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and self.lr.has("demonstrative", c.lower_) for c in tok.children):
            return None  # "cette visite", "this summit": a reference to an event stated elsewhere
        timed = any(c.dep_ in ("case", "mark", "prep") and self.lr.has("time_prep", c.lower_) for c in tok.children) or (
            tok.dep_ == "pobj" and self.lr.has("time_prep", tok.head.lower_))
        if tok.pos_ in ("NOUN", "PROPN") and gov is not None and not timed and trigger_ids.get(gov.i, trig.event) == trig.event \
                and slots.actor and not slots.recipient:
            # "la junte a obtenu le départ des troupes françaises": whoever brought the act
            # about is its other party
            acodes = {c for m in slots.actor for c in m.codes}
            for slot, prep, arg in with_shared_subject(gov):
                if slot == "subj" and rel in ("obj", "dobj", "xcomp", "nmod", "obl", "obl:arg"):
                    ids = subtree_ids(arg, self.blocked)
                    slots.recipient.extend(m for m in ms if m.head in ids and not m.nested and m.codes
                                           and not set(m.codes) & acodes and m.kind != "place")
        if tok.pos_ in ("NOUN", "PROPN") and gov is not None and not timed and not slots.actor and trigger_ids.get(gov.i, trig.event) == trig.event:
            # the noun's agent is the subject of the verb that governs it ("X a annoncé son
            # retrait"), its patient when that verb means undergoing ("X fait l'objet de sanctions")
            undergo = self.lr.has("undergo", gov.lemma_.lower()) or any(
                self.lr.has("undergo", c.lemma_.lower()) for c in gov.children if c.dep_ in ("obj", "dobj"))
            gslots_actor, gslots_rec = [], []
            for slot, prep, arg in with_shared_subject(gov):
                ids = subtree_ids(arg, self.blocked)
                inside = [m for m in ms if m.head in ids and not m.nested]
                if slot == "subj" and rel in ("obj", "dobj", "xcomp", "obl:arg", "obl:mod", "obl", "prep", "pobj", "conj", "nmod"):
                    (gslots_rec if undergo else gslots_actor).extend(
                        inside or (last_subject if self._is_pronoun(arg) else []))
                if slot == "subjpass" and rel in ("obl:agent", "agent", "pobj"):
                    gslots_rec.extend(inside)
            slots.actor.extend(gslots_actor)
            if not slots.recipient:
                slots.recipient.extend(gslots_rec)
        if tok.pos_ in ("NOUN", "PROPN") and not slots.actor:
            if any(s == "poss" for s, _, _ in arguments(tok)):
                # "leur retrait": whose? the nearest subject before it in the sentence, else the
                # last one of the text
                subj = [m for t in sent if t.dep_ in ("nsubj", "nsubj:pass") and t.i < tok.i
                        for m in ms if m.head in subtree_ids(t) and m.codes and not m.nested]
                if not subj and tok.i < sent.root.i:
                    # "Lors de son sommet à Abuja, la CEDEAO a exigé…": a fronted phrase's "son"
                    # is the subject that follows it
                    subj = [m for t in sent.root.children if t.dep_ in ("nsubj", "nsubj:pass")
                            for m in ms if m.head in subtree_ids(t) and m.codes and not m.nested]
                slots.actor.extend(subj or last_subject)
        if tok.pos_ == "NOUN" and trig.event == "ASSAULT":
            self._claimed_and_aimed(tok, ms, slots)
        if tok.pos_ == "NOUN" and trig.frame.get("de") and not (slots.actor if trig.frame["de"] == "actor"
                                                                 else slots.recipient):
            # the parser hung "de la CEDEAO" lower in the phrase ("retrait sans délai de la CEDEAO")
            deep = [m for m in ms if m.head in subtree_ids(tok, self.blocked) and m.head != tok.i and m.codes
                    and not m.nested and m not in slots.actor + slots.recipient
                    and any(c.dep_ == "case" and self.lr.has("de_prep", c.lower_) for c in sent.doc[m.head].children)]
            (slots.actor if trig.frame["de"] == "actor" else slots.recipient).extend(deep[:2])
        if tok.pos_ == "NOUN" and trig.frame.get("de") == "recipient" and not slots.actor \
                and any(m.kind == "organisation" for m in slots.recipient):
            # "le retrait du Burkina, du Mali et du Niger de la CEDEAO": the states that leave the
            # organisation named after them are who withdraw
            org = min(m.start for m in slots.recipient if m.kind == "organisation")
            leavers = [m for m in slots.recipient if m.start < org and m.kind in ("country", "demonym", "pair")]
            slots.actor.extend(leavers)
            slots.recipient[:] = [m for m in slots.recipient if m not in leavers]
        if verbal(tok) and not slots.actor and not any(
                c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj") for c in tok.children) and not (
                "Inf" in tok.morph.get("VerbForm") and tok.dep_ in ("advcl", "xcomp")
                and self.for_purpose(tok) and any(c.dep_.startswith("nsubj") for c in tok.head.children)):
            # (an infinitive's subject is its verb's, even one no actor names: "people blocked
            # streets in defiance of the authorities to demand reforms")
            # the parser lost the subject ("Washington avait suspendu…" parsed as two roots):
            # the nearest actor named before the verb in its sentence stands in
            left = [m for m in ms if m.end <= tok.i and not m.locative and m.kind != "place" and not m.nested
                    and m not in slots.recipient]
            if left:
                slots.actor.extend(self._listed_before(left, sent.doc))
        if trig.event == "RETREAT" and not slots.recipient:
            self._left_country(slots)
        if trig.frame.get("clause") == "recipient":
            # "reiterated that Libya must hand over the bombers of the US airliner": Libya is
            # asked, not whoever the asked act is for
            slots.recipient[:] = self._asked(tok, ms, slots.actor)
        for itok, itrig in inner:
            # the controlled action's other party is the party of the whole ("agreed to aid X")
            islots = self.fill_slots(itok, itrig, ms, last_subject)
            if not slots.recipient:
                slots.recipient.extend(m for m in islots.recipient if m not in slots.actor)
        if slots.genitive and trig.mode == "multilateral":
            # "le sommet d'Accra": a meeting's place, not a participant
            slots.places.extend(m for m in slots.genitive if m.place is not None)
            slots.genitive = [m for m in slots.genitive if m.place is None]
        if slots.genitive:
            if slots.actor:
                slots.recipient.extend(m for m in slots.genitive if m not in slots.recipient)
            else:
                slots.actor.extend(slots.genitive)
        if tok.pos_ == "VERB" and trig.frame.get("loc") == "recipient" and not slots.places and not slots.recipient:
            return None  # "arrivés au pouvoir": going somewhere needs a somewhere
        if trig.frame.get("obj") == "actor" and not slots.actor:
            return None  # "n'a reçu aucune notification": receiving nobody is no visit
        lr = self.lr
        bilateral = any(lr.has("bilateral", t.lower_) for t in sent)
        # what an agreement, a demand… is about keeps its own place and time ("sont convenues de
        # réunir dans les prochains mois à Bangui leur commission": agreed where they met, then)
        content = {t.i for itok, _ in inner for t in itok.subtree}
        sent_places = [m for m in ms if (m.locative or place_complement(m, sent, self.lr)) and (m.place is not None or m.kind == "place")
                       and m.head not in content]
        content_at = {sent.doc[i].idx - sent.start_char for i in content}
        times = [ft for ft in times if ft[0].start not in content_at]
        places = slots.places or sent_places
        if not places and scene.place is not None and self._there(tok):
            places = [scene.place]  # "Il y a réclamé…": "y" is the place just told
        if trig.mode in VISIT_MODES or trig.frame.get("loc") == "recipient":
            if tok.pos_ == "NOUN" and tok.dep_.startswith("nsubj") and not slots.recipient:
                # "sa visite l'a conduit en Mauritanie": where the verb of the visit leads
                led = {t.i for c in tok.head.children if c.dep_.startswith("obl") for t in c.subtree}
                dest = [m for m in ms if m.head in led and m.locative and m.codes]
                if dest:
                    places = dest
            if not slots.recipient and places:
                slots.recipient.extend(m for m in places[:1] if m.codes)
        elif trig.event != "CONSULT" and not slots.recipient and slots.actor:
            # "lifted a curfew in Montenegro", "ambassadeurs au Mali": where the action lands
            acodes = {c for m in slots.actor for c in m.codes}
            # (a physical act lands where the sentence puts it; a demand is not made to the
            # city where it was made: "Lors de son sommet à Abuja, la CEDEAO a exigé…")
            slots.recipient.extend(m for m in (slots.places or (sent_places if trig.event in ("ASSAULT", "COERCE") else []))[:2]
                                   if m.codes and not set(m.codes) & acodes)
        names = self.country_names
        if not slots.recipient and slots.actor and trig.event == "REQUEST" and tok.pos_ == "VERB":
            # "demanded that the United States match…", "exige que la France retire…": whoever
            # is asked to act is the subject of what is demanded
            slots.recipient.extend(self._asked(tok, ms, slots.actor))
        if trig.frame.get("clause") == "recipient" and not slots.recipient:
            return None  # "said it must act": an obligation of one's own is no demand
        if not slots.recipient and slots.actor and trig.event in TWO_SIDED and trig.mode != "multilateral" and not (
                trig.event in JOINT and len({c for m in slots.actor for c in m.codes}) >= 2):
            # PLOVER: these categories always have a recipient; look further in the trigger's
            # phrase, then to the other side of the article's dyad
            acodes = {c for m in slots.actor for c in m.codes}
            sub = subtree_ids(tok, self.blocked) - {t.i for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                                                    for t in c.subtree}  # "accuse Alger et quitte le CEMOC"
            # a city in an adjunct of the trigger is where it happens ("Lors de son sommet à Abuja,
            # la CEDEAO a exigé…"), unlike one in what is acted on ("agreed to set up a centre in Tokyo")
            where = {t.i for c in tok.children if c.dep_ in ("obl", "obl:mod", "prep", "advcl", "advmod", "npadvmod")
                     for t in c.subtree}
            near = [m for m in ms if m.head in sub and m.codes and not set(m.codes) & acodes and not m.nested
                    and m.kind != "place" and not (m.locative and m.place is not None and m.head in where)]
            if not near:
                # "met fin à l'accord qui le liait à la France", "dénonce le soutien apporté par
                # l'Ukraine": the other party of the thing acted on, named in the clause that
                # describes it
                objs = [o for o in tok.children if o.dep_ in ("obj", "dobj", "obl:arg", "nmod", "obl")]
                objs += [n for o in objs for n in o.children if n.dep_ == "nmod"]  # "la plupart des sanctions qu'…"
                rel = set().union(*(subtree_ids(c, self.blocked) for o in objs
                                    for c in o.children if c.dep_ in ("acl:relcl", "relcl", "acl")))
                near = self.parties_in(ms, rel, slots.actor)
            if not near and trig.event in CONTROLLING:
                # "willing to send engineers to help rebuild Haiti": the party of what is offered
                near = self.parties_in(ms, self._content_ids(tok), slots.actor)
            slots.recipient.extend(first_list(near, sent.doc))
        self._protest_and_threat_recipients(tok, trig, ms, slots)
        actor = participants(slots.actor, names)
        if trig.mode == "multilateral":
            # "le sommet de l'Alliance": a small bloc's summit is its member states meeting
            small = [p for p in actor if 0 < len(self.members.get(p.code or "", ())) <= MAX_EXPANDED]
            if small and len(small) == len(actor):
                actor = [Participant(names.get(c, c), c) for p in small for c in self.members[p.code]]
        recipient = [p for p in participants(slots.recipient, names) if distinct(p, actor, trig.event)]
        codes = {p.code for p in actor + recipient if p.code}
        if aa.dyad and (bilateral or not codes) and trig.event in ("CONSULT", "COOPERATE", "AGREE", "SUPPORT"):
            if bilateral and (not codes or codes <= set(aa.dyad)):
                have = {p.code for p in actor}
                actor = actor + [Participant(names.get(c, c), c) for c in aa.dyad if c not in have and c not in codes]
                codes = {p.code for p in actor + recipient if p.code}
        if not actor and trig.event == "ASSAULT" and tok.pos_ == "VERB" and places and places[0].codes:
            # "a journalist was killed by a car bomb in Beirut", "des hommes armés ont attaqué un
            # poste à Niamey": attackers left unnamed are of the place where they struck
            c0 = places[0].codes[0]
            actor = [Participant(names.get(c0, c0), c0)]
            codes = {p.code for p in actor + recipient if p.code}
        if trig.event == "PROTEST" and tok.pos_ == "NOUN" and not slots.recipient:
            # "des manifestations réclamant le départ des troupes françaises": whom a protest
            # targets is named in what it demands or denounces
            said = [v for v in (tok.head, *tok.children) if v.pos_ == "VERB" and v.i != tok.i
                    and (v.dep_ in ("acl", "acl:relcl") or tok.dep_.startswith("nsubj") and v.i == tok.head.i)]
            ids = {t.i for v in said for c in v.children if c.dep_ in ("obj", "dobj", "obl:arg") for t in c.subtree}
            recipient = [p for p in participants([m for m in ms if m.head in ids and m.codes and not m.nested
                                                  and m.kind != "place"], names) if distinct(p, actor)]
            codes = {p.code for p in actor + recipient if p.code}
        if not actor and slots.recipient and all(m.kind == "person" and not m.role and not m.sector
                                                 for m in slots.recipient):
            return None  # "le sacre de X a été salué": an act by nobody toward a private person
        if not codes and not (trig.event == "PROTEST" and (tok.pos_ == "NOUN" and aa.home and tok.dep_.startswith("nsubj")
                                                           or any(m.codes for m in places))):
            return None  # (protests told as what happens — "des manifestations se sont succédé" — are their place's)
        status = self.status(tok, gov, sent)
        mode = trig.mode
        event = trig.event
        if event == "ASSAULT" and mode is None:
            mode = self._weapon(sent)
        if event in ("REQUEST", "REJECT") and mode is None:
            # "demande la tenue d'une réunion" → meet; "exige la libération" → yield
            mode = next((ASKED_MODES[c] for c in sorted(asked) if c in ASKED_MODES), None)
        offered = [t.event for _, t in inner if t.event in THREAT_MODES]
        if event == "AGREE" and offered and status == "occurred":
            # "is prepared to impose martial law", "se dit prêt à frapper": offering a coercive
            # act is threatening it
            event, mode = "THREATEN", THREAT_MODES[offered[0]]
        if status in ("planned", "hypothetical") and event in THREAT_MODES and tok.pos_ == "VERB":
            # "prévoit d'imposer des restrictions", "will extend the curfew": saying one will do a
            # coercive act is a threat of it (PLOVER THREATEN); a decision announced by its noun
            # ("a annoncé la fermeture de l'espace aérien à compter de mardi") is the act itself
            mode = mode if mode in modes("THREATEN") else THREAT_MODES[event]
            event, status = "THREATEN", "occurred"
        iv, before = self._when(tok, trig, gov, timed, status, times, sent, para, anchor, last_day, lead, occasion, earlier)
        if mode == "phone":
            # a call is made from where its own words say, not where the sentence or the story is
            # ("avaient eu un entretien téléphonique, et le 6 avril X avait été reçu à Alger")
            places, scene = slots.places, Scene()
        location = self._where(trig.event, iv, places, slots, before, lead, para, actor, recipient, scene, headline_places,
                               occasion, fresh=iv.end is None or not stale(iv, anchor),
                               seat=self._seat(slots, sent))
        here = location.country if location and location.country else aa.home  # whose ground this is
        if not actor and event == "PROTEST" and here and (tok.pos_ == "NOUN" or location is not None):
            # "des manifestations se sont succédé à Niamey": the people of where they march
            actor = [Participant(names.get(here, here), here)]
            # (against no one named: "contre la hausse des prix" — against the government there)
            recipient = [p for p in recipient if p.code != here] or actor
        if not actor and (trig.event, mode) in STATE_ACTS and any(c.dep_ in ("aux:pass", "nsubj:pass", "nsubjpass", "auxpass")
                                                                for c in tok.children):
            # "ils avaient été interpellés à Bamako": arrests, convictions, expulsions and releases
            # told without their agent are the doing of the state where they happen
            if here and here not in {p.code for p in recipient}:
                actor = [Participant(names.get(here, here), here)]
        if trig.event == "CONSULT" and mode is None and location and recipient and actor:
            if location.country in {p.code for p in recipient} and location.country not in {p.code for p in actor}:
                mode = "visit"
        span = sent
        if tok.pos_ != "VERB" and tok.dep_ in ("nsubj", "nsubj:pass") and tok.head.pos_ in ("VERB", "AUX"):
            # "l'attaque a fait plus de 70 morts": the toll is the object of the noun's verb
            qtok = [t for c in tok.head.children if c.dep_ in ("obj", "dobj") for t in c.subtree]
        else:
            qtok = []
        qtext = "".join(t.text_with_ws for t in list(tok.subtree) + qtok).strip() if tok.pos_ != "VERB" else \
            "".join(t.text_with_ws for c in tok.children if c.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass") for t in c.subtree)
        quantities = tuple(self.qty.find(qtext)) if qtext else ()
        start = para.offset + span.start_char
        evidence = Evidence(art.id, span.text, start, para.offset + span.end_char, tok.text)
        conf = BASE_CONFIDENCE + (0.2 if actor else 0) + (0.1 if recipient else 0)
        mid = hashlib.sha1(f"{art.id}|{start}|{tok.i}|{event}".encode()).hexdigest()[:16]
        return EventMention(
            id=mid, article_id=art.id, event=event, mode=mode, context=trig.context, status=status,
            actor=tuple(actor), recipient=tuple(recipient), date=iv, location=location,
            quantities=quantities, evidence=(evidence,), confidence=round(min(conf, 0.95), 2),
            score=plover_score(event, mode))


def code_events(parsed: ParsedArticle, aa: ArticleActors, res: Resources) -> list[EventMention]:
    lang = parsed.article.lang
    coder = res.cache.get(("coder", lang))
    if coder is None:
        coder = res.cache[("coder", lang)] = EventCoder(res, lang)
    return coder.code(parsed, aa)


def _alone(em: EventMention) -> bool:
    """Support, agreement or cooperation of one party with nobody ("le gouvernement rend
    hommage aux soldats", "Norway is willing to…" with no one found), aid to nobody: no event
    to code."""
    if em.event == "AID" and not em.recipient:
        return True  # aid is given to someone: none found, nothing to code
    return em.event in ("SUPPORT", "AGREE", "COOPERATE") and em.mode != "multilateral" and not em.recipient \
        and len({p.code for p in em.actor if p.code}) == 1
