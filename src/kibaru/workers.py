"""Local worker processes: both cores parse *and* code, not only parse.

spaCy's own `n_process` parallelises the parse only, then ships every parsed Doc back to
the main process, which runs the coding stages alone. Here each worker holds the whole
`Resources` (pipelines and knowledge) and runs `nlp.parse_articles` + `pipeline.process`
on its share of a batch; only the small `ArticleResult`s travel back. Where the platform
forks, the models are loaded once in the parent before the pool starts, and the workers
inherit them (copy-on-write) instead of loading them again.
"""
from __future__ import annotations

import multiprocessing as mp
import time

from .records import Article, ArticleResult
from .resources import Resources
from .settings import Settings

_RES: Resources | None = None  # the worker's resources (set in the worker, or inherited by fork)


def _init(settings: Settings) -> None:
    global _RES
    _die_with_parent()
    if _RES is None:
        _RES = Resources(settings)


def _die_with_parent() -> None:
    """On Linux, a worker is killed when the main process dies (even by kill -9): no orphan
    keeps its models in memory. Elsewhere the pool's own shutdown is all there is."""
    try:
        import ctypes
        import signal
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _code(job: tuple[list[Article], dict]) -> list[ArticleResult]:
    from .nlp import parse_articles
    from .pipeline import process
    arts, learned = job
    _RES.learned_people = learned
    return [process(p, _RES) for p in parse_articles(arts, _RES.pipeline)]


class ProcessCoder:
    """Codes batches of articles in `processes` local worker processes (a context manager)."""

    def __init__(self, settings: Settings, resources: Resources | None = None, chunk: int = 8):
        self.settings, self.res, self.chunk = settings, resources, chunk
        self.pool = None

    def __enter__(self) -> "ProcessCoder":
        return self

    def _start(self) -> None:
        """The pool, started on the first batch that has new articles (a re-run loads nothing)."""
        global _RES
        methods = mp.get_all_start_methods()
        if "fork" in methods:
            _RES = self.res or Resources(self.settings)
            for lang in self.settings.languages:  # built before the fork, shared by the workers
                _RES.pipeline(lang)
                _RES.name_prefixes(lang)
            _RES.people  # noqa: B018 — the indexes too
            ctx = mp.get_context("fork")
        else:
            ctx = mp.get_context("spawn")
        self.pool = ctx.Pool(self.settings.processes, initializer=_init, initargs=(self.settings,))

    def __exit__(self, *exc) -> None:
        global _RES
        if self.pool is not None:
            self.pool.terminate() if exc and exc[0] else self.pool.close()
            self.pool.join()
            self.pool = None
        _RES = None

    def __call__(self, todo: list[Article], learned_people: dict, timing: dict[str, float]) -> list[ArticleResult]:
        t = time.perf_counter()
        if self.pool is None:
            self._start()
        jobs = [(todo[k:k + self.chunk], learned_people) for k in range(0, len(todo), self.chunk)]
        results = [r for part in self.pool.imap(_code, jobs) for r in part]
        timing["nlp+code"] = timing.get("nlp+code", 0) + time.perf_counter() - t
        return results
