"""The `kg` command line: parse options, call one library function, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .errors import KgError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="kg: build, validate and query event knowledge graphs (calls, visits, meetings, summits) from news.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def fail(exc: KgError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
    return typer.Exit(exc.exit_code)


def _version(value: bool):
    if value:
        out.print(f"kg {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")):
    """kg turns news articles into a validated event graph."""


# ---------------------------------------------------------------- build
@app.command()
def build(
    paths: List[Path] = typer.Argument(..., help="Article files (.txt, .html, .jsonl) or directories of them."),
    output: Path = typer.Option(Path("out/graph.ttl"), "-o", "--output", help="Graph file to write (format from the extension)."),
    fmt: Optional[str] = typer.Option(None, "--format", help="turtle, nt, jsonld or trig (default: from the extension)."),
    manifest: Optional[Path] = typer.Option(None, "--manifest", help="Article metadata file (default: manifest.json beside the articles)."),
    gazetteer: List[Path] = typer.Option([], "--gazetteer", help="Extra directory of kg-gazetteer/1 files (repeatable)."),
    no_validate: bool = typer.Option(False, "--no-validate", help="Skip SHACL validation (not recommended)."),
    build_time: Optional[str] = typer.Option(None, "--build-time", help="Record this xsd:dateTime as the build time (default: SOURCE_DATE_EPOCH if set, else none, so output is reproducible)."),
    max_article_chars: int = typer.Option(2_000_000, "--max-article-chars", help="Skip articles longer than this."),
    max_articles_per_file: int = typer.Option(1_000_000, "--max-articles-per-file", help="Read at most this many articles from one .jsonl file."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print only errors."),
):
    """Build an event graph from articles, validate it and write it.

    Example: [bold]kg build seeds -o out/graph.ttl[/]
    """
    from .build import build as run_build, write_graph
    from .corpus import Limits

    try:
        with _progress(quiet) as advance:
            result = run_build(paths, manifest=manifest, gazetteers=tuple(gazetteer), validate=not no_validate,
                               limits=Limits(max_article_chars, max_articles_per_file), build_time=build_time,
                               progress=advance)
    except KgError as exc:
        raise fail(exc)
    for p in result.problems:
        err.print(f"[yellow]skipped[/] {p}", markup=True)
    if not result.articles:
        err.print("[bold red]error:[/] no readable articles in " + ", ".join(map(str, paths)), markup=True)
        raise typer.Exit(2)
    if result.report is not None and not result.report.conforms:
        err.print(result.report.text())
        err.print(f"[bold red]error:[/] the graph is invalid; {output} was not written", markup=True)
        raise typer.Exit(1)
    used = write_graph(result.graph, output, fmt)
    if not quiet:
        _summary(result, output, used)


class _progress:
    """A progress bar on a terminal; nothing when output is piped or quiet."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.bar = None

    def __enter__(self):
        if self.quiet or not err.is_terminal:
            return lambda n=1: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
        self.bar = Progress(SpinnerColumn(), TextColumn("reading articles"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=err, transient=True)
        self.bar.start()
        task = self.bar.add_task("read", total=None)
        return lambda n=1: self.bar.advance(task, n)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()


def _summary(result, output: Path, fmt: str):
    read, skipped = len(result.articles), len(result.problems)
    types = ", ".join(f"{t} {n}" for t, n in sorted(result.by_type.items())) or "none"
    status = "not run" if result.report is None else ("conforms" if result.report.conforms else "violations")
    err.print(f"articles read    {read}")
    err.print(f"articles skipped {skipped}")
    err.print(f"events           {len(result.events)} ({types})")
    if result.unresolved:
        err.print(f"undated mentions {result.unresolved} (matched no dated event; not written)")
    err.print(f"triples          {result.triples}")
    err.print(f"validation       {status}")
    err.print(f"written          {output} ({fmt})")


# ---------------------------------------------------------------- validate
@app.command()
def validate(graph: List[Path] = typer.Argument(..., help="Graph file(s) to validate (union).")):
    """Validate a graph against ontology/shapes.ttl. Exit 0 conforms, 1 violations, 2 unreadable.

    Example: [bold]kg validate out/graph.ttl[/]
    """
    from .fileio import read_graph
    from .validate import validate_graph

    try:
        g = read_graph(*graph)
    except KgError as exc:
        raise fail(exc)
    report = validate_graph(g)
    out.print(report.text())
    raise typer.Exit(0 if report.conforms else 1)


# ---------------------------------------------------------------- events
@app.command()
def events(
    graph: List[Path] = typer.Argument(..., help="Graph file(s) to read."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
):
    """List the events in a graph.

    Example: [bold]kg events out/graph.ttl --format json[/]
    """
    from .fileio import read_graph
    from .readback import events as read_events

    if fmt not in ("table", "json"):
        err.print(f"[bold red]error:[/] unknown format {fmt!r}; use table or json", markup=True)
        raise typer.Exit(2)
    try:
        g = read_graph(*graph)
    except KgError as exc:
        raise fail(exc)
    records = read_events(g)
    if fmt == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
        return
    table = Table(show_lines=False)
    for col in ("date", "type", "status", "participants", "place", "sources"):
        table.add_column(col)
    for e in records:
        table.add_row(e["date"] or "—", e["type"] or "?", e["status"] or "?",
                      "; ".join(p["label"] + (f" ({p['wikidata']})" if p["wikidata"] else "") for p in e["participants"]),
                      (e["place"] or {}).get("label") or "—", ", ".join(e["sources"]))
    out.print(table)
    out.print(f"{len(records)} event(s)")


# ---------------------------------------------------------------- eval
@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold file in the kg-gold/1 format."),
    graph: List[Path] = typer.Argument(..., help="Graph file(s) built from the gold's articles."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    min_f1: Optional[float] = typer.Option(None, "--min-f1", help="Exit 1 when F1 is below this."),
):
    """Score a graph's events against hand-made gold events (precision, recall, F1, dates, places, duplicates).

    Example: [bold]kg eval gold.json out/graph.ttl[/]
    """
    from .evaluate import load_gold, render, score
    from .fileio import read_graph
    from .readback import events as read_events

    try:
        gold_data = load_gold(gold)
        records = read_events(read_graph(*graph))
    except KgError as exc:
        raise fail(exc)
    result = score(gold_data, records)
    if fmt == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    else:
        out.print(render(result))
    if min_f1 is not None and result["f1"] < min_f1:
        raise typer.Exit(1)


if __name__ == "__main__":  # pragma: no cover
    app()
