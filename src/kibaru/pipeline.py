"""The pipeline: the ordered stages, and the local runner that composes them.

    ingest → nlp → actors → events → quotes → (store) → stories

`process(parsed, res)` is everything done to one parsed article; a distributed runner calls
the same function. `run()` streams inputs through it in batches, one transaction per batch.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .actors import article_actors, find_actors
from .events import code_events
from .ingest import Ingestor
from .ingest.dedup import NearDuplicates, from_bytes, signature, to_bytes
from .nlp import ParsedArticle, parse_articles
from .quotes import find_quotes
from .records import Article, ArticleResult, Failure
from .resources import Resources
from .settings import Settings
from .stories import build_stories
from .store import Store, learn_people

#: The stages, in order; each is a plain function over typed records.
STAGES = ("ingest", "nlp", "actors", "events", "quotes", "store", "stories")


def sample_dir() -> Path:
    from .knowledge import data_dir
    return data_dir() / "samples"


def process(parsed: ParsedArticle, res: Resources) -> ArticleResult:
    """Actors, events and quotes of one parsed article."""
    aa = find_actors(parsed, res)
    mentions = code_events(parsed, aa, res)
    quotes = find_quotes(parsed, aa, res.lang[parsed.article.lang])
    return ArticleResult(parsed.article, mentions, quotes, article_actors(aa, parsed.article))


@dataclass
class RunReport:
    read: int = 0
    new: int = 0
    already_stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped_languages: dict[str, int] = field(default_factory=dict)
    mentions: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    words: int = 0


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(paths: Iterable[str | Path], store: Store, *, settings: Settings | None = None,
        resources: Resources | None = None, on_progress: Callable[[int], None] | None = None,
        coder: Callable | None = None) -> RunReport:
    """Ingest and process inputs into the store; what is already stored is not redone.

    `coder` turns batches of new articles into results: a `LocalCoder` by default, or a
    `distributed.RayCoder` to run the same stages on a Ray cluster.
    """
    settings = settings or Settings()
    report = RunReport()
    ingestor = Ingestor(settings.languages, settings.min_words, allow_private=settings.allow_private)

    def articles() -> Iterator[Article]:
        for item in ingestor.read(paths):
            if isinstance(item, Failure):
                report.failures.append(item)
            else:
                yield item

    run_articles(articles(), store, settings=settings, resources=resources, on_progress=on_progress,
                 report=report, coder=coder)
    report.skipped_languages = dict(ingestor.skipped_languages)
    return report


class LocalCoder:
    """Parses and codes batches of articles in this process (`workers.ProcessCoder` uses several).

    A coder turns new articles into results; the runner around it (dedup, store, stories) is
    the same whichever coder is used — `distributed.RayCoder` is the other one.
    """

    def __init__(self, settings: Settings, resources: Resources | None = None):
        self.settings, self.res = settings, resources

    def __call__(self, todo: list[Article], learned_people: dict, timing: dict[str, float]) -> list[ArticleResult]:
        if self.res is None:
            self.res = Resources(self.settings)
        self.res.learned_people = learned_people
        t = time.perf_counter()
        parsed_all = list(parse_articles(todo, self.res.pipeline, batch_size=self.settings.batch_size))
        timing["nlp"] = timing.get("nlp", 0) + time.perf_counter() - t
        t = time.perf_counter()
        results = [process(p, self.res) for p in parsed_all]
        timing["code"] = timing.get("code", 0) + time.perf_counter() - t
        return results


def run_articles(articles: Iterable[Article], store: Store, *, settings: Settings | None = None,
                 resources: Resources | None = None, on_progress: Callable[[int], None] | None = None,
                 report: RunReport | None = None, coder: Callable | None = None) -> RunReport:
    """Process articles into the store in batches (one transaction each), then rebuild stories."""
    settings = settings or Settings()
    if coder is None and settings.processes > 1:
        from .workers import ProcessCoder
        with ProcessCoder(settings, resources) as pc:
            return run_articles(articles, store, settings=settings, on_progress=on_progress, report=report,
                                coder=pc)
    report = report or RunReport()
    coder = coder or LocalCoder(settings, resources)
    t0 = time.perf_counter()
    timing = report.stage_seconds
    seen: set[str] = set()

    def fresh() -> Iterator[Article]:
        t = time.perf_counter()
        for a in articles:
            report.read += 1
            if a.id in seen:
                report.duplicates += 1
                continue
            seen.add(a.id)
            timing["ingest"] = timing.get("ingest", 0) + time.perf_counter() - t
            yield a
            t = time.perf_counter()

    near = near_duplicate_index(store, settings)
    learned = store.learned_people()  # read once, then kept up to date batch by batch
    for batch in _batches(fresh(), settings.batch_size):
        known = store.known_articles(a.id for a in batch)
        report.already_stored += len(known)
        todo, sigs = mark_near_duplicates([a for a in batch if a.id not in known], near, report)
        if todo:
            results = coder(todo, learned, timing)
            for r in results:
                r.signature = to_bytes(sigs[r.article.id])
            report.words += sum(len(r.article.text.split()) for r in results)
            t = time.perf_counter()
            report.new += store.add_results(results)
            learn_people(learned, ((a.name, a.aliases, a.code, a.sector) for r in results for a in r.actors
                                   if a.kind == "person"))
            report.mentions += sum(len(r.mentions) for r in results)
            timing["store"] = timing.get("store", 0) + time.perf_counter() - t
        if on_progress:
            on_progress(len(batch))
    store.add_failures(report.failures)
    t = time.perf_counter()
    rebuild_stories(store)
    timing["stories"] = time.perf_counter() - t
    report.seconds += time.perf_counter() - t0
    return report


def near_duplicate_index(store: Store, settings: Settings) -> NearDuplicates:
    """The LSH index of every stored article's signature."""
    near = NearDuplicates(settings.near_duplicate_threshold)
    for aid, sig in store.signatures():
        near.add(aid, from_bytes(sig))
    return near


def mark_near_duplicates(todo: list[Article], near: NearDuplicates, report: RunReport):
    """Articles marked `duplicate_of` the earlier article they copy; their signatures."""
    sigs = {}
    for i, a in enumerate(todo):
        sigs[a.id] = signature(a.text)
        original = near.original_of(a.id, sigs[a.id])
        if original is not None:
            todo[i] = replace(a, duplicate_of=original)
            report.near_duplicates += 1
        near.add(a.id, sigs[a.id])
    return todo, sigs


def rebuild_stories(store: Store) -> None:
    """Recompute stories, merged events and discrepancies from everything stored."""
    stories, events, discrepancies, article_story = build_stories(store.articles(), store.mentions())
    store.replace_stories(stories, events, discrepancies, article_story)
