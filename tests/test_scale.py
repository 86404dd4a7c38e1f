"""Parallel and distributed builds give exactly the bytes of a one-process build."""

import sys
from pathlib import Path

import pytest

from kg.build import build, serialize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from gen_articles import generate  # noqa: E402


@pytest.fixture(scope="module")
def corpus(synthetic_corpus) -> list[Path]:
    return synthetic_corpus


@pytest.fixture(scope="module")
def one_process(corpus) -> bytes:
    result = build(corpus, workers=1)
    assert result.report.conforms
    assert len(result.events) > 300
    return serialize(result.graph)


def test_two_workers_give_identical_bytes(corpus, one_process):
    assert serialize(build(corpus, workers=2).graph) == one_process


def test_dask_local_cluster_gives_identical_bytes(corpus, one_process):
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as cluster:
        result = build(corpus, dask_scheduler=cluster.scheduler_address)
    assert serialize(result.graph) == one_process


def test_generator_is_deterministic(tmp_path):
    a, b = generate(20, tmp_path / "a.jsonl", seed=5), generate(20, tmp_path / "b.jsonl", seed=5)
    assert a.read_bytes() == b.read_bytes()
