"""nlp: articles → parsed paragraphs (spaCy docs) with their offsets in the article text.

The one place that builds spaCy pipelines. Each line of an article is parsed as its own
doc: headlines and subheads then stop bleeding into the next sentence (a line without a
full stop glued to the paragraph after it was parsed as one sentence, and its first word
tagged as an entity). Only the components the stages use are loaded.
"""
from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from .errors import ResourceError
from .records import Article

#: Components the stages read: POS and morphology (tense, mood), the dependency parse,
#: lemmas (trigger lookup), named entities. Nothing else is run.
NEEDED = ("tok2vec", "morphologizer", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class HyphenatedWords:
    """"état-major", "Akufo-Addo" came out of the tokenizer as three tokens, and the parser
    took the hyphen for a sentence end, losing the rest of the sentence: such a word is made
    one token again, and no sentence starts right after a word (each line is parsed as its
    own doc: a headline without a full stop is never glued to the text after it). Two names joined by a hyphen ("Algérie-Mali", "Russia-Africa") stay
    apart: `is_name(form)` tells the known names (a form that is a name as a whole, like
    "Guinée-Bissau", is one token)."""

    def __init__(self, is_name=lambda form: False):
        self.is_name = is_name

    def __call__(self, doc):
        spans, i = [], 0
        while i + 2 < len(doc):
            a, h, b = doc[i], doc[i + 1], doc[i + 2]
            if h.text in HYPHENS and not a.whitespace_ and not h.whitespace_ and a.is_alpha and b.is_alpha and (
                    self.is_name(doc[i:i + 3].text) or not (self.is_name(a.text) and self.is_name(b.text))):
                spans.append(doc[i:i + 3])
                i += 3
            else:
                i += 1
        if spans:
            with doc.retokenize() as r:
                for sp in spans:
                    r.merge(sp)
        for t in doc[1:]:
            if any(ch.isalpha() for ch in doc[t.i - 1].text):
                t.is_sent_start = False  # a sentence starts after punctuation, never right after a word
        return doc


HYPHENS = frozenset({"-", "‐", "‑"})


@Language.factory("kibaru_hyphenated_words")
def _hyphenated_words(nlp, name):
    return HyphenatedWords()


class Participles:
    """"sont partis", "ont gelé": a past participle with its auxiliary that the French tagger
    took for a noun or an adjective ("partis" as political parties) is a verb again, with the
    verb's lemma from the model's own rule lemmatizer — else the trigger lexicon misses it."""

    def __init__(self, nlp):
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None

    def __call__(self, doc):
        if self.lemmatizer is None or getattr(self.lemmatizer, "mode", None) != "rule":
            return doc
        for t in doc:
            if t.pos_ in ("NOUN", "ADJ") and PARTICIPLE_END.search(t.lower_) and any(
                    c.dep_ in ("aux:tense", "aux:pass") for c in t.children):
                t.pos_ = "VERB"
                t.lemma_ = (self.lemmatizer.rule_lemmatize(t) or [t.lemma_])[0]
        return doc


#: French past participle endings (-é, -i, -u, -is, -it, -ert… with gender and number).
PARTICIPLE_END = re.compile(r"(?:é|i|u|is|it|ert|eint|aint|oint)(?:e|es|s)?$")


@Language.factory("kibaru_participles")
def _participles(nlp, name):
    return Participles(nlp)


def load_pipeline(model: str, is_name=None):
    """Load an installed spaCy model package by name, keeping only the needed components;
    `is_name(form)` tells known names apart (see `HyphenatedWords`)."""
    try:
        module = importlib.import_module(model)
    except ImportError:
        raise ResourceError(f"spaCy model '{model}' is not installed; run `make setup` "
                            f"(or `pip install {model.replace('_', '-')}`)") from None
    nlp = module.load()
    unused = [n for n in nlp.pipe_names if n not in NEEDED]
    if unused:
        nlp.select_pipes(disable=unused)
    merger = nlp.add_pipe("kibaru_hyphenated_words", first=True)
    if nlp.lang == "fr" and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("kibaru_participles", after="lemmatizer")
    if is_name is not None:
        merger.is_name = is_name
    return nlp


@dataclass(frozen=True)
class Paragraph:
    """One line of an article, parsed; `offset` is where it starts in the article text."""

    index: int
    offset: int
    doc: object  # spacy.tokens.Doc


@dataclass(frozen=True)
class ParsedArticle:
    article: Article
    paragraphs: tuple[Paragraph, ...]


def split_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each non-blank line of the text."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def parse_articles(articles: Iterable[Article], pipelines, *, batch_size: int = 64) -> Iterator[ParsedArticle]:
    """Parse articles, one doc per line, streaming in language groups of one batch."""
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) >= batch_size:
            yield from _parse_batch(batch, pipelines, batch_size)
            batch = []
    if batch:
        yield from _parse_batch(batch, pipelines, batch_size)


def _parse_batch(batch: list[Article], pipelines, batch_size: int) -> Iterator[ParsedArticle]:
    parsed: dict[str, ParsedArticle] = {}
    for lang in sorted({a.lang for a in batch}):
        group = [a for a in batch if a.lang == lang]
        nlp = pipelines(lang)
        jobs = [(a.id, i, off, line) for a in group for i, (off, line) in enumerate(split_lines(a.text))]
        docs = nlp.pipe((j[3] for j in jobs), batch_size=batch_size)
        paras: dict[str, list[Paragraph]] = {}
        for (aid, i, off, _), doc in zip(jobs, docs):
            paras.setdefault(aid, []).append(Paragraph(i, off, doc))
        for a in group:
            parsed[a.id] = ParsedArticle(a, tuple(paras.get(a.id, ())))
    for a in batch:
        yield parsed[a.id]
