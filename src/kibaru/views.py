"""Terminal views: rich tables and the progress bar. Presentation only; no logic."""
from __future__ import annotations

from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table


@contextmanager
def progress(disabled: bool = False):
    """A callable advancing a progress bar by n articles (shown on stderr)."""
    if disabled:
        yield lambda n: None
        return
    with Progress(TextColumn("processing"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                  TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task("run", total=None)
        yield lambda n: bar.advance(task, n)


def _parts(ps: list[dict]) -> str:
    return ", ".join(f"{p['name']} ({p['code']})" if p.get("name") and p["name"] != p.get("code") else str(p.get("code"))
                     for p in ps) or "—"


def _date(e: dict) -> str:
    s, end, p = e["date_start"], e["date_end"], e["date_precision"]
    if not s:
        return "?"
    if p == "month":
        return s[:7]
    if p == "year":
        return s[:4]
    if p in ("range", "week") and end and end != s:
        return f"{s}…{end[5:] if end[:4] == s[:4] else end}"
    return s


def run_report(console, r, db: str) -> None:
    console.print(f"[bold]{r.new}[/] new article(s) processed into {db} "
                  f"({r.already_stored} already stored, {r.duplicates} duplicate(s) in the input, "
                  f"{r.near_duplicates} near-duplicate(s) of stored articles), "
                  f"{r.mentions} event mention(s), {r.seconds:.1f} s", soft_wrap=True)
    if r.skipped_languages:
        console.print("skipped languages: " + ", ".join(f"{k}: {v}" for k, v in sorted(r.skipped_languages.items())))
    if r.failures:
        console.print(f"[bold red]{len(r.failures)} input(s) could not be read:[/]", soft_wrap=True)
        for f in r.failures:
            where = f"{f.source}:{f.line}" if f.line else f.source
            console.print(f"  {where}: {f.reason}", highlight=False, soft_wrap=True, markup=False)


def events_table(console, events: list[dict], total: int) -> None:
    t = Table(title=f"events ({len(events)} of {total})", show_lines=False)
    for c in ("date", "event", "mode", "status", "actor", "recipient", "where", "qty", "src"):
        t.add_column(c, overflow="fold")
    for e in events:
        date = _date(e)
        qty = ", ".join(q["text"] for q in e["quantities"])
        t.add_row(date, e["event"], e["mode"] or "", e["status"], _parts(e["actor"]), _parts(e["recipient"]),
                  (e["location"] or {}).get("name", ""), qty, str(e["num_sources"]))
    console.print(t)


def articles_table(console, articles: list[dict]) -> None:
    t = Table(title=f"articles ({len(articles)})")
    for c in ("published", "lang", "outlet", "title", "id"):
        t.add_column(c, overflow="fold")
    for a in articles:
        t.add_row(str(a["published"] or "?"), a["lang"], a["outlet"] or "", a["title"] or "", a["id"])
    console.print(t)


def stories_table(console, stories: list[dict], articles: list[dict]) -> None:
    outlet = {a["id"]: a["outlet"] or a["url"] for a in articles}
    t = Table(title=f"stories ({len(stories)})")
    for c in ("dates", "title", "articles", "outlets", "codes"):
        t.add_column(c, overflow="fold")
    for s in sorted(stories, key=lambda s: (-len(s["article_ids"]), s["start_date"] or "")):
        outs = sorted({outlet.get(a) or "?" for a in s["article_ids"]})
        dates = s["start_date"] or "?"
        if s["end_date"] and s["end_date"] != s["start_date"]:
            dates += f"…{s['end_date']}"
        t.add_row(dates, s["title"], str(len(s["article_ids"])), "; ".join(outs), " ".join(s["codes"]))
    console.print(t)


def story_detail(console, story: dict, articles: list[dict], events: list[dict], discs: list[dict]) -> None:
    console.print(f"[bold]{story['title']}[/]  ({story['story_id']})", soft_wrap=True)
    for a in articles:
        console.print(f"  {a['published'] or '?'}  {a['outlet'] or a['url']}: {a['title'] or ''}", soft_wrap=True,
                      highlight=False)
    events_table(console, events, len(events))
    if discs:
        discrepancies_table(console, discs)


def stats_table(console, counts: dict[str, int]) -> None:
    t = Table(title="store")
    t.add_column("table")
    t.add_column("rows", justify="right")
    for k, v in counts.items():
        t.add_row(k, str(v))
    console.print(t)


def failures_table(console, rows: list[dict]) -> None:
    t = Table(title=f"failures ({len(rows)})")
    for c in ("source", "line", "stage", "reason"):
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(r["source"], str(r["line"] or ""), r["stage"], r["reason"])
    console.print(t)


def discrepancies_table(console, rows: list[dict]) -> None:
    t = Table(title=f"discrepancies ({len(rows)})")
    for c in ("field", "about", "values (articles)"):
        t.add_column(c, overflow="fold")
    for r in rows:
        vals = "; ".join(f"{v} ({len(a)})" for v, a in r["vals"].items())
        t.add_row(r["field"], r["about"], vals)
    console.print(t)


def actors_table(console, rows: list[dict], query: str | None) -> None:
    if query:
        q = query.lower()
        rows = [r for r in rows if q in r["name"].lower() or any(q in a.lower() for a in r["aliases"])]
    t = Table(title=f"actors ({len(rows)})")
    for c in ("name", "kind", "code", "sector", "roles", "articles"):
        t.add_column(c, overflow="fold")
    for r in rows:
        roles = "; ".join(x["role"] for x in r["roles"])
        t.add_row(r["name"], r["kind"], r["code"] or "", r["sector"] or "", roles, str(len(r["article_ids"])))
    console.print(t)


def eval_reports(console, reports, *, per_category: bool = False) -> None:
    """One line a gold file: readable in any terminal width, and in CI logs."""
    def f(x):
        return "—" if x is None else f"{x:.2f}"

    for r in reports:
        d = r.as_dict()
        a, e = d["attributes"], d["event"]
        b3 = d["story_bcubed"]["f1"] if d["story_bcubed"] else None
        console.print(
            f"{d['name']}: {d['articles']} articles | event P {f(e['p'])} R {f(e['r'])} F1 {f(e['f1'])} "
            f"(tp {e['tp']} fp {e['fp']} fn {e['fn']}) | category F1 {f(d['category_f1'])} | "
            f"direction {f(a.get('direction'))} mode {f(a.get('mode'))} status {f(a.get('status'))} "
            f"date {f(a.get('date'))} location {f(a.get('location'))} | story B3 {f(b3)} | "
            f"discrepancies {f(d['discrepancy_recall'])} | actors {f(d['actor_recall'])} | "
            f"quotes {f(d['quote_recall'])}", soft_wrap=True, highlight=False)
        if per_category:
            for cat, c in d["per_category"].items():
                console.print(f"    {cat:10} P {f(c['p'])} R {f(c['r'])} (tp {c['tp']} fp {c['fp']} fn {c['fn']})",
                              highlight=False)


def bench_report(console, r) -> None:
    import statistics
    k, s = statistics.median(r.kibaru_seconds), statistics.median(r.spacy_seconds)
    t = Table(title=f"kibaru bench: {r.articles} articles, {r.words} words, median of {r.runs} run(s)")
    for c in ("pipeline", "seconds", "articles/s", "words/s"):
        t.add_column(c, justify="right")
    t.add_row("bare spaCy (all components)", f"{s:.2f}", f"{r.articles / s:.1f}", f"{r.words / s:.0f}")
    t.add_row("kibaru end to end", f"{k:.2f}", f"{r.articles / k:.1f}", f"{r.words / k:.0f}")
    console.print(t)
    console.print(f"ratio bare spaCy / kibaru: [bold]{r.ratio:.2f}[/] (higher is better)")
    console.print("kibaru stages (s): " + ", ".join(f"{k}={v:.2f}" for k, v in r.stage_seconds.items()))
    console.print(f"peak RSS of this process: {r.peak_rss_mb:.0f} MB"
                  + (f", of the largest worker process: {r.peak_worker_rss_mb:.0f} MB" if r.peak_worker_rss_mb else ""))
    for n, secs in r.clustering.items():
        console.print(f"story clustering of {n} synthetic articles: {secs:.2f} s")
