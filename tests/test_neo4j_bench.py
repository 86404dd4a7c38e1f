"""A tiny run of bench/bench_neo4j_load.py on the session's Neo4j: it still runs, against rdflib-neo4j too,
and writes only its own section of the results."""

import argparse
import importlib.util
import os

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.neo4j


def bench_module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def results_file(tmp_path):
    """A results file with another benchmark's section, which a run must keep."""
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\n<!-- bench:other:start -->\nkeep me\n<!-- bench:other:end -->\n",
                       encoding="utf-8")
    return results


def test_benchmark_smoke_run(neo4j, tmp_path):
    pytest.importorskip("rdflib_neo4j", reason="the peer loader is not installed (pip install -e '.[bench]')")
    bench, results = bench_module("bench_neo4j_load"), results_file(tmp_path)
    args = argparse.Namespace(articles=[40], sweep=[1000], no_peer=False, work=tmp_path / "work", results=results)
    assert bench.run(args, shared=neo4j) == 0
    text = results.read_text(encoding="utf-8")
    assert "keep me" in text and text.count(bench.START) == 1 and text.count(bench.END) == 1
    row = next(line for line in text.splitlines() if line.startswith("| 40 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert len(cells) == 12 and cells[9].endswith(" s") and float(cells[11]) > 0
    assert f"on {os.cpu_count()} cores" in text and "Neo4j 5.26." in text
    assert "Command: `python bench/bench_neo4j_load.py --articles 40 --sweep 1000`" in text


def test_server_rate_smoke_run(neo4j, tmp_path):
    """bench/bench_neo4j_ceiling.py stores a small graph with the plainest Cypher and reports its own section."""
    bench, results = bench_module("bench_neo4j_ceiling"), results_file(tmp_path)
    args = argparse.Namespace(articles=[30], work=tmp_path / "work", results=results)
    assert bench.run(args, shared=neo4j) == 0
    text = results.read_text(encoding="utf-8")
    assert "keep me" in text and text.count(bench.START) == 1 and text.count(bench.END) == 1
    row = next(line for line in text.splitlines() if line.startswith("| 30 |"))
    nodes, node_rate, rels, rel_rate, both = (float(c.strip().replace(",", "")) for c in row.strip("|").split("|")[1:6])
    assert nodes > 0 and rels > 0 and node_rate > 0 and rel_rate > 0 and both > 0
    assert "Command: `python bench/bench_neo4j_ceiling.py --articles 30`" in text
