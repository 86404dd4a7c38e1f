"""Every SHACL engine kg offers reports what pyshacl reports, and chunked validation what
whole-graph validation reports: on a valid graph and on one broken copy per constraint of
ontology/shapes.ttl (tests/shape_breaks.py), and on a copy with every break at once."""

import importlib.util

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.cli import app
from kg.errors import KgError
from kg.fileio import read_graph
from kg.validate import (BLANK, ENGINES, Report, Violation, batches, engine, resolve, validate_chunk,
                         validate_file, validate_graph)
from kg.vocab import KG
from tests.shape_breaks import all_breaks, breaks

OFFERED = [pytest.param(name, marks=pytest.mark.skipif(
    importlib.util.find_spec(module) is None, reason=f"the {name!r} engine's package {module!r} is not installed"))
    for name, (_, module) in sorted(ENGINES.items()) if name != "pyshacl"]


@pytest.fixture(scope="module")
def valid(seeds_graph) -> Graph:
    return read_graph(seeds_graph)


@pytest.fixture(scope="module")
def cases(valid):
    """(name, broken graph, pyshacl's report on it) for every break and for all of them at once."""
    graphs = [(name, g) for name, *_, g in breaks(valid)] + [("every break", all_breaks(valid))]
    return [(name, g, validate_graph(g, engine_name="pyshacl")) for name, g in graphs]


def differences(expected: Report, got: Report) -> str:
    """What one report has that the other lacks, for a readable failure."""
    a, b = set(expected.violations), set(got.violations)
    return f"conforms {expected.conforms} vs {got.conforms}; only in pyshacl's: {sorted(a - b, key=Violation.key)}; " \
           f"only in the other: {sorted(b - a, key=Violation.key)}"


def test_each_break_violates_the_constraint_it_breaks(valid):
    """The breaks are real: pyshacl reports the broken constraint at the broken node."""
    seen = set()
    for name, constraint, focus, g in breaks(valid):
        at = {v.constraint for v in validate_graph(g, engine_name="pyshacl").violations
              if focus is None and v.focus == BLANK
              or v.focus == str(focus)}
        assert constraint in at, f"{name}: pyshacl reports {at} at {focus}"
        seen.add(name.split()[0])
    assert seen == {"ActorShape", "ArticleShape", "EventShape", "MentionShape", "TwoPartyShape", "VisitShape",
                    "WikidataShape"}


@pytest.mark.parametrize("name", OFFERED)
def test_engine_reports_what_pyshacl_reports(name, valid, cases):
    assert validate_graph(valid, engine_name=name) == validate_graph(valid) == Report(True, [])
    for case, g, expected in cases:
        got = validate_graph(g, engine_name=name)
        assert got == expected, f"{case}: {differences(expected, got)}"


@pytest.mark.parametrize("name", ["pyshacl"] + OFFERED)
def test_chunked_report_equals_the_whole_graph_report(name, cases):
    """Chunks of two events each, validated apart and merged, give the whole graph's report."""
    for case, g, expected in cases[-3:]:
        chunks = list(batches(g, events_per_batch=2))
        assert len(chunks) > 5
        merged = Report.merge(validate_chunk(c, name) for c in reversed(chunks))
        assert merged == expected, f"{case}: {differences(expected, merged)}"


def test_violations_name_their_events_and_articles(valid):
    g = Graph()
    for t in valid:
        g.add(t)
    mention = min(g.subjects(RDF.type, KG.Mention))
    event = next(g.subjects(KG.mention, mention))
    article = g.value(mention, KG.article)
    g.remove((mention, KG.evidence, None))
    g.remove((event, KG.status, None))
    report = validate_graph(g)
    by_focus = {v.focus: v for v in report.violations}
    assert by_focus[str(mention)].events == (str(event),)
    assert by_focus[str(mention)].articles == (str(article),)
    assert by_focus[str(event)].events == (str(event),)
    assert by_focus[str(event)].articles == tuple(sorted(str(a) for a in g.objects(event, KG.source)))
    text = report.text()
    assert f"event: {event}" in text and f"article: {article}" in text


def test_merge_joins_what_chunks_saw_of_one_violation():
    """An actor without a label, seen from two chunks, is one violation naming both events."""
    v = Violation("x:actor", "rdfs:label", "An actor or place needs a label (English or Arabic).", "", "MinCount")
    one = Report(False, [Violation(**{**v.__dict__, "events": ("x:e2",), "articles": ("x:a2",)})])
    two = Report(False, [Violation(**{**v.__dict__, "events": ("x:e1",), "articles": ("x:a1", "x:a2")})])
    merged = Report.merge([one, two, Report(True, [])])
    assert merged == Report.merge([two, one]) == Report(False, [
        Violation(v.focus, v.path, v.message, "", "MinCount", ("x:e1", "x:e2"), ("x:a1", "x:a2"))])


