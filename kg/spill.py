"""A build's working data on disk, so that memory does not grow with the corpus.

``kg build`` reads articles as a stream, but the cross-article merge needs every cluster of
one key together, and the writer needs every subject's triples in sorted order. Both are
sorts of data as large as the corpus: here SQLite does them, in a temporary directory (under
TMPDIR), with a bounded page cache, sorting on disk what does not fit.

* ``clusters``: each article's clusters, keyed as ``merge.group_key``, read back one group at
  a time (``ORDER BY key``) to merge;
* ``articles``: the metadata of the articles that tell an event (their texts are dropped);
* ``events`` and ``mentions``: the merged events and their mentions, each row the record a
  subject's triples are made from, read back ``ORDER BY`` subject for writing and validating;
* ``sources``: the articles some event reaches (for the triples no event reaches).

What stays in memory is per distinct actor: the actors' own triples, shared by many events.
A ``SpilledGraph`` answers as ``kg.graph.EventTriples`` does (the in-memory index of a list
of events), and holds its directory until ``close()``, which removes it; so does the garbage
collector or the interpreter's exit if it is never called.
"""

from __future__ import annotations

import heapq
import os
import pickle
import shutil
import sqlite3
import tempfile
import weakref
from collections import Counter, defaultdict
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from rdflib import URIRef

from .graph import (BuildInfo, alt_label_triples, article_iri, article_triples, build_triples, entity_iri,
                    cut_chunks, entity_triples, event_entities, event_iri, event_triples, events_graph,
                    mention_iri, mention_triples)
from .fileio import process_alive
from .extract.merge import Cluster, Target, _event, joined, plan_group
from .models import Article, Event

PICKLE = pickle.HIGHEST_PROTOCOL
ROWS = 512  # rows written or read at a time
CACHE_KB = 32 << 10  # SQLite's page cache of the connection that writes (and sorts)
READ_CACHE_KB = 4 << 10  # and of each that only reads, in order
ARTICLES_PER_QUERY = 500  # below SQLite's limit on the parameters of one statement
LARGE_GROUP = 2000  # clusters of one key merged in memory; a larger group is merged from disk (LargeGroup)
REST_PER_PART = 5000  # articles no event reaches, validated this many at a time

SCHEMA = """
CREATE TABLE clusters (key BLOB NOT NULL, dated INTEGER NOT NULL, precision INTEGER NOT NULL, date TEXT NOT NULL,
                       article TEXT NOT NULL, start INTEGER NOT NULL, family TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE articles (s TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE events (s TEXT NOT NULL, mentions INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE mentions (s TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE sources (s TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX articles_s ON articles (s);
CREATE INDEX events_s ON events (s);
CREATE INDEX mentions_s ON mentions (s);
CREATE INDEX sources_s ON sources (s);
"""
# N-Triples lines sort by the subject's written form, "<iri> ": not the IRIs' order when one is a prefix of another
NT_INDEXES = """
CREATE INDEX articles_nt ON articles (s || '> ');
CREATE INDEX events_nt ON events (s || '> ');
CREATE INDEX mentions_nt ON mentions (s || '> ');
"""


class MentionNode(NamedTuple):
    """What ``graph.mention_triples`` reads of a mention: kept for each mention node instead of the whole
    Mention, which is several times larger to store and slower to read back."""

    article_id: str
    evidence: str
    start: int
    end: int
    trigger: str


ORDERS = {"term": ("s", lambda s: s), "nt": ("s || '> '", lambda s: s + "> ")}


def group_bytes(key: tuple) -> bytes:
    """``merge.group_key`` as bytes that sort as the tuples do: each participant key ends in \\x01,
    the list of them in \\x00 (shorter first, as in a tuple), then the status.

    >>> sorted([(("b",), "x"), (("a", "b"), "x"), (("a",), "y"), (("a",), "x")]) == sorted(
    ...     [(("b",), "x"), (("a", "b"), "x"), (("a",), "y"), (("a",), "x")], key=group_bytes)
    True
    """
    keys, status = key
    return b"".join(k.encode("utf-8") + b"\x01" for k in keys) + b"\x00" + status.encode("utf-8")


