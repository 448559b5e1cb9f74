"""The Ray engine: the same stages as the local runner, on a Ray cluster.

`pipeline.run` does what it always does — ingest on the driver (cheap, and it names every
failure), exact and near-duplicate checks against the store, transactional writes, stories —
but hands each batch of new articles to a `RayCoder` instead of parsing them in-process.
The coder builds a Ray Data pipeline over the batch: a pool of actors, each holding its own
`Resources` (spaCy pipelines, knowledge) built once, runs `nlp.parse_articles` then
`pipeline.process`, the same functions the local runner composes. Batches are large (see
`RAY_BATCH`) so that the actors' start-up is paid rarely and memory stays bounded.
"""
from __future__ import annotations

import pickle
import time
from collections.abc import Iterable
from pathlib import Path

from .errors import KibaruError
from .pipeline import RunReport, process, run
from .records import Article, ArticleResult
from .settings import Settings
from .store import Store

#: Articles per Ray pipeline: one actor start-up (a few seconds) per this many articles.
RAY_BATCH = 1024


class _Coder:
    """A Ray actor: resources built once, then batches of articles parsed and coded."""

    def __init__(self, settings: Settings, learned_people: dict):
        from .resources import Resources
        self.res = Resources(settings)
        self.res.learned_people = learned_people

    def __call__(self, batch: dict) -> dict:
        from .nlp import parse_articles
        arts = [pickle.loads(b) for b in batch["article"]]
        results = [process(p, self.res) for p in parse_articles(arts, self.res.pipeline)]
        return {"result": [pickle.dumps(r) for r in results]}


class RayCoder:
    """Codes batches of articles on Ray: a local instance, or the cluster at `address`."""

    def __init__(self, settings: Settings, *, address: str | None = None, actors: int = 2,
                 actor_batch: int = 16):
        self.settings, self.address, self.actors, self.actor_batch = settings, address, actors, actor_batch
        self.started = False

    def __enter__(self) -> "RayCoder":
        try:
            import ray
        except ImportError as exc:
            raise KibaruError(f"the Ray engine needs Ray: pip install 'kibaru[ray]' ({exc})") from exc
        if not ray.is_initialized():
            try:
                ray.init(address=self.address, num_cpus=None if self.address else self.actors,
                         include_dashboard=False, logging_level="ERROR", log_to_driver=False)
            except (ConnectionError, ValueError, RuntimeError) as exc:
                raise KibaruError(f"cannot start or reach Ray at {self.address or 'a local instance'}: {exc}") from exc
            self.started = True
        return self

    def __exit__(self, *exc) -> None:
        import ray
        if self.started:
            ray.shutdown()
            self.started = False

    def __call__(self, todo: list[Article], learned_people: dict, timing: dict[str, float]) -> list[ArticleResult]:
        import ray
        t = time.perf_counter()
        ds = ray.data.from_items([{"article": pickle.dumps(a)} for a in todo])
        # materialised first: a streaming read beside model-holding actors can stall on 2 cores
        out = ds.materialize().map_batches(
            _Coder, fn_constructor_kwargs={"settings": self.settings, "learned_people": learned_people},
            batch_size=self.actor_batch, concurrency=self.actors, num_cpus=1).take_all()
        results = [pickle.loads(row["result"]) for row in out]
        order = {a.id: i for i, a in enumerate(todo)}
        results.sort(key=lambda r: order[r.article.id])
        timing["ray"] = timing.get("ray", 0) + time.perf_counter() - t
        return results


def run_ray(paths: Iterable[str | Path], store: Store, *, settings: Settings | None = None,
            address: str | None = None, actors: int = 2, on_progress=None) -> RunReport:
    """`pipeline.run` with the parse and coding done on Ray (a local instance unless `address`)."""
    settings = settings or Settings()
    if settings.batch_size < RAY_BATCH:
        from dataclasses import replace
        settings = replace(settings, batch_size=RAY_BATCH)
    with RayCoder(settings, address=address, actors=actors) as coder:
        return run(paths, store, settings=settings, coder=coder, on_progress=on_progress)
