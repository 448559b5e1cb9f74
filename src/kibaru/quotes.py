"""quotes: quotations with their speaker resolved to an actor.

Shapes of the speech clause, in the sentence of the quotation:
- « … », a déclaré X / raconte X joint par téléphone / a-t-il déclaré (inverted after it);
- X a déclaré : « … »; X a dénoncé des sanctions « illégales »; "…", X said; X said: "…";
- X « dément formellement … » (the speech verb inside the quotation, its subject before it);
- selon X, … / according to X;
- a verb with no subject of its own takes that of the verb it is coordinated with or depends
  on ("X a dénoncé … et annoncé « … »", "…, précisant que « … »"); a relative "qui" stands
  for the noun it follows.
A quotation without a speech clause continues the one just before it (same speaker) when
nothing but quotations lie between them, within a paragraph or from one paragraph to the
next; a quotation opened and not closed in a paragraph runs to the paragraph's end (French
usage reopens it with « in the next paragraph).
Who the speaker is (names, pronouns, titles, ordinary people) is `kibaru.speakers`.
"""
from __future__ import annotations

import re

from .mentions import ArticleActors
from .nlp import ParsedArticle
from .records import Quote
from .speakers import Speakers

QUOTE = re.compile(r"«\s*(?P<a>[^«»]{3,600}?)\s*(?:»|$)|“(?P<b>[^“”]{3,600}?)”|\"(?P<c>[^\"]{3,600}?)\"")
#: Quotations shorter than this many words are not speech. A one-word quotation counts when
#: a speech verb attributes it ("a dénoncé une décision « hâtive »"): quoted words are claims.
MIN_WORDS = 1
SUBJ = ("nsubj", "nsubj:pass", "nsubjpass")
#: Between a quotation and the verb of an inverted clause ("», a-t-il déclaré") only these.
GLUE_POS = {"PUNCT", "AUX", "ADV", "PRON", "SPACE"}


def find_quotes(parsed: ParsedArticle, aa: ArticleActors, lr) -> list[Quote]:
    out: list[Quote] = []
    who = Speakers(parsed, aa, lr)
    last = None  # (paragraph, end char, speaker) of the quotation just before
    pending: list[tuple] = []  # opened, unclosed quotations waiting for the speaker named after them
    for para in parsed.paragraphs:
        doc, text = para.doc, para.doc.text
        for m in QUOTE.finditer(text):
            body = next(g for g in m.groups() if g)
            if len(body.split()) < MIN_WORDS:
                continue
            qs, qe = m.span()
            start = para.offset + m.start() + m.group(0).index(body[:10])
            span = _speaker(doc, qs, qe, lr)
            end = qe
            if span is not None:
                speaker = who.resolve(doc[span[0]:span[1]], para.index, qs)
                end = max(qe, doc[span[1] - 1].sent.end_char)  # "« … », affirme X." up to its end
            elif last and _continues(parsed, last, para.index, qs):
                speaker = last[2]
            else:
                going_on = last is None and pending and _continues(parsed, pending[-1][0], para.index, qs)
                pending = pending if going_on else []
                last = None
                if not m.group(0).rstrip().endswith(("»", "”", '"')):
                    pending.append(((para.index, qe, None), body, start))
                continue
            if pending and _continues(parsed, pending[-1][0], para.index, qs):
                out += [_quote(parsed, speaker, b, st) for _, b, st in pending]
            pending = []
            who.heard(para.index, qs, speaker)
            last = (para.index, end, speaker)
            out.append(_quote(parsed, speaker, body, start))
    return sorted(out, key=lambda q: q.start)


def _quote(parsed: ParsedArticle, speaker, body: str, start: int) -> Quote:
    return Quote(article_id=parsed.article.id, speaker=speaker.text, actor_id=speaker.key,
                 speaker_code=speaker.code, text=body, start=start, end=start + len(body))


def _continues(parsed: ParsedArticle, last, para: int, qs: int) -> bool:
    """Nothing but quotations and punctuation between the previous quotation and this one."""
    p, qe, _ = last
    if para == p:
        gap = parsed.paragraphs[para].doc.text[qe:qs]
    elif para == p + 1:
        gap = parsed.paragraphs[p].doc.text[qe:] + parsed.paragraphs[para].doc.text[:qs]
    else:
        return False
    return not re.search(r"\w", QUOTE.sub("", gap))


def _region(doc, qs: int, qe: int):
    """Tokens of the sentences the quotation lies in, and of the clause right after it."""
    toks = [t for t in doc if qs <= t.idx < qe]
    if not toks:
        return []
    start, end = toks[0].sent.start, toks[-1].sent.end
    nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    ended = nxt is not None and (nxt.is_sent_end and nxt.is_punct
                                 or nxt.is_title and toks[-2:-1] and toks[-2].is_sent_end)
    if nxt is not None and not ended:
        after = next((t for t in doc[nxt.i:] if not t.is_punct), None)
        end = (after or nxt).sent.end  # "« … », raconte X" split from its quotation by the tagger
    return doc[start:end]