def test_long_lists_of_events_are_cut_in_the_text():
    v = Violation("x:actor", "", "m", events=tuple(f"x:e{i}" for i in range(5)))
    assert "event: x:e0, x:e1, x:e2 (and 2 more)" in Report(False, [v]).text()


def test_auto_is_shacl_where_installed_else_pyshacl(monkeypatch):
    import kg.validate

    monkeypatch.setattr(kg.validate, "_installed", lambda module: True)
    assert resolve("auto") == "shacl"
    monkeypatch.setattr(kg.validate, "_installed", lambda module: module != "shacl")
    assert resolve("auto") == "pyshacl"
    with pytest.raises(KgError, match=r"the SHACL engine 'shacl' is not installed; pip install 'kg\[fast-shacl\]'"):
        resolve("shacl")


def test_unknown_engine_names_the_known_ones():
    with pytest.raises(KgError, match="unknown SHACL engine 'fast'; known engines: auto, pyshacl, shacl"):
        engine("fast")


def test_text_and_files_give_the_graph_report(cases, tmp_path):
    """N-Triples chunks and graph files, which a fast engine reads itself, report as the Graph does."""
    for name in ["pyshacl"] + [n for n, (_, m) in ENGINES.items() if n != "pyshacl" and importlib.util.find_spec(m)]:
        for case, g, expected in [cases[0], cases[-1]]:
            assert validate_chunk(g.serialize(format="nt"), name) == expected, f"{name}, {case}, N-Triples"
            for ext, fmt in ((".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")):
                path = tmp_path / f"g{ext}"
                g.serialize(path, format=fmt, encoding="utf-8")
                assert validate_file(path, name) == expected, f"{name}, {case}, {fmt} file"


def test_cli_engine_option(runner, seeds_graph, valid, tmp_path):
    bad = tmp_path / "bad.ttl"
    g = Graph()
    for t in valid:
        g.add(t)
    g.add((URIRef("https://w3id.org/kg-events/id/person/nameless"), RDF.type, KG.Person))
    g.add((URIRef("https://w3id.org/kg-events/id/person/nameless"), KG.status, Literal("x")))
    g.serialize(bad, format="turtle")
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle <<<", encoding="utf-8")
    reference = runner.invoke(app, ["validate", str(bad), "--engine", "pyshacl"]).output
    for name in ["auto"] + [n for n, (_, m) in ENGINES.items() if importlib.util.find_spec(m)]:
        assert runner.invoke(app, ["validate", str(seeds_graph), "--engine", name]).exit_code == 0
        result = runner.invoke(app, ["validate", str(bad), "--engine", name])
        assert result.exit_code == 1 and "needs a label" in result.output and result.output == reference
        result = runner.invoke(app, ["validate", str(garbage), "--engine", name])
        assert result.exit_code == 2 and "cannot be read as turtle" in result.output
        result = runner.invoke(app, ["validate", str(tmp_path / "missing.ttl"), "--engine", name])
        assert result.exit_code == 2 and "no such file" in result.output
    result = runner.invoke(app, ["validate", str(seeds_graph), "--engine", "nope"])
    assert result.exit_code == 2 and "unknown SHACL engine 'nope'" in result.output


def test_build_validates_with_the_chosen_engine(runner, tmp_path):
    from tests.conftest import SEEDS

    outputs = []
    for name in ["pyshacl"] + [n for n, (_, m) in ENGINES.items() if n != "pyshacl" and importlib.util.find_spec(m)]:
        out = tmp_path / f"{name}.ttl"
        result = runner.invoke(app, ["build", str(SEEDS), "-o", str(out), "--shacl-engine", name, "-w", "1"])
        assert result.exit_code == 0 and "validation       conforms" in result.output, result.output
        outputs.append(out.read_bytes())
    assert len(set(outputs)) == 1
    result = runner.invoke(app, ["build", str(SEEDS), "-o", str(tmp_path / "x.ttl"), "--shacl-engine", "nope"])
    assert result.exit_code == 2 and "unknown SHACL engine 'nope'" in result.output
    assert not (tmp_path / "x.ttl").exists()