def spill_rows(results: list[tuple]) -> list[tuple]:
    """``pipeline.extract_chunk``'s results as the rows a ``SpilledGraph`` keeps, made where the
    articles are extracted (in the workers): (article, dropped partial, its row or None, its
    clusters' rows), the clusters keyed by ``group_bytes`` and told with their article's language."""
    out = []
    for article, keyed, dropped in results:
        if not keyed:  # an article without events is counted, not kept
            out.append((article, dropped, None, ()))
            continue
        lang = article.language or "ar"
        clusters = [(group_bytes(key), *_sort_columns(cluster, dated),
                     pickle.dumps((cluster, dated, article.id, lang), PICKLE)) for key, cluster, dated in keyed]
        out.append((article, dropped, (str(article_iri(article.id)), pickle.dumps(article, PICKLE)), clusters))
    return out


def _sort_columns(c, dated: bool) -> tuple:
    """What ``merge.merge_group`` sorts a cluster by: dated, the length of its date, its date,
    and ``merge._order`` (its first telling's article and offset, its family)."""
    first = min(c.mentions, key=lambda m: (m.article_id, m.start))
    date = c.date.value if dated else ""
    return int(dated), len(date), date, first.article_id, first.start, c.family


def connect(path: Path | str, cache_kb: int = CACHE_KB) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA cache_size = -{cache_kb}")
    conn.execute("PRAGMA temp_store = FILE")
    return conn


def _remove(conn: sqlite3.Connection, folder: str) -> None:
    try:
        conn.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def clean_stale_spills(where: str | Path | None = None, prefix: str = "kg-build-") -> list[Path]:
    """Remove the folders of builds that were killed (SIGKILL, power loss) before they could remove
    their own: ``kg-build-<pid>-…`` whose process is gone. Folders of running builds stay."""
    removed = []
    for p in Path(where or tempfile.gettempdir()).glob(prefix + "*"):
        pid = p.name[len(prefix):].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid() or process_alive(int(pid)):
            continue
        try:
            if p.is_dir() and not p.is_symlink() and p.stat().st_uid == os.getuid():
                shutil.rmtree(p)
                removed.append(p)
        except OSError:
            pass
    return removed


class Spill:
    """A temporary directory with an SQLite database in it, removed by ``close()`` (or when collected)."""

    def __init__(self, schema: str, prefix: str = "kg-build-", where: str | Path | None = None):
        if where is None:
            clean_stale_spills(prefix=prefix)
        self.folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=where))
        try:
            self.path = self.folder / "spill.sqlite"
            self.conn = connect(self.path)
            for pragma in ("journal_mode = OFF", "synchronous = OFF", "locking_mode = NORMAL"):
                self.conn.execute(f"PRAGMA {pragma}")
            self.conn.executescript(schema)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self._finalizer = weakref.finalize(self, _remove, self.conn, str(self.folder))

    def close(self) -> None:
        self._finalizer()

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive

    def rows(self, sql: str, params: Iterable = (), own: bool = True) -> Iterator[tuple]:
        """The rows of a query, on a connection of its own (so that two threads may read at once),
        or (``own=False``) on the one that writes, so that it may write while reading."""
        conn = connect(self.path, READ_CACHE_KB) if own else self.conn
        try:
            cursor = conn.execute(sql, tuple(params))
            while batch := cursor.fetchmany(ROWS):
                yield from batch
        finally:
            if own:
                conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Spool(Spill):
    """Text pieces sorted by a (graph, subject) key on disk: the TriG writer's named graphs."""

    def __init__(self, where: str | Path | None = None):
        super().__init__("CREATE TABLE pieces (g TEXT NOT NULL, s TEXT NOT NULL, text TEXT NOT NULL);",
                         prefix="kg-spool-", where=where)
        self.pending: list[tuple] = []

    def add(self, g: str, s: str, text: str) -> None:
        self.pending.append((g, s, text))
        if len(self.pending) >= ROWS:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.conn.executemany("INSERT INTO pieces VALUES (?, ?, ?)", self.pending)
            self.pending = []

    def __iter__(self) -> Iterator[tuple[str, str]]:
        """(g, text) ordered by g, then s."""
        self.flush()
        return self.rows("SELECT g, text FROM pieces ORDER BY g, s")


