"""Load event graphs into Neo4j idempotently, version by version, and read them back.

The property-graph model is ``kg.neo4j_model``'s. Writing goes:

1. a uniqueness constraint on ``(:Resource {uri})``, before any write;
2. a read of every stored node's digest (``node_digests``: its labels,
   properties and the relationships it owns) and number of relationships; a
   node whose both are the graph's is exactly what the graph says, and so is
   what it owns;
3. a probe of the other nodes (labels, properties, and for events and mentions
   their number of relationships) and of their relationships; the events that
   differ anywhere, and those stored as reported in one of the graph's
   articles but no longer in it, are snapshotted;
4. ``UNWIND $rows`` batches (``batch_rows`` rows, each an explicit write
   transaction that rolls back whole on failure and is retried on transient
   errors) that CREATE the nodes not stored, each with the relationships it
   owns and its digest, MERGE the changed ones, then MERGE the missing or
   changed relationships; every write is idempotent, so a retried batch does
   no harm;
5. for the new graph's articles, the new graph is the truth: facts of touched
   events that it no longer states are deleted, and an event that no stored
   article reports any more is removed; then the digests of the nodes not
   created with theirs are written, and the example queries' indexes made;
6. a second snapshot, compared with the first, tells which events changed.

Every query is parameterized; labels and relationship types are written into
query text only from the model's tables (the ontology), never from data.
The library never prints; errors are ``KgError`` subclasses.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import re
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, Iterable, Iterator, Protocol
from urllib.parse import urlsplit, urlunsplit

from rdflib import Graph

from . import __version__
from .errors import ConnectionFailed, GraphReadError, KgError, ServerError
from .neo4j_model import (DATE_PROPERTIES, RELATIONSHIPS, RESOURCE, Node, PropertyGraph, Rel, all_labels,
                          oxigraph_triples, property_graph, rdflib_triples, relationship_types, to_property_graph,
                          to_rdf)

# relationships an event owns: replaced whenever a newer graph states the event
OWNED = ("PARTICIPATED_IN", "TOOK_PLACE_IN", "ORGANIZED_BY")
# relationships that point from the RDF object to the subject: the subject, their end, is their owner in a digest
OWNED_BY_END = frozenset(t for t, reverse in RELATIONSHIPS.values() if reverse)
DIGEST = "kgDigest"  # the node property holding ``node_digests``; not part of the model, never read back
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
INSTALL_HINT = "the neo4j driver is missing: pip install 'neo4j>=5.20'"


class CommitUnknown(ConnectionFailed):
    """The connection was lost while a transaction was committing: it may or may not be stored.

    The driver never retries such a transaction (a CREATE run twice would
    store its rows twice); the loader asks the server whether the batch is
    there before it sends it again.
    """


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and how to connect, and how big a batch may be; the password is never shown."""

    uri: str = "bolt://localhost:7687"
    user: str = "neo4j"
    password: str | None = field(default=None, repr=False)
    database: str | None = None
    batch_rows: int = 5000
    batch_bytes: int | None = None  # no limit: Neo4j takes messages of any size
    retry_seconds: float = 30.0
    connect_timeout: float = 15.0

    @property
    def safe_uri(self) -> str:
        return safe_uri(self.uri)


def safe_uri(uri: str) -> str:
    """The URI without any user name or password in it.

    >>> safe_uri("bolt://neo4j:secret@db.example:7687")
    'bolt://db.example:7687'
    """
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<unparsable uri>"
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


# ---------------------------------------------------------------- runners


class Runner(Protocol):
    """Runs one parameterized Cypher query in its own transaction and returns its records as dicts."""

    def run(self, query: str, params: dict | None = None, *, write: bool = False) -> list[dict]: ...

    def close(self) -> None: ...


def _work(tx, query: str, params: dict) -> list[dict]:
    return tx.run(query, params).data()


class BoltRunner:
    """The official neo4j driver: managed transactions (retried on transient errors), one session."""

    def __init__(self, settings: Neo4jSettings):
        try:
            import neo4j
            from neo4j import exceptions
        except ImportError as exc:  # pragma: no cover - neo4j is a dependency
            raise ConnectionFailed(INSTALL_HINT) from exc
        self.settings = settings
        self._exceptions = exceptions
        self._worked = False  # a query went through: a later connection failure is a lost connection
        if urlsplit(settings.uri).scheme not in BOLT_SCHEMES:
            raise ConnectionFailed(f"{settings.safe_uri} is not a Bolt address; use bolt://HOST:7687 or neo4j://HOST:7687 "
                                   f"(schemes: {', '.join(BOLT_SCHEMES)})")
        auth = (settings.user, settings.password) if settings.password else None
        try:
            self.driver = neo4j.GraphDatabase.driver(
                settings.uri, auth=auth, user_agent=f"kg/{__version__}",
                connection_timeout=settings.connect_timeout,
                max_transaction_retry_time=settings.retry_seconds,
                notifications_min_severity="OFF")  # planner hints about absent labels on a fresh database
        except Exception as exc:  # ConfigurationError, ValueError: a malformed URI or option
            raise ConnectionFailed(f"{settings.safe_uri} is not a usable Bolt address ({self._reason(exc)}); "
                                   "use bolt://HOST:7687 or neo4j://HOST:7687") from None
        try:
            self.driver.verify_connectivity()
        except Exception as exc:
            self.driver.close()
            raise self._connection_error(exc) from None
        self.session = self.driver.session(database=settings.database) if settings.database else self.driver.session()

    def _reason(self, exc: BaseException) -> str:
        """The useful part of a driver message: the innermost reason, on one line, without the password."""
        lines = [x.strip() for x in (getattr(exc, "message", None) or str(exc)).splitlines() if x.strip()]
        text = lines[-1] if lines else type(exc).__name__
        inner = re.search(r"\(reason (.+)\)\s*$", text)
        text = inner.group(1) if inner else text
        if self.settings.password:
            text = text.replace(self.settings.password, "***")
        return text[:300]

    def _connection_error(self, exc: BaseException) -> KgError:
        ex, where = self._exceptions, self.settings.safe_uri
        if isinstance(exc, ex.AuthError):
            return ConnectionFailed(f"{where} refused the user name or password; "
                                    "set --user/--password or NEO4J_USERNAME/NEO4J_PASSWORD")
        if isinstance(exc, ex.ClientError) and "DatabaseNotFound" in (exc.code or ""):
            return ConnectionFailed(f"{where} has no database {self.settings.database!r}; "
                                    "set --database or NEO4J_DATABASE to an existing one")
        if isinstance(exc, ex.Neo4jError):
            return ConnectionFailed(f"{where} refused the connection ({self._reason(exc)}); "
                                    "check --user/--password and that the server speaks Bolt 5")
        if self._worked:
            return ConnectionFailed(f"lost the connection to {where} ({self._reason(exc)})")
        return ConnectionFailed(f"cannot reach a Neo4j server at {where} ({self._reason(exc)}); "
                                "start one (docker compose -f docker/docker-compose.yml up -d) "
                                "or point --uri / NEO4J_URI at it")

    def run(self, query: str, params: dict | None = None, *, write: bool = False) -> list[dict]:
        ex = self._exceptions
        fn = self.session.execute_write if write else self.session.execute_read
        try:
            records = fn(_work, query, params or {})
            self._worked = True
            return records
        except ex.IncompleteCommit as exc:
            raise CommitUnknown(f"lost the connection to {self.settings.safe_uri} while a transaction was "
                                f"committing ({self._reason(exc)})") from None
        except (ex.ServiceUnavailable, ex.SessionExpired, ex.AuthError, OSError) as exc:
            raise self._connection_error(exc) from None
        except ex.ClientError as exc:
            if "DatabaseNotFound" in (exc.code or ""):
                raise self._connection_error(exc) from None
            raise ServerError(f"the server rejected a query ({exc.code}): {self._reason(exc)}") from None
        except ex.Neo4jError as exc:
            raise ServerError(f"the server failed a query ({exc.code}): {self._reason(exc)}") from None
        except ex.DriverError as exc:
            raise ConnectionFailed(f"the connection to {self.settings.safe_uri} failed ({self._reason(exc)})") from None

    def close(self) -> None:
        try:
            self.session.close()
        finally:
            self.driver.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def connect(settings: Neo4jSettings) -> BoltRunner:
    """An open connection to the server ``settings`` names; raises ConnectionFailed with what to fix."""
    return BoltRunner(settings)


