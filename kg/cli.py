"""The `kg` command line: parse options, call one library function, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from . import __version__
from .errors import KgError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="kg: build, validate and query event knowledge graphs (calls, visits, meetings, summits) from news.",
)
# Control characters (ESC, BEL, ...) in file names, ids and labels are shown as \x1b etc.,
# never sent to the terminal: they could retitle the window, clear the screen or hide text.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(c) not in "\n\t"}


def shown(text: str) -> str:
    r"""Text with its control characters made visible (line feeds and tabs kept).

    >>> shown("a\x1b]0;owned\x07b")
    'a\\x1b]0;owned\\x07b'
    """
    return text.translate(_CONTROLS)


class _Console(Console):
    """A console that prints every string it is given through ``shown``; tables are given ``Text(shown(...))``."""

    def print(self, *objects, **kw):
        super().print(*(shown(o) if isinstance(o, str) else o for o in objects), **kw)


# markup is off by default: file names, queries and values are printed as they are; the few
# styled lines ask for markup and escape what they interpolate
err = _Console(stderr=True, highlight=False, soft_wrap=True, markup=False)
out = _Console(highlight=False, soft_wrap=True, markup=False)


def fail(exc: KgError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(str(exc))}", markup=True, highlight=False)
    return typer.Exit(exc.exit_code)


def _version(value: bool):
    if value:
        out.print(f"kg {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")):
    """kg turns news articles into a validated event graph."""


# ---------------------------------------------------------------- Neo4j connection options (build, load, export)
# Defined before the commands that use them; the password is never shown, not even as a default.
def _check_uri(value: str) -> str:
    from urllib.parse import urlsplit

    try:
        urlsplit(value).port  # noqa: B018 - parsing the port checks the host part too
    except ValueError as exc:
        # the value is not repeated: it may hold a password
        raise typer.BadParameter(f"not a URI ({exc}); e.g. bolt://localhost:7687")
    return value


def _uri_option():
    return typer.Option("bolt://localhost:7687", "--uri", envvar="NEO4J_URI", rich_help_panel="Neo4j",
                        callback=_check_uri, help="Bolt address of the Neo4j server.")


def _user_option():
    return typer.Option("neo4j", "--user", envvar="NEO4J_USERNAME", rich_help_panel="Neo4j", help="Neo4j user.")


def _password_option():
    return typer.Option(None, "--password", envvar="NEO4J_PASSWORD", show_default=False, rich_help_panel="Neo4j",
                        help="Neo4j password; prefer the NEO4J_PASSWORD variable, which no process list shows.")


def _database_option():
    return typer.Option(None, "--database", envvar="NEO4J_DATABASE", rich_help_panel="Neo4j",
                        help="Neo4j database (default: the server's default database).")


# ---------------------------------------------------------------- build
@app.command()
def build(
    paths: List[Path] = typer.Argument(..., help="Article files (.txt, .html, .jsonl) or directories of them."),
    output: Path = typer.Option(Path("out/graph.ttl"), "-o", "--output", help="Graph file to write (format from the extension)."),
    fmt: Optional[str] = typer.Option(None, "--format", help="turtle, nt, jsonld or trig (default: from the extension)."),
    manifest: Optional[Path] = typer.Option(None, "--manifest", help="Article metadata file (default: manifest.json beside the articles)."),
    gazetteer: List[Path] = typer.Option([], "--gazetteer", help="Extra directory of kg-gazetteer/1 files (repeatable)."),
    no_validate: bool = typer.Option(False, "--no-validate", help="Skip SHACL validation (not recommended)."),
    shacl_engine: str = typer.Option("auto", "--shacl-engine", help="SHACL engine, as for kg validate --engine: auto, pyshacl or shacl."),
    build_time: Optional[str] = typer.Option(None, "--build-time", help="Record this xsd:dateTime as the build time (default: SOURCE_DATE_EPOCH if set, else none, so output is reproducible)."),
    max_article_chars: int = typer.Option(2_000_000, "--max-article-chars", min=1, help="Skip (and report) articles longer than this many characters."),
    max_articles_per_file: int = typer.Option(1_000_000, "--max-articles-per-file", min=1, help="Read at most this many articles from one .jsonl file (the rest is reported and skipped)."),
    workers: int = typer.Option(0, "--workers", "-w", show_default=False, help="Extraction processes (default: the number of cores; 1 runs in this process)."),
    dask_scheduler: Optional[str] = typer.Option(None, "--dask-scheduler", envvar="DASK_SCHEDULER_ADDRESS", rich_help_panel="Dask", help="Run extraction and the merge on a Dask cluster (tls://HOST:PORT, or tcp:// on a trusted network only: the link runs pickled code)."),
    dask_tls_ca_file: Optional[Path] = typer.Option(None, "--dask-tls-ca-file", rich_help_panel="Dask", help="CA certificate that signed the cluster's certificates (with --dask-tls-cert and --dask-tls-key)."),
    dask_tls_cert: Optional[Path] = typer.Option(None, "--dask-tls-cert", rich_help_panel="Dask", help="This client's TLS certificate."),
    dask_tls_key: Optional[Path] = typer.Option(None, "--dask-tls-key", rich_help_panel="Dask", help="This client's TLS private key."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print only errors."),
    neo4j: bool = typer.Option(False, "--neo4j", rich_help_panel="Neo4j", help="Also load the graph into Neo4j once written (as kg load does)."),
    uri: str = _uri_option(),
    user: str = _user_option(),
    password: Optional[str] = _password_option(),
    database: Optional[str] = _database_option(),
    batch_size: int = typer.Option(5000, "--batch-size", min=1, rich_help_panel="Neo4j", help="With --neo4j: rows per write transaction."),
    batch_bytes: Optional[int] = typer.Option(None, "--batch-bytes", min=1024, rich_help_panel="Neo4j", help="With --neo4j: bytes per write transaction, at most (about); default: no limit."),
):
    """Build an event graph from articles, validate it and write it.

    Example: [bold]kg build seeds -o out/graph.ttl[/]   (add [bold]--neo4j[/] to load it into Neo4j too)
    """
    from .build import build as run_build, check_build
    from .corpus import Limits
    from .pipeline import DaskTLS, default_workers
    from .validate import resolve as resolve_engine

    tls_files = (dask_tls_ca_file, dask_tls_cert, dask_tls_key)
    if any(tls_files) and not all(tls_files):
        err.print("[bold red]error:[/] give all three of --dask-tls-ca-file, --dask-tls-cert and --dask-tls-key", markup=True)
        raise typer.Exit(2)
    tls = DaskTLS(*map(str, tls_files)) if all(tls_files) else None
    try:
        check_build(paths, output, fmt, tuple(gazetteer))
        resolve_engine(shacl_engine)
        with _progress(quiet, paths) as bar:
            result = run_build(paths, manifest=manifest, gazetteers=tuple(gazetteer), validate=not no_validate,
                               limits=Limits(max_article_chars, max_articles_per_file), build_time=build_time,
                               workers=workers or default_workers(), dask_scheduler=dask_scheduler,
                               dask_tls=tls, output=output, fmt=fmt, progress=bar.advance, stage=bar.stage,
                               shacl_engine=shacl_engine)
    except KgError as exc:
        raise fail(exc)
    with result:  # its files on disk are removed once done with
        _built(result, paths, output, quiet)
        if neo4j:  # the whole graph, in memory (README, "Scale")
            _load_into_neo4j(result.graph, _neo4j_settings(uri, user, password, database, batch_rows=batch_size,
                                                           batch_bytes=batch_bytes), quiet=quiet)


def _built(result, paths: list[Path], output: Path, quiet: bool) -> None:
    """What kg build says of a build: what it skipped, and its summary or why nothing was written."""
    for p in result.problems:
        err.print(f"[yellow]skipped[/] {escape(str(p))}", markup=True)
    for p in result.notes:
        err.print(f"[yellow]note[/] {escape(str(p))}", markup=True)
    if not result.articles_read:
        err.print("[bold red]error:[/] no readable articles in " + escape(", ".join(map(str, paths))), markup=True)
        raise typer.Exit(2)
    if result.report is not None and not result.report.conforms:
        err.print(result.report.text())
        err.print(f"[bold red]error:[/] the graph is invalid; {escape(str(output))} was not written", markup=True)
        raise typer.Exit(1)
    used = result.written
    if not quiet:
        _summary(result, output, used)


class _progress:
    """A progress bar on a terminal: articles read of about how many, articles/s and the time left,
    then the step running; nothing when piped or quiet."""

    def __init__(self, quiet: bool, paths: list[Path] = ()):
        self.quiet = quiet
        self.paths = paths
        self.bar = None
        self.task = None

    def __enter__(self):
        if not (self.quiet or not err.is_terminal):
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            from .build import estimate_articles

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), TimeElapsedColumn(),
                                console=err, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("reading articles", total=estimate_articles(self.paths) or None, rate="")
        return self

    def advance(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, n)
            speed = self.bar.tasks[0].speed
            if speed:
                self.bar.update(self.task, rate=f"{speed:,.0f} articles/s")

    def stage(self, what: str) -> None:
        """After reading: say which step runs, so a long merge or validation does not look like a hang."""
        if self.bar is not None:
            done = self.bar.tasks[0].completed
            self.bar.update(self.task, description=what, total=done, completed=done)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()


def _summary(result, output: Path, fmt: str):
    read, skipped = result.articles_read, len(result.problems)
    types = ", ".join(f"{t} {n}" for t, n in sorted(result.by_type.items())) or "none"
    status = "not run" if result.report is None else ("conforms" if result.report.conforms else "violations")
    err.print(f"articles read    {read}")
    err.print(f"articles skipped {skipped}")
    err.print(f"events           {result.event_count} ({types})")
    undated, left = result.undated
    if undated:
        err.print(f"undated events   {undated} (from articles without a publication date)")
    if left:
        err.print(f"undated mentions {left} (in dated articles, matched no dated event; not written)")
    err.print(f"triples          {result.triples}")
    err.print(f"validation       {status}")
    err.print(f"written          {output} ({fmt})")


# ---------------------------------------------------------------- validate
@app.command()
def validate(
    graph: List[Path] = typer.Argument(..., help="Graph file(s) to validate (union)."),
    engine: str = typer.Option("auto", "--engine", help="SHACL engine: pyshacl (the reference), shacl (the same reports, faster; pip install 'kg[fast-shacl]'), or auto: shacl where installed, else pyshacl."),
):
    """Validate a graph against ontology/shapes.ttl. Exit 0 conforms, 1 violations, 2 unreadable.

    Example: [bold]kg validate out/graph.ttl[/]   ([bold]--engine pyshacl[/] for the reference engine)
    """
    from .fileio import read_graph
    from .validate import validate_file, validate_graph

    try:
        report = validate_file(graph[0], engine) if len(graph) == 1 else validate_graph(read_graph(*graph), engine_name=engine)
    except KgError as exc:
        raise fail(exc)
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
        err.print(f"[bold red]error:[/] unknown format {escape(repr(fmt))}; use table or json", markup=True)
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
    for e in records:  # Text: labels and sources come from the data, never read as Rich markup
        table.add_row(*(Text(shown(v)) for v in (
            e["date"] or "undated", e["type"] or "?", e["status"] or "?",
            "; ".join(p["label"] + (f" ({p['wikidata']})" if p["wikidata"] else "") for p in e["participants"]),
            (e["place"] or {}).get("label") or "—", ", ".join(e["sources"]))))
    out.print(table)
    out.print(f"{len(records)} event(s)")


# ---------------------------------------------------------------- eval
@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold file in the kg-gold/1 format."),
    graph: List[Path] = typer.Argument(..., help="Graph file(s) built from the gold's articles."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    min_f1: Optional[float] = typer.Option(None, "--min-f1", help="Exit 1 when F1 is below this."),
    same_article: bool = typer.Option(False, "--same-article", help="Match a prediction only to gold events of its own article (the reference scorer matches across articles)."),
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
    result = score(gold_data, records, same_article=same_article)
    if fmt == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    else:
        out.print(render(result))
    if min_f1 is not None and result["f1"] < min_f1:
        raise typer.Exit(1)


# ---------------------------------------------------------------- export
@app.command("export")
def export_cmd(
    graph: Optional[List[Path]] = typer.Argument(None, help="Graph file(s) to convert (their union)."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write; the format comes from its extension."),
    fmt: Optional[str] = typer.Option(None, "--format", help="turtle, nt, jsonld or trig (also nquads, xml); default: from the extension."),
    from_neo4j: bool = typer.Option(False, "--from-neo4j", rich_help_panel="Neo4j", help="Read the graph loaded in Neo4j (by kg load) instead of files."),
    uri: str = _uri_option(),
    user: str = _user_option(),
    password: Optional[str] = _password_option(),
    database: Optional[str] = _database_option(),
):
    """Write a graph in another RDF format: sorted, with kg's prefixes, replacing the target only when complete.

    JSON-LD gets a readable context; TriG and N-Quads put each source article's claims in its own named graph.

    Example: [bold]kg export out/graph.ttl -o out/graph.jsonld[/]
    With Neo4j: [bold]kg export --from-neo4j -o out/from-neo4j.ttl[/]
    """
    from .export import export_files

    if from_neo4j:
        if graph:
            err.print("[bold red]error:[/] give graph files or --from-neo4j, not both", markup=True)
            raise typer.Exit(2)
        _export_from_neo4j(_neo4j_settings(uri, user, password, database), output, fmt)
        return
    if not graph:
        err.print("[bold red]error:[/] give the graph file(s) to export, e.g. kg export out/graph.ttl -o out/graph.trig", markup=True)
        raise typer.Exit(2)
    try:
        used, triples = export_files(graph, output, fmt)
    except KgError as exc:
        raise fail(exc)
    err.print(f"written {output} ({used}, {triples} triples)")


# ---------------------------------------------------------------- query
@app.command()
def query(
    args: List[str] = typer.Argument(..., metavar="FILE... [QUERY]", help="Graph file(s) (their union), then the query text unless -f is given."),
    query_file: Optional[Path] = typer.Option(None, "-f", "--query-file", help="Read the query from this file (e.g. queries/leader-contacts.rq)."),
    fmt: str = typer.Option("table", "--format", help="table, csv or json (SPARQL results); CONSTRUCT and DESCRIBE give Turtle, N-Triples or JSON-LD."),
    allow_service: bool = typer.Option(False, "--allow-service", help="Let SERVICE clauses send the query to remote endpoints (refused by default: kg query reads local files only)."),
):
    """Run a SPARQL 1.1 SELECT, ASK, CONSTRUCT or DESCRIBE query over graph files (turtle, nt, jsonld, trig...).

    The prefixes kg:, kgid:, wd:, rdf:, rdfs:, owl:, xsd:, prov:, schema: and sem: are predeclared.

    Example: [bold]kg query out/graph.ttl 'SELECT ?e ?date WHERE { ?e kg:date ?date } ORDER BY ?date'[/]
    """
    from .query import display, query_files, to_csv, to_json, to_turtle

    if fmt not in ("table", "csv", "json"):
        err.print(f"[bold red]error:[/] unknown format {escape(repr(fmt))}; use table, csv or json", markup=True)
        raise typer.Exit(2)
    if query_file is None:
        if len(args) < 2:
            err.print("[bold red]error:[/] give the graph file(s), then the query (or -f QUERY.rq)", markup=True)
            raise typer.Exit(2)
        files, text = [Path(a) for a in args[:-1]], args[-1]
    else:
        try:
            files, text = [Path(a) for a in args], query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            err.print(f"[bold red]error:[/] {escape(str(query_file))}: cannot read the query ({exc.__class__.__name__})", markup=True)
            raise typer.Exit(2)
    try:
        result = query_files(files, text, allow_service=allow_service)
    except KgError as exc:
        if query_file is None and len(text) < 4096 and Path(text).is_file():
            err.print(f"hint: {text} is a file; to read the query from it, use -f {text}")
        raise fail(exc)
    if fmt == "json":
        sys.stdout.write(to_json(result))
    elif fmt == "csv":
        sys.stdout.write(to_csv(result))
    elif result.graph is not None:
        sys.stdout.write(to_turtle(result))
    elif result.boolean is not None:
        out.print("true" if result.boolean else "false")
    else:
        table = Table()
        for v in result.variables:
            table.add_column(v)
        for row in result.rows:  # Text: values are shown as they are, never read as Rich markup
            table.add_row(*(Text(shown(display(t))) for t in row))
        out.print(table)
        err.print(f"{len(result.rows)} row(s)")


# ---------------------------------------------------------------- diff
@app.command()
def diff(
    old: Path = typer.Argument(..., help="The earlier graph file."),
    new: Path = typer.Argument(..., help="The later graph file."),
    fmt: str = typer.Option("text", "--format", help="text, json, markdown or rdf-patch."),
):
    """Compare two graph files: events added, removed and changed field by field, entities, counts per class.

    Exit 0 when the graphs are identical, 1 when they differ, 2 on error (as diff(1) does).

    [bold]--format rdf-patch[/] writes RDF Patch rows (TX, D, A, TC) that turn OLD into NEW in any store.

    Example: [bold]kg diff out/graph-v1.ttl out/graph.ttl --format markdown[/]
    """
    from .diff import diff_files, render_markdown, render_text, to_json, to_rdf_patch

    renderers = {"text": render_text, "json": to_json, "markdown": render_markdown, "rdf-patch": to_rdf_patch}
    if fmt not in renderers:
        err.print(f"[bold red]error:[/] unknown format {escape(repr(fmt))}; use text, json, markdown or rdf-patch", markup=True)
        raise typer.Exit(2)
    try:
        result = diff_files(old, new)
    except KgError as exc:
        raise fail(exc)
    for note in result.notes:
        err.print(f"note: {note}")
    text = renderers[fmt](result)
    if fmt == "text" and out.is_terminal:
        styles = {"+": "green", "-": "red", "~": "yellow"}
        for line in text.splitlines():
            out.print(Text(shown(line), style="bold" if line[:4] in ("--- ", "+++ ") else styles.get(line[:1], "")))
    else:
        sys.stdout.write(text)
    raise typer.Exit(0 if result.identical else 1)


# ---------------------------------------------------------------- report
@app.command()
def report(
    graph: List[Path] = typer.Argument(..., help="Graph file(s) to picture (their union)."),
    output: Path = typer.Option(Path("out/report.html"), "-o", "--output", help="HTML file to write."),
    title: Optional[str] = typer.Option(None, "--title", help="Page title (default: 'kg report: ' and the graph file names)."),
    no_validate: bool = typer.Option(False, "--no-validate", help="Skip SHACL validation (faster on big graphs; the page says it was not run)."),
):
    """Write one self-contained HTML page: summary, timeline, contact network and event table.

    The page needs no network to open: plain HTML and SVG with a little inline script
    (filter by leader and type, the events of a pair on hover or click).

    Example: [bold]kg report out/graph.ttl -o out/report.html[/]
    """
    from .report import write_report

    try:
        summary = write_report(graph, output, title=title, validate=not no_validate)
    except KgError as exc:
        raise fail(exc)
    valid = {None: "not run", True: "conforms"}.get(summary.conforms, f"{summary.violations} violation(s)")
    err.print(f"written {output} ({summary.events} events, {summary.participants} participants, "
              f"{summary.edges} pairs; validation {valid})")


# ---------------------------------------------------------------- load (Neo4j)
@app.command()
def load(
    graph: List[Path] = typer.Argument(..., help="Graph files written by kg build (Turtle, N-Triples, JSON-LD, ...; their union)."),
    uri: str = _uri_option(),
    user: str = _user_option(),
    password: Optional[str] = _password_option(),
    database: Optional[str] = _database_option(),
    fmt: Optional[str] = typer.Option(None, "--format", help="Input format when the extension does not say (turtle, nt, jsonld, ...)."),
    batch_size: int = typer.Option(5000, "--batch-size", min=1, help="Rows per write transaction."),
    batch_bytes: Optional[int] = typer.Option(None, "--batch-bytes", min=1024, help="Bytes per write transaction, at most (about); default: no limit."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON on stdout."),
    list_events: bool = typer.Option(False, "--list", help="List the added, changed and removed events."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print only errors."),
):
    """Load graphs into Neo4j. Loading twice changes nothing; a newer build of the same articles
    replaces the older one's events (changed ones updated, vanished ones removed).

    Exit 0 loaded, 2 unreadable or unloadable graph, 3 server unreachable or failing.

    Example: [bold]NEO4J_PASSWORD=… kg load out/graph.ttl --uri bolt://localhost:7687[/]
    """
    from .neo4j_load import load_files

    settings = _neo4j_settings(uri, user, password, database, batch_rows=batch_size, batch_bytes=batch_bytes)
    try:
        report = load_files(graph, settings, fmt)
    except KgError as exc:
        raise fail(exc)
    _print_load(report, settings, ", ".join(map(str, graph)), as_json=as_json, list_events=list_events, quiet=quiet)


def _neo4j_settings(uri, user, password, database, **kw):
    """Connection settings from the options; the driver's own log lines (which repeat our errors) are silenced."""
    import logging

    from .neo4j_load import Neo4jSettings

    logging.getLogger("neo4j").setLevel(logging.CRITICAL + 1)
    return Neo4jSettings(uri=uri, user=user or "", password=password or None, database=database or None, **kw)


