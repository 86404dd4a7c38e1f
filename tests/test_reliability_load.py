"""Reliability of `kg load` against a real Neo4j 5: interrupted loads, dead servers, hostile text.

* A load interrupted part-way (the server killed between or in the middle of
  a transaction, or the loader killed) fails cleanly; the server, restarted on
  its data, holds only committed batches; loading again over the partial
  database gives exactly what a clean load into an empty database gives.
* A newer build interrupted after *any* of its writes converges too (every
  crash point is tried).
* Values taken from articles (titles, URLs, outlets, ids, labels, evidence,
  file names) that look like Cypher or SPARQL are stored, exported and queried
  as plain text, and change nothing else.
* Passwords never show up in output or in written files, on success or failure.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import faulthandler
import io
import json
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from kg import cli
from kg.cli import app
from kg.errors import ConnectionFailed, KgError, ServerError
from kg.fileio import read_graph
from kg.graph import BuildInfo, article_iri, entity_iri, event_iri, events_graph
from kg.models import Article, DateValue, Entity, Event, Mention
from kg.neo4j_load import BoltRunner, counts, export_graph, load, read_back
from kg.neo4j_model import to_property_graph

from .conftest import ROOT
from .neo4j_server import Neo4jServer, start_or_skip, wipe
from .test_neo4j_cli import SECRET, SMALL_BATCHES, closed_port, env  # noqa: F401 (env is a fixture)
from .test_neo4j_load import A, A1, A2, B, C, CITY1, CITY2, D, ev, expected_counts, mention, synthetic
from .test_neo4j_model import assert_isomorphic

pytestmark = pytest.mark.neo4j
N_EVENTS = 200  # about 2,100 nodes and relationships: over ten batches of 80 rows (relationships go with their nodes)


# ---------------------------------------------------------------- helpers


@pytest.fixture(autouse=True)
def watchdog():
    """Fail loudly instead of hanging: the driver has no read timeout, and a test kills servers.

    After 150 s in one test, every thread's stack is printed and the test process exits with an error.
    """
    faulthandler.dump_traceback_later(150, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def one_line_error(result, code: int) -> str:
    """The CLI failed with ``code`` and said so in one line starting 'error:', without a traceback."""
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


def assert_no_duplicates(runner) -> None:
    """One node per key, one relationship per (start, type, end), and no node outside the model's key."""
    assert runner.run("MATCH (n:Resource) WITH n.uri AS u, count(n) AS c WHERE c > 1 RETURN u, c") == []
    assert runner.run("MATCH (a:Resource)-[x]->(b:Resource) WITH a.uri AS s, type(x) AS t, b.uri AS o, "
                      "count(x) AS c WHERE c > 1 RETURN s, t, o, c") == []
    assert runner.run("MATCH (n) WHERE NOT n:Resource OR n.uri IS NULL RETURN count(n) AS n") == [{"n": 0}]


def assert_same_as_clean_load(runner, reference) -> None:
    """The database holds exactly what a clean load into an empty database holds."""
    graph, clean_pg, clean_counts = reference
    assert counts(runner) == clean_counts
    assert_no_duplicates(runner)
    got = read_back(runner)
    assert set(got.nodes) == set(clean_pg.nodes)
    assert got == clean_pg
    back, ignored = export_graph(runner)
    assert not ignored
    assert_isomorphic(graph, back)


@pytest.fixture(scope="module")
def big(tmp_path_factory, neo4j):
    """A synthetic graph of a few hundred events, its Turtle file, and a clean load of it into an empty database.

    The clean load uses the CLI's SMALL_BATCHES, so its batch count is the
    number of writes such a load makes.
    """
    g = synthetic(N_EVENTS, seed=11)
    path = tmp_path_factory.mktemp("big") / "big.ttl"
    path.write_text(g.serialize(format="turtle"), encoding="utf-8")
    with neo4j.bolt() as ref:
        wipe(ref)
        report = load(ref, g, neo4j.settings(batch_rows=80))
        reference = (g, read_back(ref), counts(ref))
        wipe(ref)
    assert (reference[2].nodes, reference[2].relationships) == expected_counts(g)
    return path, reference, report.batches