# ---------------------------------------------------------------- batching


def row_bytes(row: Any) -> int:
    """About how many bytes a row takes on the wire (UTF-8 JSON overestimates PackStream a little)."""
    return len(json.dumps(row, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8"))


def batches(rows: Iterable[Any], max_rows: int, max_bytes: int | None, fixed: int = 0) -> Iterator[list]:
    """Rows in lists of at most ``max_rows`` rows and ``max_bytes`` bytes (``fixed`` for the query itself).

    >>> [len(b) for b in batches(["aaaa"] * 5, max_rows=10, max_bytes=20)]
    [2, 2, 1]
    >>> [len(b) for b in batches(["aaaa"] * 5, max_rows=2, max_bytes=None)]
    [2, 2, 1]
    """
    if not max_bytes:  # rows only: sizing each row costs more than it saves
        rows = list(rows)
        yield from (rows[i:i + max_rows] for i in range(0, len(rows), max_rows))
        return
    batch: list = []
    size = fixed
    for row in rows:
        n = row_bytes(row) + 1
        if fixed + n > max_bytes:
            raise KgError(f"one row takes {fixed + n} bytes with its query, over the batch limit of {max_bytes} "
                          f"bytes; raise --batch-bytes (row starts {json.dumps(row, ensure_ascii=False)[:80]})")
        if batch and (len(batch) >= max_rows or size + n > max_bytes):
            yield batch
            batch, size = [], fixed
        batch.append(row)
        size += n
    if batch:
        yield batch


class _Writer:
    """Sends one query over many rows, batch by batch, and counts what it sent."""

    def __init__(self, runner: Runner, settings: Neo4jSettings):
        self.runner = runner
        self.settings = settings
        self.batches = 0

    def each(self, query: str, rows: list, *, write: bool = True, check: str | None = None) -> list[dict]:
        """Run ``query`` over ``rows`` batch by batch; ``check`` counts how many of a batch's rows are stored,
        for writes that must not run twice (see ``_send``)."""
        out: list[dict] = []
        fixed = len(query.encode("utf-8")) + 64
        for batch in batches(rows, self.settings.batch_rows, self.settings.batch_bytes, fixed):
            out.extend(self._send(query, batch, write, check))
            self.batches += 1
        return out

    def _send(self, query: str, batch: list, write: bool, check: str | None) -> list[dict]:
        """One batch; when its commit's outcome is unknown, ``check`` tells whether it is stored (a batch is
        one transaction: all of its rows or none) and it is sent again only if it is not."""
        try:
            return self.runner.run(query, {"rows": batch}, write=write)
        except CommitUnknown:
            if check is None:
                raise
        found = self.runner.run(check, {"rows": batch})[0]["n"]
        if found == len(batch):
            return []
        if found:
            raise ServerError(f"{found} of the {len(batch)} rows of a batch whose commit was cut off are stored: "
                              "another client is writing the same graph; load it again when it is done")
        return self.runner.run(query, {"rows": batch}, write=write)


# ---------------------------------------------------------------- queries (labels and types from the model only)


def _labels(labels: Iterable[str]) -> str:
    known = all_labels()
    bad = [label for label in labels if label not in known]
    if bad:
        raise ValueError(f"not a model label: {bad}")  # unreachable from data: labels come from the ontology
    return "".join(f":{label}" for label in labels)


def _rel_type(type_: str) -> str:
    if type_ not in relationship_types():
        raise ValueError(f"not a model relationship type: {type_!r}")
    return type_


def node_query(labels: tuple[str, ...], bare: bool = False, new: bool = False,
               owned: tuple[tuple[str, bool], ...] = ()) -> str:
    """The write for nodes with exactly these labels: CREATE for ``new`` nodes (none stored under their uri
    when the load began), else MERGE.

    CREATE needs no lookup, and the uniqueness constraint still refuses a
    second node for a uri. A new node's ``owned`` relationships, (type, with
    properties) pairs, are created in the same statement, from the node just
    made: only their other end is looked up, and the node is never stored
    without them (its digest, see ``node_digests``, says it has them).
    In a MERGE the labels are in the pattern, not SET
    afterwards: ``relabel_query`` has already given every stored node the
    labels it is merged with; a node whose properties are already the row's is
    not written again, so reloading an unchanged graph writes (and logs) nothing.
    """
    pattern = f"(n:{RESOURCE}{'' if bare else _labels(labels)}"
    if new:
        # += and not =: a new node has only its uri, and = would take the uri (and its index entry) away first
        lines = [f"UNWIND $rows AS r\nCREATE {pattern} {{uri: r.uri}})" + ("" if bare else "\nSET n += r.props")]
        if owned:
            lines.append("WITH n, r")
        for type_, props in owned:
            t = _rel_type(type_)
            arrow = f"(b)-[y:{t}]->(n)" if t in OWNED_BY_END else f"(n)-[y:{t}]->(b)"
            if props:
                lines.append(f"CALL (n, r) {{ UNWIND coalesce(r.{t}, []) AS x MATCH (b:{RESOURCE} {{uri: x.o}}) "
                             f"CREATE {arrow} SET y = x.props }}")
            else:
                lines.append(f"CALL (n, r) {{ UNWIND coalesce(r.{t}, []) AS o MATCH (b:{RESOURCE} {{uri: o}}) "
                             f"CREATE {arrow} }}")
        return "\n".join(lines)
    lines = ["UNWIND $rows AS r", f"MERGE {pattern} {{uri: r.uri}})"]
    if not bare:
        lines += ["WITH n, r WHERE properties(n) <> r.props", "SET n = r.props"]
    return "\n".join(lines)


def relabel_query(stale: tuple[str, ...], missing: tuple[str, ...]) -> str:
    """Fix the labels of stored nodes whose class changed (an event retyped by a newer build)."""
    lines = ["UNWIND $rows AS u", f"MATCH (n:{RESOURCE} {{uri: u}})"]
    if stale:
        lines.append(f"REMOVE n{_labels(stale)}")
    if missing:
        lines.append(f"SET n{_labels(missing)}")
    return "\n".join(lines)


def rel_query(type_: str, props: bool = True, new: bool = False) -> str:
    """The write for relationships of one type: CREATE for ``new`` ones (an end was not stored when the load
    began, so none can be), else MERGE, which leaves one that already has the row's properties alone.
    Both ends are found through the uniqueness constraint's index. Without ``props`` (no row of the type has
    any) there is nothing to set."""
    head = (f"UNWIND $rows AS r\nMATCH (a:{RESOURCE} {{uri: r.s}})\nMATCH (b:{RESOURCE} {{uri: r.o}})\n"
            f"{'CREATE' if new else 'MERGE'} (a)-[x:{_rel_type(type_)}]->(b)")
    if not props:
        return head
    return head + ("\nSET x += r.props" if new else "\nWITH x, r WHERE properties(x) <> r.props\nSET x = r.props")


def stored_query(type_: str | None = None) -> str:
    """How many rows of a batch are stored: nodes by uri, or relationships of ``type_`` by their ends."""
    if type_ is None:
        return f"UNWIND $rows AS r\nMATCH (n:{RESOURCE} {{uri: r.uri}})\nRETURN count(DISTINCT n) AS n"
    return (f"UNWIND $rows AS r\nMATCH (:{RESOURCE} {{uri: r.s}})-[x:{_rel_type(type_)}]->(:{RESOURCE} {{uri: r.o}})\n"
            "RETURN count(DISTINCT x) AS n")


def delete_rel_query(type_: str) -> str:
    return (f"UNWIND $rows AS r\nMATCH (a:{RESOURCE} {{uri: r.s}})-[x:{_rel_type(type_)}]->(b:{RESOURCE} {{uri: r.o}})\n"
            "DELETE x")


ANY_STORED = f"MATCH (n:{RESOURCE}) RETURN n.uri AS uri LIMIT 1"
COUNT_STORED = f"MATCH (n:{RESOURCE}) RETURN count(n) AS n"
# every node's digest and number of relationships, in one streamed read (or, ``_OF``, those of some nodes)
# (collected into one list: the driver spends far more on a record than on a list item)
DIGESTS = f"MATCH (n:{RESOURCE})\nRETURN collect([n.uri, n.{DIGEST}, COUNT {{ (n)--() }}]) AS rows"
DIGESTS_OF = (f"UNWIND $rows AS u\nMATCH (n:{RESOURCE} {{uri: u}})\n"
              f"RETURN collect([n.uri, n.{DIGEST}, COUNT {{ (n)--() }}]) AS rows")
STAMP = f"UNWIND $rows AS r\nMATCH (n:{RESOURCE} {{uri: r.uri}})\nSET n.{DIGEST} = r.d"
DELETE_NODES = f"UNWIND $rows AS u\nMATCH (n:{RESOURCE} {{uri: u}})\nDETACH DELETE n"
DELETE_ORPHANS = f"UNWIND $rows AS u\nMATCH (n:{RESOURCE} {{uri: u}})\nWHERE NOT (n)--()\nDELETE n"
# a node whose every relationship is about to be deleted (``dying`` of them), deleted before they are: see ``load``
DELETE_DOOMED = (f"UNWIND $rows AS r\nMATCH (n:{RESOURCE} {{uri: r.uri}})\nOPTIONAL MATCH (n)-[x]-()\n"
                 "WITH n, r, count(x) AS degree\nWHERE degree <= r.dying\nDETACH DELETE n")
# every stored node of the graph, and whether it already is exactly what the graph says: labels, properties
# and (for events and mentions, whose relationships make their view) how many relationships it has
EXISTING = (f"UNWIND $rows AS r\nMATCH (n:{RESOURCE} {{uri: r.uri}})\nWITH n, r, labels(n) AS have\n"
            "RETURN n.uri AS uri, have AS labels, r.props IS NULL OR (properties(n) = r.props "
            "AND size(have) = size(r.labels) + 1 AND all(x IN r.labels WHERE x IN have) "
            "AND (r.degree IS NULL OR COUNT { (n)--() } = r.degree)) AS same")


def stored_rels_query(type_: str, incoming: bool) -> str:
    """The stored relationships of one type that leave (or, ``incoming``, reach) a batch of nodes: one index
    seek per node, where looking each relationship up by both its ends takes two per relationship."""
    a, b = (f"(a:{RESOURCE})", f"(b:{RESOURCE} {{uri: u}})") if incoming else (f"(a:{RESOURCE} {{uri: u}})",
                                                                          f"(b:{RESOURCE})")
    return (f"UNWIND $rows AS u\nMATCH {a}-[x:{_rel_type(type_)}]->{b}\n"
            "RETURN a.uri AS s, b.uri AS o, properties(x) AS props")
REPORTED_IN = (f"UNWIND $rows AS u\nMATCH (e:Event)-[:REPORTED_IN]->(a:{RESOURCE} {{uri: u}})\n"
               "RETURN DISTINCT e.uri AS uri")
_NODE_FIELDS = "properties(n) AS props, labels(n) AS labels"
READ_NODES = f"UNWIND $rows AS u\nMATCH (n:{RESOURCE} {{uri: u}})\nRETURN {_NODE_FIELDS}"
READ_ALL_NODES = f"MATCH (n:{RESOURCE})\nRETURN {_NODE_FIELDS}"
READ_ALL_RELS = (f"MATCH (a:{RESOURCE})-[x]->(b:{RESOURCE})\n"
                 "RETURN a.uri AS s, type(x) AS type, b.uri AS o, properties(x) AS props")
READ_OUT = (f"UNWIND $rows AS u\nMATCH (a:{RESOURCE} {{uri: u}})-[x]->(b:{RESOURCE})\n"
            "RETURN a.uri AS s, type(x) AS type, b.uri AS o, properties(x) AS props")
READ_IN = (f"UNWIND $rows AS u\nMATCH (a:{RESOURCE})-[x]->(b:{RESOURCE} {{uri: u}})\n"
           "RETURN a.uri AS s, type(x) AS type, b.uri AS o, properties(x) AS props")
COUNT_NODES = (f"MATCH (n:{RESOURCE}) RETURN count(n) AS n, "
               f"sum(size(keys(n)) - CASE WHEN n.{DIGEST} IS NULL THEN 0 ELSE 1 END) AS props")
COUNT_RELS = f"MATCH (:{RESOURCE})-[x]->(:{RESOURCE}) RETURN count(x) AS n, sum(size(keys(x))) AS props"

CONSTRAINT = f"CREATE CONSTRAINT kg_resource_uri IF NOT EXISTS FOR (n:{RESOURCE}) REQUIRE n.uri IS UNIQUE"
# what queries/*.cypher look things up by: actors and places by name, Arabic name or Wikidata id, events by date
NAMES = ("name", "name_ar", "wikidata")
LOOKUPS = {"Actor": NAMES, "Person": NAMES, "Place": NAMES, "Event": ("date",)}
INDEXES = {f"kg_{label.lower()}_{key}": f"CREATE INDEX kg_{label.lower()}_{key} IF NOT EXISTS FOR (n:{label}) ON (n.{key})"
           for label, keys in LOOKUPS.items() for key in keys}
INDEX_NAMES = "SHOW INDEXES YIELD name RETURN collect(name) AS names"


def ensure_key(runner: Runner) -> str:
    """Make ``(:Resource {uri})`` unique before any write (the indexes for the example queries are made
    after the data, ``_load``).

    Returns 'constraint'. Neo4j's own message says why when the user may not
    change the schema (it needs e.g. the admin or architect role).
    """
    _schema(runner, (CONSTRAINT,))
    return "constraint"


def ensure_indexes(runner: Runner) -> None:
    """Index what the example queries look up (``LOOKUPS``): those not there yet, found with one read, so
    that a reload does not spend a write transaction on each index it already has."""
    try:
        have = set(runner.run(INDEX_NAMES)[0]["names"])
    except ServerError:  # a user who may not list indexes: each is created "IF NOT EXISTS"
        have = set()
    _schema(runner, (query for name, query in INDEXES.items() if name not in have))


def _schema(runner: Runner, queries: Iterable[str]) -> None:
    for query in queries:
        try:
            runner.run(query, write=True)
        except ServerError as exc:
            raise ServerError(f"{exc}; kg load needs a user allowed to create constraints and indexes") from None


def stored_digests(runner: Runner, pg: PropertyGraph, settings: Neo4jSettings) -> dict[str, tuple[str | None, int]]:
    """(stored digest, number of relationships) of every node of ``pg`` that is stored: all nodes read in one
    streamed query, unless the database holds many more than the graph (then looked up by uri)."""
    if runner.run(COUNT_STORED)[0]["n"] > 4 * len(pg.nodes) + 10_000:
        found = _Writer(runner, settings).each(DIGESTS_OF, sorted(pg.nodes), write=False)
    else:
        found = runner.run(DIGESTS)
    nodes = pg.nodes
    return {uri: (d, n) for record in found for uri, d, n in record["rows"] if uri in nodes}


# ---------------------------------------------------------------- reading


def _value(key: str, value):
    """A property as the model holds it: dates (Neo4j ``date`` values) as ISO text."""
    if key in DATE_PROPERTIES and hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _node(record: dict) -> Node:
    props = {k: _value(k, v) for k, v in (record["props"] or {}).items() if v is not None and k != DIGEST}
    uri = props.pop("uri")
    return Node(uri, frozenset(label for label in record["labels"] if label != RESOURCE), props)


def _rel(record: dict) -> Rel:
    return Rel(record["s"], record["type"], record["o"], tuple(sorted((record["props"] or {}).items())))


def read_nodes(runner: Runner, uris: Iterable[str], settings: Neo4jSettings) -> dict[str, Node]:
    nodes = (_node(r) for r in _Writer(runner, settings).each(READ_NODES, sorted(uris), write=False))
    return {n.uri: n for n in nodes}


def read_rels(runner: Runner, uris: Iterable[str], settings: Neo4jSettings, *, incoming: bool = False) -> set[Rel]:
    rows = _Writer(runner, settings).each(READ_IN if incoming else READ_OUT, sorted(uris), write=False)
    return {_rel(r) for r in rows}


def read_back(runner: Runner) -> PropertyGraph:
    """Every ``:Resource`` node and the relationships between them (two streamed queries).

    Not paged with ``WHERE n.uri > $after``: some servers order strings
    differently in an index than in ORDER BY, which makes keyset paging skip
    or repeat nodes.
    """
    nodes = (_node(r) for r in runner.run(READ_ALL_NODES))
    return PropertyGraph({n.uri: n for n in nodes}, {_rel(r) for r in runner.run(READ_ALL_RELS)})


def export_graph(runner: Runner) -> tuple[Graph, Counter]:
    """The stored graph as RDF under the kg ontology, and a count of what the model does not know (left out)."""
    return to_rdf(read_back(runner))


@dataclass(frozen=True)
class Counts:
    nodes: int
    relationships: int
    properties: int


def counts(runner: Runner) -> Counts:
    """How many ``:Resource`` nodes, relationships between them, and properties on both are stored."""
    n = runner.run(COUNT_NODES)[0]
    r = runner.run(COUNT_RELS)[0]
    return Counts(int(n["n"] or 0), int(r["n"] or 0), int((n["props"] or 0) + (r["props"] or 0)))


# ---------------------------------------------------------------- event views (what "changed" compares)


@dataclass
class EventView:
    """An event as stored: its node, its relationships, its mentions and theirs."""

    node: Node
    rels: set[Rel]
    mentions: dict[str, Node]
    mention_rels: set[Rel]

    def fingerprint(self) -> str:
        def norm(v):
            return sorted(v) if isinstance(v, (list, tuple, set, frozenset)) else v

        def node(n: Node):
            return [n.uri, sorted(n.labels), sorted((k, norm(v)) for k, v in n.props.items())]

        def rels(rs: set[Rel]):
            return [[r.start, r.type, r.end, [list(p) for p in r.props]] for r in sorted(rs)]

        return json.dumps([node(self.node), rels(self.rels), [node(m) for _, m in sorted(self.mentions.items())],
                           rels(self.mention_rels)], ensure_ascii=False, default=list)

    def sources(self) -> set[str]:
        return {r.end for r in self.rels if r.type == "REPORTED_IN" and r.start == self.node.uri}

    def article_of(self, mention: str) -> str | None:
        return next((r.end for r in self.mention_rels if r.start == mention and r.type == "IN_ARTICLE"), None)


def views_of(pg: PropertyGraph, uris: Iterable[str]) -> dict[str, EventView]:
    """Event views of a property graph, as ``read_events`` would read them once it is stored."""
    uris = set(uris)
    if not uris:
        return {}
    rels: dict[str, set[Rel]] = {u: set() for u in uris}
    out: dict[str, set[Rel]] = {}
    for r in pg.rels:
        for end in (r.start, r.end):
            if end in rels:
                rels[end].add(r)
        out.setdefault(r.start, set()).add(r)
    views = {}
    for u in uris:
        ms = {r.end for r in rels[u] if r.type == "HAS_MENTION" and r.start == u}
        views[u] = EventView(pg.nodes[u], rels[u], {m: pg.nodes[m] for m in ms},
                             {r for m in ms for r in out.get(m, ())})
    return views


def read_events(runner: Runner, uris: Iterable[str], settings: Neo4jSettings) -> dict[str, EventView]:
    uris = sorted(set(uris))
    if not uris:
        return {}
    nodes = read_nodes(runner, uris, settings)
    rels = read_rels(runner, uris, settings) | read_rels(runner, uris, settings, incoming=True)
    mention_uris = {r.end for r in rels if r.type == "HAS_MENTION"}
    mentions = read_nodes(runner, mention_uris, settings)
    mention_rels = read_rels(runner, mention_uris, settings)
    by_end: dict[str, set[Rel]] = {}
    for r in rels:
        by_end.setdefault(r.start, set()).add(r)
        by_end.setdefault(r.end, set()).add(r)
    by_mention: dict[str, set[Rel]] = {}
    for r in mention_rels:
        by_mention.setdefault(r.start, set()).add(r)
    views = {}
    for uri, node in nodes.items():
        mine = by_end.get(uri, set())
        ms = {r.end for r in mine if r.type == "HAS_MENTION" and r.start == uri}
        views[uri] = EventView(node, mine, {m: mentions[m] for m in ms if m in mentions},
                               {r for m in ms for r in by_mention.get(m, ())})
    return views


# ---------------------------------------------------------------- loading


@dataclass
class LoadReport:
    """What a load did: events added, changed and removed, rows written and deleted, and the totals after."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    nodes_written: int = 0
    relationships_written: int = 0
    relationships_deleted: int = 0
    nodes_deleted: int = 0
    batches: int = 0
    key: str = ""
    seconds: float = 0.0
    totals: Counts | None = None

    def as_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k != "totals"}
        d["totals"] = self.totals.__dict__ if self.totals else None
        return d


def _row_props(node: Node) -> dict:
    """A node's properties as sent: with its uri, dates as ``datetime.date`` (sent as Neo4j ``date`` values)."""
    props = dict(node.props, uri=node.uri)
    for key in DATE_PROPERTIES:
        if key in props:
            props[key] = dt.date.fromisoformat(props[key])
    return props


def _is_bare(node: Node) -> bool:
    return not node.labels and not node.props


def owner(r: Rel) -> str:
    """The node whose RDF triple states ``r`` (its subject): the node whose digest covers it."""
    return r.end if r.type in OWNED_BY_END else r.start


def node_digests(pg: PropertyGraph) -> dict[str, str]:
    """A digest per node of what the graph states about it as a subject: its labels, its properties and the
    relationships it owns (``owner``).

    Stored with the node (``DIGEST``) only in the transaction that also stores
    those relationships, or after everything else a load writes, so a stored
    digest equal to this one, with the node's number of relationships equal to
    the graph's, means the node and what it owns need no writing.
    """
    owned: dict[str, list] = {}
    for r in pg.rels:
        if r.type in OWNED_BY_END:
            owned.setdefault(r.end, []).append((r.type, r.start, r.props))
        else:
            owned.setdefault(r.start, []).append((r.type, r.end, r.props))
    blake = hashlib.blake2b
    out = {}
    for uri, node in pg.nodes.items():
        mine = owned.get(uri)
        text = repr((sorted(node.labels), sorted(node.props.items()), sorted(mine) if mine else ()))
        out[uri] = blake(text.encode("utf-8"), digest_size=16).hexdigest()
    return out


def _degrees(pg: PropertyGraph) -> Counter:
    """Each node's number of relationships (counted in C: there are millions)."""
    degree = Counter(map(attrgetter("start"), pg.rels))
    degree.update(map(attrgetter("end"), pg.rels))
    return degree


def _levels(pg: PropertyGraph, new: set[str]) -> tuple[dict[str, int], set[str]]:
    """The order new nodes are created in with the relationships they own: a node after every new node it
    owns a relationship to (level 0 first). Nodes on or behind a cycle are left ``loose``: created without
    their relationships, which are written after all nodes."""
    waiting: Counter = Counter()  # per owner: its relationships to new nodes not yet placed
    users: dict[str, list[str]] = {}
    by_end = OWNED_BY_END
    for r in pg.rels:
        o, other = (r.end, r.start) if r.type in by_end else (r.start, r.end)
        if other in new and o in new and other != o:
            waiting[o] += 1
            users.setdefault(other, []).append(o)
    frontier = sorted(u for u in new if u not in waiting)
    level = dict.fromkeys(frontier, 0)
    while frontier:
        ready = []
        for u in frontier:
            for v in users.get(u, ()):
                waiting[v] -= 1
                if not waiting[v]:
                    level[v] = level[u] + 1
                    ready.append(v)
        frontier = ready
    return level, new - set(level)


def _node_rows(pg: PropertyGraph, stored: set[str] | frozenset = frozenset(),
               digests: dict[str, str] | None = None) -> tuple[dict[tuple, list[dict]], dict[str, int], set[str]]:
    """Node rows grouped by the query that writes them: (level, bare, labels, new, owned types); the level of
    each new node written with the relationships it owns; and the new nodes written without theirs
    (``_levels``).

    A node is new when its uri is not in ``stored``. A new node's row carries
    its digest and, under each type, the relationships it owns (their other
    end, with ``props`` for a type some relationship of the graph has any of).
    """
    order = {label: i for i, label in enumerate(sorted(all_labels()))}
    new = set(pg.nodes) - set(stored)
    level, loose = _levels(pg, new)
    if digests is None:
        digests = node_digests(pg)
    with_props = {r.type for r in pg.rels if r.props}
    by_end = OWNED_BY_END
    owned: dict[str, dict[str, list]] = {}
    for r in pg.rels:
        o, other = (r.end, r.start) if r.type in by_end else (r.start, r.end)
        if o in level:
            owned.setdefault(o, {}).setdefault(r.type, []).append(
                (other, dict(r.props)) if r.type in with_props else other)
    label_order: dict[frozenset, tuple] = {}
    grouped: dict[tuple, list[dict]] = {}
    types: dict[tuple, set[str]] = {}  # per group: the types its rows own (a row without one has no key for it)
    nodes = pg.nodes
    for uri in sorted(nodes):
        node = nodes[uri]
        bare = not node.labels and not node.props
        labels = label_order.get(node.labels)
        if labels is None:
            labels = label_order[node.labels] = tuple(sorted(node.labels, key=order.__getitem__))
        row: dict = {"uri": uri}
        if not bare:
            row["props"] = _row_props(node)
            if uri in level:
                row["props"][DIGEST] = digests[uri]
        for type_, ends in owned.get(uri, {}).items():
            if type_ in with_props:  # sorted: the set of relationships has no order of its own
                row[type_] = [{"o": o, "props": props} for o, props in sorted(ends, key=itemgetter(0))]
            else:
                row[type_] = sorted(ends)
        key = (level.get(uri, 0), bare, labels, uri in new)
        grouped.setdefault(key, []).append(row)
        if uri in owned:
            types.setdefault(key, set()).update(owned[uri])
    return ({(*key, tuple((t, t in with_props) for t in sorted(types.get(key, ())))): grouped[key]
             for key in sorted(grouped)}, level, loose)


def _probe_rows(pg: PropertyGraph, uris: Iterable[str], digest_of: dict[str, str | None]) -> list[dict]:
    """One row per node for EXISTING: what it should be once loaded (its stored digest, ``digest_of``,
    set aside: that it differs is known already)."""
    uris = sorted(uris)
    if not uris:
        return []
    degree = _degrees(pg)
    viewed = {n.uri for n in pg.with_label("Event")} | {r.end for r in pg.rels if r.type == "HAS_MENTION"}
    order = {label: i for i, label in enumerate(sorted(all_labels()))}
    rows = []
    for uri in uris:
        node = pg.nodes[uri]
        bare = _is_bare(node)
        props = None
        if not bare:
            props = _row_props(node)
            if digest_of.get(uri) is not None:
                props[DIGEST] = digest_of[uri]
        rows.append({"uri": uri, "labels": None if bare else sorted(node.labels, key=order.__getitem__),
                     "props": props, "degree": degree[uri] if uri in viewed else None})
    return rows


# a key made in C, not Rel's own order, which builds two tuples per comparison
_REL_ORDER = attrgetter("start", "end", "props")


def _rel_rows(rels: Iterable[Rel]) -> dict[str, list[dict]]:
    by_type: dict[str, list[dict]] = {}
    for r in sorted(rels, key=_REL_ORDER):
        by_type.setdefault(r.type, []).append({"s": r.start, "o": r.end, "props": dict(r.props)})
    return dict(sorted(by_type.items()))


def _rel_groups(rels: Iterable[Rel], stored: set[str] | frozenset) -> dict[tuple[str, bool], list[dict]]:
    """Relationship rows grouped by the query that writes them: (type, new), new ones first. A relationship
    is new when an end is not in ``stored``; rows carry ``props`` only where some row of the group has any."""
    groups: dict[tuple[str, bool], list[Rel]] = {}
    for r in sorted(rels, key=_REL_ORDER):
        groups.setdefault((r.type, r.start not in stored or r.end not in stored), []).append(r)
    rows = {}
    for key in sorted(groups, key=lambda k: (not k[1], k[0])):
        group = groups[key]
        if any(r.props for r in group):
            rows[key] = [{"s": r.start, "o": r.end, "props": dict(r.props)} for r in group]
        else:
            rows[key] = [{"s": r.start, "o": r.end} for r in group]
    return rows


def write(runner: Runner, pg: PropertyGraph, settings: Neo4jSettings,
          stored: set[str] | frozenset = frozenset(), digests: dict[str, str] | None = None) -> tuple[int, int, int]:
    """Write every node, then every relationship: CREATE what cannot be stored yet (a node not ``stored``
    when the load began, with the relationships it owns; a relationship with such an end), MERGE the rest;
    returns (nodes, relationships, batches). A CREATE batch whose commit is cut off is checked before it is
    sent again."""
    return _write(runner, pg, settings, stored, digests)[:3]


def _write(runner: Runner, pg: PropertyGraph, settings: Neo4jSettings, stored: set[str] | frozenset,
           digests: dict[str, str] | None) -> tuple[int, int, int, dict[str, int]]:
    """``write``, and the level of each new node written with the relationships it owns (``_levels``)."""
    w = _Writer(runner, settings)
    groups, with_owner, _ = _node_rows(pg, stored, digests)
    for (_, bare, labels, new, owned), rows in groups.items():
        w.each(node_query(labels, bare, new, owned), rows, check=stored_query() if new else None)
    by_end = OWNED_BY_END
    rest = [r for r in pg.rels if (r.end if r.type in by_end else r.start) not in with_owner]
    for (type_, new), rows in _rel_groups(rest, stored).items():
        w.each(rel_query(type_, "props" in rows[0], new), rows, check=stored_query(type_) if new else None)
    return len(pg.nodes), len(pg.rels), w.batches, with_owner


def _missing_rels(reads: _Writer, rels: list[Rel]) -> set[tuple[str, str, str]]:
    """The keys of the relationships not stored with exactly their properties. Each type is read from the
    end with more distinct nodes (fewer relationships per node: from the events for participations,
    not from the people who take part in thousands)."""
    by_type: dict[str, list[Rel]] = {}
    for r in rels:
        by_type.setdefault(r.type, []).append(r)
    missing = set()
    for type_, group in sorted(by_type.items()):
        starts, ends = {r.start for r in group}, {r.end for r in group}
        incoming = len(ends) > len(starts)
        rows = reads.each(stored_rels_query(type_, incoming), sorted(ends if incoming else starts), write=False)
        found = {_rel({**row, "type": type_}) for row in rows}
        missing |= {r.key for r in group if r not in found}
    return missing


class _Counting:
    """A runner that counts the writes that went through."""

    def __init__(self, runner: Runner):
        self.runner = runner
        self.writes = 0

    def run(self, query: str, params: dict | None = None, *, write: bool = False) -> list[dict]:
        records = self.runner.run(query, params, write=write)
        self.writes += write
        return records

    def close(self) -> None:
        self.runner.close()


@contextmanager
def few_collections():
    """No cyclic garbage collection in the block: building millions of rows, dicts and tuples that hold no
    cycle, Python would otherwise walk every one of them again and again (a third or more of the time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def load(runner: Runner, graph: Graph | PropertyGraph, settings: Neo4jSettings | None = None) -> LoadReport:
    """Load ``graph`` so that, for its articles, the database says what it says; report the events' fate.

    Every write is its own transaction, so a load cut off part-way (the server
    gone, the process killed) leaves part of the graph stored; loading the same
    graph again completes it, to exactly what one uninterrupted load gives.
    """
    settings = settings or Neo4jSettings()
    t0 = time.perf_counter()
    pg = graph if isinstance(graph, PropertyGraph) else to_property_graph(graph)
    key = ensure_key(runner)
    counting = _Counting(runner)
    try:
        with few_collections():
            report = _load(counting, pg, settings)
    except (ConnectionFailed, ServerError) as exc:
        if not counting.writes:
            raise
        raise type(exc)(f"{exc}; the load stopped after {counting.writes} write transaction(s), so the database "
                        "may hold part of this graph: load it again to complete it (loading is idempotent)") from None
    report.key = key
    report.seconds = time.perf_counter() - t0
    return report


def _load(runner: Runner, pg: PropertyGraph, settings: Neo4jSettings) -> LoadReport:
    report = LoadReport()
    w = _Writer(runner, settings)

    new_events = {n.uri for n in pg.with_label("Event")}
    articles = {n.uri for n in pg.with_label("Article")} | {
        r.end for r in pg.rels if r.type in ("REPORTED_IN", "IN_ARTICLE")}
    reads = _Writer(runner, settings)
    # into an empty database nothing needs probing: every node and relationship is new
    empty = not runner.run(ANY_STORED)
    digests = node_digests(pg)
    found = {} if empty else stored_digests(runner, pg, settings)
    # A node whose stored digest is the graph's, with as many relationships as the graph gives it, is
    # exactly what the graph says, and so is every relationship it owns: it is not probed. A node only
    # referenced (no labels, properties or relationships of its own) needs only its number of relationships.
    by_end = OWNED_BY_END
    owners = {r.end if r.type in by_end else r.start for r in pg.rels}
    referenced = {u for u, n in pg.nodes.items() if not n.labels and not n.props and u not in owners}
    exact: set[str] = set()
    if found:
        degree = _degrees(pg)
        exact = {u for u, (d, n) in found.items() if n == degree[u] and (d == digests[u] or u in referenced)}
    probe = _probe_rows(pg, set(found) - exact, {u: d for u, (d, _) in found.items()})
    existing = reads.each(EXISTING, probe, write=False) if probe else []
    stored_labels = {r["uri"]: frozenset(r["labels"]) for r in existing}  # of the nodes probed
    stored = set(stored_labels) | exact
    stored_new = new_events & stored
    # an exact node none of whose relationships is owned by an inexact one has no relationship the graph
    # does not give it: no event the graph lacks reports an article that is so
    inexact = [] if empty else [r for r in pg.rels if (r.end if r.type in by_end else r.start) not in exact]
    in_scope: set[str] = set()
    if not empty:
        unsure = {u for r in inexact for u in (r.start, r.end)}
        ask = sorted(articles - (exact - unsure))
        in_scope = {r["uri"] for r in reads.each(REPORTED_IN, ask, write=False)}

    # What the database already holds exactly is neither read nor written again: only the events that
    # differ somewhere in their view (node, relationships, mentions) are snapshotted.
    clean_nodes = {r["uri"] for r in existing if r["same"]} | exact
    if empty:
        before: dict[str, EventView] = {}
        todo = pg
    else:
        # a relationship with an end that was not stored cannot be stored, and one an exact node owns is
        # stored: only the others are looked up
        dirty_rels = {r.key for r in inexact if r.start not in stored or r.end not in stored}
        dirty_rels |= _missing_rels(reads, [r for r in inexact if r.key not in dirty_rels])
        event_of = {r.end: r.start for r in pg.rels if r.type == "HAS_MENTION"}
        dirty = {event_of.get(u, u) for u in set(pg.nodes) - clean_nodes}
        dirty |= {event_of.get(u, u) for s, _, o in dirty_rels for u in (s, o)}
        before = read_events(runner, (stored_new & dirty) | (in_scope - new_events), settings)
        todo = PropertyGraph({u: n for u, n in pg.nodes.items() if u not in clean_nodes},
                             {r for r in inexact if r.key in dirty_rels} if dirty_rels else set())

    relabel: dict[tuple, list[str]] = {}
    known_labels = all_labels()
    for uri, labels in stored_labels.items():  # an exact node has the graph's labels
        target = pg.nodes[uri].labels
        stale = tuple(sorted((labels & known_labels) - target))
        missing = tuple(sorted(target - labels))
        if target and (stale or missing):
            relabel.setdefault((stale, missing), []).append(uri)
    for (stale, missing), uris in sorted(relabel.items()):
        w.each(relabel_query(stale, missing), uris)
    report.nodes_written, report.relationships_written, n, level = _write(runner, todo, settings, stored, digests)
    report.batches += n

    new_keys = {r.key for r in pg.rels} if before else set()
    stale_rels: set[Rel] = set()
    stale_nodes: set[str] = set()
    orphans: set[str] = set()
    for uri, view in before.items():
        if uri in new_events:
            stale_rels |= {r for r in view.rels if r.type in OWNED and r.key not in new_keys}
        stale_rels |= {r for r in view.rels
                       if r.type == "REPORTED_IN" and r.start == uri and r.end in articles and r.key not in new_keys}
        for m in view.mentions:
            if m not in pg.nodes and view.article_of(m) in articles | {None}:
                stale_nodes.add(m)
        if uri not in new_events and not (view.sources() - articles):
            report.removed.append(uri)
            stale_nodes |= {uri, *view.mentions}
            orphans |= {r.start if r.end == uri else r.end for r in view.rels if r.type in OWNED}
    orphans |= {r.start if r.type == "PARTICIPATED_IN" else r.end for r in stale_rels if r.type in OWNED}
    orphans = {u for u in orphans if u not in pg.nodes and u not in stale_nodes}

    # Deleted in an order that a load cut off at any write leaves a database the next load of the same
    # graph finds every stale thing in: what finds them (an event's REPORTED_IN to these articles, its
    # HAS_MENTION, the relationships that tie an orphan-to-be to an event) is deleted last. So nodes
    # that will be left with no relationship go first (with their relationships), then stale mentions,
    # stale relationships of kept events, removed events, and last the kept events' stale REPORTED_IN.
    removed = set(report.removed)
    dying = Counter(end for key in {r.key for r in stale_rels} | {r.key for u in removed for r in before[u].rels}
                    for end in (key[0], key[2]))
    w.each(DELETE_DOOMED, [{"uri": u, "dying": dying[u]} for u in sorted(orphans)])
    w.each(DELETE_NODES, sorted(stale_nodes - removed))
    owned = {r for r in stale_rels if r.type in OWNED and r.start not in removed and r.end not in removed}
    for type_, rows in _rel_rows(owned).items():
        w.each(delete_rel_query(type_), rows)
    w.each(DELETE_NODES, sorted(removed))
    for type_, rows in _rel_rows({r for r in stale_rels - owned if r.start not in removed}).items():
        w.each(delete_rel_query(type_), rows)
    w.each(DELETE_ORPHANS, sorted(orphans))  # none left, unless a server counts relationships differently
    # last, when every node holds what it owns: the digests of the nodes that were not created with them
    # (a node rewritten by MERGE lost its digest, even one that was right: its number of relationships was not;
    # a bare node is created without properties)
    with_digest = {u for u in level if not _is_bare(pg.nodes[u])}
    stamp = sorted(u for u in pg.nodes if u not in referenced and (
        (u in todo.nodes and u not in with_digest) or (u in stored and found.get(u, (None,))[0] != digests[u])))
    w.each(STAMP, [{"uri": u, "d": digests[u]} for u in stamp])
    ensure_indexes(runner)  # after the data: each index is filled once, not updated node by node
    report.relationships_deleted = len(stale_rels)
    report.nodes_deleted = len(stale_nodes)

    # An event whose every stored fact came from this graph's articles now holds exactly what the
    # graph says: its new state is known without asking the server again.
    model_types = set(relationship_types())
    known = {u for u in stored_new & set(before)
             if before[u].sources() <= articles and {r.type for r in before[u].rels} <= model_types
             and all(before[u].article_of(m) in articles for m in before[u].mentions)}
    after = read_events(runner, set(before) - set(report.removed) - known, settings)
    after.update(views_of(pg, known))
    report.added = sorted(new_events - stored_new)
    report.changed = sorted(u for u, view in after.items() if view.fingerprint() != before[u].fingerprint())
    report.removed.sort()
    report.batches += w.batches
    report.totals = counts(runner)
    return report


def load_into(graph: Graph | PropertyGraph, settings: Neo4jSettings, runner: Runner | None = None) -> LoadReport:
    """Load a graph; the connection is opened and closed here unless one is given."""
    pg = graph if isinstance(graph, PropertyGraph) else to_property_graph(graph)  # refuse before connecting
    if runner is not None:
        return load(runner, pg, settings)
    with connect(settings) as r:
        return load(r, pg, settings)


def read_property_graph(paths: list[Path], fmt: str | None = None) -> PropertyGraph:
    """The property graph of graph files (their union), parsed by pyoxigraph.

    pyoxigraph parses about ten times faster than rdflib, and its terms go
    straight into the model: no rdflib graph of millions of triples is built
    first. A format pyoxigraph cannot read is read by rdflib.
    """
    import pyoxigraph as ox

    from .fileio import format_for, parser_reason, read_graph
    from .query import _oxi_format

    def triples():
        for path in map(Path, paths):
            name = format_for(path, fmt)
            oxi = _oxi_format(name)
            if not path.is_file() or oxi is None:
                yield from rdflib_triples(read_graph(path, fmt=fmt))  # says which file is missing
                continue
            try:
                yield from oxigraph_triples(ox.parse(path=str(path), format=oxi))
            except (SyntaxError, ValueError, OSError) as exc:
                raise GraphReadError(f"{path}: cannot be read as {name}: {parser_reason(exc)}") from exc

    with few_collections():
        return property_graph(triples())


def load_files(paths: list[Path], settings: Neo4jSettings, fmt: str | None = None,
               runner: Runner | None = None) -> LoadReport:
    """Read graph files (their union) and load them."""
    return load_into(read_property_graph(paths, fmt), settings, runner)


def export_to_file(settings: Neo4jSettings, output: Path, fmt: str | None = None,
                   runner: Runner | None = None) -> tuple[str, int, Counter]:
    """Read the stored graph back and write it as RDF; returns (format, triples, what was left out)."""
    from .export import export_graph as write_graph

    def go(r: Runner):
        graph, ignored = export_graph(r)
        return write_graph(graph, output, fmt), len(graph), ignored

    if runner is not None:
        return go(runner)
    with connect(settings) as r:
        return go(r)
