"""Outputs are replaced atomically: a run killed with SIGKILL mid-write leaves the previous file intact."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from kg.fileio import TMP_MARK, atomic_write, clean_stale_temps

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Runs the kg CLI in a process that SIGKILLs itself at the worst moment: the new
# bytes are in the temporary file, the rename has not happened yet.
KILL_AT_FSYNC = """
import os, signal, sys
os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
from kg.cli import app
app(sys.argv[1:])
"""


def kg_killed_at_fsync(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILL_AT_FSYNC, *args], capture_output=True, text=True, timeout=300)


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=300)


def temps(d: Path) -> list[Path]:
    return sorted(p for p in d.iterdir() if TMP_MARK in p.name)


def test_a_build_killed_mid_write_leaves_the_previous_graph_and_a_named_temp(tmp_path):
    out = tmp_path / "graph.ttl"
    assert kg("build", str(SEEDS), "-o", str(out), "-q", "-w", "1").returncode == 0
    before = out.read_bytes()
    killed = kg_killed_at_fsync("build", str(SEEDS), "-o", str(out), "-q", "-w", "1", "--format", "nt")
    assert killed.returncode == -signal.SIGKILL
    assert out.read_bytes() == before
    (left,) = temps(tmp_path)
    assert left.name.startswith(".graph.ttl" + TMP_MARK) and left.stat().st_size > 0
    again = kg("build", str(SEEDS), "-o", str(out), "-q", "-w", "1")
    assert again.returncode == 0, again.stderr
    assert temps(tmp_path) == [] and out.read_bytes() == before


def test_an_export_killed_mid_write_leaves_the_previous_file(seeds_graph, tmp_path):
    out = tmp_path / "g.jsonld"
    out.write_text('{"previous": true}\n', encoding="utf-8")
    killed = kg_killed_at_fsync("export", str(seeds_graph), "-o", str(out))
    assert killed.returncode == -signal.SIGKILL
    assert out.read_text(encoding="utf-8") == '{"previous": true}\n'
    assert len(temps(tmp_path)) == 1
    assert kg("export", str(seeds_graph), "-o", str(out)).returncode == 0
    assert temps(tmp_path) == [] and out.read_text(encoding="utf-8").startswith("{")


def test_kills_at_random_moments_never_leave_a_partial_file(seeds_graph, tmp_path):
    """SIGKILL at arbitrary points of a real export: the target is always the old bytes or the complete new ones."""
    out = tmp_path / "g.nt"
    out.write_bytes(b"old\n")
    complete = kg("export", str(seeds_graph), "-o", str(tmp_path / "ref.nt"))
    assert complete.returncode == 0
    new = (tmp_path / "ref.nt").read_bytes()
    for delay in (0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.5, 2.5):
        proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "export", str(seeds_graph), "-o", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = out.read_bytes()
        assert data in (b"old\n", new), f"partial file after a kill at {delay} s"
        out.write_bytes(b"old\n")
    assert kg("export", str(seeds_graph), "-o", str(out)).returncode == 0
    assert out.read_bytes() == new and temps(tmp_path) == []


def test_a_temp_of_a_running_writer_is_left_alone(tmp_path):
    target = tmp_path / "g.ttl"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        live = tmp_path / f".g.ttl{TMP_MARK}{sleeper.pid}"
        live.write_bytes(b"in progress")
        dead = tmp_path / f".g.ttl{TMP_MARK}999999999"
        dead.write_bytes(b"left by a killed run")
        atomic_write(target, b"new")
        assert target.read_bytes() == b"new"
        assert live.exists() and not dead.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
    assert clean_stale_temps(target) == [tmp_path / f".g.ttl{TMP_MARK}{sleeper.pid}"]
