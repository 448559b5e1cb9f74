"""speakers: who a quotation's speaker clause names, resolved to an actor and a code.

Rules, in order, for the speaker's noun phrase (`Speakers.resolve`):
1. an actor mention inside it: the one at its head ("la Commission de la CEDEAO"), else a
   person, else an organisation or country, else a place of its description ("un analyste
   basé à Lagos" → NGA). Several actors coordinated or a group of countries ("le Mali et le
   Burkina Faso", "les trois États") have no single code;
2. a pronoun ("il", "-t-elle", "she") stands for the subject of the sentences before —
   a speaker of a speech verb first, else the subject of the main verb — agreeing in
   gender and number, going back until one is found, else the last person named;
   "ce dernier", "the latter": the last person named;
3. a name without its first names ("M. Le Drian", "le général Tiani"): the person of the
   article with that surname;
4. a title without a name ("le ministre", "le général", "le chef de l'État"): the person
   named with that title before (in the title or right before the name), else the person
   whose title has that role, else the most named person of the title's sector;
5. a state body named without its country (`state_noun`: "le gouvernement", "the
   authorities"): the article's home country;
6. an ordinary person (`local_noun`: "un habitant", "une commerçante", "a resident"):
   reporters quote them where they report from, so the place of their description if any,
   else the last town or capital named before the quotation (the scene), else the article's
   home country. Other descriptions ("la mère d'un des soldats") stay without a code.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .mentions import ArticleActors, Mention
from .nlp import ParsedArticle
from .resources import fold

#: How many sentences before the quotation a pronoun looks back for its antecedent.
LOOKBACK = 6


@dataclass(frozen=True)
class Speaker:
    text: str
    key: str | None = None
    code: str | None = None


class Speakers:
    def __init__(self, parsed: ParsedArticle, aa: ArticleActors, lr):
        self.parsed, self.aa, self.lr = parsed, aa, lr
        self.log: list[tuple[int, int, Speaker]] = []  # quotations attributed so far
        self.people: list[tuple[Mention, set[str]]] = []  # person mentions in order, with their titles
        for p in parsed.paragraphs:
            for m in sorted(aa.in_para(p.index), key=lambda m: m.start):
                if m.kind == "person" and m.key and self._code(m):
                    titles = {fold(m.role)} if m.role else set()
                    before = p.doc[m.start - 1] if m.start > 0 else None
                    if before is not None and before.pos_ == "NOUN":
                        titles.add(fold(before.text))
                    self.people.append((m, titles))
        self.named = Counter(m.key for m, _ in self.people)

    def heard(self, para: int, qs: int, speaker: Speaker) -> None:
        self.log.append((para, qs, speaker))

    def _code(self, m: Mention) -> str | None:
        return m.code or (self.aa.actors.get(m.key, {}).get("code") if m.key else None)

    def _speaker(self, span, m: Mention | None, code=None) -> Speaker:
        if m is None:
            return Speaker(span.text, None, code)
        return Speaker(span.text, m.key, self._code(m))

    # -- the rules --------------------------------------------------------------------------

    def resolve(self, span, para: int, qs: int, *, pronouns: bool = True) -> Speaker:
        lr = self.lr
        root = span.root
        ms = [m for m in self.aa.in_para(para) if span.start <= m.head < span.end and m.codes]
        if ms:
            # "X, Y et Z" (also parsed as X with the apposition "Y et Z")
            heads = [root, *root.conjuncts, *(h for c in root.children if c.dep_ == "appos" and c.conjuncts
                                               for h in (c, *c.conjuncts))]
            at = [m for m in ms if any(m.start <= h.i < m.end for h in heads)]
            if any(len(m.codes) > 1 for m in at) or len({self._code(m) for m in at}) > 1:
                return Speaker(span.text)  # several actors speak together: no single code
            # the noun phrase itself before the clauses that modify it ("réunis à Abuja, les chefs de X")
            clauses = [c for h in heads for c in h.children if c.dep_.startswith(("acl", "advcl"))]
            inner = [m for m in ms if not any(c.left_edge.i <= m.head <= c.right_edge.i for c in clauses)]
            for group in (inner, ms):
                best = (next(iter(at), None) or next((m for m in group if m.kind == "person"), None)
                        or next((m for m in group if m.kind != "place" and not m.locative), None))
                if best is not None:
                    return self._speaker(span, best)
            return self._speaker(span, (inner or ms)[0])
        word = root.lower_.lstrip("-")
        if pronouns and any(lr.has(k, word) for k in ("pronoun_sg", "pronoun_pl", "pronoun_obj")):
            return self._antecedent(span, para, qs)
        before = self._before(para, span.start)
        if any(lr.has("latter", t.lower_) for t in span):
            return self._speaker(span, before[-1] if before else None)
        person = self._by_surname(span, before) or self._by_title(span, before)
        if person is not None:
            return self._speaker(span, person)
        if any("Yes" in t.morph.get("Poss") for t in span):
            return Speaker(span.text)
        lemma = root.lemma_.lower()
        if lr.has("state_noun", word):  # the form itself: "the juntas" are several states
            return Speaker(span.text, None, self.aa.home)
        if lr.has("local_noun", word) or lr.has("local_noun", lemma):
            return Speaker(span.text, None, self._scene(para, span.start) or self.aa.home)
        return Speaker(span.text)

    def _before(self, para: int, start: int) -> list[Mention]:
        return [m for m, _ in self.people if m.para < para or m.para == para and m.start < start]

    def _by_surname(self, span, before: list[Mention]) -> Mention | None:
        words = [t for t in span if t.pos_ == "PROPN" and not self.lr.has("honorific", t.lower_)]
        if not words or any(t.pos_ == "VERB" for t in span):
            return None
        name = fold(" ".join(t.text for t in words))
        for m in reversed(before):
            a = self.aa.actors.get(m.key, {})
            if any(f == name or f.endswith(" " + name) for f in map(fold, [a.get("name", ""), *a.get("aliases", ())])):
                return m
        return None

    def _by_title(self, span, before: list[Mention]) -> Mention | None:
        first = next((t for t in span if t.pos_ not in ("DET", "PUNCT")), None)
        if first is None:
            return None
        title = fold(span.doc[first.i:span.end].text)
        role = self.lr.roles.get(title) or self.lr.roles.get(fold(span.root.text))
        if role is None or not before:
            return None
        sector, key = role
        same = {key, *(v for k, v in self.lr.words.get("same_role", {}).items() if k == key)}
        seen = {m.key: (m, t) for m, t in self.people if m in before}
        levels = (
            [m for m, t in seen.values() if title in t or fold(span.root.text) in t or m.role_key in same],
            [m for m, t in seen.values() if m.role_key and m.role_key.endswith("_" + key)],
            [m for m, t in seen.values() if (m.sector or self.aa.actors[m.key]["sector"]) == sector],
        )
        for cands in levels:
            if cands:
                order = {m.key: i for i, m in enumerate(before)}
                return max(cands, key=lambda m: (self.named[m.key], order[m.key]))
        return None

    def _scene(self, para: int, start: int) -> str | None:
        """The country of the last town or capital named before (the place reported from)."""
        for p in range(para, -1, -1):
            for m in sorted(self.aa.in_para(p), key=lambda m: -m.start):
                if (p < para or m.start < start) and m.place is not None and m.code:
                    return m.code
        return None

    def _antecedent(self, span, para: int, qs: int) -> Speaker:
        """The subject of the sentences before the pronoun's, agreeing with it."""
        pron = span.root
        sents = []
        for p in range(para, max(-1, para - 3), -1):
            doc = self.parsed.paragraphs[p].doc
            sents += [(p, s) for s in reversed(list(doc.sents)) if p < para or s.end <= span.sent.start]
        for p, sent in sents[:LOOKBACK]:
            heard = [sp for q, c, sp in self.log if q == p and sent.start_char <= c < sent.end_char]
            if heard and heard[-1].code:
                return Speaker(span.text, heard[-1].key, heard[-1].code)
            for subj, speaking in self._subjects(sent):
                if not _agrees(pron, subj):
                    continue
                if subj.pos_ == "PRON":
                    break  # the same one spoken of: look further back
                got = self.resolve(sent.doc[subj.left_edge.i:_phrase_end(subj)], p, sent.start_char, pronouns=False)
                if got.code or speaking:  # one who spoke before is the antecedent even unknown
                    return Speaker(span.text, got.key, got.code)
        before = self._before(para, span.start)
        return self._speaker(span, before[-1] if before else None)

    def _subjects(self, sent):
        """Subjects of a sentence: of its speech verbs (also inverted after the verb) first,
        then of its main verb, then of the other verbs."""
        verbs = self.lr.words.get("quote_verb", {})
        out = []
        for t in sent:
            if (t.lemma_.lower() in verbs or t.lower_ in verbs) and t.pos_ == "VERB":
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                subj = subj or [c for c in t.children if c.i > t.i and c.dep_ in ("obj", "appos")
                                and c.pos_ in ("NOUN", "PROPN")]
                out += [(c, True) for c in subj]
        out += [(c, False) for c in sent.root.children if c.dep_ == "nsubj"]
        return out + [(t, False) for t in sent if t.dep_ == "nsubj" and t.head.pos_ == "VERB" and (t, False) not in out]


def _agrees(pron, noun) -> bool:
    for feat in ("Gender", "Number"):
        a, b = pron.morph.get(feat), noun.morph.get(feat)
        if a and b and a != b:
            return False
    return True


def _phrase_end(tok) -> int:
    """End of a noun phrase with its appositions, before a relative or participial clause."""
    cut = [c for c in tok.subtree if c.dep_.startswith("acl") and c.i > tok.i]
    ids = [t.i for t in tok.subtree if not any(c.left_edge.i <= t.i <= c.right_edge.i for c in cut)]
    end = max(ids) + 1
    while end - 1 > tok.i and tok.doc[end - 1].is_punct:
        end -= 1
    return end
