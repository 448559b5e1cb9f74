"""Argument slots on a dependency parse, for Universal Dependencies (French) and ClearNLP
(English) label sets: who is the subject, the object, the complement introduced by "à"…
The event coder reads participants through these few functions only.
"""
from __future__ import annotations

from .resources import LanguageResources, Trigger

#: Core dependents found under a noun are parser misattachments: they belong to the verb.
MISATTACHED = {"obj", "iobj", "nsubj"}
CLAUSE_DEPS = {"acl:relcl", "relcl", "advcl", "ccomp", "parataxis", "csubj", "acl"}

def prep_of(tok) -> str | None:
    for c in tok.children:
        if c.dep_ == "case":
            fixed = [f.lower_ for f in c.children if f.dep_ == "fixed"]
            return " ".join([c.lower_, *fixed]).replace("’", "'")
    return None


#: French reflexive verbs used impersonally ("il s'agit de", "il se passe", "il se peut"):
#: their "il" is nobody (a closed grammatical class, not lexicon).
IMPERSONAL_REFLEXIVES = frozenset({"agir", "passer", "pouvoir", "produire", "trouver"})
#: "Il y a rencontré…": the French clitic "y" makes the parser read "il" as the expletive of
#: "il y a" (a closed grammatical class; "il y a (eu)" itself is impersonal: its verb is avoir).
THERE_CLITICS = frozenset({"y"})


def _personal_reflexive(verb) -> bool:
    return any(c.dep_ == "expl:comp" for c in verb.children) and verb.lemma_.lower() not in IMPERSONAL_REFLEXIVES \
        or verb.lemma_.lower() not in ("avoir", "falloir") and any(c.lower_ in THERE_CLITICS for c in verb.children)


def arguments(tok):
    """(slot, preposition, argument token) of a token, for UD and ClearNLP label sets."""
    for c in tok.children:
        d = c.dep_
        if d == "nsubj" or d == "expl:subj" and _personal_reflexive(tok):
            yield "subj", None, c  # "qu'il se rendrait": the reflexive verb's "il" is its subject
        elif d in ("nsubj:pass", "nsubjpass"):
            yield "subjpass", None, c
        elif d in ("obj", "dobj"):
            yield "obj", None, c
        elif d in ("iobj", "dative"):
            yield "iobj", None, c
        elif d == "obl:agent":
            yield "agent", "par", c
        elif d == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    yield "agent", "by", p
        elif d == "prep":
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    yield "prep", c.lower_, p
        elif d.startswith("obl") or d == "nmod":
            yield "prep", prep_of(c), c
            if tok.pos_ in ("VERB", "AUX"):
                # a core argument the parser hung under an oblique ("reçu à Accra son homologue")
                for g in c.children:
                    if g.dep_ in MISATTACHED:
                        yield {"obj": "obj", "iobj": "iobj", "nsubj": "subj"}[g.dep_], None, g
        elif d in ("poss",) or (d == "det" and "Poss=Yes" in str(c.morph)):
            yield "poss", None, c
        elif d in ("compound", "amod", "npadvmod"):
            yield "mod", None, c
        elif d == "conj" and tok.pos_ == "VERB" and c.pos_ != "VERB":
            continue


def subtree_ids(tok, blocked: frozenset[str] = frozenset()) -> set[int]:
    """Token ids under `tok`, not entering nested clauses nor phrases introduced by a
    `blocked` preposition ("via le PAM" is the channel of an aid, not its giver)."""
    out = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ in CLAUSE_DEPS and c.i != tok.i:
                continue
            if c.dep_ in MISATTACHED and t.pos_ in ("NOUN", "PROPN"):
                continue
            if blocked and (prep_of(c) or "").split(" ")[0] in blocked:
                continue
            stack.append(c)
    return out


#: How many words after a verb its multiword trigger's other words may be found.
VERB_WINDOW = 10


def following(tok) -> list:
    """The words just after a trigger, punctuation and determiners not counted ("la
    dénonciation, « avec effet immédiat », de l'accord")."""
    out, n = [], 0
    for t in tok.doc[tok.i + 1:tok.sent.end]:
        if n >= VERB_WINDOW:
            break
        out.append(t)
        n += not (t.is_punct or t.pos_ == "DET")
    return out


