"""The CLI in-process: build, events, eval, exit codes and messages."""

import json
import re

from kg import __version__
from kg.cli import app

from .conftest import SEEDS, SEED_GOLD


def test_version_and_help(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"kg {__version__}"
    for cmd in ("build", "validate", "events", "eval"):
        r = runner.invoke(app, [cmd, "--help"])
        assert r.exit_code == 0 and "Example" in r.output, cmd


def test_build_summary_and_output(runner, tmp_path):
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert re.search(r"articles read\s+5", result.output)
    assert re.search(r"articles skipped\s+0", result.output)
    assert re.search(r"validation\s+conforms", result.output)
    assert out.is_file() and out.read_text(encoding="utf-8").startswith("@prefix")


def test_build_is_deterministic(runner, tmp_path):
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    assert runner.invoke(app, ["build", str(SEEDS), "-o", str(a), "-q"]).exit_code == 0
    assert runner.invoke(app, ["build", str(SEEDS), "-o", str(b), "-q"]).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_build_time_is_recorded_only_when_asked(runner, tmp_path, monkeypatch):
    out = tmp_path / "g.ttl"
    runner.invoke(app, ["build", str(SEEDS), "-o", str(out), "-q"])
    assert "buildTime" not in out.read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    runner.invoke(app, ["build", str(SEEDS), "-o", str(out), "-q"])
    assert re.search(r'kg:buildTime "2023-11-14T22:13:20(Z|\+00:00)"\^\^xsd:dateTime', out.read_text(encoding="utf-8"))


def test_bad_inputs_are_counted_and_the_build_goes_on(runner, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(" date 2025-01-21 أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الصيني شي جين بينغ يوم الثلاثاء.", encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "feed.jsonl").write_text('{"id": "x", "text": "نص", "published": "2025-01-21"}\n{oops\n', encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(d), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert re.search(r"skipped .*empty.txt: empty file", result.output)
    assert re.search(r"skipped .*feed.jsonl:2: malformed JSON", result.output)
    assert re.search(r"articles read\s+2", result.output)
    assert re.search(r"articles skipped\s+2", result.output)


def test_build_with_nothing_readable_exits_2(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 2
    assert "no readable articles" in result.output
    assert not (tmp_path / "g.ttl").exists()


def test_malformed_manifest_is_an_error_naming_it(runner, tmp_path):
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "manifest.json").write_text("[1, 2", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 2
    assert "manifest.json: not a readable manifest" in result.output


def test_events_json_shape(seeds_events):
    assert seeds_events
    for e in seeds_events:
        assert set(e) >= {"id", "type", "status", "date", "participants", "place", "sources"}
        assert e["type"] in {"PhoneCall", "VideoCall", "Call", "Visit", "Meeting", "Summit"}
        assert e["status"] in {"occurred", "planned"}
        assert e["date"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", e["date"])
        assert all(set(p) >= {"label", "wikidata"} for p in e["participants"])


def test_events_table_and_bad_format(runner, seeds_graph):
    result = runner.invoke(app, ["events", str(seeds_graph)])
    assert result.exit_code == 0 and "event(s)" in result.output
    result = runner.invoke(app, ["events", str(seeds_graph), "--format", "xml"])
    assert result.exit_code == 2 and "unknown format 'xml'" in result.output


def test_eval_command(runner, seeds_graph):
    result = runner.invoke(app, ["eval", str(SEED_GOLD), str(seeds_graph), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert 0 <= data["f1"] <= 1
    result = runner.invoke(app, ["eval", str(SEED_GOLD), str(seeds_graph), "--min-f1", "1.01"])
    assert result.exit_code == 1


def test_names_that_look_like_markup_are_printed_as_they_are(runner, tmp_path):
    d = tmp_path / "[bold]in"
    d.mkdir()
    (d / "[red]empty.txt").write_text("", encoding="utf-8")
    (d / "a.jsonl").write_text('{"id": "x", "text": "نص", "published": "[red]soon[/]"}\n', encoding="utf-8")
    result = runner.invoke(app, ["build", str(d), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 2, result.output
    assert f"skipped {d / '[red]empty.txt'}: empty file" in result.output
    assert "'published' '[red]soon[/]' is not a valid date" in result.output
    assert f"error: no readable articles in {d}" in result.output