def _subjects(t, in_quote):
    """Who speaks: the subject of the verb; of a passive one ("a été qualifié de « … »
    par X"), the agent only — its subject is what is spoken about."""
    kids = [c for c in t.children if c.i not in in_quote]
    if any(c.dep_ in ("nsubj:pass", "nsubjpass") for c in t.children):
        return [c for c in kids if c.dep_ in ("obl:agent", "agent")]
    return [c for c in kids if c.dep_ in SUBJ and c.pos_ != "PRON"
            or c.dep_ in ("nsubj", "expl:subj") and c.lower_ not in ("-t", "t")]


def _speaker(doc, qs: int, qe: int, lr) -> tuple[int, int] | None:
    """Token span of the speaker: subject of a speech verb next to the quotation."""
    verbs = lr.words.get("quote_verb", {})
    in_quote = {t.i for t in doc if qs <= t.idx < qe}
    cands = []
    for t in _region(doc, qs, qe):
        if not (t.lemma_.lower() in verbs or t.lower_ in verbs):
            continue
        if t.i in in_quote:
            # X « dément formellement … »: a speech verb inside, its subject before the quotation
            subj = [c for c in _subjects(t, in_quote) if c.idx < qs]
        else:
            subj = _subjects(t, in_quote)
        gerund = t.morph.get("VerbForm") == ["Part"] and t.morph.get("Tense") == ["Pres"]
        clause = not gerund and "Inf" not in t.morph.get("VerbForm")  # not "…, invoquant la menace"
        inverted = t.idx >= qe and clause and all(x.pos_ in GLUE_POS for x in doc[_tok_after(doc, qe):t.i])
        if not subj and inverted:
            # inversion after the quotation: "« … », estime un diplomate malien"
            order = ("nsubj", "appos", "obj", "dobj", "nmod", "dep", "obl:arg", "obl:mod", "xcomp")
            subj = sorted((c for c in t.children if c.i > t.i and c.dep_ in order and c.pos_ in ("NOUN", "PROPN")),
                          key=lambda c: order.index(c.dep_))
        h = t
        while not subj and (h.dep_ in ("conj", "advcl", "xcomp") or gerund) and h.head.i != h.i and t.i not in in_quote:
            # "X a dénoncé … et annoncé « … »", "…, précisant que « … »": the subject of the head verb
            h = h.head
            subj = _subjects(h, in_quote)
        if subj:
            s = subj[0]
            relative = s.lower_ in lr.words.get("relative_pronoun", {}) and s.head.dep_.startswith("acl")
            if relative and s.head.head.i not in in_quote:
                rel, s = s.head, s.head.head  # "Diop, qui a réclamé « … »": the noun the clause follows
                ids = [x.i for x in s.subtree if x.i not in in_quote and not rel.left_edge.i <= x.i <= rel.right_edge.i]
            else:
                # without its relative clauses, its preposition ("par X") and what holds the quotation
                cut = [c for c in s.subtree if c.dep_ == "acl:relcl" and c.i > s.i]
                cut += [c for c in s.children if c.dep_ == "case" or any(x.i in in_quote for x in c.subtree)]
                ids = [x.i for x in s.subtree if x.i not in in_quote
                       and not any(r.left_edge.i <= x.i <= r.right_edge.i for r in cut)] or [s.i]
            while len(ids) > 1 and doc[max(ids)].text in (",", ";", ":"):
                ids.remove(max(ids))
            end = max(ids) + 1
            while end < len(doc) and doc[end].pos_ == "PROPN" and end not in in_quote:
                end += 1  # "le général Tiani" cut by the parser after the title
            governs = any(x.i in in_quote for x in t.subtree) and t.i not in in_quote
            cands.append((not governs, min(abs(t.idx - qe), abs(t.idx - qs)), min(ids), end))
        elif t.lower_ in lr.words.get("source_prep", {}) and t.i not in in_quote:
            obj = [c for c in t.head.subtree] if t.dep_ == "case" else list(t.subtree)
            ids = [x.i for x in obj if x.i != t.i and x.i not in in_quote]
            if ids:
                cands.append((True, min(abs(t.idx - qe), abs(t.idx - qs)), min(ids), max(ids) + 1))
    if not cands:
        return None
    _, _, s, e = min(cands)
    return s, e


def _tok_after(doc, qe: int) -> int:
    return next((t.i for t in doc if t.idx >= qe), len(doc))