def match_trigger(tok, lr: LanguageResources) -> Trigger | None:
    if tok.pos_ not in ("VERB", "NOUN", "ADJ", "AUX") and not (tok.pos_ == "PROPN" and tok.is_lower):
        return None
    if _in_locution(tok, lr):
        return None  # "à partir du 9 juillet": a preposition, not someone leaving
    keys = {tok.lemma_.lower(), tok.lower_}
    cands = [t for k in keys for t in lr.triggers.get(k, [])]
    cands.sort(key=lambda t: -len(t.words))
    near, qualified = None, set()
    for trig in cands:
        pos_ok = trig.pos == tok.pos_ or (trig.pos == "VERB" and tok.pos_ == "AUX") or (trig.pos == "NOUN" and tok.pos_ == "PROPN")
        if not pos_ok:
            continue
        if len(trig.words) > 1:
            if near is None:
                # (a verb joined to the trigger is a clause of its own: "met on Friday and demanded")
                near = {w for c in tok.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
                        for t in (c, *c.children) for w in (t.lemma_.lower(), t.lower_)}
                # ("une note … consultée par l'agence": the noun a participle qualifies is its object
                # — enough to say it is no event, not to make one: "les sanctions imposées")
                qualified = {tok.head.lemma_.lower(), tok.head.lower_} if "Part" in tok.morph.get("VerbForm") \
                    and tok.dep_ in ("acl", "conj") and tok.head.pos_ == "NOUN" else set()
                if tok.pos_ in ("VERB", "AUX", "NOUN"):
                    # the object a verb's or noun's words need, where the parser hung it elsewhere
                    # ("de rompre, avec effet immédiat, les relations", "le retrait, d'ici à la fin
                    # de l'année, des militaires"): the nouns just after the trigger
                    near |= {w for t in following(tok) if t.pos_ in ("NOUN", "PROPN")
                             for w in (t.lemma_.lower(), t.lower_)}
            if not all(w in near or trig.event == NOT_AN_EVENT and w in qualified for w in trig.words[1:]):
                continue
        return None if trig.event == NOT_AN_EVENT else trig
    return None


def _in_locution(tok, lr: LanguageResources) -> bool:
    """Is the word inside a several-word preposition the lexicon lists ("à partir de", "à
    compter du")? Such a word is no verb of its own."""
    doc = tok.doc
    return any(lr.has("start_prep", doc[a:b].text.lower())
               for a in range(max(tok.i - 2, 0), tok.i + 1) for b in range(tok.i + 1, min(tok.i + 3, len(doc)) + 1)
               if b - a > 1)


#: The category of lexicon rows that mark an idiom as no event ("s'appuyer sur": to rely on).
NOT_AN_EVENT = "NONE"


def governor(tok):
    """For a nominal trigger: (governing verb, the dependency that links the noun's branch to it)."""
    t, rel, steps = tok, tok.dep_, 0
    while t.head.i != t.i and steps < 4:
        rel = t.dep_
        t = t.head
        steps += 1
        if t.pos_ in ("VERB", "AUX"):
            return t, rel
        if rel in ("nsubj", "nsubj:pass", "nsubjpass"):
            break
    return None, None


def with_shared_subject(verb):
    """The arguments of a verb, with its head's subject when it has none of its own ("le
    gouvernement a dénoncé X et annoncé le rappel…": who announced is who denounced)."""
    args = list(arguments(verb))
    if verb.dep_ == "conj" and verb.head.i != verb.i and not any(a[0] in ("subj", "subjpass") for a in args):
        args += [a for a in arguments(verb.head) if a[0] in ("subj", "subjpass")]
    return args


def subject_ids(sent) -> set[int]:
    ids = set()
    for t in sent:
        if t.dep_ in ("nsubj",) and t.head.dep_ == "ROOT":
            ids |= subtree_ids(t)
    return ids


def verbal(tok) -> bool:
    """A verb, or a participle the tagger took for an adjective ("ont gelé" tagged ADJ)."""
    return tok.pos_ in ("VERB", "AUX") or any(c.dep_ in ("aux:tense", "aux:pass") for c in tok.children)


def first_list(ms: list, doc) -> list:
    """The first of several parties found in a phrase, with those listed with it ("contre le
    Mali et le Niger"), not those further down it ("French mediation in talks with Syria")."""
    if len(ms) < 2:
        return list(ms)
    a = doc[ms[0].head]

    def listed(m) -> bool:
        b = doc[m.head]
        while b.dep_ in ("conj", "appos") and b.head.i != b.i:
            b = b.head
            if b.i == a.i:
                return True
        # "les accusations du Mali, du Niger…" parsed as two complements of one noun
        return b.head.i == a.head.i and b.dep_ == a.dep_ and b.i > a.i and all(
            t.is_punct or t.pos_ in ("CCONJ", "DET", "ADP") for t in doc[a.i + 1:b.i] if t.i not in _span(a))
    out = [ms[0]]
    for m in ms[1:]:
        # "du Burkina Faso, du Mali et du Niger" whatever the parser hung each on: names that
        # follow each other with only commas, "et" and articles between them are one list
        # (each opened by the preposition that opens the first: "in Bam, Iran" is no list)
        gap = doc[out[-1].end:m.start]
        if listed(m) or m.start >= out[-1].end and len(gap) <= 3 and any(t.pos_ == "ADP" for t in gap) and \
                all(t.text == "," or t.pos_ in ("CCONJ", "DET") or t.pos_ == "ADP" and t.lemma_ == _opener(ms[0], doc)
                    for t in gap):
            out.append(m)
    return out


def _opener(m, doc) -> str | None:
    """The preposition before a name, past its article ("de" in "de la Guinée", "du Mali")."""
    i = before_articles(doc, m.start)
    return doc[i].lemma_ if i >= 0 and doc[i].pos_ == "ADP" else None


def before_articles(doc, start: int) -> int:
    """Index of the word before token `start`, past the articles there ("du" in "du 26 juillet",
    "," in ", le 26 juillet"); -1 at the start of the text."""
    i = start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return i


def _span(tok) -> set[int]:
    return {t.i for t in tok.subtree}
