"""clauses: what the clauses around a trigger say about its parties.

The content of an agreement, demand or threat (the verbs it controls, down through verbs
that are no triggers: "willing to send engineers to help rebuild Haiti"), the one asked in a
demanded clause, the condition of a threat, who claims an attack and what it aimed at, and
actors listed before a verb whose subject the parser lost. A mixin of the event coder: the
methods read `self.lr` (the language's words).
"""
from __future__ import annotations

from .mentions import Mention
from .slots import CONTROLLING
from .syntax import subtree_ids


class ClauseReader:
    def conditions(self, tok) -> list:
        """The condition clauses of a threat ("threatened to strike unless Israel rescinded…",
        "menace d'intervenir si les militaires ne libèrent pas…"), under it or its infinitive."""
        heads = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
        return [c for h in heads for c in h.children if c.dep_ in ("advcl", "ccomp")
                and any(m.dep_ == "mark" and any(self.lr.has("condition_mark", w.lower_) for w in (m, *m.children))
                        for m in c.children)]  # "à moins que": the mark's fixed word

    def _claimed_and_aimed(self, tok, ms: list[Mention], slots) -> None:
        """"Le JNIM a revendiqué l'attaque", "l'attaque a été revendiquée par le JNIM": who claims
        an attack made it; "l'attaque qui a visé la capitale malienne", "the attack that hit
        Kabul": what it aimed at is its target."""
        h = tok.head
        if not slots.actor and h.i != tok.i and self.lr.has("claim_verb", h.lemma_.lower()):
            if tok.dep_ in ("obj", "dobj"):
                who = [c for c in h.children if c.dep_ in ("nsubj", "nsubj:pass")]
            elif tok.dep_ in ("nsubj:pass", "nsubjpass"):  # "par X", however the parser hung it
                who = [c for c in h.subtree if c.dep_ in ("obl:agent", "agent")
                       or any(g.dep_ == "case" and self.lr.has("agent_prep", g.lower_) for g in c.children)]
            else:
                who = []
            ids = {i for c in who for i in subtree_ids(c)}
            slots.actor.extend(m for m in ms if m.head in ids and m.codes and not m.nested)
        if not slots.recipient:
            aims = [c for c in tok.children if c.dep_ in ("acl:relcl", "relcl") and self.lr.has("aim_verb", c.lemma_.lower())]
            ids = {i for a in aims for c in a.children if c.dep_ in ("obj", "dobj") for i in subtree_ids(c)}
            slots.recipient.extend(m for m in ms if m.head in ids and m.codes and not m.nested and m not in slots.actor)
            # "l'attaque qui a visé la capitale malienne": the place it hit is where it happened
            slots.places.extend(m for m in ms if m.head in ids and m.place is not None and m not in slots.places)

    def _content_ids(self, tok) -> set[int]:
        """Tokens of the clauses that are what an agreement, demand… is about."""
        out, stack = set(), [c for c in tok.children if self._continues(c)]
        while stack:
            v = stack.pop()
            out |= subtree_ids(v)
            stack.extend(c for c in v.children if self._continues(c))
        return out

    def _continues(self, t) -> bool:
        """Is this verb the content of its head ("to send", "to help rebuild")?"""
        return t.dep_ in ("xcomp", "ccomp", "acomp") or t.dep_ == "advcl" and (self._content(t) or self.for_purpose(t))

    def for_purpose(self, v) -> bool:
        """An infinitive of purpose: "to demand reforms", "pour exiger…"."""
        return any(c.dep_ in ("aux", "mark") and self.lr.has("purpose_mark", c.lower_) for c in v.children)

    @staticmethod
    def parties_in(ms: list[Mention], ids: set[int], actor: list[Mention]) -> list[Mention]:
        """The parties named on these tokens other than the actor (places are where, not whom)."""
        acodes = {c for m in actor for c in m.codes}
        return [m for m in ms if m.head in ids and m.codes and not set(m.codes) & acodes
                and not m.nested and m.kind != "place"]

    def _controller(self, tok, by_tok: dict):
        """The agreement, demand, threat… whose content this verb is, up through verbs that are
        no triggers ("willing to send troops to help defend X": defending is what is offered)."""
        t = tok
        while t.head.i != t.i and self._continues(t):
            h = t.head
            if h.i in by_tok and by_tok[h.i].event in CONTROLLING:
                return h
            t = h  # a trigger of another kind ("send" in "willing to send… to help defend") passes it on
        return None

    @staticmethod
    def _asked(tok, ms: list[Mention], actor: list[Mention]) -> list[Mention]:
        """The parties a reported clause's subject names (who is asked to act), not the actor."""
        asked = {t.i for c in tok.children if c.dep_ == "ccomp"
                 for s_ in c.children if s_.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for t in s_.subtree}
        return ClauseReader.parties_in(ms, asked, actor)

    def _listed_before(self, left: list[Mention], doc) -> list[Mention]:
        """The last actor named before a verb, with those listed with it ("la France et l'Union
        européenne ont suspendu…")."""
        group = [left[-1]]
        for m in reversed(left[:-1]):
            between = doc[m.end:group[0].start]
            if not between or not all(t.text == "," or t.pos_ in ("DET", "CCONJ") for t in between) \
                    or not any(t.text == "," or t.pos_ == "CCONJ" for t in between):
                break
            group.insert(0, m)
        return group

    @staticmethod
    def _left_country(slots) -> None:
        """"le départ du dernier soldat français du Mali": the country named after a withdrawing
        force's nationality is the one it leaves (the recipient), not a second actor."""
        nat = [m for m in slots.actor if m.kind == "demonym"]
        left = [m for m in slots.actor if m.kind == "country" and nat and m.start > nat[0].start
                and not set(m.codes) & set(nat[0].codes)]
        slots.recipient.extend(left)
        slots.actor[:] = [m for m in slots.actor if m not in left]

    def _protest_and_threat_recipients(self, tok, trig, ms: list[Mention], slots) -> None:
        """The other party of a protest (whom it is against) and of a threat (who must meet
        its condition), when the trigger's own arguments name none."""
        if trig.event == "PROTEST" and not [m for m in slots.recipient if not m.locative]:
            # (a place the protest happens in is where, not whom: "blocked streets in Hong Kong")
            slots.recipient[:] = self._protested(tok, ms, slots.actor) or slots.recipient
        if trig.event == "THREATEN" and not slots.recipient:
            # "threatened a strike unless Israel rescinded…": the threat is made to whoever must act
            cond = {t.i for c in self.conditions(tok) for s_ in c.children
                    if s_.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for t in s_.subtree}
            slots.recipient.extend(self.parties_in(ms, cond, slots.actor))

    def _protested(self, tok, ms: list[Mention], actor: list[Mention]) -> list[Mention]:
        """Whom a protest is against, named in what it is for ("blocked a road to show their
        disapproval of the United States' policies", "des manifestations contre les autorités
        militaires"): a state or body, or its government, army or police — not people of a
        nationality ("to protest the settlement of Russian immigrants")."""
        ids = {t.i for v in tok.children if v.dep_ == "advcl" and self.for_purpose(v) for t in v.subtree}
        ids |= {i for c in tok.children if c.dep_ in ("prep", "obl", "nmod", "obl:mod")
                and (self.lr.has("recipient_prep", c.lower_) or any(
                    g.dep_ == "case" and self.lr.has("recipient_prep", g.lower_) for g in c.children)
                    or any(self.lr.has("protest_noun", g.lemma_.lower()) for g in (c, *c.children)))  # "in defiance of"
                for i in subtree_ids(c)}
        return [m for m in self.parties_in(ms, ids, actor)
                if not m.locative and (m.kind != "demonym" or m.sector in ("GOV", "MIL", "COP"))][:1]

    def no_event(self, tok, trig, by_tok: dict, in_names: set[int]) -> bool:
        """Shapes in which a trigger word tells no event: a topic, who a body gathers, a kind of
        thing, a name, a participle describing a noun, what a protest demands."""
        sent = tok.sent
        if tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].isupper() and not tok.is_upper and tok.i != sent.start \
                and sum(t.text[:1].isupper() for t in sent if t.is_alpha) * 2 < sum(t.is_alpha for t in sent):
            return True  # "l'anniversaire de la Marche verte": a capitalised name of a past event, in running text
        if tok.pos_ == "NOUN" and (any(c.dep_ == "case" and self.lr.has("topic_prep", c.lower_) for c in tok.children)
                                   or tok.dep_ == "pobj" and self.lr.has("topic_prep", tok.head.lower_)):
            return True  # "des interrogations sur son financement": a topic, not an event
        if trig.event == "CONSULT" and (tok.dep_ in ("acl:relcl", "relcl") or any(
                c.dep_.startswith("nsubj") and "Rel" in c.morph.get("PronType") for c in tok.children)) \
                and "Fin" in tok.morph.get("VerbForm") \
                and not any(c.dep_.startswith("aux") for c in tok.children) \
                and not any(self._is_time_word(t) for t in tok.subtree):
            # "le CEMOC, qui réunit l'Algérie, le Mali…": who a body gathers, no meeting
            # (a meeting told in a relative clause says when: "qui réunit lundi…")
            return True
        if trig.event == "CONSULT" and tok.pos_ == "NOUN" and not any(c.dep_ == "det" for c in tok.children) \
                and any(c.dep_ == "case" and self.lr.has("purpose_mark", c.lower_) for c in tok.children):
            return True  # "le rappel, pour consultations, des ambassadeurs": why they are recalled
        if tok.dep_ == "compound" or tok.pos_ == "VERB" and any(c.dep_ == "det" for c in tok.children):
            return True  # "invasion forces": a kind of force; "evacuated the wounded": people
        if trig.event == "SUPPORT" and tok.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in tok.children):
            return True  # "a soutenu qu'ils étaient en mission": a claim, not support
        if tok.i in in_names or (tok.pos_ == "VERB" and tok.dep_ in ("amod", "acl")
                                 and "Fin" not in tok.morph.get("VerbForm")
                                 and not ("Inf" in tok.morph.get("VerbForm") and tok.lower_ == tok.lemma_.lower())
                                 and not any(c.dep_.startswith(("nsubj", "aux")) or c.dep_ == "mark"
                                             for c in tok.children)
                                 and not self._told_participle(tok)):
            # "Groupe de soutien à l'islam", "une solution négociée" (a participle,
            # even one the tagger took for an infinitive with no "à"/"de" — unless the word is
            # the infinitive itself: "annonçait à son tour mettre fin à…"): not events
            return True
        if tok.pos_ == "VERB" and any(c.dep_.startswith("nsubj") and c.i in by_tok and by_tok[c.i].event == "PROTEST"
                                      for c in tok.children):
            return True  # "des manifestations réclamant le départ…": what the protest demands
        if tok.pos_ == "VERB" and tok.dep_ in ("acl", "acl:relcl", "advcl") and tok.head.i in by_tok \
                and by_tok[tok.head.i].event == "PROTEST" and trig.event in ("REQUEST", "PROTEST", "ACCUSE", "REJECT"):
            return True  # "blocked roads demanding that…", "to demand reforms": what the protest is for
        return False