def _load_into_neo4j(graph, settings, *, quiet: bool = False):
    from .neo4j_load import load_into

    try:
        report = load_into(graph, settings)
    except KgError as exc:
        raise fail(exc)
    _print_load(report, settings, "the built graph", quiet=quiet)


def _print_load(report, settings, what: str, *, as_json: bool = False, list_events: bool = False, quiet: bool = False):
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=1) + "\n")
    if quiet or as_json:
        return
    db = f" (database {settings.database})" if settings.database else ""
    key = {"constraint": "uniqueness constraint"}[report.key]
    t = report.totals
    err.print(f"loaded           {what} into {settings.safe_uri}{db}")
    err.print(f"events           {len(report.added)} added, {len(report.changed)} changed, {len(report.removed)} removed")
    err.print(f"written          {report.nodes_written} nodes, {report.relationships_written} relationships "
              f"in {report.batches} batches; deleted {report.nodes_deleted} nodes, {report.relationships_deleted} relationships")
    err.print(f"stored           {t.nodes} nodes, {t.relationships} relationships, {t.properties} properties")
    err.print(f"key              {key} on :Resource(uri)")
    err.print(f"time             {report.seconds:.2f} s")
    if list_events:
        for name in ("added", "changed", "removed"):
            for uri in getattr(report, name):
                out.print(f"{name:8} {uri}")


def _export_from_neo4j(settings, output: Path, fmt: Optional[str]):
    from .neo4j_load import export_to_file

    try:
        used, triples, ignored = export_to_file(settings, output, fmt)
    except KgError as exc:
        raise fail(exc)
    for what, n in sorted(ignored.items()):  # names read from the database: escaped, never markup
        err.print(f"[yellow]left out[/] {n} × {escape(what)} (not part of kg's model)", markup=True)
    err.print(f"written {output} ({used}, {triples} triples from {settings.safe_uri})")


if __name__ == "__main__":  # pragma: no cover
    app()
