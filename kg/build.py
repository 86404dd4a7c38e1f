"""The pipeline: articles -> mentions -> merged events -> RDF -> SHACL report -> file."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from itertools import chain
from typing import Callable, Iterable, Iterator

from rdflib import Graph

from .corpus import Limits, Problem, Reader
from .graph import BuildInfo, EventTriples, chunk_triples
from .models import Article, Event
from .spill import SpilledGraph
from .validate import DEFAULT_ENGINE, TEXT_ENGINES, Report, resolve as resolve_engine, validate_chunk


@dataclass
class BuildResult:
    """What a build made. Its events, articles and triples are on disk (``kg.spill.SpilledGraph``)
    until ``close()``: ``events``, ``articles`` and ``graph`` read them all into memory, for
    callers that want them at once; writing and counting never do."""

    source: SpilledGraph | EventTriples  # the graph's triples, subject by subject (what is written)
    problems: list[Problem]
    report: Report | None
    undated: tuple[int, int] = (0, 0)
    by_type: Counter = field(default_factory=Counter)
    notes: list[Problem] = field(default_factory=list)  # read, but with something to say (damaged bytes, ...)
    articles_read: int = 0  # all articles read; ``articles`` holds only those that tell an event
    counted: int | None = None  # triples, once written
    written: str | None = None  # the format written to ``output``, if it was
    event_count: int = 0

    @cached_property
    def events(self) -> list[Event]:
        return self.source.all_events()

    @cached_property
    def articles(self) -> list[Article]:
        return self.source.all_articles()

    @cached_property
    def graph(self) -> Graph:
        """The whole graph in memory: for callers that query it; writing never needs it."""
        return self.source.graph()

    @property
    def triples(self) -> int:
        if self.counted is None:
            self.counted = sum(sum(map(len, preds.values())) for _, preds in self.source.described())
        return self.counted

    def close(self) -> None:
        """Remove the build's files on disk (``events``, ``articles`` and ``graph`` read before stay)."""
        close = getattr(self.source, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> BuildResult:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


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


SAMPLE = 16 << 20  # a .jsonl file larger than this has its articles estimated from its first bytes


def estimate_articles(paths: list[Path]) -> int:
    """About how many articles ``paths`` hold, for a progress bar's total and ETA.

    A .txt/.html file is one article; a .jsonl file has one per line, counted, or estimated
    from its first 16 MB when larger (reading gigabytes twice to draw a bar is not worth it).
    """
    total = 0
    for f in Reader().files(paths):
        if f.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            size = f.stat().st_size
            with f.open("rb") as fh:
                head = fh.read(SAMPLE)
        except OSError:
            continue
        lines = head.count(b"\n") + (1 if head and not head.endswith(b"\n") and size <= SAMPLE else 0)
        total += lines if size <= SAMPLE else round(lines * size / len(head))
    return total


def build(paths: list[Path], *, manifest: Path | None = None, gazetteers: tuple = (),
          validate: bool = True, limits: Limits | None = None, build_time: str | None = None,
          workers: int = 1, dask_scheduler: str | None = None, dask_tls=None,
          output: Path | None = None, fmt: str | None = None,
          progress: Callable[[int], None] | None = None,
          stage: Callable[[str], None] | None = None, shacl_engine: str = DEFAULT_ENGINE) -> BuildResult:
    """Build the event graph of the articles under ``paths``, without holding it as one rdflib Graph.

    Articles are read as a stream; extraction and validation run in this process (``workers=1``),
    on local worker processes, or on a Dask cluster, with byte-identical results. The extraction
    results, the merged events and the articles that tell them are kept on disk (``kg.spill``),
    not in memory; triples are made from them, a chunk of events at a time when validating and
    a subject at a time when writing. With ``output``, the graph is written there (streamed,
    while the workers validate) and kept only if it conforms. The result holds the files on
    disk until its ``close()`` (``with build(...) as result:``).
    ``progress`` is told of each article read, ``stage`` of each step after reading;
    ``shacl_engine`` names the SHACL engine (``kg.validate.ENGINES``, or 'auto').
    """
    stage = stage or (lambda what: None)
    from .pipeline import dask_client, dask_submit, extracted_local, extracted_on_client, local_pool

    reader = Reader(manifest=manifest, limits=limits or Limits())
    gaz = tuple(str(p) for p in gazetteers)
    stream = reader.read(paths)
    finish = partial(_finish, reader, build_time=build_time, validate=validate, output=output, fmt=fmt, stage=stage,
                     engine=resolve_engine(shacl_engine), progress=progress)
    if dask_scheduler:
        with dask_client(dask_scheduler, dask_tls) as client:
            return finish(extracted_on_client(stream, client, gaz), dask_submit(client), window=16)
    pool = local_pool(workers)
    try:
        return finish(extracted_local(stream, gaz, pool, workers), pool.submit if pool else None, window=2 * workers)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def build_info(reader: Reader, seen, build_time: str | None = None) -> BuildInfo:
    """What the build node records, once every article is read."""
    return BuildInfo(
        inputs=reader.inputs, articles_read=seen.read, articles_skipped=len(reader.problems),
        data_as_of=seen.latest.isoformat() if seen.latest else None,
        build_time=build_time or build_time_from_env(),
    )


def _finish(reader: Reader, results: Iterable[list[tuple]], submit, *, window: int, build_time: str | None,
            validate: bool, output: Path | None, fmt: str | None, stage: Callable[[str], None], engine: str,
            progress: Callable[[int], None] | None) -> BuildResult:
    """Collect the extraction results on disk, merge them, validate the events and write them
    (at once, when there are workers). The files on disk go with the result, or at once on an error."""
    from .fileio import format_for
    from .pipeline import collect

    store = SpilledGraph()
    try:
        seen = collect(results, store, progress)
        reader.problems.extend(seen.failed)  # reported and counted as skipped, like unreadable records
        stage("merging events")
        store.merge()
        stage("indexing the graph")
        name = format_for(Path(output), fmt, default=None) if output is not None else None
        store.seal(build_info(reader, seen, build_time), nt=name in ("nt", "nquads"))
        result = BuildResult(store, reader.problems, None, store.undated, store.by_type, reader.notes, seen.read,
                             event_count=store.event_count)
        if not validate:
            pending = None
        elif submit is None:  # one process: validate first, and write only a valid graph
            stage("validating")
            pending = Validation(store, None, window, stage, engine).run()
        else:  # the workers validate while this process writes
            stage("validating and writing")
            pending = Validation(store, submit, window, stage, engine).start()
        if output is not None and seen.read:  # nothing read: nothing written (the CLI says why)
            result.written = _write_checked(result, Path(output), fmt, pending)
        result.report = pending.result() if pending else None
        return result
    except BaseException:
        store.close()
        raise


class _Invalid(Exception):
    """The graph did not conform: the output being written is dropped."""


def _write_checked(result: BuildResult, output: Path, fmt: str | None, pending: Validation | None) -> str | None:
    """Stream the graph to ``output``; commit it only once ``pending`` validation says it conforms."""
    from .export import iter_streamed
    from .fileio import atomic_write, format_for

    name = format_for(output, fmt, default=None)
    tally = [0]

    def pieces():
        yield from iter_streamed(result.source, name, tally)
        if pending is not None and not pending.result().conforms:
            raise _Invalid

    try:
        atomic_write(output, pieces())
    except _Invalid:
        return None
    result.counted = tally[0]
    return name


# ---------------------------------------------------------------- validation a chunk of events at a time

EVENTS_PER_CHUNK = 2000  # about 50,000 triples: a few seconds of pyshacl, a few MB to send to a worker


def validate_events(engine: str, events: list, articles: list, actors: dict, extra: list = ()) -> Report:
    """Validate the graph of a chunk (``EventTriples.chunks``), in a worker process when there are workers.
    An engine that reads N-Triples text is given text, without an rdflib Graph in between."""
    triples = chain(chunk_triples(events, articles, actors), extra)
    if engine in TEXT_ENGINES:
        from .export import nt_text

        return validate_chunk(nt_text(triples), engine)
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return validate_chunk(graph, engine)


class Validation:
    """SHACL validation of a build, chunk by chunk: here, or through ``submit`` (a process pool's
    or a Dask client's) from a thread, so that this process can write the graph meanwhile."""

    def __init__(self, source: EventTriples, submit, window: int, stage: Callable[[str], None] | None = None,
                 engine: str = "pyshacl"):
        self.source, self.submit, self.window, self.stage = source, submit, max(1, window), stage
        self.engine = engine
        self.report: Report | None = None
        self.error: BaseException | None = None
        self.thread = None

    def calls(self) -> Iterator[tuple]:
        told = self.stage if self.submit is None else None
        total = self.source.chunk_count(EVENTS_PER_CHUNK) if told else 0
        for i, chunk in enumerate(self.source.chunks(EVENTS_PER_CHUNK)):
            if told:
                told(f"validating (chunk {i + 1} of {total})")
            yield chunk
        for rest in self.source.rest_parts():
            if rest:
                yield [], [], {}, rest

    def run(self) -> Validation:
        from .pipeline import in_order

        try:
            if self.submit is None:
                reports = (validate_events(self.engine, *args) for args in self.calls())
            else:
                reports = in_order(self.submit, partial(validate_events, self.engine), self.calls(), self.window)
            self.report = Report.merge(reports)
        except BaseException as exc:  # re-raised in result(), in the thread that asks
            self.error = exc
        return self

    def start(self) -> Validation:
        import threading

        self.thread = threading.Thread(target=self.run, name="kg-validate", daemon=True)
        self.thread.start()
        return self

    def result(self) -> Report:
        if self.thread is not None:
            self.thread.join()
        if self.error is not None:
            raise self.error
        return self.report


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """Deterministic bytes of a graph in one of the supported formats."""
    from .export import serialize_graph
    return serialize_graph(graph, fmt)


def write_result(result: BuildResult, path: Path, fmt: str | None = None) -> str:
    """Write a build's graph atomically, streamed subject by subject; returns the format used."""
    from .export import export_streamed
    return export_streamed(result.source, Path(path), fmt)


def write_graph(graph: Graph, path: Path, fmt: str | None = None) -> str:
    """Write atomically (as ``kg export`` does); returns the format used."""
    from .export import export_graph
    return export_graph(graph, Path(path), fmt)
