"""Run extraction over a stream of articles: in-process, on local worker processes, or on Dask.

Extraction is per article (and the in-article merge with it), on whichever
executor; its results come back to this process in input order, and go to
disk (``kg.spill``), where the cross-article merge, a group-by on a key
(participants and status), takes one group at a time. Every executor so gives
the same events in the same order, by the same code.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator

from .corpus import Problem
from .extract.entities import matcher_for
from .extract.events import extract_article
from .extract.merge import article_clusters
from .models import Article, Event

CHUNK = 64  # articles per task: large enough to amortize pickling, small enough to stream


@dataclass
class Seen:
    """What was read, beyond the articles kept: their number and the latest publication date."""

    read: int = 0
    latest: dt.date | None = None
    failed: list = field(default_factory=list)  # Problem: the articles extraction failed on, skipped

    def add(self, article: Article) -> None:
        self.read += 1
        if article.published and (self.latest is None or article.published > self.latest):
            self.latest = article.published
        if article.error:
            self.failed.append(Problem(article.source or article.id, f"article {article.id!r}: {article.error}"))


def extract_chunk(articles: list[Article], gazetteers: tuple = ()) -> list[tuple]:
    """Mentions of each article merged within the article, keyed for the cross-article merge."""
    matcher = matcher_for(gazetteers)
    out = []
    for a in articles:
        try:
            keyed, dropped = article_clusters(extract_article(a, matcher))
        except Exception as exc:  # one article the extractor cannot read must not end a build of millions
            a.error = f"extraction failed ({type(exc).__name__}: {exc})"
            keyed, dropped = [], 0
        a.text = ""
        out.append((a, keyed, dropped))
    return out


def extract_rows(articles: list[Article], gazetteers: tuple = ()) -> list[tuple]:
    """``extract_chunk``'s results as the rows the build keeps on disk (``kg.spill.spill_rows``),
    made in the worker that extracts them."""
    from .spill import spill_rows

    return spill_rows(extract_chunk(articles, gazetteers))


def chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def collect(results: Iterable[list[tuple]], store, progress: Callable[[int], None] | None = None) -> Seen:
    """Extraction results (``extract_rows``), in input order, into ``store`` (a ``kg.spill.SpilledGraph``):
    the clusters and the articles that tell an event go to disk, texts dropped; what was read is counted."""
    seen = Seen()
    for batch in results:
        for article, *_ in batch:
            seen.add(article)
        store.add_rows(batch)
        if progress:
            progress(len(batch))
    return seen


def in_order(submit: Callable, fn: Callable, calls: Iterable[tuple], window: int) -> Iterator:
    """``fn(*args)`` of each call, run through ``submit`` (a process pool's or a Dask client's),
    yielded in the order of the calls; a bounded window of calls in flight keeps memory flat
    however long the stream of calls is."""
    pending: deque = deque()
    for args in calls:
        pending.append(submit(fn, *args))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def local_pool(workers: int):
    """Worker processes for extraction and validation, or None to run in this process."""
    if workers <= 1:
        return None
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers)


def extracted_local(articles: Iterable[Article], gazetteers: tuple = (), pool=None,
                    workers: int = 1) -> Iterator[list[tuple]]:
    """``extract_rows``' results, in input order, from this process or from ``pool``'s workers."""
    if pool is None:
        for batch in chunks(articles, CHUNK):
            yield extract_rows(batch, gazetteers)
        return
    yield from in_order(pool.submit, extract_rows, ((b, gazetteers) for b in chunks(articles, CHUNK)), workers * 4)


def _spilled(results: Iterable[list[tuple]], progress, stage) -> tuple[list[Article], list[Event], int, int, Seen]:
    """Extraction results collected and merged through a ``SpilledGraph``, as lists in memory."""
    from .spill import SpilledGraph

    with SpilledGraph() as store:
        seen = collect(results, store, progress)
        if stage:
            stage("merging events")
        store.merge()
        return store.all_articles(), store.all_events(), store.undated, store.dropped_partial, seen


def run_local(articles: Iterable[Article], *, gazetteers: tuple = (), workers: int = 1, pool=None,
              progress: Callable[[int], None] | None = None,
              stage: Callable[[str], None] | None = None) -> tuple[list[Article], list[Event], int, int, Seen]:
    """Extract and merge on this machine: (articles with events, events, undated, dropped partial, seen),
    in memory (``kg build`` keeps them on disk instead: ``kg.build``).

    ``pool`` (from ``local_pool``) is used when given, so that one set of worker processes,
    started while this process is still small, serves every step of a build.
    """
    own = pool is None and workers > 1
    if own:
        pool = local_pool(workers)
    try:
        return _spilled(extracted_local(articles, gazetteers, pool, workers), progress, stage)
    finally:
        if own:
            pool.shutdown()


@dataclass(frozen=True)
class DaskTLS:
    """Files for a TLS link to a Dask scheduler: the CA that signed the cluster's certificates, ours and its key."""

    ca_file: str
    cert: str
    key: str

    def security(self):
        from distributed import Security

        return Security(tls_ca_file=self.ca_file, tls_client_cert=self.cert, tls_client_key=self.key,
                        require_encryption=True)


