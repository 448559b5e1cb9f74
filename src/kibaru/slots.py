"""slots: who fills an event trigger's argument slots (subject, object, prepositional
complements…) and the status its verb gives it — the parse-reading half of the event coder.

`SlotFiller` is mixed into `events.EventCoder`; it reads the language resources (`self.lr`),
the time parser (`self.time`) and the channel prepositions (`self.blocked`) the coder sets.
Works on Universal Dependencies (French) and ClearNLP (English) labels.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .mentions import Mention
from .resources import Trigger
from .syntax import arguments, first_list, following, subtree_ids

#: ASSAULT modes from weapon words, most specific first (a suicide car bomb is a suicide attack).
WEAPON_ORDER = ("suicide-attack", "drone", "aerial", "heavy-weapons", "explosives", "firearms")

#: Verbs that control another action: "agreed to provide aid" is one AGREE (PLOVER §3.1).
CONTROLLING = {"AGREE", "REQUEST", "THREATEN", "REJECT", "CONCEDE", "ACCUSE"}


@dataclass
class Slots:
    actor: list[Mention]
    recipient: list[Mention]
    places: list[Mention]
    genitive: list[Mention] = field(default_factory=list)  # "l'expulsion de l'ambassadeur de France"


class SlotFiller:
    """Argument slots, status and the small parse tests the event coder asks."""

    # -- slots --------------------------------------------------------------------------
    def _mentions_in(self, ids: set[int], mentions: list[Mention]) -> list[Mention]:
        return [m for m in mentions if m.head in ids and m.kind != "place" or (m.head in ids and m.kind == "place")]

    def _is_loc(self, m: Mention, prep: str | None) -> bool:
        if prep is None:
            return False
        p = prep.split()[0]
        if m.kind == "place" or m.place is not None:
            return self.lr.has("loc_prep", p) or self.lr.has("near_prep", p)
        # a country after à/au/aux is a dative ("offert au Niger"); after en/dans/in a place
        return m.kind == "country" and self.lr.has("loc_prep", p) and not self.lr.has("dative_prep", p)

    def fill_slots(self, tok, trig: Trigger, mentions: list[Mention], sent_subject: list[Mention]) -> Slots:
        lr = self.lr
        frame = trig.frame
        slots = Slots([], [], [])

        def put(role: str | None, ms: list[Mention]):
            if role == "actor":
                slots.actor.extend(ms)
            elif role == "recipient":
                slots.recipient.extend(ms)

        args = list(arguments(tok))
        auxes = {c.dep_ for c in tok.children}
        if tok.pos_ == "VERB" and (auxes & {"aux:tense", "aux"} and not auxes & {"aux:pass", "auxpass"}
                                   or lr.has("active_participle", tok.lemma_.lower()) and not auxes & {"aux:tense", "aux"}):
            # "des combattants … ont attaqué": an active verb (auxiliary avoir, no passive one)
            # whose subject the parser labelled passive; "le président est arrivé": a verb whose
            # past is told with "être" is no passive (but "a été débarqué" is)
            args = [("subj" if a[0] == "subjpass" else a[0], a[1], a[2]) for a in args]
        if (tok.pos_ in ("VERB", "AUX") or tok.pos_ == "ADJ" and tok.dep_ == "xcomp") \
                and not any(a[0] in ("subj", "subjpass") for a in args) \
                and tok.dep_ in ("advcl", "xcomp", "acl", "conj", "ROOT", "nmod"):
            # "Accueilli à Moscou, le président…": the participle's subject is the main verb's
            # (or, when the parser made the participle the root, its conjunct's)
            passive = "Part" in tok.morph.get("VerbForm") and "Pres" not in tok.morph.get("Tense") and not any(c.dep_.startswith("aux") for c in tok.children) \
                and not lr.has("active_participle", tok.lemma_.lower()) \
                and not (tok.dep_ == "conj" and any(c.dep_ in ("aux:tense", "aux") for c in tok.head.children))
            # (active: "Arrivé dimanche…", "en rappelant…", "avait salué … et promis": the auxiliary shared)
            hosts = [tok.head] if tok.head.i != tok.i else \
                [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")][:1] if passive else []
            for host in hosts:
                if passive and tok.dep_ in ("acl", "amod") and host.pos_ in ("NOUN", "PROPN"):
                    args.append(("subjpass", None, host))  # "les militaires condamnés par la cour"
                    continue
                if tok.dep_ in ("advcl", "nmod") and host.pos_ in ("NOUN", "PROPN"):
                    args.append(("subj", None, host))  # "Réunis à Abuja, les chefs d'État…" hung on the noun
                    continue
                for slot, prep, arg in arguments(host):
                    if slot in ("subj", "subjpass"):
                        args.append(("subjpass" if passive else "subj", None, arg))
        if tok.pos_ in ("VERB", "AUX") and not any(a[0] == "obj" for a in args):
            # "a reçu, lundi au palais, les ministres…": after an inserted time phrase the parser
            # hangs the object as a bare oblique; a bare oblique that is no time word is the object
            args += [("obj", None, c) for c in tok.children if c.dep_ in ("obl:mod", "conj") and c.pos_ == "NOUN"
                     and c.i > tok.i and not any(g.dep_ in ("case", "cc") for g in c.children)
                     and not self._is_time_word(c)]
            # "a accueilli en avril des instructeurs": the object hung under the time phrase
            args += [("obj", None, g) for c in tok.children if c.dep_.startswith("obl") and self._is_time_word(c)
                     for g in c.children if g.dep_ == "nmod" and g.pos_ == "NOUN" and g.i > c.i
                     and not any(x.dep_ == "case" and lr.has("loc_prep", x.lower_) for x in g.children)]  # ("lundi au palais": where)
        if len(trig.words) > 1 and tok.pos_ in ("VERB", "AUX", "NOUN"):
            # the trigger's own object (a noun's complement) found outside its subtree (see
            # `match_trigger`)
            sub = {t.i for t in tok.subtree}
            for t in following(tok):
                if t.i not in sub and t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in trig.words[1:]:
                    case = next((c.lower_ for c in t.children if c.dep_ == "case"), None)
                    args.append(("obj", None, t) if tok.pos_ != "NOUN" else ("prep", case, t))
        far: list[Mention] = []
        for slot, prep, arg in args:
            pform = (prep or "").split(" ")[0] if prep else None
            if pform and lr.has("intermediary", pform):
                continue
            if slot == "prep" and (lr.has("circumstance_noun", arg.lemma_.lower()) or lr.has("circumstance_noun", arg.lower_)):
                continue  # "à l'issue du sommet de l'Alliance", "on the sidelines of": when, not whom
            ids = subtree_ids(arg, self.blocked)
            if arg.i == tok.head.i and tok.dep_ in ("acl", "amod", "advcl", "nmod"):
                ids -= {t.i for t in tok.subtree}  # the noun a participle qualifies, not what the participle says
            # (or the name the argument is part of: "le président nigérien Abdourahamane Tiani", its
            # first name hung on the title and its surname the subject)
            ms = [m for m in mentions if (m.head in ids or m.start <= arg.i < m.end) and not m.nested]
            if not ms and slot in ("subj", "subjpass") and self._is_pronoun(arg):
                # "Uganda said it had paid…": the pronoun is the reporting verb's subject, else
                # the subject of the sentences before
                ms = self._reporter(tok, mentions) or list(sent_subject)
            if not ms:
                continue
            if slot == "prep":
                # (or the argument is a place its own words say is where: "près de Kolondiéba")
                locs = [m for m in ms if self._is_loc(m, prep) or m.head == arg.i and m.locative
                        and (m.kind == "place" or m.place is not None)]
                # (a place inside the argument with a preposition of its own is no party: "une
                # visite de quatre jours en Russie"; it says where after the verb's own places)
                inner = [m for m in ms if pform and lr.has("de_prep", pform) and m not in locs and m.head != arg.i and self._is_loc(
                    m, next((c.lower_ for c in arg.doc[m.head].children if c.dep_ == "case"), None))]
                far.extend(inner)
                ms = [m for m in ms if m not in inner]
                if locs:
                    slots.places.extend(locs)
                    if frame.get("loc") == "recipient":
                        put("recipient", [m for m in locs if m.kind != "place" or m.codes])
                    ms = [m for m in ms if m not in locs]
                    if not ms:
                        continue
                if pform and f"prep:{pform}" in frame:
                    put(frame[f"prep:{pform}"], ms)
                elif pform and lr.has("joint_prep", pform):
                    put("actor", ms)
                elif pform and lr.has("de_prep", pform):
                    if "de" in frame or tok.pos_ != "NOUN":
                        put(frame.get("de"), ms)
                    else:
                        slots.genitive.extend(ms)  # agent or patient: decided once the agent is known
                elif pform and lr.has("agent_prep", pform) and tok.pos_ == "NOUN":
                    put("actor", ms)
                elif pform and lr.has("recipient_prep", pform):
                    put(frame.get("prep", "recipient"), first_list(ms, tok.doc))
                continue
            if slot in ("poss", "mod"):
                if tok.pos_ == "NOUN":
                    put(frame.get(slot, "actor"), [m for m in ms if m.kind != "place"])
                continue
            default = {"subj": "actor", "obj": "recipient", "iobj": "recipient", "agent": "actor",
                       "subjpass": "recipient"}[slot]
            # passive voice: the passive subject is the frame's object, the agent its subject
            role = frame.get(slot) or {"subjpass": frame.get("obj"), "agent": frame.get("subj")}.get(slot) or default
            if tok.pos_ == "NOUN" and slot in ("subj", "subjpass"):
                continue
            put(role, first_list(ms, tok.doc) if slot in ("obj", "iobj") else ms)
        slots.places.extend(far)
        if far and frame.get("loc") == "recipient" and not slots.recipient:
            put("recipient", [m for m in far if m.kind != "place" or m.codes])
        return slots

    def _content(self, c) -> bool:
        """Is this dependent the content of a demand, accusation, threat… ("of violating", "for
        sanctions", "à des sanctions")?"""
        if c.dep_ == "prep":
            return self.lr.has("content_prep", c.lower_)
        if c.dep_ == "advcl":  # "demanded a meeting to discuss…", "exige une réunion pour examiner…"
            return any(g.dep_ in ("aux", "mark") and self.lr.has("content_prep", g.lower_) for g in c.children)
        return c.dep_ in ("obl:arg", "obl") and any(
            g.dep_ == "case" and self.lr.has("content_prep", g.lower_) for g in c.children)

    def _reporter(self, tok, mentions: list[Mention]) -> list[Mention]:
        """Actor mentions of the subject of the clause that reports or governs `tok`."""
        t, steps = tok, 0
        while t.dep_ in ("ccomp", "xcomp", "advcl", "conj", "parataxis") and t.head.i != t.i and steps < 3:
            t, steps = t.head, steps + 1
            for slot, _, arg in arguments(t):
                if slot == "subj":
                    ids = subtree_ids(arg, self.blocked)
                    found = [m for m in mentions if m.head in ids and not m.nested and m.codes]
                    if found:
                        return found
        return []

    def _is_time_word(self, tok) -> bool:
        w = self.time.w
        return any(x in w.weekdays or x in w.months or x in w.units or x in w.parts or x in w.days
                   for x in (tok.lower_, tok.lemma_.lower()))

    def _names_people(self, tok, ms: list[Mention]) -> bool:
        """"a rendu hommage aux soldats tombés", "ont arrêté des manifestants": the other party
        is named — people of no stated country, most often the actor's own — so none is
        borrowed from the rest of the article."""
        for c in tok.children:
            if c.dep_ in ("obj", "dobj", "iobj", "obl:arg", "dative") or c.dep_ == "obl" and any(
                    g.dep_ == "case" and self.lr.has("dative_prep", g.lower_) for g in c.children):
                head = next((p for p in c.children if p.dep_ == "pobj"), c) if c.dep_ == "dative" else c
                ids = {t.i for t in head.subtree}
                if self.lr.has("person_noun", head.lemma_.lower()) and not any(m.head in ids and m.codes for m in ms):
                    return True
        return False

    def _told_participle(self, tok) -> bool:
        """"des militaires condamnés le 30 décembre par la cour": a participle with its agent or
        its day tells an event; "une solution négociée" does not."""
        return any(c.dep_ in ("obl:agent", "agent") and any(self.lr.has("agent_prep", g.lower_) for g in c.children)
                   or c.dep_ == "agent"
                   or c.dep_.startswith("obl") and c.dep_ != "obl:agent" and any(self._is_time_word(t) for t in c.subtree)
                   for c in tok.children)

    def _weapon(self, sent) -> str | None:
        """The ASSAULT mode the sentence's weapon words give ("une voiture piégée" → explosives,
        "shelled" → heavy-weapons), the most specific first (`assault_mode` rows' order)."""
        found = {self.lr.words["assault_mode"].get(w) for t in sent for w in (t.lower_, t.lemma_.lower())
                 if w in self.lr.words.get("assault_mode", {})}
        return next((m for m in WEAPON_ORDER if m in found), None)

    def _reports(self, clause) -> bool:
        """Is this clause what a reporting verb says ("a annoncé qu'il se rendrait…")?"""
        h = clause.head
        return h.i != clause.i and (self.lr.has("report_verb", h.lemma_.lower()) or self.lr.has("report_verb", h.lower_))

    def _in_circumstance(self, tok) -> bool:
        """Is this noun the complement of a circumstance ("à l'issue du sommet", "en marge de la
        visite")? It is then an event of its own, which the main verb's is not about."""
        h = tok.head
        return h.i != tok.i and (self.lr.has("circumstance_noun", h.lemma_.lower()) or self.lr.has("circumstance_noun", h.lower_))

    def _is_pronoun(self, tok) -> bool:
        return self.lr.has("pronoun_sg", tok.lower_) or self.lr.has("pronoun_pl", tok.lower_)

    # -- status ---------------------------------------------------------------------------
    def status(self, tok, gov, sent) -> str:
        lr = self.lr
        heads = [t for t in (tok, gov) if t is not None]
        for h in heads:
            for c in h.children:
                if lr.has("negation", c.lower_) and c.dep_ in ("advmod", "neg", "det", "advmod:neg"):
                    return "negated"
            if lr.has("deny", h.lemma_.lower()) and h is not tok:
                return "negated"
        if tok.dep_ == "xcomp" and lr.has("deny", tok.head.lemma_.lower()):
            return "negated"  # "had failed to support them", "a échoué à convaincre"
        if tok.pos_ == "VERB" and tok.dep_ not in ("ROOT", "xcomp", "ccomp", "conj") and "Part" in tok.morph.get("VerbForm") \
                and "Past" in tok.morph.get("Tense") and not any(c.dep_.startswith("aux") for c in tok.children):
            return "occurred"  # "L'accord, approuvé mardi par le cabinet, prévoit…": done, whatever it plans
        for h in heads:
            # "Iraq said it would allow…", "a annoncé qu'il se rendrait à Paris": the future of a
            # reported past is what was announced, planned
            reported = h.dep_ in ("ccomp", "xcomp") and self._reports(h)
            moods = [h] + [c for c in h.children if c.dep_.startswith("aux")]
            if any(conditional(x) for x in moods):
                if reported:
                    return "planned"
                if not lr.has("planned", h.lemma_.lower()):
                    return "hypothetical"  # "Niamey aurait conclu un accord": alleged, not stated
            for c in h.children:
                if c.dep_ == "mark" and lr.has("hypothetical", c.lower_):
                    return "hypothetical"
                if c.dep_.startswith("aux") and lr.has("hypothetical", c.lower_) and self.lang == "en":
                    return "planned" if reported and c.lower_ in ("would", "'d") else "hypothetical"
        if (lr.has("planned", tok.lemma_.lower()) or lr.has("planned", tok.lower_)) \
                and not any(c.dep_ == "expl:comp" for c in tok.children):
            # the trigger itself says it is ahead ("est attendu à…"); its reflexive is another
            # verb ("s'étaient entendus sur…": agreed, not intended)
            return "planned"
        for h in heads:
            if "Tense=Fut" in str(h.morph):
                return "planned"
            near = [h.head] if h.head.i != h.i else []
            near += [c for c in h.children if c.dep_ != "ccomp"]  # "a affirmé que X doit…": said now
            for c in near:
                if "Part" in c.morph.get("VerbForm") and "Pres" in c.morph.get("Tense"):
                    continue  # "un protocole … prévoyant la location": what the thing done provides for
                if lr.has("planned", c.lemma_.lower()) or lr.has("planned", c.lower_):
                    if c.dep_ not in ("nsubj", "obj", "nmod", "obl:mod", "obl", "nsubj:pass") or c.pos_ in ("VERB", "ADJ", "AUX"):
                        return "planned"
            if h.head.i != h.i and h.dep_ in ("xcomp",) and "Tense=Fut" in str(h.head.morph):
                return "planned"
        return "occurred"


#: French conditionals the tagger reads as imperfects, built on irregular stems.
_IRREGULAR_CONDITIONAL_STEMS = ("ser", "aur", "fer", "ir", "viendr", "pourr", "devr", "voudr", "faudr", "saur",
                                "tiendr", "enverr", "verr", "tiendr", "vaudr", "mourr", "courr")


def conditional(tok) -> bool:
    """Is the verb in the conditional? The French tagger often reads "se rendrait", "serait"
    as imperfects: a conditional is the future stem (the infinitive, or an irregular stem)
    plus the imperfect ending — "déclarerait" is, "déclarait" is not."""
    if "Mood=Cnd" in str(tok.morph):
        return True
    if "Tense=Imp" not in str(tok.morph) or tok.pos_ not in ("VERB", "AUX"):
        return False
    w, lemma = tok.lower_, tok.lemma_.lower()
    for ending in ("aient", "ait", "ais"):
        if w.endswith("r" + ending):
            stem = w[:-len(ending)]
            # (a compound bears its root's stem: "s'entretiendrait", "obtiendrait", "parviendrait")
            return stem == lemma or stem == lemma[:-1] or stem in _IRREGULAR_CONDITIONAL_STEMS or any(
                stem.endswith(s) for s in _IRREGULAR_CONDITIONAL_STEMS if len(s) >= 5)
    return False
