"""Shared fixtures: paths, the CLI runner and the seeds' graph (built once)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"  # the team's reference data, beside a working copy (not in a clone)
SEED_GOLD = SEEDS / "gold.json"  # a copy of the shared seed gold, shipped so a clone's tests need nothing outside it
SHARED_SEED_GOLD = SHARED / "gold" / "seeds.gold.json"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def synthetic_corpus(tmp_path_factory) -> list[Path]:
    """300 generated articles (bench/gen_articles.py) and the seeds: a small corpus with every event type."""
    sys.path.insert(0, str(ROOT / "bench"))
    from gen_articles import generate

    d = tmp_path_factory.mktemp("corpus")
    generate(300, d / "synthetic.jsonl", seed=3)
    return [d / "synthetic.jsonl", SEEDS]


@pytest.fixture(scope="session")
def seeds_graph(tmp_path_factory) -> Path:
    """The seeds built once through the CLI, as a user would."""
    from kg.cli import app

    out = tmp_path_factory.mktemp("seeds") / "graph.ttl"
    result = CliRunner().invoke(app, ["build", str(SEEDS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def seeds_events(seeds_graph) -> list[dict]:
    from kg.cli import app

    result = CliRunner().invoke(app, ["events", str(seeds_graph), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def run_scorer(gold: Path, predicted: Path) -> dict:
    """The reference scorer, run as its own process exactly as documented; skips where it is not."""
    if not SCORER.is_file():
        pytest.skip(f"the reference scorer {SCORER} is not here (a clone without ../shared): "
                    "kg eval's own scores are tested instead")
    proc = subprocess.run([sys.executable, str(SCORER), str(gold), str(predicted), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


# A Neo4j 5 server for the Neo4j tests (started on first use, once per session).
from .neo4j_server import bolt, neo4j  # noqa: E402,F401