def dask_client(address: str, tls: DaskTLS | None = None):
    """A client of the scheduler at ``address``; with ``tls``, only over an encrypted, authenticated link.

    Without TLS the link is plain TCP and runs whatever pickled code is sent: the scheduler must
    listen only on a trusted network (README, "Scale"). Dask's own TLS settings (dask config or
    DASK_DISTRIBUTED__COMM__TLS__* variables) apply when ``tls`` is not given.
    """
    from .errors import KgError

    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise KgError("Dask is not installed: pip install 'kg[dask]'") from exc
    if tls is not None and not address.startswith("tls://"):
        raise KgError(f"--dask-scheduler {address}: the TLS options need a tls://HOST:PORT address")
    for path in (tls.ca_file, tls.cert, tls.key) if tls else ():
        if not os.path.isfile(path):
            raise KgError(f"{path}: no such file (a Dask TLS certificate or key)")
    kw = {"security": tls.security()} if tls else {}
    try:
        return Client(address, set_as_default=False, timeout="20s", **kw)
    except (OSError, TimeoutError, ValueError) as exc:
        raise KgError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def run_dask(articles: Iterable[Article], address: str, *, gazetteers: tuple = (), tls: DaskTLS | None = None,
             progress: Callable[[int], None] | None = None,
             stage: Callable[[str], None] | None = None) -> tuple[list[Article], list[Event], int, int, Seen]:
    """Extract on a Dask cluster and merge here (returns as ``run_local`` does)."""
    with dask_client(address, tls) as client:
        return run_on_client(articles, client, gazetteers=gazetteers, progress=progress, stage=stage)


def dask_submit(client) -> Callable:
    """``client.submit`` for ``in_order``: each call runs (no hashing of large arguments to dedupe it)."""
    return lambda fn, *args: client.submit(fn, *args, pure=False)


def extracted_on_client(articles: Iterable[Article], client, gazetteers: tuple = (),
                        window: int = 64) -> Iterator[list[tuple]]:
    """``extract_rows``' results, in input order, from a Dask cluster: the same results as
    ``extracted_local``, collected and merged here the same way."""
    calls = ((batch, gazetteers) for batch in chunks(articles, CHUNK))
    yield from in_order(dask_submit(client), extract_rows, calls, window)


def run_on_client(articles: Iterable[Article], client, *, gazetteers: tuple = (),
                  progress: Callable[[int], None] | None = None,
                  stage: Callable[[str], None] | None = None) -> tuple[list[Article], list[Event], int, int, Seen]:
    """``run_dask`` on an open client (one client serves the extraction and the validation of a build)."""
    return _spilled(extracted_on_client(articles, client, gazetteers), progress, stage)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
