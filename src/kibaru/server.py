"""serve: a read-only HTTP API and web UI over a kibaru store.

`create_app(db)` builds the FastAPI application; every request opens the database read-only,
every filter is a bound SQL parameter (in `store`), page sizes are bounded, malformed
parameters get a 4xx with a message. Every asset is local: the UI works offline.
"""
from __future__ import annotations

import csv
import html
import io
import math
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .export import gdelt_row
from .records import CATEGORIES
from .store import Store

WEB = Path(__file__).parent / "web"
#: Largest page the API returns; bigger exports go through `kibaru export`.
MAX_PAGE = 500
CODE = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z0-9]{2,12})$")


def _code(value: str | None, name: str) -> str | None:
    if value in (None, ""):
        return None
    if not CODE.match(value):
        raise HTTPException(400, f"{name} must be a country code (MLI) or IGO:XXX, not {value!r}")
    return value


def _category(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if value.upper() not in CATEGORIES:
        raise HTTPException(400, f"category must be one of {', '.join(CATEGORIES)}, not {value!r}")
    return value.upper()


def _dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    parts = value.split("-") if value.count("-") == 1 else value.split("_")
    if len(parts) != 2:
        raise HTTPException(400, f"dyad must look like MLI-RUS, not {value!r}")
    return _code(parts[0], "dyad"), _code(parts[1], "dyad")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Article text as HTML paragraphs, with the given character spans marked."""
    out, pos = [], 0
    for s, e, cls in sorted({sp for sp in spans if 0 <= sp[0] < sp[1] <= len(text)}):
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="{cls}">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    body = "".join(out)
    return "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip()).replace("\n", "<br>")


def score_chart(events: list[dict], width: int = 640, height: int = 180) -> str:
    """Mean PLOVER score per month as an inline SVG line chart (no script, no CDN)."""
    by_month: dict[str, list[float]] = defaultdict(list)
    for e in events:
        if e.get("date_start") and e.get("score") is not None:
            by_month[e["date_start"][:7]].append(e["score"])
    if not by_month:
        return '<p class="muted">no dated events</p>'
    months = sorted(by_month)
    vals = [sum(v) / len(v) for v in (by_month[m] for m in months)]
    x = (lambda i: 40 + i * (width - 60) / max(1, len(months) - 1))
    y = (lambda v: height / 2 - v * (height / 2 - 15) / 10)
    pts = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(vals))
    dots = "".join(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3"><title>{m}: {v:.1f}</title></circle>'
                   for i, (m, v) in enumerate(zip(months, vals)))
    labels = "".join(f'<text x="{x(i):.1f}" y="{height - 2}" text-anchor="middle">{m}</text>'
                     for i, m in enumerate(months))
    return (f'<svg id="score-chart" width="{width}" height="{height}" role="img" '
            f'aria-label="cooperation-conflict score by month">'
            f'<line x1="40" x2="{width - 20}" y1="{y(0)}" y2="{y(0)}" stroke="#aaa"/>'
            f'<text x="2" y="{y(10) + 4}">+10</text><text x="10" y="{y(0) + 4}">0</text>'
            f'<text x="2" y="{y(-10) + 4}">−10</text>'
            f'<polyline fill="none" stroke="#1d3b53" stroke-width="2" points="{pts}"/>{dots}{labels}</svg>')


def network_svg(events: list[dict], size: int = 560) -> str:
    """Actors (codes) on a circle, linked by the events between them."""
    edges: Counter = Counter()
    for e in events:
        a = {p["code"] for p in e["actor"] if p.get("code")}
        r = {p["code"] for p in e["recipient"] if p.get("code")}
        for u in a:
            for v in (r or a - {u}):
                if u != v:
                    edges[tuple(sorted((u, v)))] += 1
    nodes = sorted({n for pair in edges for n in pair})
    if not nodes:
        return '<p class="muted">no events between actors yet</p>'
    c, rad = size / 2, size / 2 - 50
    pos = {n: (c + rad * math.cos(2 * math.pi * i / len(nodes)), c + rad * math.sin(2 * math.pi * i / len(nodes)))
           for i, n in enumerate(nodes)}
    lines = "".join(f'<line x1="{pos[u][0]:.0f}" y1="{pos[u][1]:.0f}" x2="{pos[v][0]:.0f}" y2="{pos[v][1]:.0f}" '
                    f'stroke="#7f9cb5" stroke-width="{min(8, 1 + w)}"><title>{u}–{v}: {w}</title></line>'
                    for (u, v), w in edges.items())
    dots = "".join(f'<a href="/events?country={n}"><circle cx="{x:.0f}" cy="{y:.0f}" r="14" fill="#1d3b53"/>'
                   f'<text x="{x:.0f}" y="{y + 28:.0f}" text-anchor="middle">{n}</text></a>'
                   for n, (x, y) in pos.items())
    return f'<svg id="network" width="{size}" height="{size}" role="img" aria-label="actor network">{lines}{dots}</svg>'


def create_app(db: str | Path) -> FastAPI:
    db = str(db)
    store = Store.reader(db)  # fails now, with the store's message, if the file is not there
    app = FastAPI(title="kibaru", description="Sourced political event data (PLOVER), read-only.",
                  version="1")
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    pages = Jinja2Templates(directory=WEB / "templates")

    def page(request: Request, name: str, **ctx) -> HTMLResponse:
        return pages.TemplateResponse(request, name, {"categories": CATEGORIES, **ctx})

    # -- JSON API ---------------------------------------------------------------------------
    @app.get("/api/events")
    def api_events(country: str | None = None, dyad: str | None = None, category: str | None = None,
                   start: date | None = None, end: date | None = None, story: str | None = None,
                   q: str | None = Query(None, max_length=200),
                   limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)):
        with store() as s:
            total, items = s.find_events(country=_code(country, "country"), dyad=_dyad(dyad),
                                         category=_category(category), start=_iso(start), end=_iso(end),
                                         story_id=story, q=q, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    def _page(rows: list[dict], limit: int, offset: int) -> dict:
        return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}

    @app.get("/api/mentions")
    def api_mentions(article: str | None = None, limit: int = Query(50, ge=1, le=MAX_PAGE),
                     offset: int = Query(0, ge=0)):
        with store() as s:
            return _page(s.mentions([article] if article else None), limit, offset)

    def _lister(fetch, name: str):
        def endpoint(limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)):
            with store() as s:
                return _page(fetch(s), limit, offset)
        endpoint.__name__ = name
        return endpoint

    def _one(fetch, what: str, key: str) -> dict:
        with store() as s:
            row = fetch(s, key)
        if row is None:
            raise HTTPException(404, f"no {what} {key!r}")
        return row

    for path, fetch in (("/api/articles", lambda s: [{k: v for k, v in a.items() if k != "text"} for a in s.articles()]),
                        ("/api/stories", Store.stories), ("/api/quotes", Store.quotes),
                        ("/api/discrepancies", Store.discrepancies)):
        app.add_api_route(path, _lister(fetch, "list_" + path.rsplit("/", 1)[1]), methods=["GET"])

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str):
        return _one(Store.article, "article", article_id)

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str):
        st = _one(Store.story, "story", story_id)
        with store() as s:
            _, events = s.find_events(story_id=story_id, limit=MAX_PAGE)
            discs = [d for d in s.discrepancies() if d["story_id"] == story_id]
        return {**st, "events": events, "discrepancies": discs}

    @app.get("/api/actors")
    def api_actors(q: str | None = Query(None, max_length=200), limit: int = Query(50, ge=1, le=MAX_PAGE),
                   offset: int = Query(0, ge=0)):
        with store() as s:
            rows = s.actors()
        if q:
            rows = [a for a in rows if q.lower() in a["name"].lower() or any(q.lower() in x.lower() for x in a["aliases"])]
        return _page(rows, limit, offset)

    @app.get("/api/actors/{actor_id}")
    def api_actor(actor_id: str):
        return _one(Store.actor, "actor", actor_id)

    @app.get("/api/search")
    def api_search(q: str = Query(..., min_length=2, max_length=200), limit: int = Query(50, ge=1, le=MAX_PAGE)):
        with store() as s:
            _, events = s.find_events(q=q, limit=limit)
            articles = s.search_articles(q, limit)
        return {"events": events, "articles": articles}

    # -- pages ------------------------------------------------------------------------------
    def _outlets(s: Store) -> dict[str, str]:
        return {a["id"]: a["outlet"] or a["url"] or a["id"] for a in s.articles()}

    @app.get("/", response_class=HTMLResponse)
    def stories_page(request: Request, country: str | None = None, start: date | None = None,
                     end: date | None = None):
        country = _code(country, "country")
        with store() as s:
            outlets = _outlets(s)
            rows = s.stories()
        for st in rows:
            st["outlets"] = sorted({outlets.get(a, a) for a in st["article_ids"]})
        if country:
            rows = [st for st in rows if country in st["codes"]]
        if start:
            rows = [st for st in rows if (st["end_date"] or "9999") >= start.isoformat()]
        if end:
            rows = [st for st in rows if (st["start_date"] or "0000") <= end.isoformat()]
        rows.sort(key=lambda st: (-len(st["article_ids"]), st["start_date"] or ""))
        f = {"country": country, "start": _iso(start), "end": _iso(end)}
        return page(request, "stories.html", stories=rows, f=f, qs=urlencode({k: v for k, v in f.items() if v}))

    @app.get("/story/{story_id}", response_class=HTMLResponse)
    def story_page(request: Request, story_id: str):
        st = _one(Store.story, "story", story_id)
        with store() as s:
            _, events = s.find_events(story_id=story_id, limit=MAX_PAGE)
            discs = [d for d in s.discrepancies() if d["story_id"] == story_id]
            arts = s.articles(st["article_ids"])
        spans = defaultdict(list)
        for e in events:
            for ev in e["evidence"]:
                spans[ev["article_id"]].append((ev["start"], ev["end"], "evidence"))
        accounts = [{**a, "outlet": a["outlet"] or a["url"], "html": highlight(a["text"], spans[a["id"]])} for a in arts]
        codes = [c for c in st["codes"] if len(c) == 3]
        dyads = [f"{a}-{b}" for i, a in enumerate(codes) for b in codes[i + 1:]][:3]
        return page(request, "story.html", story=st, events=events, discrepancies=discs, accounts=accounts,
                    outlet_of={a["id"]: a["outlet"] or a["url"] for a in arts}, dyads=dyads)

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str):
        a = _one(Store.article, "article", article_id)
        with store() as s:
            mentions = s.mentions([article_id])
        spans = [(ev["start"], ev["end"], "evidence") for m in mentions for ev in m["evidence"]]
        for m in mentions:
            m["num_sources"] = 1
        return page(request, "article.html", article=a, html=highlight(a["text"], spans), mentions=mentions)

    @app.get("/dyad/{pair}", response_class=HTMLResponse)
    def dyad_page(request: Request, pair: str):
        a, b = _dyad(pair)
        with store() as s:
            _, events = s.find_events(dyad=(a, b), limit=MAX_PAGE)
        months: dict[str, Counter] = defaultdict(Counter)
        for e in events:
            months[(e["date_start"] or "unknown")[:7]][e["event"]] += 1
        return page(request, "dyad.html", a=a, b=b, events=events, chart=score_chart(events),
                    months=sorted(months.items()))

    @app.get("/actors", response_class=HTMLResponse)
    def actors_page(request: Request):
        with store() as s:
            return page(request, "list.html", heading="Actors", actors=s.actors())

    @app.get("/actor/{actor_id}", response_class=HTMLResponse)
    def actor_page(request: Request, actor_id: str):
        a = _one(Store.actor, "actor", actor_id)
        with store() as s:
            _, events = s.find_events(actor_id=actor_id, limit=MAX_PAGE)
        return page(request, "actor.html", actor=a, events=events)

    @app.get("/events", response_class=HTMLResponse)
    def events_page(request: Request, country: str | None = None, category: str | None = None,
                    start: date | None = None, end: date | None = None):
        f = {"country": _code(country, "country"), "category": _category(category), "start": _iso(start),
             "end": _iso(end)}
        with store() as s:
            total, events = s.find_events(**f, limit=MAX_PAGE)
        return page(request, "list.html", heading="Events", events=events, total=total, f=f,
                    qs=urlencode({k: v for k, v in f.items() if v}))

    @app.get("/network", response_class=HTMLResponse)
    def network_page(request: Request):
        with store() as s:
            _, events = s.find_events(limit=MAX_PAGE)
        return page(request, "list.html", heading="Actor network", svg=network_svg(events))

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = Query("", max_length=200)):
        with store() as s:
            total, events = s.find_events(q=q or None, limit=MAX_PAGE)
            articles = s.search_articles(q, 100) if q else []
        return page(request, "list.html", heading=f"Search: {q}", events=events, total=total, articles=articles,
                    q=q, f={}, qs=urlencode({"q": q}))

    def _selection(country, category, start, end, q) -> list[dict]:
        with store() as s:
            _, events = s.find_events(country=_code(country, "country"), category=_category(category),
                                      start=_iso(start), end=_iso(end), q=q, limit=100_000)
        return events

    @app.get("/export.parquet")
    def export_parquet(country: str | None = None, category: str | None = None, start: date | None = None,
                       end: date | None = None, q: str | None = Query(None, max_length=200)):
        import tempfile

        from .export import event_records
        from .store import write_parquet
        ids = {e["id"] for e in _selection(country, category, start, end, q)}
        with store() as s:
            rows = [r for r in event_records(s) if r["id"] in ids]
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "events.parquet"
            write_parquet(rows, out)
            data = out.read_bytes()
        return Response(data, media_type="application/vnd.apache.parquet",
                        headers={"Content-Disposition": 'attachment; filename="kibaru-events.parquet"'})

    @app.get("/export.csv")
    def export_csv(country: str | None = None, category: str | None = None, start: date | None = None,
                   end: date | None = None, q: str | None = Query(None, max_length=200)):
        events = _selection(country, category, start, end, q)
        buf = io.StringIO()
        rows = [gdelt_row({**e, "date": {"start": e["date_start"], "precision": e["date_precision"]}}) for e in events]
        if rows:
            w = csv.DictWriter(buf, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
        return Response(buf.getvalue(), media_type="text/csv",
                        headers={"Content-Disposition": 'attachment; filename="kibaru-events.csv"'})

    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
