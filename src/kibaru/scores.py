"""PLOVER scores and CAMEO root codes of categories and modes (data/plover_scores.tsv)."""
from __future__ import annotations

from functools import lru_cache

from .knowledge import data_dir, read_tsv

#: Planned cooperative actions are exported as AGREE (PLOVER manual §3.1); planned RETREAT
#: is CONCEDE when read the PLOVER way (SPEC, scoring).
PLANNED_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], tuple[float, str]]:
    rows = read_tsv(data_dir() / "plover_scores.tsv", ("event", "mode", "score", "cameo_root"))
    return {(r["event"], r["mode"]): (float(r["score"]), r["cameo_root"]) for r in rows}


def plover_score(event: str, mode: str | None) -> float | None:
    t = _table()
    hit = t.get((event, mode or "")) or t.get((event, ""))
    return hit[0] if hit else None


def modes(event: str) -> frozenset[str]:
    """The modes the PLOVER manual gives a category."""
    return frozenset(m for e, m in _table() if e == event and m)


def cameo_root(event: str, mode: str | None = None) -> str | None:
    t = _table()
    hit = t.get((event, mode or "")) or t.get((event, ""))
    return hit[1] if hit else None


def plover_event(event: str, status: str) -> str:
    """The category a PLOVER-compliant export states for an event of this status."""
    if status == "planned" and event in PLANNED_AS_AGREE:
        return "AGREE"
    if status == "planned" and event == "RETREAT":
        return "CONCEDE"
    return event
