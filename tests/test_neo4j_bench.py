"""A tiny run of bench/bench_neo4j_load.py: it still runs and writes only its own section of the results."""

import importlib.util

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.falkordb


def test_benchmark_smoke_run(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_neo4j_load", ROOT / "bench" / "bench_neo4j_load.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\n<!-- bench:other:start -->\nkeep me\n<!-- bench:other:end -->\n",
                       encoding="utf-8")
    assert bench.main(["--events", "150", "--sweep-events", "60", "--bolt-events", "20",
                       "--results", str(results)]) == 0
    text = results.read_text(encoding="utf-8")
    assert "keep me" in text and text.count(bench.START) == 1 and text.count(bench.END) == 1
    assert "(chosen)" in text and "nodes/s" in text and "over Bolt" in text
    assert f"on {__import__('os').cpu_count()} cores" in text
    assert "Command: `python bench/bench_neo4j_load.py --events 150" in text
