"""The extractor's score on the five seed articles, by kg eval, and kg eval against the reference scorer."""

import json

import pytest

from kg.cli import app
from kg.evaluate import load_gold, score

from .conftest import SEED_GOLD, SHARED_SEED_GOLD, run_scorer


def test_seed_score(runner, seeds_graph):
    result = runner.invoke(app, ["eval", str(SEED_GOLD), str(seeds_graph), "--format", "json"])
    assert result.exit_code == 0, result.output
    r = json.loads(result.stdout)
    assert r["f1"] >= 0.95, r
    assert r["duplicates"] == 0, r
    assert r["place_accuracy"] == "4/4", r
    assert r["cross_article_merged"] == "2/2", r


def test_kg_eval_agrees_with_the_reference_scorer(seeds_events, tmp_path):
    pred = tmp_path / "events.json"
    pred.write_text(json.dumps(seeds_events, ensure_ascii=False), encoding="utf-8")
    ref = run_scorer(SEED_GOLD, pred)
    ours = score(load_gold(SEED_GOLD), seeds_events)
    for key in ("required", "predicted", "tp", "fp", "duplicates", "ignored_optional", "missed",
                "precision", "recall", "f1", "place_accuracy", "cross_article_merged", "wrong_dates"):
        assert ours[key] == ref[key], key


def test_kg_eval_agrees_on_golden_cases_too(tmp_path):
    from pathlib import Path

    from kg.build import build
    from kg.readback import events

    for case in sorted((Path(__file__).parent / "golden").iterdir())[:12]:
        if not (case / "gold.json").is_file():
            continue
        evs = events(build([case / "article.txt"], manifest=case / "gold.json").graph)
        pred = tmp_path / f"{case.name}.json"
        pred.write_text(json.dumps(evs, ensure_ascii=False), encoding="utf-8")
        ref = run_scorer(case / "gold.json", pred)
        ours = score(load_gold(case / "gold.json"), evs)
        assert (ours["tp"], ours["fp"], ours["duplicates"], ours["f1"]) == (ref["tp"], ref["fp"], ref["duplicates"], ref["f1"]), case.name


def test_the_shipped_seed_gold_is_the_shared_one():
    if not SHARED_SEED_GOLD.is_file():
        pytest.skip(f"{SHARED_SEED_GOLD} is not here (a clone without ../shared): nothing to compare the copy with")
    assert SEED_GOLD.read_bytes() == SHARED_SEED_GOLD.read_bytes(), "seeds/gold.json is out of date: copy the shared gold again"
