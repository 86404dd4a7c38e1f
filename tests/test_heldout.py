"""The independent set of page-like articles (tests/heldout/): a floor on the extractor's score.

The set was written apart from the extractor; its first measurement, before any rule was
changed while looking at it, was F1 0.617. See tests/heldout/README.md.
"""

import json
from pathlib import Path

import pytest

from kg.build import build
from kg.evaluate import load_gold, score
from kg.readback import events

from .conftest import run_scorer

HELDOUT = Path(__file__).parent / "heldout"


@pytest.fixture(scope="module")
def heldout_events():
    result = build([HELDOUT / "articles"], manifest=HELDOUT / "gold.json")
    assert result.report.conforms
    return events(result.graph)


def test_heldout_score(heldout_events):
    r = score(load_gold(HELDOUT / "gold.json"), heldout_events)
    assert r["f1"] >= 0.95, r
    assert r["precision"] >= 0.9, r


def test_kg_eval_gives_the_reference_scorers_numbers_on_the_heldout_set(heldout_events, tmp_path):
    """Places, duplicates and cross-article merges too, not only F1 (the seeds have too few to tell)."""
    pred = tmp_path / "events.json"
    pred.write_text(json.dumps(heldout_events, ensure_ascii=False), encoding="utf-8")
    ref = run_scorer(HELDOUT / "gold.json", pred)
    r = score(load_gold(HELDOUT / "gold.json"), heldout_events)
    for key in ("tp", "fp", "duplicates", "ignored_optional", "missed", "f1", "place_accuracy", "cross_article_merged"):
        assert r[key] == ref[key], key