@pytest.fixture
def own_neo4j(tmp_path):
    """A Neo4j of this test's own, which it may crash and restart (the session's server stays up)."""
    server = start_or_skip(home=tmp_path / "own-neo4j", heap="512m")
    yield server
    server.stop()


class KillAfterWrites:
    """Patches BoltRunner.run so that ``action`` runs just before the write after the first ``k`` writes."""

    def __init__(self, monkeypatch, k: int, action):
        self.k, self.action, self.writes, self.fired = k, action, 0, False
        original = BoltRunner.run

        def run(runner, query, params=None, *, write=False):
            if write:
                if self.writes == self.k and not self.fired:
                    self.fired = True
                    self.action()
                self.writes += 1
            return original(runner, query, params, write=write)

        monkeypatch.setattr(BoltRunner, "run", run)


def quick_retries(monkeypatch) -> None:
    """`kg load` retries a failed transaction for 30 s; a dead server needs no such patience in a test."""
    original = cli._neo4j_settings
    monkeypatch.setattr(cli, "_neo4j_settings",
                        lambda *a, **kw: dataclasses.replace(original(*a, **kw), retry_seconds=1, connect_timeout=5))


# ---------------------------------------------------------------- 1. the server dies mid-load


class CrashInTransaction:
    """Patches BoltRunner.run so that the server is SIGKILLed while data write ``k`` (0-based) is executed
    but not yet committed; notes the rows of the committed writes and of that one."""

    def __init__(self, monkeypatch, k: int, server: Neo4jServer):
        self.k, self.committed, self.uncommitted = k, [], []
        original = BoltRunner.run

        def run(runner, query, params=None, *, write=False):
            rows = (params or {}).get("rows")
            if write and rows is not None:  # a data write (schema writes come first and carry no rows)
                if len(self.committed) == self.k and not self.uncommitted:
                    tx = runner.session.begin_transaction()
                    tx.run(query, params).consume()  # the batch is written in the transaction, not committed
                    self.uncommitted = list(rows)
                    server.crash()
                else:
                    self.committed.append(list(rows))
            return original(runner, query, params, write=write)

        monkeypatch.setattr(BoltRunner, "run", run)