class SpilledGraph(Spill):
    """A build's clusters, then its events and the triples they make, on disk.

    Filled in three steps: ``add_extracted`` for each batch of extraction results (in input
    order), ``merge()`` once every article is read, then ``seal(build)``. It then tells its
    triples as ``EventTriples`` does: ``described`` (every subject with its triples, in order),
    ``chunks`` and ``rest_parts`` (for validation), and ``graph()`` (the whole rdflib Graph,
    in memory, for what needs one).
    """

    def __init__(self, where: str | Path | None = None):
        super().__init__(SCHEMA, where=where)
        self.dropped_partial = 0
        self.event_count = 0
        self.by_type: Counter = Counter()
        self.undated = (0, 0)
        self.build: BuildInfo | None = None
        self.fixed: dict[URIRef, dict] = {}  # actors and the build: few, and shared by many events
        self.reached: set = set()  # the actors some event links to
        self._actors: set = set()
        self._pending: dict[str, list] = defaultdict(list)

    # ---------------------------------------------------------------- filling

    def _insert(self, table: str, row: tuple) -> None:
        if not self.conn.in_transaction:  # one transaction until the next full flush: no commit per batch
            self.conn.execute("BEGIN")
        rows = self._pending[table]
        rows.append(row)
        if len(rows) >= ROWS:
            self._flush(table)

    def _flush(self, table: str | None = None) -> None:
        """Write the rows pending for ``table``; for every table (and commit them), without one."""
        for name in [table] if table else list(self._pending):
            rows = self._pending.pop(name, None)
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                self.conn.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
        if table is None and self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def add_extracted(self, batch: list[tuple]) -> None:
        """One batch of ``pipeline.extract_chunk`` results: (article, keyed clusters, dropped partial)."""
        self.add_rows(spill_rows(batch))

    def add_rows(self, batch: list[tuple]) -> None:
        """One batch of ``spill_rows``, in input order."""
        for _, dropped, article, clusters in batch:
            self.dropped_partial += dropped
            if article is not None:
                self._insert("articles", article)
            for row in clusters:
                self._insert("clusters", row)

    def groups(self) -> Iterator[tuple[bytes, list | None, dict]]:
        """The clusters of each key, in the order of the keys: (key, [(cluster, dated)], {article id: language});
        a group of more than ``LARGE_GROUP`` clusters comes as (key, None, {}), to be merged from disk."""
        self._flush()
        self.conn.execute("CREATE INDEX IF NOT EXISTS clusters_key ON clusters (key)")  # sorts the keys, not the rows
        sizes = self.rows("SELECT key, count(*) FROM clusters GROUP BY key ORDER BY key", own=False)
        rows = self.rows("SELECT key, data FROM clusters WHERE key IN (SELECT key FROM clusters GROUP BY key "
                         "HAVING count(*) <= ?) ORDER BY key, rowid", (LARGE_GROUP,), own=False)
        small = groupby(rows, key=itemgetter(0))
        for key, size in sizes:
            if size > LARGE_GROUP:
                yield key, None, {}
                continue
            _, group = next(small)
            items, languages = [], {}
            for _, data in group:
                cluster, dated, article_id, lang = pickle.loads(data)
                items.append((cluster, dated))
                languages[article_id] = lang
            yield key, items, languages

    def merge(self) -> None:
        """Merge each group (``merge.merge_group``) and keep the events it gives, one group at a time."""
        from .extract.merge import merge_group

        undated = left = 0
        for key, items, languages in self.groups():
            if items is None:
                events, (u, n) = LargeGroup(self, key).merge()
            else:
                events, (u, n) = merge_group(items)
            undated, left = undated + u, left + n
            for e, langs in events if items is None else ((e, languages) for e in events):
                self.add_event(e, langs)
        self._flush()
        self.undated = (undated, left)

    def add_event(self, e: Event, languages: dict[str, str]) -> None:
        """One merged event: its node's and its mentions' records, and its actors' triples (once each)."""
        node = event_iri(e)
        self._insert("events", (str(node), len(e.mentions), pickle.dumps(e, PICKLE)))
        self.event_count += 1
        self.by_type[e.type] += 1
        # an actor's triples depend only on the entity (its surface form only on the alternative label),
        # and a few thousand actors recur in every event: each is made once
        for ent in event_entities(e):
            if ent not in self._actors:
                self._actors.add(ent)
                self.reached.add(entity_iri(ent))
                self._keep(entity_triples(ent))
        for m in e.mentions:
            lang = languages.get(m.article_id) or "ar"
            record = (m.article_id, m.evidence, m.start, m.end, m.trigger, str(node), lang)
            self._insert("mentions", (str(mention_iri(m, node)), pickle.dumps(record, PICKLE)))
            self._insert("sources", (str(article_iri(m.article_id)),))
            for p in m.participants:
                if (p, p.surface) not in self._actors:
                    self._actors.add((p, p.surface))
                    self._keep(alt_label_triples((p,)))

    def _keep(self, triples) -> None:
        for s, p, o in triples:
            self.fixed.setdefault(s, {}).setdefault(p, set()).add(o)

    def seal(self, build: BuildInfo | None = None, nt: bool = False) -> None:
        """Done filling: the build record, and the indexes the readers go by (``nt``: for N-Triples order too)."""
        self._flush()
        self.build = build
        if build is not None:
            self._keep(build_triples(build, self.event_count))
        self.conn.executescript(INDEXES + (NT_INDEXES if nt else ""))

    # ---------------------------------------------------------------- reading

    def described(self, order: str = "term") -> Iterator[tuple[URIRef, dict]]:
        """Every subject once, with its predicates (each with the set of its objects), sorted as
        ``export.term_key`` sorts IRIs (``order="term"``) or as N-Triples lines sort (``"nt"``)."""
        expr, key = ORDERS[order]
        streams = [
            ((s, 0, d) for s, d in self.rows(f"SELECT s, data FROM events ORDER BY {expr}, rowid")),
            ((s, 1, d) for s, d in self.rows(f"SELECT s, data FROM mentions ORDER BY {expr}, rowid")),
            ((s, 2, d) for s, d in self.rows(f"SELECT s, data FROM articles ORDER BY {expr}, rowid")),
            ((str(s), 3, s) for s in sorted(self.fixed, key=lambda s: key(str(s)))),
        ]
        for s, rows in groupby(heapq.merge(*streams, key=lambda row: key(row[0])), key=itemgetter(0)):
            preds: dict = {}
            for _, kind, data in rows:
                for _, p, o in self._triples(kind, data):
                    preds.setdefault(p, set()).add(o)
            yield URIRef(s), preds

    def _triples(self, kind: int, data) -> Iterator[tuple]:
        if kind == 0:
            return event_triples(pickle.loads(data))
        if kind == 1:
            *m, node, lang = pickle.loads(data)
            return mention_triples(MentionNode(*m), URIRef(node), lang)
        if kind == 2:
            return article_triples(pickle.loads(data))
        return ((data, p, o) for p, objs in self.fixed[data].items() for o in objs)

    def spool(self) -> Spool:
        return Spool(self.folder)

    def _articles(self, iris: list[str]) -> list[Article]:
        """The articles of these IRIs, in the order of the IRIs."""
        found = []
        for i in range(0, len(iris), ARTICLES_PER_QUERY):
            part = iris[i:i + ARTICLES_PER_QUERY]
            found += self.rows(f"SELECT s, data FROM articles WHERE s IN ({', '.join('?' * len(part))})", part)
        found.sort(key=itemgetter(0))
        return [pickle.loads(data) for _, data in found]

    def chunks(self, events_per_chunk: int) -> Iterator[tuple[list, list, dict]]:
        """Plain data for ``graph.chunk_triples``, as ``EventTriples.chunks`` cuts it (``graph.cut_chunks``):
        runs of event IRIs, in their order, with the articles and the actors' triples they link to."""
        rows = self.rows("SELECT s, mentions, data FROM events ORDER BY s, rowid")
        for chunk in cut_chunks(rows, events_per_chunk):
            yield self._chunk([pickle.loads(data) for data in chunk])

    def chunk_count(self, events_per_chunk: int) -> int:
        rows = self.rows("SELECT s, mentions, NULL FROM events ORDER BY s, rowid")
        return sum(1 for _ in cut_chunks(rows, events_per_chunk))

    def _chunk(self, events: list[Event]) -> tuple[list, list, dict]:
        arts = sorted({str(article_iri(m.article_id)) for e in events for m in e.mentions})
        actors = {entity_iri(x) for e in events for x in event_entities(e)}
        return events, self._articles(arts), {node: self.fixed[node] for node in sorted(actors)}

    def rest_parts(self) -> Iterator[list[tuple]]:
        """The triples no event reaches (the build record, actors only named in a mention, articles
        whose every telling was left out), with what they link to, a part at a time."""
        todo, seen, triples = sorted(s for s in self.fixed if s not in self.reached), set(), []
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            for p, objs in self.fixed[n].items():
                for o in objs:
                    triples.append((n, p, o))
                    if isinstance(o, URIRef) and o in self.fixed and o not in self.reached:
                        todo.append(o)
        unreached = self.rows("SELECT data FROM articles WHERE s NOT IN (SELECT s FROM sources) ORDER BY s, rowid")
        for i, (data,) in enumerate(unreached, 1):
            triples.extend(article_triples(pickle.loads(data)))
            if i % REST_PER_PART == 0:
                yield triples
                triples = []
        if triples:
            yield triples

    def all_events(self) -> list[Event]:
        """Every event, in ``merge.merge_groups``' order (in memory: for callers that want the list)."""
        from .extract.merge import event_order

        rows = [(i, pickle.loads(d)) for i, (d,) in enumerate(self.rows("SELECT data FROM events ORDER BY rowid"))]
        rows.sort(key=lambda row: (event_order(row[1]), row[0]))
        return [e for _, e in rows]

    def all_articles(self) -> list[Article]:
        """The articles that tell an event, in the order they were read (in memory)."""
        return [pickle.loads(d) for (d,) in self.rows("SELECT data FROM articles ORDER BY rowid")]

    def graph(self):
        """The one rdflib Graph of it all, in memory: for what only rdflib writes (RDF/XML) and
        what needs the whole graph at once (``kg build --neo4j``, ``BuildResult.graph``)."""
        return events_graph(self.all_events(), self.all_articles(), self.build)


