"""The pipeline: articles -> mentions -> merged events -> RDF -> SHACL report -> file."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rdflib import Graph

from .corpus import Limits, Problem, Reader
from .graph import BuildInfo, events_graph
from .models import Article, Event
from .validate import Report, validate_graph


@dataclass
class BuildResult:
    graph: Graph
    events: list[Event]
    articles: list[Article]
    problems: list[Problem]
    report: Report | None
    undated: tuple[int, int] = (0, 0)
    by_type: Counter = field(default_factory=Counter)
    notes: list[Problem] = field(default_factory=list)  # read, but with something to say (damaged bytes, ...)
    articles_read: int = 0  # all articles read; ``articles`` holds only those that tell an event

    @property
    def triples(self) -> int:
        return len(self.graph)


def build_time_from_env() -> str | None:
    """SOURCE_DATE_EPOCH (the reproducible-builds convention) as an xsd:dateTime, if set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.strip().isdigit():
        return None
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_build(paths: list[Path], output: Path, fmt: str | None = None, gazetteers: tuple = ()) -> str:
    """Check a build's options before any work: the output's format and place, the gazetteer folders.

    Returns the output format; raises KgError (output refused, unknown format, missing folder).
    """
    from .errors import DataError
    from .fileio import check_output, format_for

    check_output(output, paths, article_inputs=True)
    used = format_for(Path(output), fmt, default=None)
    for d in map(Path, gazetteers):
        if not d.is_dir():
            raise DataError(f"--gazetteer {d}: no such folder (give a folder of kg-gazetteer/1 .json files)")
    return used


def build(paths: list[Path], *, manifest: Path | None = None, gazetteers: tuple = (),
          validate: bool = True, limits: Limits | None = None, build_time: str | None = None,
          workers: int = 1, dask_scheduler: str | None = None, dask_tls=None,
          progress: Callable[[int], None] | None = None,
          stage: Callable[[str], None] | None = None) -> BuildResult:
    """Build the event graph of the articles under ``paths``.

    Articles are read as a stream; extraction runs in this process (``workers=1``), on
    local worker processes, or on a Dask cluster, with byte-identical results.
    ``progress`` is told of each article read, ``stage`` of each step after reading.
    """
    stage = stage or (lambda what: None)
    from .pipeline import run_dask, run_local

    reader = Reader(manifest=manifest, limits=limits or Limits())
    gaz = tuple(str(p) for p in gazetteers)
    stream = reader.read(paths)
    if dask_scheduler:
        articles, events, undated, _, seen = run_dask(stream, dask_scheduler, gazetteers=gaz, tls=dask_tls,
                                                      progress=progress, stage=stage)
    else:
        articles, events, undated, _, seen = run_local(stream, gazetteers=gaz, workers=workers, progress=progress,
                                                       stage=stage)
    info = BuildInfo(
        inputs=reader.inputs, articles_read=seen.read, articles_skipped=len(reader.problems),
        data_as_of=seen.latest.isoformat() if seen.latest else None,
        build_time=build_time or build_time_from_env(),
    )
    stage("building the graph")
    graph = events_graph(events, articles, info)
    if validate:
        stage("validating")
    report = validate_graph(graph) if validate else None
    return BuildResult(graph, events, articles, reader.problems, report, undated,
                       Counter(e.type for e in events), reader.notes, seen.read)


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """Deterministic bytes of a graph in one of the supported formats."""
    from .export import serialize_graph
    return serialize_graph(graph, fmt)


def write_graph(graph: Graph, path: Path, fmt: str | None = None) -> str:
    """Write atomically (as ``kg export`` does); returns the format used."""
    from .export import export_graph
    return export_graph(graph, Path(path), fmt)
