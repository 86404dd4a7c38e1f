"""`kg build --dask-scheduler` on a real cluster: a `dask scheduler` and two `dask worker` processes."""

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.cli import app

distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed (pip install 'kg[dask]')")
DASK = Path(sys.executable).with_name("dask")  # the `dask` command installed with distributed


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """The address of a scheduler with two single-threaded workers, each its own process, as on a cluster."""
    if not DASK.is_file():
        pytest.skip(f"{DASK} not found: the dask command comes with dask[distributed] in this virtualenv")
    d = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{_free_port()}"
    log = (d / "cluster.log").open("w")
    cmds = [[str(DASK), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"]]
    cmds += [[str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
              "--local-directory", str(d / f"worker{i}"), "--name", f"w{i}"] for i in range(2)]
    procs = [subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT) for cmd in cmds]
    try:
        with distributed.Client(address, timeout="60s", set_as_default=False) as client:
            client.wait_for_workers(2, timeout=120)
            assert len(client.scheduler_info()["workers"]) == 2
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
        log.close()


@pytest.fixture(scope="module")
def corpus(synthetic_corpus) -> list[Path]:
    return synthetic_corpus


def test_kg_build_on_a_dask_cluster_writes_the_local_bytes(scheduler, corpus, runner, tmp_path):
    local = tmp_path / "local.ttl"
    assert build(corpus, workers=1, output=local).report.conforms
    out = tmp_path / "dask.ttl"
    result = runner.invoke(app, ["build", *map(str, corpus), "-o", str(out), "--dask-scheduler", scheduler, "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == local.read_bytes()


def test_both_workers_took_part(scheduler, corpus, tmp_path):
    with distributed.Client(scheduler, set_as_default=False) as client:
        before = client.run(lambda dask_worker: dask_worker.state.executed_count)
        result = build(corpus, dask_scheduler=scheduler, output=tmp_path / "g.nt")
        after = client.run(lambda dask_worker: dask_worker.state.executed_count)
    assert result.report.conforms and result.written == "nt"
    assert len(after) == 2 and all(after[w] > before[w] for w in after), (before, after)