class LargeGroup:
    """``merge.merge_group`` of one key whose clusters are too many to hold: the same plan
    (``merge.plan_group``) over the clusters streamed from disk, keeping of each cluster that others
    join only its family, date and articles, and of the others only which one they joined. Each event is then made from its clusters, read back
    one event at a time, so memory holds the largest event, not the group. In a corpus of news
    every article may add to one group (a summit whose leaders are not named, "on the sidelines of a
    regional summit", has no participants: its key is empty), which would otherwise grow with the corpus.
    """

    def __init__(self, store: SpilledGraph, key: bytes):
        self.store, self.key = store, key

    def _clusters(self, where: str, order: str) -> Iterator[tuple[int, Cluster]]:
        sql = f"SELECT rowid, data FROM clusters WHERE key = ? AND {where} ORDER BY {order}"
        for rowid, data in self.store.rows(sql, (self.key,), own=False):
            yield rowid, pickle.loads(data)[0]

    def merge(self) -> tuple[Iterator[tuple[Event, dict]], tuple[int, int]]:
        """(the events, made one at a time, each with its articles' languages; (undated events,
        undated mentions left out))."""
        targets, counts = self._plan()
        return (self._event(t) for t in targets), counts

    def _plan(self) -> tuple[list[Target], tuple[int, int]]:
        """Which clusters join which (``merge.plan_group``), each known here by its rowid."""
        return plan_group(self._clusters("dated = 1", "precision DESC, date, article, start, family, rowid"),
                          self._clusters("dated = 0", "article, start, family, rowid"))

    def _event(self, t: Target) -> tuple[Event, dict]:
        """The event of a target, from its clusters read back in the order they joined it."""
        rows = {}
        for i in range(0, len(t.handles), ARTICLES_PER_QUERY):
            part = t.handles[i:i + ARTICLES_PER_QUERY]
            sql = f"SELECT rowid, data FROM clusters WHERE rowid IN ({', '.join('?' * len(part))})"
            rows.update(self.store.rows(sql, part, own=False))
        languages, clusters = {}, []
        for rowid in t.handles:
            cluster, _, article_id, lang = pickle.loads(rows.pop(rowid))
            languages[article_id] = lang
            clusters.append(cluster)
        return _event(joined(t, clusters)), languages
