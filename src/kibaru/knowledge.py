"""Reads kibaru's knowledge files (docs/DATA.md) from the package's `data/` folder.

Only reading and validating lives here; what the rows mean is for the stage that uses them.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources as ilr
from pathlib import Path

from .errors import ResourceError


def data_dir() -> Path:
    return Path(str(ilr.files("kibaru") / "data"))


def read_tsv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a TSV knowledge file as dicts; `#` lines are comments."""
    if not path.exists():
        raise ResourceError(f"knowledge file {path} is missing; reinstall kibaru or restore it")
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise ResourceError(f"{path}: header lacks column(s) {', '.join(missing)}")
    rows = []
    for n, row in enumerate(reader, start=2):
        if None in row or any(row.get(c) is None for c in required):
            raise ResourceError(f"{path}, data row {n}: wrong number of columns")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def normalise_form(text: str) -> str:
    """Typographic variants folded so that `’` and `'` match, as do non-breaking spaces."""
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


GAZETTEER_COLUMNS = ("form", "lang", "code", "sector", "kind", "form_kind", "canonical")
PLACE_COLUMNS = ("geonameid", "name", "country", "lat", "lon", "feature", "forms")
PEOPLE_COLUMNS = ("name", "aliases", "code", "sector", "role_fr", "role_en", "start", "end")
ROLE_COLUMNS = ("form", "sector", "role")
EVENT_COLUMNS = ("lemma", "pos", "event", "mode", "context", "frame")
TIME_COLUMNS = ("form", "kind", "value")


@dataclass(frozen=True)
class Knowledge:
    """All knowledge tables, read once."""

    gazetteer: list[dict[str, str]]
    places: list[dict[str, str]]
    people: list[dict[str, str]]
    roles: dict[str, list[dict[str, str]]]
    events: dict[str, list[dict[str, str]]]
    time: dict[str, list[dict[str, str]]]
    words: dict[str, list[dict[str, str]]]
    members: dict[str, tuple[str, ...]]
    #: organisation code → the place it sits at (see seats.tsv)
    seats: dict[str, str]
    #: a seat's name that, acting, stands for its organisation → the organisation's code
    seat_metonyms: dict[str, str]

    @classmethod
    def load(cls, languages: tuple[str, ...] = ("fr", "en"), root: Path | None = None) -> "Knowledge":
        root = root or data_dir()
        gaz = []
        for p in sorted((root / "gazetteer").glob("*.tsv")):
            gaz.extend(read_tsv(p, GAZETTEER_COLUMNS))
        if not gaz:
            raise ResourceError(f"no gazetteer files in {root / 'gazetteer'}")
        seats = read_tsv(root / "seats.tsv", ("code", "seat", "metonym"))
        return cls(
            gazetteer=gaz,
            # towns from GeoNames, then the regions written by hand (no GeoNames id)
            places=read_tsv(root / "places.tsv", PLACE_COLUMNS) + read_tsv(root / "regions.tsv", PLACE_COLUMNS),
            people=read_tsv(root / "people.tsv", PEOPLE_COLUMNS),
            roles={lg: read_tsv(root / lg / "roles.tsv", ROLE_COLUMNS) for lg in languages},
            events={lg: read_tsv(root / lg / "events.tsv", EVENT_COLUMNS) for lg in languages},
            time={lg: read_tsv(root / lg / "time.tsv", TIME_COLUMNS) for lg in languages},
            words={lg: read_tsv(root / lg / "words.tsv", ("form", "kind", "value")) for lg in languages},
            members={r["code"]: tuple(r["members"].split())
                     for r in read_tsv(root / "members.tsv", ("code", "members", "as_of"))},
            seats={r["code"]: r["seat"] for r in seats},
            seat_metonyms={r["seat"]: r["code"] for r in seats if r["metonym"] == "yes"},
        )
