"""SHACL validation: conforming graphs pass, broken ones give readable reports and exit codes."""

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

from kg.cli import app
from kg.fileio import read_graph
from kg.validate import validate_graph
from kg.vocab import ID, KG


def test_seeds_graph_conforms(seeds_graph):
    assert validate_graph(read_graph(seeds_graph)).conforms


def broken(seeds_graph):
    g = read_graph(seeds_graph)
    ev = next(g.subjects(RDF.type, KG.Meeting), None) or next(g.subjects(RDF.type, KG.Call))
    g.remove((ev, KG.status, None))                                  # no status
    g.add((ev, KG.date, Literal("2025-01-21", datatype=XSD.string)))  # bad datatype, second date
    g.add((ID["person/bad"], RDF.type, KG.Person))                   # no label
    g.add((ID["person/bad"], OWL.sameAs, URIRef("http://www.wikidata.org/entity/P31")))
    return g


def test_broken_graph_reports_each_problem(seeds_graph):
    report = validate_graph(broken(seeds_graph))
    assert not report.conforms
    messages = {v.message for v in report.violations}
    assert "An event needs exactly one status: kg:occurred or kg:planned." in messages
    assert any("at most one date" in m for m in messages)
    assert "An actor or place needs a label (English or Arabic)." in messages
    assert any("Wikidata identity" in m for m in messages)
    assert "violation(s) of ontology/shapes.ttl" in report.text()


def test_one_participant_call_is_rejected(seeds_graph):
    g = read_graph(seeds_graph)
    call = next(s for t in (KG.Call, KG.PhoneCall, KG.VideoCall) for s in g.subjects(RDF.type, t))
    for p in list(g.objects(call, KG.participant))[1:]:
        g.remove((call, KG.participant, p))
    messages = {v.message for v in validate_graph(g).violations}
    assert "A call or meeting has at least two participants." in messages


def test_validate_exit_codes(runner, seeds_graph, tmp_path):
    assert runner.invoke(app, ["validate", str(seeds_graph)]).exit_code == 0
    bad = tmp_path / "bad.ttl"
    broken(seeds_graph).serialize(bad, format="turtle")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1 and "violation" in result.output
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle <<<", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(garbage)])
    assert result.exit_code == 2 and "cannot be read as turtle" in result.output
    assert runner.invoke(app, ["validate", str(tmp_path / "missing.ttl")]).exit_code == 2


def test_batched_validation_finds_the_same_violations(seeds_graph):
    g = broken(seeds_graph)
    whole, batched = validate_graph(g), validate_graph(g, batched=True)
    assert not batched.conforms
    assert {(v.focus, v.message) for v in batched.violations} == {(v.focus, v.message) for v in whole.violations}
    assert validate_graph(read_graph(seeds_graph), batched=True).conforms