def test_a_server_killed_mid_transaction_keeps_only_committed_batches_and_a_second_load_completes_the_graph(
        runner, own_neo4j, big, monkeypatch, tmp_path):
    path, reference, n_batches = big
    srv = own_neo4j
    assert n_batches > 10, "the graph should need many batches"
    quick_retries(monkeypatch)
    monkeypatch.setenv("NEO4J_PASSWORD", srv.password)
    monkeypatch.chdir(tmp_path)
    settings = srv.settings(batch_rows=80, retry_seconds=1)
    secret = srv.password

    # the library: the server is SIGKILLed in the middle of the fourth data transaction (a node batch)
    with monkeypatch.context() as m:
        crash = CrashInTransaction(m, 3, srv)
        with pytest.raises(KgError) as info:
            load(BoltRunner(settings), read_graph(path), settings)
    assert isinstance(info.value, (ConnectionFailed, ServerError)), repr(info.value)
    message = str(info.value)
    assert "\n" not in message and secret not in message
    assert "load it again to complete it" in message, message  # the database holds part of the graph

    # restarted on its data, the server has the three committed batches' nodes and nothing of the fourth
    srv.restart()
    with srv.bolt() as db:
        stored = {r["u"] for r in db.run("MATCH (n:Resource) RETURN n.uri AS u")}
        lost = {row["uri"] for row in crash.uncommitted}
        assert lost and not lost & stored, "an uncommitted batch must not survive the crash"
        assert stored == {row["uri"] for rows in crash.committed for row in rows}
        assert_no_duplicates(db)

    # the command line: a crash between two transactions is one line and exit code 3
    with monkeypatch.context() as m:
        kill = KillAfterWrites(m, n_batches // 2, srv.crash)
        result = runner.invoke(app, ["load", str(path), "--uri", srv.uri, *SMALL_BATCHES])
    assert kill.fired
    line = one_line_error(result, 3)
    assert f"lost the connection to {srv.uri}" in line and "load it again" in line and secret not in line

    # the server comes back with what it had committed at the crash: part of the graph
    srv.restart()
    with srv.bolt() as db:
        partial = counts(db)
    full = reference[2]
    assert 0 < partial.nodes + partial.relationships < full.nodes + full.relationships, (partial, full)

    # loading again over the partial database gives what a clean load gives
    result = runner.invoke(app, ["load", str(path), "--uri", srv.uri, *SMALL_BATCHES, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    events = {n.uri for n in reference[1].with_label("Event")}
    assert set(report["added"]) | set(report["changed"]) == events and report["removed"] == []
    with srv.bolt() as db:
        assert_same_as_clean_load(db, reference)

    # the round trip through `kg export --from-neo4j` gives the graph back
    out = tmp_path / "back.ttl"
    result = runner.invoke(app, ["export", "--from-neo4j", "-o", str(out), "--uri", srv.uri])
    assert result.exit_code == 0, result.output
    assert_isomorphic(reference[0], read_graph(out))
    assert_secret_nowhere(tmp_path, result.output, secret=secret)


# ---------------------------------------------------------------- 2. the loader dies mid-load (the server keeps what it had)


LOADER = r"""
import os, signal, sys, threading
from kg import neo4j_load
from kg.cli import app

path, uri, k, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
original = neo4j_load.BoltRunner.run
writes = 0


def run(self, query, params=None, *, write=False):
    global writes
    if write:
        writes += 1
        if writes == k and mode == "after":  # the k-th write is committed, then the process dies
            original(self, query, params, write=write)
            os.kill(os.getpid(), signal.SIGKILL)
        if writes == k and mode == "during":  # the process dies while the k-th write is on its way
            threading.Timer(0.002, os.kill, (os.getpid(), signal.SIGKILL)).start()
    return original(self, query, params, write=write)


neo4j_load.BoltRunner.run = run
app(["load", path, "--uri", uri, "--batch-size", "80", "-q"])
"""


@pytest.mark.parametrize("mode", ["after", "during"])
def test_a_loader_killed_mid_load_leaves_a_database_that_the_next_load_completes(
        runner, env, bolt, big, mode, tmp_path):
    path, reference, n_batches = big
    proc = subprocess.run([sys.executable, "-c", LOADER, str(path), env.uri, str(n_batches // 2), mode],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stderr[-2000:])
    partial = counts(bolt)
    full = reference[2]
    assert 0 < partial.nodes + partial.relationships < full.nodes + full.relationships, (partial, full)
    assert_no_duplicates(bolt)

    result = runner.invoke(app, ["load", str(path), *SMALL_BATCHES, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    events = {n.uri for n in reference[1].with_label("Event")}
    assert set(report["added"]) | set(report["changed"]) == events and report["removed"] == []
    assert_same_as_clean_load(bolt, reference)


# ---------------------------------------------------------------- 3. a newer build interrupted after any write


class Killed(BaseException):
    """The loader's process dying: nothing after it runs (not an Exception, so nothing catches it)."""


class DiesAfter:
    """A runner that dies before the write after the first ``k``, or counts writes when ``k`` is None."""

    def __init__(self, runner, k: int | None):
        self.runner, self.k, self.writes = runner, k, 0

    def run(self, query, params=None, *, write=False):
        if write:
            if self.writes == self.k:
                raise Killed(self.writes)
            self.writes += 1
        return self.runner.run(query, params, write=write)

    def close(self):
        pass


E = Entity("Q105", "Person", "Leader 105", "الزعيم 105", "Q105")
CITY3 = Entity("Q203", "Place", "City 203", "مدينة 203", "Q203")


def old_and_new():
    """An older build of articles a1 and a2, and a newer one of both (full) or of a1 only (partial).

    The newer build removes two events of a1 (each with two mentions; D and E
    then belong to nothing), retypes one and moves it to another city (CITY1 is
    left alone), drops another's city (CITY3 too) and swaps its roles, and adds one.
    """
    e1 = ev("PhoneCall", (A, D), "2025-03-01", [mention("a1", (A, D), "اتصال أول"),
                                                mention("a1", (A, D), "اتصال أول مكرر", 20)], place=CITY2)
    e1b = ev("Meeting", (D, E), "2025-03-03", [mention("a1", (D, E), "لقاء أول", 40),
                                              mention("a1", (D, E), "لقاء أول مكرر", 60)])
    e2 = ev("PhoneCall", (A, B), "2025-03-01", [mention("a1", (A, B), "اتصال ثان", 80),
                                                mention("a2", (A, B), "اتصال", 50)], place=CITY1)
    e3 = ev("Meeting", (B, C), "2025-02", [mention("a2", (B, C), "لقاء")])
    e4 = Event("Visit", (A, C), DateValue.parse("2025-04-02"), "occurred", [mention("a1", (A, C), "زيارة", 100)],
               place=CITY3, roles={A.key: "visitor", C.key: "host"})
    old = events_graph([e1, e1b, e2, e3, e4], [A1, A2])

    e2_a1 = ev("VideoCall", (A, B), "2025-03-01", [mention("a1", (A, B), "اتصال ثان بالفيديو", 80)], place=CITY2)
    e4_new = Event("Visit", (A, C), DateValue.parse("2025-04-02"), "occurred", [mention("a1", (A, C), "زيارة", 100)],
                   roles={A.key: "host", C.key: "visitor"})
    e5 = ev("Summit", (A, B, C), "2025-05", [mention("a1", (A, B, C), "قمة", 130)], place=CITY2)
    e2_both = ev("VideoCall", (A, B), "2025-03-01", e2_a1.mentions + e2.mentions[1:], place=CITY2)
    full = events_graph([e2_both, e3, e4_new, e5], [A1, A2])
    partial = events_graph([e2_a1, e4_new, e5], [A1])
    return old, {"full rebuild": full, "a1 rebuilt": partial}


@pytest.mark.parametrize("which", ["full rebuild", "a1 rebuilt", "first load"])
def test_a_load_interrupted_after_any_write_is_completed_by_the_next(bolt, neo4j, which):
    old, newer = old_and_new()
    new = old if which == "first load" else newer[which]
    before = None if which == "first load" else old
    settings = neo4j.settings(batch_rows=2, batch_bytes=50_000_000)  # small batches: many crash points

    def start():
        wipe(bolt)
        if before is not None:
            load(bolt, before, settings)

    start()
    counter = DiesAfter(bolt, None)
    load(counter, new, settings)
    expected = read_back(bolt)
    expected_report = load(bolt, new, settings)
    assert not (expected_report.added or expected_report.changed or expected_report.removed)
    if which != "a1 rebuilt":  # every article rebuilt: the result is a clean load of the newer build
        assert_isomorphic(new, export_graph(bolt)[0])
    assert counter.writes > 10, counter.writes

    failures = []
    for k in range(counter.writes):
        start()
        with pytest.raises(Killed):
            load(DiesAfter(bolt, k), new, settings)
        load(bolt, new, settings)
        got = read_back(bolt)
        if got != expected:
            extra = sorted(set(got.nodes) - set(expected.nodes))
            missing = sorted(set(expected.nodes) - set(got.nodes))
            failures.append(f"killed after write {k}: extra nodes {extra}, missing nodes {missing}, "
                            f"extra rels {sorted(got.rels - expected.rels)[:3]}")
            continue
        again = load(bolt, new, settings)
        if again.added or again.changed or again.removed:
            failures.append(f"killed after write {k}: a further load still changes {again.as_dict()}")
    assert not failures, f"{len(failures)} of {counter.writes} crash points do not converge:\n" + "\n".join(failures)


# ---------------------------------------------------------------- 4. servers that cannot be loaded into


class LoopbackServer:
    """A TCP server on 127.0.0.1 that serves connections on a thread until the ``with`` block ends."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.settimeout(0.2)  # how often the serving loop looks at the stop flag
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        raise NotImplementedError

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join(5)
        self.listener.close()


class NotBolt(LoopbackServer):
    """A loopback TCP server that answers like an HTTP server (Neo4j's browser port, say), for a bounded time."""

    def __init__(self, reply: bytes):
        super().__init__()
        self.reply = reply

    @property
    def port(self) -> int:
        return self.listener.getsockname()[1]

    def _serve(self):
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            with conn:
                try:
                    conn.settimeout(2)
                    conn.recv(1024)
                    conn.sendall(self.reply)
                except OSError:
                    pass


@pytest.mark.parametrize("reply", [b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", b""],
                         ids=["an HTTP server", "a server that hangs up"])
def test_a_port_where_something_else_listens_is_exit_3_in_one_line(runner, seeds_graph, monkeypatch, reply,
                                                                    tmp_path):
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    never = tmp_path / "never.ttl"
    with NotBolt(reply) as other:
        uri = f"bolt://127.0.0.1:{other.port}"
        for args in (["load", str(seeds_graph)], ["export", "--from-neo4j", "-o", str(never)]):
            line = one_line_error(runner.invoke(app, [*args, "--uri", uri]), 3)
            assert uri in line and SECRET not in line
    assert not never.exists()


def test_a_non_bolt_uri_and_a_closed_port_are_one_line_errors(runner, seeds_graph):
    line = one_line_error(runner.invoke(app, ["load", str(seeds_graph), "--uri", "http://127.0.0.1:7474"]), 3)
    assert "is not a Bolt address" in line
    line = one_line_error(runner.invoke(app, ["load", str(seeds_graph), "--uri", f"bolt://127.0.0.1:{closed_port()}"]), 3)
    assert "cannot reach a Neo4j server" in line


# ---------------------------------------------------------------- 5. hostile text is data, never code

NASTY = [
    "x'}) MATCH (n) DETACH DELETE n //",
    'y"}) WITH 1 AS one MATCH (m) DETACH DELETE m RETURN one //',
    "`Resource`) SET n:`Hacked` REMOVE n.uri //`",
    '" } ; DROP GRAPH <urn:x> ; INSERT DATA { <urn:a> <urn:b> <urn:c> } #',
    "''' } ; CLEAR ALL ; #\"\"\" ; LOAD <http://evil.example/x.ttl>",
    "line one\nMATCH (n) DETACH DELETE n\r\nline three\t\\n \\' \\\" \\\\ \\u0027",
    "$rows $param {uri: 'x'} ${x} %s {{}} {0}",
    "[/] [bold]markup[/bold] <script>alert(1)</script> &amp; %(x)s",
    "\u202eRTL override\u200f عربي 😀",
]

def nasty_graph(values):
    """An event whose every text value from an article is one of ``values`` (labels, ids, titles, evidence, paths)."""
    who = Entity("name:" + values[6], "Person", values[0], values[1], None, surface=values[2])
    other = Entity("name:" + values[4], "Person", None, None, None)  # no label: the key becomes its label
    place = Entity("Q4242", "Place", values[3], values[8], "Q4242")
    art = Article(values[5], "", dt.date(2025, 6, 1), "ar", values[4], values[7], values[3])
    m = Mention(art.id, "Meeting", (who, other), values[8], 0, 10, trigger=values[6])
    e = Event("Meeting", (who, other), DateValue.parse("2025-05-30"), "occurred", [m], place=place)
    info = BuildInfo(inputs=[(values[2], "f" * 64)], articles_read=1)
    return events_graph([e], [art], info), e, art, (who, other, place)


def test_hostile_values_are_stored_and_read_back_literally_and_change_nothing_else(runner, neo4j, bolt, tmp_path):
    from kg.neo4j_load import export_to_file

    from .events_fixture import base_events, graph_of

    db, values = bolt, NASTY
    settings = neo4j.settings()
    load(db, graph_of(base_events().values()), settings)  # bystanders
    db.run("CREATE (:Canary {note: 'must survive'})", write=True)
    before = read_back(db)
    totals = "MATCH (n) OPTIONAL MATCH (n)-[x]->() RETURN count(DISTINCT n) AS n, count(x) AS r"
    before_totals = db.run(totals)[0]

    g, event, art, (who, other, place) = nasty_graph(values)
    pg = to_property_graph(g)
    assert not set(pg.nodes) & set(before.nodes)
    report = load(db, g, settings)
    assert report.added == [str(event_iri(event))] and not report.removed and not report.changed

    # everything that was there is there, unchanged; what is new is exactly the graph
    stored = read_back(db)
    assert {u: n for u, n in stored.nodes.items() if u not in pg.nodes} == before.nodes
    assert set(stored.nodes) == set(before.nodes) | set(pg.nodes)
    assert stored.rels == before.rels | pg.rels
    assert db.run(totals)[0] == {"n": before_totals["n"] + len(pg.nodes), "r": before_totals["r"] + len(pg.rels)}
    assert db.run("MATCH (c:Canary) RETURN c.note AS note") == [{"note": "must survive"}]
    assert db.run("MATCH (n:Hacked) RETURN count(n) AS n") == [{"n": 0}]

    # the values, read back exactly, and matched exactly by the server itself
    for uri, node in pg.nodes.items():
        assert stored.nodes[uri] == node, uri
    a = db.run("MATCH (a:Article {uri: $u}) RETURN a.articleId AS id, a.title AS t, a.url AS url, a.outlet AS o",
               {"u": str(article_iri(art.id))})
    assert a == [{"id": values[5], "t": values[7], "url": values[4], "o": values[3]}]
    p = db.run("MATCH (p:Person {uri: $u}) RETURN p.name AS en, p.name_ar AS ar, p.aliases_ar AS aka",
               {"u": str(entity_iri(who))})
    assert p == [{"en": values[0], "ar": values[1], "aka": [values[2]]}]
    matched = set()
    for uri, node in pg.nodes.items():
        for key, value in node.props.items():  # keys are the model's property names, safe in query text
            test = "$v IN n.%s" % key if isinstance(value, list) else "n.%s = $v" % key
            for v in value if isinstance(value, list) else [value]:
                if v in values:
                    found = db.run(f"MATCH (n:Resource) WHERE {test} RETURN n.uri AS u", {"v": v})
                    assert found == [{"u": uri}], (uri, key, v, found)
                    matched.add(v)
    assert matched == set(values)

    # loading again changes nothing; the export holds the graph as it was
    again = load(db, g, settings)
    assert not (again.added or again.changed or again.removed)
    out = tmp_path / "back.ttl"
    export_to_file(settings, out, runner=db)
    back = read_graph(out)
    assert not [t for t in g if t not in back]

    # and SPARQL over the export returns them as plain strings, whatever they say
    q = "SELECT ?s ?p ?v WHERE { ?s ?p ?v FILTER(isLiteral(?v)) }"
    for fmt in ("json", "csv"):
        result = runner.invoke(app, ["query", str(out), q, "--format", fmt])
        assert result.exit_code == 0, result.output
        if fmt == "json":
            found = {b["v"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]}
        else:
            text = result.stdout_bytes.decode("utf-8")  # (result.stdout turns CR LF into LF)
            found = {row[2] for row in list(csv.reader(io.StringIO(text, newline="")))[1:]}
        assert not [v for v in values if v not in found], fmt
    q = "SELECT ?t WHERE { <%s> kg:title ?t }" % article_iri(art.id)
    result = runner.invoke(app, ["query", str(out), q, "--format", "json"])
    assert [b["t"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]] == [values[7]]
    assert neo4j.alive()


def test_the_query_table_shows_values_as_they_are(runner, tmp_path):
    """Rich's markup is not applied to data: '[bold]' stays text and '[/]' does not crash the table."""
    for value in ("[/]", "[bold]b[/bold]", "[red]x"):
        g = events_graph([], [Article("t", "", None, "ar", None, value, None)])
        path = tmp_path / "t.ttl"
        path.write_text(g.serialize(format="turtle"), encoding="utf-8")
        result = runner.invoke(app, ["query", str(path), "SELECT ?t WHERE { ?a kg:title ?t }"])
        assert result.exit_code == 0, (value, result.output, result.exception)
        assert value in result.stdout, (value, result.stdout)


HOSTILE_ARTICLE = ("أجرى الرئيس الصيني شي جين بينغ اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين يوم 20 يناير 2025، "
                   "وبحثا العلاقات الثنائية.")


@pytest.mark.parametrize("how", ["kg build --neo4j", "kg build, then kg load"])
def test_an_article_with_hostile_metadata_goes_through_build_load_export_and_query(
        runner, env, bolt, tmp_path, how):
    """A JSON Lines article naming two known leaders, with a crafted id, title, url, outlet and file name."""
    from kg.neo4j_load import export_to_file

    values = NASTY
    record = {"id": values[0], "text": HOSTILE_ARTICLE, "published": "2025-01-21",
              "title": values[3] + " / " + values[5], "url": values[4], "outlet": values[7]}
    src = tmp_path / "in"
    src.mkdir()
    jsonl = src / "x'\"}) DETACH DELETE n $rows `Resource` {x}.jsonl"
    jsonl.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    over_bolt = how.endswith("--neo4j")
    db = bolt
    db.run("CREATE (:Canary {note: 'must survive'})", write=True)
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(src), "-o", str(out), "-w", "1",
                                 *(["--neo4j", *SMALL_BATCHES] if over_bolt else [])])
    assert result.exit_code == 0, result.output
    assert "events           1 (PhoneCall 1)" in result.output
    if not over_bolt:
        result = runner.invoke(app, ["load", str(out), *SMALL_BATCHES, "-q"])
        assert result.exit_code == 0, result.output
    g = read_graph(out)
    assert counts(db).nodes == expected_counts(g)[0]
    assert db.run("MATCH (c:Canary) RETURN c.note AS note") == [{"note": "must survive"}]
    row = db.run("MATCH (a:Article) RETURN a.articleId AS id, a.title AS t, a.url AS u, a.outlet AS o")
    assert row == [{"id": values[0], "t": record["title"].strip(), "u": values[4], "o": values[7]}]
    assert db.run("MATCH (i:InputFile) RETURN i.path AS p") == [{"p": str(jsonl)}]
    back = tmp_path / "back.ttl"
    export_to_file(env.settings(), back, runner=db)
    assert_isomorphic(g, read_graph(back))
    result = runner.invoke(app, ["query", str(back), "SELECT ?id ?t WHERE { ?a kg:articleId ?id ; kg:title ?t }",
                                 "--format", "json"])
    b = json.loads(result.stdout)["results"]["bindings"]
    assert [(x["id"]["value"], x["t"]["value"]) for x in b] == [(values[0], record["title"].strip())]


def test_error_messages_are_printed_as_text(runner, tmp_path):
    missing = tmp_path / "[/]missing.ttl"
    for args in (["load", str(missing)], ["query", str(missing), "ASK {}"]):
        line = one_line_error(runner.invoke(app, args), 2)
        assert str(missing) in line


def test_export_names_unknown_properties_literally(runner, env, bolt, tmp_path):
    """What `kg export --from-neo4j` leaves out is named from the database, so it is printed as text."""
    bolt.run("CREATE (:Resource {uri: 'urn:x', `[/]odd`: 1})", write=True)
    result = runner.invoke(app, ["export", "--from-neo4j", "-o", str(tmp_path / "x.ttl")])
    assert result.exit_code == 0, (result.output, result.exception)
    assert "left out 1 × property [/]odd" in result.output


# ---------------------------------------------------------------- 6. kg query only reads


@pytest.mark.parametrize("update, keyword", [
    ("insert data { <urn:a> <urn:b> <urn:c> }", "INSERT"),
    ("CLEAR ALL", "CLEAR"),
    ("clear default", "CLEAR"),
    ("CREATE GRAPH <urn:g>", "CREATE"),
    ("ADD DEFAULT TO <urn:g>", "ADD"),
    ("MOVE <urn:a> TO <urn:b>", "MOVE"),
    ("COPY DEFAULT TO <urn:g>", "COPY"),
    ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
    ("DROP SILENT GRAPH <urn:g>", "DROP"),
    ("BASE <http://example.org/>\nPREFIX : <x#>\n# SELECT * {}\nDELETE DATA { <a> <b> <c> }", "DELETE"),
    ("# a comment\r\nload <http://example.org/x.ttl>", "LOAD"),
    ("# a comment ending in a carriage return\rINSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT"),
    ("PREFIX ex: # a comment between the parts of a prefix\n <http://example.org/>\nDROP ALL", "DROP"),
])
def test_more_updates_are_refused_by_name(runner, update, keyword, tmp_path):
    from .events_fixture import base_events, write

    path = write(base_events().values(), tmp_path / "g.ttl")
    before = path.read_bytes()
    result = runner.invoke(app, ["query", str(path), update])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {keyword} is a SPARQL Update; kg query only reads"), result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize("hidden", [
    "SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "ASK { ?s ?p ?o } DROP ALL",
    "\ufeffINSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "SELECT * WHERE { ?s ?p ?o }\n;\nCLEAR ALL",
])
def test_updates_hidden_after_a_query_are_refused_too(runner, hidden, tmp_path):
    from .events_fixture import base_events, write

    path = write(base_events().values(), tmp_path / "g.ttl")
    before = path.read_bytes()
    result = runner.invoke(app, ["query", str(path), hidden])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error: ") and "Traceback" not in result.output
    assert path.read_bytes() == before


def test_update_words_inside_a_read_query_are_just_text(runner, tmp_path):
    from .events_fixture import base_events, write

    path = write(base_events().values(), tmp_path / "g.ttl")
    q = 'SELECT ("DROP ALL ; INSERT DATA {}" AS ?x) WHERE {}  # CLEAR ALL'
    result = runner.invoke(app, ["query", str(path), q, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"]["bindings"] == [{"x": {"type": "literal", "value": "DROP ALL ; INSERT DATA {}"}}]
    result = runner.invoke(app, ["query", str(path), "# a comment ending in a carriage return\rASK { ?s ?p ?o }"])
    assert result.exit_code == 0 and result.stdout.strip() == "true", result.output


# ---------------------------------------------------------------- 7. passwords are never shown or written


def assert_secret_nowhere(folder: Path, *outputs: str, secret: str = SECRET) -> None:
    assert not [o for o in outputs if secret in o]
    leaks = [p for p in folder.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]
    assert not leaks, leaks


def test_the_password_is_never_echoed_on_success(runner, neo4j, bolt, seeds_graph, tmp_path, monkeypatch):
    """The server's real password, given as an option or in NEO4J_PASSWORD, shows up in no output and no file."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setenv("NEO4J_URI", neo4j.uri)
    secret = neo4j.password
    outputs = []
    for how in ("option", "variable"):
        wipe(bolt)
        option = ["--password", secret] if how == "option" else []
        if how == "variable":
            monkeypatch.setenv("NEO4J_PASSWORD", secret)
        out = tmp_path / how / "g.ttl"
        runs = [
            ["build", str(ROOT / "seeds"), "-o", str(out), "--neo4j", "-w", "1", *SMALL_BATCHES, *option],
            ["load", str(out), *SMALL_BATCHES, "--json", *option],
            ["load", str(out), *SMALL_BATCHES, "--list", *option],
            ["export", "--from-neo4j", "-o", str(tmp_path / how / "back.ttl"), *option],
            ["export", "--from-neo4j", "-o", str(tmp_path / how / "back.jsonld"), *option],
        ]
        for args in runs:
            result = runner.invoke(app, args)
            assert result.exit_code == 0, (args, result.output)  # auth is on: the password was sent and taken
            outputs.append(result.output)
        assert_isomorphic(read_graph(out), read_graph(tmp_path / how / "back.ttl"))
    assert_secret_nowhere(tmp_path, *outputs, secret=secret)


def test_the_password_is_never_echoed_on_failure(runner, seeds_graph, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    uri = f"bolt://127.0.0.1:{closed_port()}"
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "-o", str(out), "--neo4j", "--uri", uri, "-w", "1",
                                 "--password", SECRET])
    assert result.exit_code == 3, result.output
    assert f"error: cannot reach a Neo4j server at {uri}" in result.output and "Traceback" not in result.output
    assert out.is_file()  # the graph is written before loading is tried
    outputs = [result.output]
    for args in (["load", str(out), "--uri", uri, "--password", SECRET, "--json"],
                 ["export", "--from-neo4j", "-o", str(tmp_path / "x.ttl"), "--uri", f"bolt://u:{SECRET}@127.0.0.1:1"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 3, result.output
        outputs.append(result.output)
    assert_secret_nowhere(tmp_path, *outputs)
