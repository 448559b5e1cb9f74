"""export: the store's contents as JSONL (the contract of SPEC), Parquet, or CSV.

Levels: `event` (merged events), `mention` (one record per event mention in an article),
`actor`, `quote`, `article`. The event-level CSV is GDELT-style: one flat row per event with
CAMEO root code and the PLOVER score as a Goldstein-like figure.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from .errors import ConfigError
from .scores import cameo_root, plover_event
from .store import Store, write_parquet

LEVELS = ("event", "mention", "actor", "quote", "article")
FORMATS = ("jsonl", "parquet", "csv")


def _date(r: dict) -> dict:
    return {"start": r["date_start"], "end": r["date_end"], "precision": r["date_precision"] or "unknown",
            "text": r["date_text"]}


def event_records(store: Store, *, plover: bool = False) -> Iterator[dict]:
    for r in store.events():
        yield {
            "id": r["id"], "story_id": r["story_id"], "article_ids": r["article_ids"],
            "event": plover_event(r["event"], r["status"]) if plover else r["event"],
            "mode": r["mode"], "context": r["context"], "status": r["status"],
            "actor": r["actor"], "recipient": r["recipient"], "date": _date(r), "location": r["location"],
            "quantities": r["quantities"], "evidence": r["evidence"], "num_articles": r["num_articles"],
            "num_sources": r["num_sources"], "score": r["score"], "confidence": r["confidence"],
        }


def mention_records(store: Store, *, plover: bool = False) -> Iterator[dict]:
    story = store.article_stories()
    for r in store.mentions():
        yield {
            "id": r["id"], "story_id": story.get(r["article_id"]), "article_ids": [r["article_id"]],
            "article_id": r["article_id"], "article_url": r["article_url"], "published": r["published"],
            "event": plover_event(r["event"], r["status"]) if plover else r["event"],
            "mode": r["mode"], "context": r["context"], "status": r["status"], "actor": r["actor"],
            "recipient": r["recipient"], "date": _date(r), "location": r["location"], "quantities": r["quantities"],
            "evidence": r["evidence"], "num_articles": 1, "num_sources": 1, "score": r["score"],
            "confidence": r["confidence"],
        }


def actor_records(store: Store) -> Iterator[dict]:
    for r in store.actors():
        yield {"actor_id": r["actor_id"], "name": r["name"], "aliases": r["aliases"], "kind": r["kind"],
               "code": r["code"], "sector": r["sector"], "roles": r["roles"], "article_ids": r["article_ids"]}


def quote_records(store: Store) -> Iterator[dict]:
    for r in store.quotes():
        yield {"article_id": r["article_id"], "article_url": r["article_url"], "speaker": r["speaker"],
               "actor_id": r["actor_id"], "speaker_code": r["speaker_code"], "text": r["text"],
               "start": r["start_char"], "end": r["end_char"]}


def article_records(store: Store) -> Iterator[dict]:
    for r in store.articles():
        yield {"article_id": r["id"], "url": r["url"], "title": r["title"], "outlet": r["outlet"],
               "author": r["author"], "published": r["published"],
               "lang": r["lang"], "story_id": r["story_id"], "duplicate_of": r["duplicate_of"]}


def records(store: Store, level: str, *, plover: bool = False) -> Iterator[dict]:
    if level not in LEVELS:
        raise ConfigError(f"unknown level '{level}'; choose one of {', '.join(LEVELS)}")
    if level == "event":
        return event_records(store, plover=plover)
    if level == "mention":
        return mention_records(store, plover=plover)
    return {"actor": actor_records, "quote": quote_records, "article": article_records}[level](store)


def gdelt_row(r: dict) -> dict:
    """One flat GDELT-style row of an event or mention record."""
    a1 = r["actor"][0] if r["actor"] else {}
    a2 = r["recipient"][0] if r["recipient"] else {}
    loc = r["location"] or {}
    return {
        "GlobalEventID": r["id"], "Day": (r["date"]["start"] or "").replace("-", ""), "DatePrecision": r["date"]["precision"],
        "Actor1Code": a1.get("code"), "Actor1Name": a1.get("name"), "Actor1Sector": a1.get("sector"),
        "Actor2Code": a2.get("code"), "Actor2Name": a2.get("name"), "Actor2Sector": a2.get("sector"),
        "EventCode": plover_event(r["event"], r["status"]), "EventRootCode": cameo_root(r["event"], r["mode"]),
        "Mode": r["mode"], "Status": r["status"], "GoldsteinScale": r["score"],
        "NumArticles": r["num_articles"], "NumSources": r["num_sources"],
        "ActionGeo_FullName": loc.get("name"), "ActionGeo_CountryCode": loc.get("country"),
        "ActionGeo_Lat": loc.get("lat"), "ActionGeo_Long": loc.get("lon"), "ActionGeo_FeatureID": loc.get("geonameid"),
        "SourceArticles": " ".join(r["article_ids"]), "Confidence": r["confidence"],
    }


def export(store: Store, level: str, fmt: str, output: str | Path, *, plover: bool = False) -> int:
    """Write one level in one format; returns the number of records written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    rows = list(records(store, level, plover=plover))
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        flat = [gdelt_row(r) for r in rows] if level in ("event", "mention") else [
            {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in r.items()}
            for r in rows]
        with out.open("w", encoding="utf-8", newline="") as fh:
            if flat:
                w = csv.DictWriter(fh, fieldnames=list(flat[0]))
                w.writeheader()
                w.writerows(flat)
    else:
        write_parquet(rows, out)
    return len(rows)
