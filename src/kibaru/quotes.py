"""quotes: quotations with their speaker resolved to an actor.

Shapes: « … », a déclaré X / commente X; X a déclaré : « … »; "…", X said; X said: "…";
selon X, … . The speaker is the actor mention closest to the quotation inside the speech
clause; its code comes from the actor stage (person, demonym, organisation).
"""
from __future__ import annotations

import re

from .mentions import ArticleActors
from .nlp import ParsedArticle
from .records import Quote

QUOTE = re.compile(r"«\s*(?P<a>[^«»]{3,600}?)\s*»|“(?P<b>[^“”]{3,600}?)”|\"(?P<c>[^\"]{3,600}?)\"")
#: Quotations shorter than this many words are not speech. A one-word quotation counts when
#: a speech verb attributes it ("a dénoncé une décision « hâtive »"): quoted words are claims.
MIN_WORDS = 1


def find_quotes(parsed: ParsedArticle, aa: ArticleActors, lr) -> list[Quote]:
    out: list[Quote] = []
    for para in parsed.paragraphs:
        doc = para.doc
        text = doc.text
        mentions = aa.in_para(para.index)
        for m in QUOTE.finditer(text):
            body = next(g for g in m.groups() if g)
            if len(body.split()) < MIN_WORDS:
                continue
            qs, qe = m.span()
            speaker = _speaker(doc, qs, qe, lr)
            if speaker is None:
                continue
            s_start, s_end = speaker
            ms = [x for x in mentions if s_start <= x.head < s_end and x.codes]
            person = next((x for x in ms if x.kind == "person"), None)
            best = person or next((x for x in ms if x.kind != "place" and not x.locative), None) or (ms[0] if ms else None)
            span = doc[s_start:s_end]
            if best is None:
                best = _earlier_speaker(span, para.index, aa, lr)
            code = best.code if best else None
            out.append(Quote(
                article_id=parsed.article.id,
                speaker=span.text,
                actor_id=best.key if best else None,
                speaker_code=code,
                text=body,
                start=para.offset + m.start() + m.group(0).index(body[:10]),
                end=para.offset + m.start() + m.group(0).index(body[:10]) + len(body),
            ))
    return out


def _earlier_speaker(span, para: int, aa: ArticleActors, lr):
    """The person an unnamed speaker stands for: "il", "-t-elle" → the last person named
    before; "le ministre", "le général" → the last person named before with that title."""
    before = [m for p, ms in sorted(aa.mentions.items()) if p <= para for m in ms
              if m.kind == "person" and m.codes and (p < para or m.start < span.start)]
    root = span.root
    word = root.lower_.lstrip("-")
    if any(lr.has(kind, word) for kind in ("pronoun_sg", "pronoun_pl", "pronoun_obj")):
        return before[-1] if before else None
    if root.pos_ == "NOUN":
        titled = [m for m in before if m.role and root.lemma_.lower() in m.role.lower()]
        return titled[-1] if titled else None
    return None


def _speaker(doc, qs: int, qe: int, lr) -> tuple[int, int] | None:
    """Token span of the speaker: subject of a speech verb next to the quotation."""
    verbs = lr.words.get("quote_verb", {})
    in_quote = {t.i for t in doc if qs <= t.idx < qe}
    cands = []
    for t in doc:
        if t.i in in_quote:
            continue
        if t.lemma_.lower() in verbs or t.lower_ in verbs:
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and c.i not in in_quote
                    and c.pos_ != "PRON" or (c.dep_ in ("nsubj", "expl:subj") and c.i not in in_quote
                                             and c.lower_ not in ("-t", "t"))]
            if not subj and t.idx >= qe:
                # inversion after the quotation: "« … », estime un diplomate malien"
                order = ("nsubj", "appos", "obj", "dobj", "nmod", "dep", "obl:arg", "obl:mod")
                subj = sorted((c for c in t.children if c.i > t.i and c.dep_ in order and c.pos_ in ("NOUN", "PROPN")),
                              key=lambda c: order.index(c.dep_))
            if subj:
                s = subj[0]
                ids = [x.i for x in s.subtree if x.i not in in_quote]
                cands.append((min(abs(t.idx - qe), abs(t.idx - qs)), min(ids), max(ids) + 1))
            elif t.lower_ in ("selon", "according"):
                obj = [c for c in t.head.subtree] if t.dep_ == "case" else list(t.subtree)
                ids = [x.i for x in obj if x.i != t.i and x.i not in in_quote]
                if ids:
                    cands.append((min(abs(t.idx - qe), abs(t.idx - qs)), min(ids), max(ids) + 1))
    if not cands:
        return None
    _, s, e = min(cands)
    return s, e
