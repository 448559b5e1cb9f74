"""The command line: a thin shell over the library (each command parses, calls, prints).

Errors kibaru raises on purpose (`KibaruError`) become one line on stderr and exit status 2;
`run` exits with status 1 when some inputs could not be read (they are listed).
"""
from __future__ import annotations

import json
import sys
import time

import click
from rich.console import Console

from . import views
from .errors import KibaruError
from .settings import Settings, default_processes

console = Console()
err = Console(stderr=True)
DB_OPTION = click.option("--db", default="kibaru.duckdb", show_default=True, help="DuckDB database file.")


class KibaruGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KibaruError as exc:
            err.print(f"[bold red]error:[/] {exc}", highlight=False)
            sys.exit(2)


@click.group(cls=KibaruGroup)
@click.version_option(package_name="kibaru")
def main():
    """kibaru — sourced political event data (PLOVER) from French and English news.

    Example: kibaru run articles/ && kibaru events
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@DB_OPTION
@click.option("--sample", is_flag=True, help="Process the sample articles bundled with kibaru.")
@click.option("--processes", type=int, default=None,
              help="Worker processes that parse and code [default: the cores, at most 4].")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private/loopback addresses.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where the parse and coding run: this machine, or Ray (pip install 'kibaru[ray]').")
@click.option("--address", default=None, help="Ray cluster address (default: start a local Ray instance).")
def run(paths, db, sample, processes, quiet, allow_private, engine, address):
    """Ingest and process files, folders, feeds or http(s) URLs into the store.

    Running again on the same input adds nothing twice. Example: kibaru run seeds/ --db my.duckdb

    With --engine ray, --processes is the number of Ray actors (each holds its own models).
    """
    from .pipeline import run as run_pipeline, sample_dir
    from .store import Store

    paths = list(paths) + ([str(sample_dir())] if sample else [])
    if not paths:
        raise click.UsageError("give at least one file or folder, or --sample")
    processes = processes or default_processes()
    settings = Settings.build(db=db, processes=processes, allow_private=allow_private)
    if address and engine != "ray":
        raise click.UsageError("--address is for --engine ray")
    with Store(db) as store, views.progress(disabled=quiet) as bar:
        if engine == "ray":
            from .distributed import run_ray
            report = run_ray(paths, store, settings=settings, address=address, actors=processes, on_progress=bar)
        else:
            report = run_pipeline(paths, store, settings=settings, on_progress=bar)
    views.run_report(console, report, db)
    if report.failures:
        sys.exit(1)


class Duration(click.ParamType):
    """`30s`, `15m`, `1h` → seconds; anything else is a usage error."""

    name = "duration"

    def convert(self, value, param, ctx):
        from .watch import parse_every

        if isinstance(value, (int, float)):
            return float(value)
        try:
            return parse_every(value)
        except KibaruError as exc:
            self.fail(str(exc), param, ctx)


@main.command()
@click.argument("feeds_file", type=click.Path(exists=True, dir_okay=False))
@DB_OPTION
@click.option("--every", type=Duration(), default="15m", show_default=True, help="Time between polls: 30s, 15m, 1h.")
@click.option("--rounds", type=click.IntRange(min=1), default=None, help="Stop after N rounds (default: Ctrl-C).")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to the same host.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private/loopback addresses.")
@click.option("--quiet", is_flag=True, help="No line per round.")
def watch(feeds_file, db, every, rounds, delay, allow_private, quiet):
    """Poll the RSS/Atom feeds listed in FEEDS_FILE (one URL a line, # comments) and process
    their new articles, round after round, until Ctrl-C; the next run resumes where it stopped.

    Example: kibaru watch feeds.txt --db news.duckdb --every 15m
    """
    from .store import Store
    from .watch import watch as do_watch

    settings = Settings.build(db=db, allow_private=allow_private, fetch_delay=delay)

    def on_round(r):
        if not quiet:
            console.print(f"[{time.strftime('%H:%M:%S')}] {r.line()}", highlight=False, markup=False, soft_wrap=True)

    with Store(db) as store:
        report = do_watch(feeds_file, store, settings, every, rounds, on_round=on_round,
                          on_notice=lambda m: err.print(m, highlight=False, markup=False, soft_wrap=True))
    failed = sum(len(r.failures) for r in report.rounds)
    if not quiet:
        console.print(f"{len(report.rounds)} round(s) into {db}"
                      + (f"; {failed} failure(s), listed by `kibaru failures --db {db}`" if failed else ""),
                      highlight=False, markup=False, soft_wrap=True)


@main.command()
@DB_OPTION
@click.option("--level", type=click.Choice(["event", "mention", "actor", "quote", "article"]), default="event",
              show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet", "csv"]), default="jsonl", show_default=True)
@click.option("--output", "-o", required=True, type=click.Path(), help="File to write.")
@click.option("--plover", is_flag=True, help="State planned cooperative events as AGREE (PLOVER-compliant).")
def export(db, level, fmt, output, plover):
    """Export events, mentions, actors, quotes or articles.

    Example: kibaru export --level event --format parquet --output events.parquet
    """
    from .export import export as do_export
    from .store import Store

    with Store(db, read_only=True) as store:
        n = do_export(store, level, fmt, output, plover=plover)
    console.print(f"wrote {n} {level} record(s) to {output}")


@main.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--db", default=None, help="Database to process the gold articles into (default: a temporary one).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--categories", is_flag=True, help="Also print precision and recall per PLOVER category.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write every missed, spurious and mis-attributed event to this JSONL file.")
def eval_(gold, db, as_json, categories, errors_path):
    """Score kibaru against gold files (SPEC scoring).

    Example: kibaru eval ../shared/eval/dev/seeds.jsonl
    """
    from .evaluate import evaluate_files

    reports = evaluate_files(list(gold), db)
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as fh:
            for rep in reports[:len(gold)]:
                for err in rep.errors:
                    fh.write(json.dumps({"file": rep.name, **err}, ensure_ascii=False, default=str) + "\n")
    if as_json:
        console.print_json(json.dumps([r.as_dict() for r in reports]))
    else:
        views.eval_reports(console, reports, per_category=categories)


@main.command()
@DB_OPTION
@click.option("--limit", type=int, default=50, show_default=True)
def events(db, limit):
    """List merged events. Example: kibaru events --limit 20"""
    from .store import Store

    with Store(db, read_only=True) as store:
        views.events_table(console, store.events(limit=limit), store.counts()["events"])


@main.command()
@DB_OPTION
def articles(db):
    """List stored articles. Example: kibaru articles"""
    from .store import Store

    with Store(db, read_only=True) as store:
        views.articles_table(console, store.articles())


@main.command()
@DB_OPTION
@click.argument("story_id", required=False)
def stories(db, story_id):
    """List stories with their articles and outlets, or show one with its merged events,
    sources and discrepancies. Example: kibaru stories; kibaru stories 3f2a…"""
    from .errors import ConfigError
    from .store import Store

    with Store(db, read_only=True) as store:
        if story_id is None:
            views.stories_table(console, store.stories(), store.articles())
            return
        matches = [s for s in store.stories() if s["story_id"].startswith(story_id)]
        if len(matches) != 1:
            raise ConfigError(f"{len(matches)} stories match {story_id!r}; give more of the id (kibaru stories lists them)")
        st = matches[0]
        _, events = store.find_events(story_id=st["story_id"], limit=500)
        discs = [d for d in store.discrepancies() if d["story_id"] == st["story_id"]]
        views.story_detail(console, st, store.articles(st["article_ids"]), events, discs)


@main.command()
@DB_OPTION
def stats(db):
    """Row counts of every table. Example: kibaru stats"""
    from .store import Store

    with Store(db, read_only=True) as store:
        views.stats_table(console, store.counts())


@main.command()
@DB_OPTION
def failures(db):
    """Inputs that could not be read, with the reason. Example: kibaru failures"""
    from .store import Store

    with Store(db, read_only=True) as store:
        views.failures_table(console, store.failures())


@main.command()
@DB_OPTION
def discrepancies(db):
    """Facts on which outlets disagree. Example: kibaru discrepancies"""
    from .store import Store

    with Store(db, read_only=True) as store:
        views.discrepancies_table(console, store.discrepancies())


@main.command()
@DB_OPTION
@click.argument("query", required=False)
def actors(db, query):
    """List actors, or those whose name or alias contains QUERY. Example: kibaru actors Diop"""
    from .store import Store

    with Store(db, read_only=True) as store:
        views.actors_table(console, store.actors(), query)


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (loopback unless told).")
@click.option("--port", default=8000, show_default=True, type=int)
def serve(db, host, port):
    """Serve the read-only HTTP API (/api/…, OpenAPI at /docs) and the web UI.

    Example: kibaru serve --db kibaru.duckdb --port 8000
    """
    from .server import serve as run_server

    run_server(db, host=host, port=port)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--synthetic", type=int, default=None, help="Measure on N articles recombined from the samples.")
@click.option("--runs", type=int, default=3, show_default=True, help="Repetitions (medians are reported).")
@click.option("--processes", type=int, default=1, show_default=True)
@click.option("--cluster-sizes", default="10000,100000", show_default=True,
              help="Synthetic corpus sizes for the story-clustering timing (comma-separated; empty: skip).")
def bench(paths, synthetic, runs, processes, cluster_sizes):
    """Speed of kibaru end to end vs the bare spaCy pipeline on the same texts.

    Example: kibaru bench --synthetic 1000 --processes 2
    """
    from .bench import run_bench

    sizes = tuple(int(x) for x in cluster_sizes.split(",") if x.strip())
    views.bench_report(console, run_bench(list(paths) or None, n=synthetic, runs=runs, processes=processes,
                                          cluster_sizes=sizes))


if __name__ == "__main__":
    main()
