"""Run extraction over a stream of articles: in-process, on local worker processes, or on Dask.

Extraction is per article (and the in-article merge with it); the cross-article
merge is a group-by on a key (participants and status), so each step works on
a bounded slice of the data. Every executor gives the same events in the same
order: results are consumed in input order and each group merges the same
way whatever order its members arrive in.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator

from .extract.entities import matcher_for
from .extract.events import extract_article
from .extract.merge import article_clusters, event_order, merge_group, merge_groups
from .models import Article, Event

CHUNK = 64  # articles per task: large enough to amortize pickling, small enough to stream


@dataclass
class Seen:
    """What was read, beyond the articles kept: their number and the latest publication date."""

    read: int = 0
    latest: dt.date | None = None

    def add(self, article: Article) -> None:
        self.read += 1
        if article.published and (self.latest is None or article.published > self.latest):
            self.latest = article.published


@dataclass
class Extraction:
    # metadata only (texts are dropped), and only of articles that tell an event: a corpus of
    # millions of articles without events keeps none of them in memory or in the graph
    articles: list[Article] = field(default_factory=list)
    groups: dict[tuple, list] = field(default_factory=dict)  # group key -> [(cluster, dated)]
    dropped_partial: int = 0
    seen: Seen = field(default_factory=Seen)


def extract_chunk(articles: list[Article], gazetteers: tuple = ()) -> list[tuple]:
    """Mentions of each article merged within the article, keyed for the cross-article merge."""
    matcher = matcher_for(gazetteers)
    out = []
    for a in articles:
        keyed, dropped = article_clusters(extract_article(a, matcher))
        a.text = ""
        out.append((a, keyed, dropped))
    return out


def chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _collect(results: Iterable[list[tuple]], progress: Callable[[int], None] | None) -> Extraction:
    ex = Extraction()
    for batch in results:
        for article, keyed, dropped in batch:
            ex.seen.add(article)
            if keyed:
                ex.articles.append(article)
            ex.dropped_partial += dropped
            for key, cluster, dated in keyed:
                ex.groups.setdefault(key, []).append((cluster, dated))
        if progress:
            progress(len(batch))
    return ex


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


def _local(articles: Iterable[Article], gazetteers: tuple, pool, workers: int):
    if pool is None:
        for batch in chunks(articles, CHUNK):
            yield extract_chunk(batch, gazetteers)
        return
    yield from in_order(pool.submit, extract_chunk, ((b, gazetteers) for b in chunks(articles, CHUNK)), workers * 4)


def run_local(articles: Iterable[Article], *, gazetteers: tuple = (), workers: int = 1, pool=None,
              progress: Callable[[int], None] | None = None,
              stage: Callable[[str], None] | None = None) -> tuple[list[Article], list[Event], int, int, Seen]:
    """Extract and merge on this machine: (articles with events, events, undated, dropped partial, seen).

    ``pool`` (from ``local_pool``) is used when given, so that one set of worker processes,
    started while this process is still small, serves every step of a build.
    """
    own = pool is None and workers > 1
    if own:
        pool = local_pool(workers)
    try:
        ex = _collect(_local(articles, gazetteers, pool, workers), progress)
    finally:
        if own:
            pool.shutdown()
    if stage:
        stage("merging events")
    events, undated = merge_groups(ex.groups)
    return ex.articles, events, undated, ex.dropped_partial, ex.seen


def _merge_items(items: list) -> tuple[list[Event], int]:
    return merge_group([(cluster, dated) for _, cluster, dated in items])


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
    """Extract on a Dask cluster and merge there with a keyed group-by (returns as ``run_local`` does)."""
    with dask_client(address, tls) as client:
        return run_on_client(articles, client, gazetteers=gazetteers, progress=progress, stage=stage)


def dask_submit(client) -> Callable:
    """``client.submit`` for ``in_order``: each call runs (no hashing of large arguments to dedupe it)."""
    return lambda fn, *args: client.submit(fn, *args, pure=False)


def run_on_client(articles: Iterable[Article], client, *, gazetteers: tuple = (),
                  progress: Callable[[int], None] | None = None,
                  stage: Callable[[str], None] | None = None) -> tuple[list[Article], list[Event], int, int, Seen]:
    """``run_dask`` on an open client (one client serves the extraction and the validation of a build)."""
    try:
        import dask.bag as db
        from dask import delayed
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from .errors import KgError
        raise KgError("Dask is not installed: pip install 'kg[dask]'") from exc

    futures = []
    window: deque = deque()
    articles_meta: list[Article] = []
    seen = Seen()
    dropped = 0
    for batch in chunks(articles, CHUNK):
        fut = client.submit(extract_chunk, batch, gazetteers, pure=False)
        futures.append(fut)
        window.append(fut)
        if len(window) >= 64:
            window.popleft().result()
    # articles come back in input order; clusters stay on the cluster for the group-by
    metas = client.map(lambda chunk: [(a, bool(ks), d) for a, ks, d in chunk], futures, pure=False)
    for part in client.gather(metas):
        for a, has_events, d in part:
            seen.add(a)
            if has_events:
                articles_meta.append(a)
            dropped += d
        if progress:
            progress(len(part))
    if stage:
        stage("merging events on the cluster")
    keyed = db.from_delayed([delayed(lambda chunk: [k for _, ks, _ in chunk for k in ks])(f) for f in futures])
    merged = (keyed.groupby(lambda item: item[0], shuffle="tasks")
              .map(lambda kv: _merge_items(kv[1])))
    results = merged.compute(scheduler=client.get)
    events = [e for evs, _ in results for e in evs]
    undated = (sum(u for _, (u, _) in results), sum(n for _, (_, n) in results))
    events.sort(key=event_order)
    return articles_meta, events, undated, dropped, seen


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
