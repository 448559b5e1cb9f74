"""bench: how fast kibaru runs, against the floor of its cost (the bare spaCy pipeline).

Both sides get the same texts, the same number of processes, and include model loading.
Each measurement is repeated and the median reported: the machines are noisy.
"""
from __future__ import annotations

import random
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .ingest import Ingestor
from .ingest.sources import article_id
from .records import Article
from .settings import Settings


@dataclass
class BenchResult:
    articles: int
    words: int
    runs: int
    spacy_seconds: list[float] = field(default_factory=list)
    kibaru_seconds: list[float] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    peak_worker_rss_mb: float = 0.0
    clustering: dict[int, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        """Bare spaCy time / kibaru time (higher is better; ≥ 1 means kibaru is cheaper)."""
        return statistics.median(self.spacy_seconds) / statistics.median(self.kibaru_seconds)


def corpus(paths: list[str] | None, n: int | None, seed: int = 13) -> list[Article]:
    """The articles to measure on: those read from `paths` (default: the samples), or `n`
    synthetic articles made by recombining their paragraphs."""
    from .pipeline import sample_dir
    base = [a for a in Ingestor().read(paths or [str(sample_dir())]) if isinstance(a, Article)]
    if not n:
        return base
    rng = random.Random(seed)
    paras = {lang: [p for a in base if a.lang == lang for p in a.text.split("\n\n") if len(p.split()) > 8]
             for lang in ("fr", "en")}
    out = []
    for i in range(n):
        lang = "fr" if rng.random() < 0.75 else "en"
        text = "\n\n".join(rng.sample(paras[lang], k=min(4, len(paras[lang]))))
        text = f"{text}\n\n(synthetic {i})"
        out.append(Article(article_id(text), text, lang, url=f"synthetic:{i}", published="2024-01-15"))
    return out


def _bare_spacy(articles: list[Article], settings: Settings) -> float:
    """The default pipeline of each language, all components, on the whole texts."""
    import importlib
    t = time.perf_counter()
    for lang in sorted({a.lang for a in articles}):
        nlp = importlib.import_module(settings.model_for(lang)).load()
        texts = [a.text for a in articles if a.lang == lang]
        for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.processes):
            pass
    return time.perf_counter() - t


def _kibaru(articles: list[Article], settings: Settings) -> tuple[float, dict[str, float]]:
    from .pipeline import run_articles
    from .store import Store
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        report = run_articles(iter(articles), store, settings=settings)
    return time.perf_counter() - t, report.stage_seconds


def clustering_time(n: int, seed: int = 7) -> float:
    """Seconds to build stories over `n` synthetic articles with 3 mentions each."""
    from .stories import build_stories
    rng = random.Random(seed)
    codes = ["MLI", "RUS", "FRA", "NER", "BFA", "USA", "CHN", "TUR", "DZA", "SEN", "IGO:ECOWAS", "IGO:UN"]
    cats = ["CONSULT", "AID", "SANCTION", "ACCUSE", "AGREE", "ASSAULT"]
    arts, ms = [], []
    for i in range(n):
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        aid = f"a{i}"
        arts.append({"id": aid, "published": day, "outlet": f"o{i % 50}", "title": aid, "text": aid,
                     "duplicate_of": None, "url": None})
        for j in range(3):
            a, b = rng.sample(codes, 2)
            ms.append({"id": f"{aid}-{j}", "article_id": aid, "event": rng.choice(cats), "status": "occurred",
                       "mode": None, "context": [], "actor": [{"name": a, "code": a, "sector": None, "role": None,
                                                               "actor_id": None}],
                       "recipient": [{"name": b, "code": b, "sector": None, "role": None, "actor_id": None}],
                       "date_start": day, "date_end": day, "date_precision": "day", "date_text": None,
                       "location": None, "quantities": [], "evidence": [], "confidence": 0.8})
    t = time.perf_counter()
    build_stories(arts, ms)
    return time.perf_counter() - t


def run_bench(paths: list[str] | None = None, *, n: int | None = None, runs: int = 3, processes: int = 1,
              cluster_sizes: tuple[int, ...] = (10_000, 100_000)) -> BenchResult:
    settings = Settings.build(processes=processes, progress=False)
    arts = corpus(paths, n)
    res = BenchResult(len(arts), sum(len(a.text.split()) for a in arts), runs)
    stages: list[dict[str, float]] = []
    for _ in range(runs):
        res.spacy_seconds.append(_bare_spacy(arts, settings))
        secs, st = _kibaru(arts, settings)
        res.kibaru_seconds.append(secs)
        stages.append(st)
    res.stage_seconds = {k: statistics.median(s.get(k, 0.0) for s in stages) for k in stages[0]}
    res.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res.peak_worker_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    for size in cluster_sizes:
        res.clustering[size] = clustering_time(size)
    return res
