"""Hostile input (tests/bad_corpus.py): each bad file or record is one line naming it and why; the rest builds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.cli import app
from kg.readback import events
from kg.fileio import read_graph

from . import bad_corpus


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from typer.testing import CliRunner
    d = tmp_path_factory.mktemp("bad")
    cases = bad_corpus.write(d / "in")
    out = d / "graph.ttl"
    result = CliRunner().invoke(app, ["build", str(d / "in"), "-o", str(out), "-w", "1"])
    return cases, d / "in", out, result


def article_id(case: bad_corpus.Case, folder: Path) -> str:
    name, _, line = case.source.partition(":")
    if not line:
        return Path(name).stem
    rec = json.loads(folder.joinpath(name).read_text(encoding="utf-8").splitlines()[int(line) - 1])
    rid = rec.get("id")
    return rid.strip() if isinstance(rid, str) else f"{Path(name).stem}-{line}"


def test_the_build_succeeds_and_reports_every_bad_input_on_one_line(built):
    cases, folder, out, result = built
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.output.splitlines() if ln.startswith("skipped ")]
    expected = [c for c in cases if c.skip]
    assert len(lines) == len(expected), "\n".join(lines)
    for case in expected:
        pattern = rf"^skipped {re.escape(str(folder / case.source))}: {re.escape(case.skip)}"
        assert [ln for ln in lines if re.match(pattern, ln)], f"no line for {case.source}: {case.skip}\n" + "\n".join(lines)
    assert re.search(rf"articles skipped\s+{len(expected)}\b", result.output)
    assert re.search(rf"articles read\s+{len(cases) - len(expected)}\b", result.output)
    assert "Traceback" not in result.output
    summary = ("articles read", "articles skipped", "events", "triples", "validation", "written")
    assert all(ln.startswith(("skipped ", "note ", *summary)) for ln in result.output.splitlines()), result.output


def test_what_is_readable_is_extracted(built):
    cases, folder, out, _ = built
    found: dict[str, set[str]] = {}
    for e in events(read_graph(out)):
        for src in e["sources"]:
            found.setdefault(src, set()).update(p["wikidata"] for p in e["participants"] if p.get("wikidata"))
    for case in cases:
        if not case.skip:
            assert case.people <= found.get(article_id(case, folder), set()), (case.source, found.get(article_id(case, folder)))


def test_a_malformed_jsonl_line_says_where_and_what(built):
    _, folder, _, result = built
    assert f"skipped {folder / 'feed.jsonl'}:2: malformed JSON (Unterminated string at column 26)" in result.output


def test_crafted_metadata_is_stored_literally(built):
    _, _, out, _ = built
    g = read_graph(out)
    values = {str(o) for o in g.objects()}
    assert bad_corpus.CRAFTED in values  # the title and the outlet, byte for byte


NAMED = 'O\'Neil "the `Tick`" {x}\n$y'


def test_names_with_quotes_backticks_braces_and_newlines_survive(runner, tmp_path):
    gaz = tmp_path / "gaz"
    gaz.mkdir()
    gaz.joinpath("people.json").write_text(json.dumps({"format": "kg-gazetteer/1", "kind": "Person", "entries": [
        {"id": "name:" + NAMED, "wikidata": None, "en": NAMED, "ar": ["زيد القاسمي"],
         "roles": [{"role": "head_of_state", "country": "Q822", "from": "2020-01-01", "to": None}]}]}),
        encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text(bad_corpus.article("أجرى الرئيس اللبناني زيد القاسمي اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين "
                                      "يوم 21 يناير 2025."), encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(src), "--gazetteer", str(gaz), "-o", str(out), "-w", "1"])
    assert result.exit_code == 0, result.output
    assert "validation       conforms" in result.output
    (event,) = events(read_graph(out))
    assert NAMED in {p["label"] for p in event["participants"]}
    nt = tmp_path / "g.nt"
    assert runner.invoke(app, ["export", str(out), "-o", str(nt)]).exit_code == 0
    assert NAMED in {str(o) for o in read_graph(nt).objects()}


@pytest.mark.parametrize("content, reason", [
    ("{", "not a readable gazetteer file"),
    ('{"format": "kg-gazetteer/1", "kind": "Alien", "entries": []}', "expected {"),
    ('{"format": "kg-gazetteer/1", "kind": "Person", "entries": [{"id": "Q1", "en": "x", "ar": "بوتين"}]}',
     "'ar' must be a list of strings"),
    ('{"format": "kg-gazetteer/1", "kind": "Person", "entries": [{"id": "Q1", "en": "x"}]}', "lacks ar"),
])
def test_a_malformed_gazetteer_is_rejected_naming_it_and_nothing_is_overwritten(runner, tmp_path, content, reason):
    gaz = tmp_path / "gaz"
    gaz.mkdir()
    gaz.joinpath("broken.json").write_text(content, encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text(bad_corpus.article(bad_corpus.CALL), encoding="utf-8")
    out = tmp_path / "g.ttl"
    out.write_text("previous output\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(src), "--gazetteer", str(gaz), "-o", str(out), "-w", "1"])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert str(gaz / "broken.json") in line and reason in line, line
    assert out.read_text(encoding="utf-8") == "previous output\n"


def test_a_malformed_manifest_is_rejected_naming_it(runner, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(bad_corpus.CALL, encoding="utf-8")
    tmp_path.joinpath("manifest.json").write_text('{"articles": [{"published": "2025-01-22"}]}', encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert "manifest.json: every manifest entry needs 'file'" in line


def test_limits_are_configurable_and_say_what_to_raise(runner, tmp_path):
    feed = tmp_path / "feed.jsonl"
    rec = {"text": bad_corpus.CALL, "published": bad_corpus.PUBLISHED}
    feed.write_text("".join(json.dumps({**rec, "id": f"r{i}"}, ensure_ascii=False) + "\n" for i in range(5)) +
                    json.dumps({**rec, "id": "long", "text": bad_corpus.CALL * 50}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(feed), "-o", str(out), "--max-articles-per-file", "3"])
    assert result.exit_code == 0, result.output
    assert f"skipped {feed}: more than 3 articles; the rest of the file is skipped (raise --max-articles-per-file)" \
        in result.output
    assert re.search(r"articles read\s+3\b", result.output)
    result = runner.invoke(app, ["build", str(feed), "-o", str(out), "--max-article-chars", "1000"])
    assert re.search(rf"skipped {re.escape(str(feed))}:6: article is [\d,]+ characters, over the limit of 1,000 "
                     r"\(raise --max-article-chars\)", result.output), result.output
    assert re.search(r"articles read\s+5\b", result.output)
    assert runner.invoke(app, ["build", str(feed), "-o", str(out), "--max-article-chars", "0"]).exit_code == 2


def test_an_article_the_extractor_fails_on_is_reported_and_skipped(tmp_path, monkeypatch):
    """An error inside extraction names the article and its file; the other articles are still built."""
    from typer.testing import CliRunner

    import kg.pipeline

    real = kg.pipeline.extract_article

    def failing(article, matcher=None):
        if article.id == "broken":
            raise KeyError(1234)
        return real(article, matcher)

    monkeypatch.setattr(kg.pipeline, "extract_article", failing)
    corpus = tmp_path / "c.jsonl"
    text = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الصيني شي جين بينغ."
    corpus.write_text("\n".join(json.dumps({"id": i, "text": text, "published": "2025-05-08"}, ensure_ascii=False)
                                for i in ("good", "broken")) + "\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), "-w", "1"])
    assert result.exit_code == 0, result.output
    assert re.search(r"skipped .*c\.jsonl:2.*'broken'.*extraction failed \(KeyError: 1234\)", result.output), result.output
    [e] = events(read_graph(out))
    assert e["sources"] == ["good"]
