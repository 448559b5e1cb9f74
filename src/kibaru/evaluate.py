"""evaluate: scores of the system against gold files, computed as SPEC defines them.

Gold articles are processed into the store first (a gold line with `text` is read like a
JSONL input; one with `file` like that file, the gold's metadata winning), then compared:
event F1 (category + participants), category-only F1, attribute accuracy on matched pairs,
story B-cubed, discrepancy recall, actor recall and quote recall.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path

from .errors import InputError
from .ingest import Ingestor
from .records import Article
from .resources import fold
from .scores import plover_event
from .store import Store


# -- reading gold ---------------------------------------------------------------------------
def load_gold(path: str | Path) -> list[dict]:
    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "gold file not found")
    out = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(p), f"gold line is not JSON ({exc.msg})", line=n) from None
        rec["_gold_file"] = str(p)
        rec["_line"] = n
        out.append(rec)
    return out


def _shared_path(gold_file: str, rel: str) -> Path | None:
    for parent in Path(gold_file).resolve().parents:
        cand = parent / rel
        if cand.exists():
            return cand
    return None


def gold_article(rec: dict, ingestor: Ingestor) -> Article:
    """The article a gold record describes, read as kibaru reads inputs."""
    meta = {k: rec.get(k) for k in ("published", "outlet", "title", "author", "url") if rec.get(k)}
    if rec.get("lang"):
        meta["lang"] = rec["lang"]
    if rec.get("file"):
        path = _shared_path(rec["_gold_file"], rec["file"])
        if path is None:
            raise InputError(rec["_gold_file"], f"gold file refers to {rec['file']}, which is not found", rec["_line"])
        items = list(ingestor.read_file(path))
        art = next((a for a in items if isinstance(a, Article)), None)
        if art is None:
            raise InputError(str(path), f"gold article cannot be read: {items[0].reason if items else 'empty'}")
        overrides = {k: v for k, v in meta.items() if k in ("published", "outlet", "title", "author")}
        return replace(art, **overrides)
    if not rec.get("text"):
        raise InputError(rec["_gold_file"], "gold record has neither 'file' nor 'text'", rec["_line"])
    res = ingestor._article({"text": rec["text"], **meta}, rec["_gold_file"], origin="jsonl", line=rec["_line"])
    if not isinstance(res, Article):
        raise InputError(rec["_gold_file"], f"gold article cannot be read: {res.reason}", rec["_line"])
    return res


# -- matching -----------------------------------------------------------------------------
def codes_match(system: set[str], gold: set[str]) -> bool:
    """Equal sets, a bare gold `IGO` standing for any `IGO:…` code."""
    specific = {c for c in gold if c != "IGO"}
    if not specific <= system:
        return False
    rest = system - specific
    if "IGO" in gold:
        return bool(rest) and all(c.startswith("IGO") for c in rest)
    return not rest


def _gold_interval(d: str | None) -> tuple[str, str, str] | None:
    if not d:
        return None
    parts = d.split("/")
    lo, hi = parts[0], parts[-1]

    def start(x):
        return x + "-01-01" if len(x) == 4 else x + "-01" if len(x) == 7 else x

    def end(x):
        if len(x) == 4:
            return x + "-12-31"
        if len(x) == 7:
            import calendar
            y, m = int(x[:4]), int(x[5:7])
            return f"{x}-{calendar.monthrange(y, m)[1]:02d}"
        return x

    precision = "range" if len(parts) > 1 else {4: "year", 7: "month"}.get(len(lo), "day")
    return start(lo), end(hi), precision


def date_ok(sys_date: dict, gold: str | None) -> bool:
    g = _gold_interval(gold)
    if g is None or not sys_date.get("start"):
        return False
    gs, ge, gp = g
    s, e = sys_date["start"], sys_date.get("end") or sys_date["start"]
    if gs <= s and e <= ge:
        return True
    n = {"year": 4, "month": 7, "day": 10}.get(gp)
    return bool(n) and s[:n] == gs[:n]


def location_ok(sys_loc: dict | None, gold_name: str | None, gold_country: str | None, places) -> bool:
    if not sys_loc:
        return False
    if fold(sys_loc.get("name") or "") == fold(gold_name or ""):
        return True
    ids = {p.geonameid for p in places.get(fold(gold_name or ""), [])}
    return bool(sys_loc.get("geonameid")) and sys_loc["geonameid"] in ids


def _category_ok(m: dict, g: dict) -> bool:
    if m["event"] == g["event"] or m["event"] == g.get("alt_event"):
        return True
    gp = plover_event(g["event"], g.get("status") or "occurred")
    return plover_event(m["event"], m["status"]) in (gp, g.get("alt_event"))


def _codes(ps: list[dict]) -> set[str]:
    return {p["code"] for p in ps if p.get("code")}


def _agreement(m: dict, g: dict, places) -> int:
    return sum([date_ok(m["date"], g.get("date")),
                location_ok(m.get("location"), g.get("location"), g.get("location_country"), places),
                m.get("mode") == g.get("mode"), m["status"] == g.get("status", "occurred"),
                codes_match(_codes(m["actor"]), set(g.get("actor", [])))])


def match_article(sys: list[dict], gold: list[dict], places, *, participants: bool = True):
    """One-to-one greedy matching; non-optional gold first, best attribute agreement wins."""
    sys = [m for m in sys if m["status"] != "negated"]
    free = list(range(len(sys)))
    pairs = []
    order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
    for gi in order:
        g = gold[gi]
        gcodes = set(g.get("actor", [])) | set(g.get("recipient", []))
        cands = [si for si in free if _category_ok(sys[si], g)
                 and (not participants or codes_match(_codes(sys[si]["actor"]) | _codes(sys[si]["recipient"]), gcodes))]
        if cands:
            best = max(cands, key=lambda si: _agreement(sys[si], g, places))
            free.remove(best)
            pairs.append((sys[best], g))
    return pairs, [sys[i] for i in free]


# -- scores -------------------------------------------------------------------------------
@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, o: "Counts"):
        self.tp, self.fp, self.fn = self.tp + o.tp, self.fp + o.fp, self.fn + o.fn

    @property
    def p(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self):
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class Report:
    name: str
    articles: int = 0
    events: Counts = field(default_factory=Counts)
    categories: Counts = field(default_factory=Counts)
    per_category: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    attributes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    bcubed: tuple[float, float, float] | None = None
    discrepancies: list[int] = field(default_factory=lambda: [0, 0])
    actors: list[int] = field(default_factory=lambda: [0, 0])
    quotes: list[int] = field(default_factory=lambda: [0, 0])
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        acc = {k: (v[0] / v[1] if v[1] else None) for k, v in self.attributes.items()}
        return {
            "name": self.name, "articles": self.articles,
            "event": {"p": self.events.p, "r": self.events.r, "f1": self.events.f1, "tp": self.events.tp,
                      "fp": self.events.fp, "fn": self.events.fn},
            "category_f1": self.categories.f1,
            "per_category": {k: {"p": c.p, "r": c.r, "tp": c.tp, "fp": c.fp, "fn": c.fn}
                             for k, c in sorted(self.per_category.items())},
            "attributes": acc,
            "story_bcubed": None if self.bcubed is None else dict(zip(("p", "r", "f1"), self.bcubed)),
            "discrepancy_recall": _ratio(self.discrepancies), "actor_recall": _ratio(self.actors),
            "quote_recall": _ratio(self.quotes),
        }


def _ratio(v: list[int]) -> float | None:
    return v[0] / v[1] if v[1] else None


def _brief(m: dict) -> dict:
    """What a reader needs to judge one system mention: codes, date, place, evidence."""
    ev = m.get("evidence") or []
    return {"event": m["event"], "status": m["status"], "mode": m.get("mode"),
            "actor": sorted(_codes(m["actor"])), "recipient": sorted(_codes(m["recipient"])),
            "date": m["date"], "location": (m.get("location") or {}).get("name"),
            "trigger": ev[0].get("trigger") if ev else None, "evidence": ev[0].get("sentence") if ev else None}


def _errors(article: str, pairs, unmatched, gold: list[dict], places) -> list[dict]:
    out = []
    matched = {id(g) for _, g in pairs}
    for g in gold:
        if not g.get("optional") and id(g) not in matched:
            out.append({"article": article, "kind": "missed", "gold": g})
    out += [{"article": article, "kind": "spurious", "system": _brief(m)} for m in unmatched]
    for m, g in pairs:
        wrong = [k for k, ok in [
            ("date", not g.get("date") or date_ok(m["date"], g["date"])),
            ("location", not g.get("location") or location_ok(m.get("location"), g["location"],
                                                              g.get("location_country"), places)),
            ("mode", m.get("mode") == g.get("mode")), ("status", m["status"] == g.get("status", "occurred"))]
            if not ok]
        if wrong and not g.get("optional"):
            out.append({"article": article, "kind": "attributes", "wrong": wrong, "gold": g, "system": _brief(m)})
    return out


def _score_events(rep: Report, sys: list[dict], gold: list[dict], places, article: str = "") -> None:
    pairs, unmatched = match_article(sys, gold, places)
    rep.errors += _errors(article, pairs, unmatched, gold, places)
    c = Counts()
    matched_gold = {id(g) for _, g in pairs}
    for m, g in pairs:
        if not g.get("optional"):
            c.tp += 1
            rep.per_category[g["event"]].tp += 1
            a = rep.attributes
            a["direction"][1] += 1
            a["direction"][0] += codes_match(_codes(m["actor"]), set(g.get("actor", []))) and \
                codes_match(_codes(m["recipient"]), set(g.get("recipient", [])))
            a["mode"][1] += 1
            a["mode"][0] += m.get("mode") == g.get("mode")
            a["status"][1] += 1
            a["status"][0] += m["status"] == g.get("status", "occurred")
            if g.get("date"):
                a["date"][1] += 1
                a["date"][0] += date_ok(m["date"], g["date"])
            if g.get("location"):
                a["location"][1] += 1
                a["location"][0] += location_ok(m.get("location"), g["location"], g.get("location_country"), places)
    for g in gold:
        if not g.get("optional") and id(g) not in matched_gold:
            c.fn += 1
            rep.per_category[g["event"]].fn += 1
    for m in unmatched:
        c.fp += 1
        rep.per_category[m["event"]].fp += 1
    rep.events.add(c)
    cpairs, cunmatched = match_article(sys, gold, places, participants=False)
    cc = Counts(tp=sum(1 for _, g in cpairs if not g.get("optional")), fp=len(cunmatched),
                fn=sum(1 for g in gold if not g.get("optional")) - sum(1 for _, g in cpairs if not g.get("optional")))
    rep.categories.add(cc)


def _name_ok(gold: str, names: set[str]) -> bool:
    cands = {gold}
    m = re.match(r"^(.*?)\s*\((.*?)\)\s*$", gold)
    if m:
        cands |= {m.group(1), m.group(2)}
    for g in cands:
        gf = fold(g)
        for n in names:
            nf = fold(n)
            if gf == nf:
                return True
            gw, nw = gf.split(), nf.split()
            if gw and nw and gw[-1] == nw[-1] and (len(gw) == 1 or len(nw) == 1 or gw[:-1] == nw[:-1]):
                return True
    return False


def _score_actors(rep: Report, aid: str, gold: list[dict], actors: list[dict]) -> None:
    linked = [a for a in actors if aid in a["article_ids"]]
    for g in gold:
        rep.actors[1] += 1
        for a in linked:
            names = {a["name"], *a["aliases"]}
            if _name_ok(g["name"], names) and a["code"] == g.get("code") and \
                    (not g.get("sector") or a["sector"] == g["sector"]):
                rep.actors[0] += 1
                break


def _overlap(a: str, b: str) -> int:
    a, b = fold(a), fold(b)
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _score_quotes(rep: Report, aid: str, gold: list[dict], quotes: list[dict]) -> None:
    mine = [q for q in quotes if q["article_id"] == aid]
    for g in gold:
        rep.quotes[1] += 1
        if any(_overlap(g["text"], q["text"]) >= len(g["text"]) / 2 and q["speaker_code"] == g.get("speaker_code")
               for q in mine):
            rep.quotes[0] += 1


def bcubed(labels: dict[str, str], clusters: dict[str, str]) -> tuple[float, float, float]:
    items = list(labels)
    if not items:
        return 0.0, 0.0, 0.0
    p = r = 0.0
    for i in items:
        same_sys = [j for j in items if clusters.get(j) == clusters.get(i)]
        same_gold = [j for j in items if labels[j] == labels[i]]
        both = [j for j in same_sys if labels[j] == labels[i]]
        p += len(both) / len(same_sys)
        r += len(both) / len(same_gold)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold_files: list[str], store: Store, run_articles, places) -> list[Report]:
    """Score each gold file, and all of them together (last report)."""
    ingestor = Ingestor()
    reports, total = [], Report("all")
    all_labels, all_clusters = {}, {}
    for gf in gold_files:
        gold = load_gold(gf)
        arts = [gold_article(rec, ingestor) for rec in gold]
        run_articles(arts)
        actors, quotes = store.actors(), store.quotes()
        mentions = defaultdict(list)
        for m in store.mentions([a.id for a in arts]):
            m["date"] = {"start": m["date_start"], "end": m["date_end"], "precision": m["date_precision"]}
            mentions[m["article_id"]].append(m)
        story = store.article_stories()
        rep = Report(Path(gf).name)
        labels, clusters = {}, {}
        id_of = {rec["article"]: a.id for rec, a in zip(gold, arts)}
        discs_sys = store.discrepancies()
        gold_discs = {}
        for rec, a in zip(gold, arts):
            rep.articles += 1
            _score_events(rep, mentions[a.id], rec.get("events", []), places, rec["article"])
            _score_actors(rep, a.id, rec.get("actors", []), actors)
            _score_quotes(rep, a.id, rec.get("quotes", []), quotes)
            if rec.get("story"):
                labels[a.id] = rec["story"]
                clusters[a.id] = story.get(a.id)
            for d in rec.get("discrepancies", []):
                gold_discs[(d["field"], d.get("about"), tuple(sorted(d["values"])))] = d
        for (field_, _, arts_), d in gold_discs.items():
            ids = {id_of[x] for x in arts_ if x in id_of}
            rep.discrepancies[1] += 1
            rep.discrepancies[0] += any(
                sd["field"] == field_ and len(sd["vals"]) >= 2 and
                all(set(v) <= ids for v in sd["vals"].values()) for sd in discs_sys)
        rep.bcubed = bcubed(labels, clusters) if labels else None
        all_labels.update(labels)
        all_clusters.update(clusters)
        reports.append(rep)
        for attr in ("events", "categories"):
            getattr(total, attr).add(getattr(rep, attr))
        for k, c in rep.per_category.items():
            total.per_category[k].add(c)
        for k, v in rep.attributes.items():
            total.attributes[k][0] += v[0]
            total.attributes[k][1] += v[1]
        for attr in ("discrepancies", "actors", "quotes"):
            t, r = getattr(total, attr), getattr(rep, attr)
            t[0] += r[0]
            t[1] += r[1]
        total.articles += rep.articles
    total.bcubed = bcubed(all_labels, all_clusters) if all_labels else None
    if len(reports) > 1:
        reports.append(total)
    return reports


def evaluate_files(gold_files: list[str], db: str | None = None) -> list[Report]:
    """Process the gold articles into `db` (a temporary database if None) and score them."""
    import tempfile

    from .pipeline import run_articles
    from .resources import Resources
    from .settings import Settings

    settings = Settings.build(progress=False)
    res = Resources(settings)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(db or f"{tmp}/eval.duckdb") as store:
            return evaluate(gold_files, store, lambda arts: run_articles(arts, store, settings=settings, resources=res),
                            res.places)
