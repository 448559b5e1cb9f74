"""ingest: files, folders, feeds and JSONL → `Article` records (or `Failure`s with a reason).

`read_sources(paths)` walks what it is given and yields, in a stable order, one `Article`
per readable article and one `Failure` per input that could not be read. Nothing here
raises for a bad input: a bad file is a row of the `failures` table, not a crash.
"""
from .sources import read_sources, Ingestor

__all__ = ["read_sources", "Ingestor"]
