"""A real Neo4j 5 Community server for the tests: tools/neo4j's launcher, on 127.0.0.1, auth on, data in a temp dir.

``make test`` builds the launcher (``mvn -f tools/neo4j/pom.xml package``:
Neo4j 5.26 from Maven Central, then offline from Maven's local repository);
the ``neo4j`` fixture starts it once per session. The password is made here,
handed to the server in its environment, and never printed.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from kg.neo4j_load import BoltRunner, Neo4jSettings

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools" / "neo4j"
TARGET = TOOLS / "target"
BUILD = f"mvn -B -q -f {TOOLS.relative_to(ROOT)}/pom.xml package"
HEAP = os.environ.get("KG_NEO4J_HEAP", "1g")


def command(home: Path, port: int) -> list[str]:
    """The launcher's command line (tools/neo4j/run: no password in it, that goes in the environment)."""
    return [str(TOOLS / "run"), str(home), str(port)]


def built() -> str | None:
    """Why the server cannot start here, or None when it can."""
    if not shutil.which("java"):
        return "no java on PATH: Neo4j 5 needs Java 17"
    if not shutil.which("bash"):
        return "no bash on PATH for tools/neo4j/run"
    if not (TARGET / "classes" / "kg" / "neo4j" / "Server.class").is_file() or not (TARGET / "lib").is_dir():
        return f"the Neo4j launcher is not built: run `{BUILD}` (make test does)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Neo4jServer:
    """Neo4j 5 on 127.0.0.1 with its data in ``home``; ``crash`` kills it, ``restart`` recovers from ``home``."""

    def __init__(self, home: Path | None = None, heap: str = HEAP, page_cache_mb: int = 256,
                 config: dict[str, str] | None = None):
        self.home = home or Path(tempfile.mkdtemp(prefix="kg-neo4j-"))
        self.home.mkdir(parents=True, exist_ok=True)
        self.heap = heap
        self.page_cache_mb = page_cache_mb
        self.config = dict(config or {})  # further Neo4j settings (name -> value)
        self.password = secrets.token_urlsafe(18)
        self.port = 0
        self.proc: subprocess.Popen | None = None
        self._err = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @staticmethod
    def version() -> str:
        """The Neo4j version tools/neo4j builds (from its pom.xml)."""
        import re

        return re.search(r"<neo4j.version>([^<]+)<", (TOOLS / "pom.xml").read_text(encoding="utf-8")).group(1)

    def start(self, timeout: float = 120) -> "Neo4jServer":
        self.port = free_port()
        self._err = open(self.home / "server.err", "ab")
        env = {**os.environ, "NEO4J_PASSWORD": self.password, "KG_NEO4J_HEAP": self.heap,
               "KG_NEO4J_PAGECACHE_MB": str(self.page_cache_mb),
               "KG_NEO4J_SETTINGS": " ".join(f"{k}={v}" for k, v in sorted(self.config.items()))}
        self.proc = subprocess.Popen(command(self.home / "dbms", self.port), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self._err, env=env)
        line = self.proc.stdout.readline()  # "ready bolt://..." once Bolt answers, or EOF if it died
        if not line.startswith(b"ready"):
            self.proc.wait(timeout)
            raise RuntimeError(f"Neo4j did not start (exit {self.proc.returncode}):\n{self.log()[-3000:]}")
        return self

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log(self) -> str:
        text = ""
        for path in (self.home / "server.err", self.home / "dbms" / "logs" / "debug.log"):
            if path.exists():
                text += path.read_text(encoding="utf-8", errors="replace")[-5000:]
        return text

    def crash(self) -> None:
        """SIGKILL the JVM, as a power cut would: what was committed is on disk, nothing else."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(30)
        self._close_streams()

    def restart(self) -> "Neo4jServer":
        """Start again on the same data (recovering from the transaction log); ``uri`` changes."""
        if self.alive():
            raise RuntimeError("the server is still running: crash() or stop() it first")
        return self.start()

    def stop(self, remove: bool = True) -> None:
        """Stop the server; its data is removed unless ``remove`` is False (then it is shut down cleanly first)."""
        if remove and self.alive():
            self.crash()  # nothing to keep: no need to wait for a clean shutdown
        if self.proc is not None and self.proc.poll() is None:
            self.proc.stdin.close()  # the launcher shuts down cleanly when its input ends
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._close_streams()
        if remove:
            shutil.rmtree(self.home, ignore_errors=True)

    def _close_streams(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout, self._err) if self.proc else ():
            if stream and not stream.closed:
                try:
                    stream.close()
                except OSError:
                    pass

    def settings(self, **kw) -> Neo4jSettings:
        """Loader settings for this server, with its password."""
        base = dict(uri=self.uri, user="neo4j", password=self.password, retry_seconds=5, connect_timeout=10)
        return Neo4jSettings(**{**base, **kw})

    def bolt(self, **kw) -> BoltRunner:
        return BoltRunner(self.settings(**kw))


def wipe(runner) -> None:
    runner.run("MATCH (n) DETACH DELETE n", write=True)


def start_or_skip(**kw) -> Neo4jServer:
    """A started server; in CI a missing build fails the test run, elsewhere it skips saying why."""
    why = built()
    if why:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    return Neo4jServer(**kw).start()


@pytest.fixture(scope="session")
def neo4j():
    """One Neo4j 5 for the whole session."""
    server = start_or_skip()
    yield server
    server.stop()


@pytest.fixture
def bolt(neo4j):
    """A Bolt connection through the official neo4j driver, to an empty database."""
    if not neo4j.alive():
        pytest.fail("the Neo4j server died earlier in the session:\n" + neo4j.log()[-3000:])
    runner = neo4j.bolt()
    wipe(runner)
    yield runner
    runner.close()
