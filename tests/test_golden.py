"""Golden cases: one folder each (article.txt + gold.json in kg-gold/1), discovered here."""

from pathlib import Path

import pytest

from kg.build import build
from kg.evaluate import load_gold, score
from kg.readback import events

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p for p in GOLDEN.iterdir() if (p / "gold.json").is_file())


def run_case(case: Path) -> dict:
    result = build([case / "article.txt"], manifest=case / "gold.json")
    assert result.report.conforms, result.report.text()
    return score(load_gold(case / "gold.json"), events(result.graph))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case):
    r = run_case(case)
    detail = (f"missed {r['missed']}, false positives {r['false_positives']}, "
              f"wrong dates {r['wrong_dates']}, duplicates {r['duplicates']}")
    assert r["fp"] == 0 and r["duplicates"] == 0, detail
    assert r["tp"] == r["required"], detail


def test_there_are_enough_golden_cases():
    assert len(CASES) >= 30
    negatives = [c for c in CASES if not any(e.get("required") for e in load_gold(c / "gold.json")["events"])]
    assert len(negatives) >= 8
