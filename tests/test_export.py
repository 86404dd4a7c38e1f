"""kg export: every format round-trips, output is deterministic and written atomically."""

import json
import os
import subprocess
import sys

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF, RDFS, XSD

import kg.fileio
from kg.cli import app
from kg.export import article_partition, export_graph, serialize_graph
from kg.fileio import read_graph
from kg.query import load_store
from kg.vocab import KG

FORMATS = {"turtle": "ttl", "nt": "nt", "jsonld": "jsonld", "trig": "trig", "nquads": "nq"}


def assert_same(a: Graph, b: Graph):
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail("graphs differ:\n- " + "\n- ".join(sorted(t.n3() for t in only_a))
                    + "\n+ " + "\n+ ".join(sorted(t.n3() for t in only_b)))


def awkward_graph() -> Graph:
    """Terms that trip serializers: escapes, newlines, numbers, booleans, blank nodes, foreign IRIs and datatypes."""
    g = Graph()
    s, ex = URIRef("https://w3id.org/kg-events/id/event/call/2025-01/abc"), "http://example.org/"
    g.add((s, RDF.type, KG.Call))
    g.add((s, RDFS.label, Literal('a "quoted"\nmulti-line\ttext \\ with \u0007 bell')))
    g.add((s, RDFS.label, Literal("نص", lang="ar")))
    g.add((s, KG.startOffset, Literal(-5)))
    g.add((s, KG.endOffset, Literal("007", datatype=XSD.integer)))
    g.add((s, KG.endOffset, Literal(10 ** 20)))
    g.add((s, URIRef(ex + "flag"), Literal(True)))
    g.add((s, URIRef(ex + "ratio"), Literal("1.50", datatype=XSD.decimal)))
    g.add((s, URIRef(ex + "custom"), Literal("x", datatype=URIRef(ex + "Type"))))
    g.add((s, URIRef(ex + "mixed"), URIRef(ex + "thing")))
    g.add((s, URIRef(ex + "mixed"), Literal("thing")))
    g.add((s, RDF.type, URIRef(ex + "Other")))
    b = BNode()
    g.add((s, KG.place, b))
    g.add((b, RDFS.label, Literal("somewhere")))
    g.add((b, URIRef(ex + "p(1)~x,y#é"), Literal("")))
    return g


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_of_the_seeds_graph(seeds_graph, tmp_path, fmt):
    original = read_graph(seeds_graph)
    target = tmp_path / f"graph.{FORMATS[fmt]}"
    export_graph(original, target)
    assert_same(read_graph(target), original)
    assert len(load_store(target)) >= len(original)  # pyoxigraph reads it too (named graphs may repeat triples)


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_of_awkward_terms(tmp_path, fmt):
    original = awkward_graph()
    target = tmp_path / f"graph.{FORMATS[fmt]}"
    export_graph(original, target)
    assert_same(read_graph(target), original)


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_does_not_depend_on_insertion_order(seeds_graph, fmt):
    g = read_graph(seeds_graph)
    reversed_graph = Graph()
    for t in sorted(g, reverse=True):
        reversed_graph.add(t)
    from kg.export import bind_prefixes
    assert serialize_graph(bind_prefixes(g), fmt) == serialize_graph(bind_prefixes(reversed_graph), fmt)


def test_output_does_not_depend_on_hash_seed(seeds_graph, tmp_path):
    script = ("import sys; from pathlib import Path; from kg.fileio import read_graph; from kg.export import export_graph; "
              "g = read_graph(Path(sys.argv[1])); [export_graph(g, Path(sys.argv[2] + e)) for e in ('.jsonld', '.trig', '.ttl')]")
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", script, str(seeds_graph), str(tmp_path / seed)], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
    for ext in (".jsonld", ".trig", ".ttl"):
        assert (tmp_path / ("1" + ext)).read_bytes() == (tmp_path / ("2" + ext)).read_bytes(), ext


def test_jsonld_reads_like_plain_json(seeds_graph, tmp_path):
    target = tmp_path / "g.jsonld"
    export_graph(read_graph(seeds_graph), target)
    doc = json.loads(target.read_text(encoding="utf-8"))
    ctx = doc["@context"]
    assert ctx["@vocab"] == str(KG._NS) and ctx["kgid"] == "https://w3id.org/kg-events/id/"
    assert ctx["participant"] == {"@type": "@id"} and ctx["label"] == {"@id": "rdfs:label", "@container": "@language"}
    events = [n for n in doc["@graph"] if n["@id"].startswith("kgid:event/")]
    assert events
    for e in events:
        assert e["@type"] in ("Call", "PhoneCall", "VideoCall", "Meeting", "Visit", "Summit")
        if e["@type"] == "Summit" and "participant" not in e:
            continue  # a summit told only as where a meeting happened: who attended is left open
        people = e["participant"] if isinstance(e["participant"], list) else [e["participant"]]
        assert all(p.startswith("kgid:") for p in people)
        assert e["status"] in ("kg:occurred", "kg:planned")
        assert set(e["label"]) == {"en"}
    assert [n["@id"] for n in doc["@graph"]] == sorted(n["@id"] for n in doc["@graph"])


def test_trig_has_one_named_graph_per_source_article(seeds_graph, tmp_path):
    original = read_graph(seeds_graph)
    target = tmp_path / "g.trig"
    export_graph(original, target)
    ds = Dataset()
    ds.parse(target, format="trig")
    articles = set(original.subjects(RDF.type, KG.Article))
    named = {g.identifier: g for g in ds.graphs() if g.identifier != ds.default_graph.identifier and len(g)}
    assert set(named) == articles
    for event, article in original.subject_objects(KG.source):
        assert (event, RDF.type, None) in named[article], "an event is in the graph of each of its sources"
    for mention, article in original.subject_objects(KG.article):
        assert (mention, KG.evidence, None) in named[article]
    assert (next(original.subjects(RDF.type, KG.Build)), None, None) in ds.default_graph
    assert sum(len(triples) for triples in article_partition(original).values()) >= len(original)


def test_cli_export_writes_each_format_from_the_extension(runner, seeds_graph, tmp_path):
    for fmt, ext in FORMATS.items():
        target = tmp_path / f"g.{ext}"
        result = runner.invoke(app, ["export", str(seeds_graph), "-o", str(target)])
        assert result.exit_code == 0, result.output
        n = len(read_graph(seeds_graph))
        assert result.output.strip() == f"written {target} ({fmt}, {n} triples)"
    target = tmp_path / "explicit.out"
    assert runner.invoke(app, ["export", str(seeds_graph), "-o", str(target), "--format", "nt"]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<https://w3id.org/kg-events/id/")


def test_cli_export_errors_exit_2_and_leave_the_target_alone(runner, seeds_graph, tmp_path):
    target = tmp_path / "g.ttl"
    target.write_text("good", encoding="utf-8")
    result = runner.invoke(app, ["export", str(seeds_graph), "-o", str(target), "--format", "yaml"])
    assert result.exit_code == 2
    assert "unknown format 'yaml'; use one of: turtle, nt, jsonld, trig" in result.output
    result = runner.invoke(app, ["export", str(tmp_path / "missing.ttl"), "-o", str(target)])
    assert result.exit_code == 2 and "missing.ttl: no such file" in result.output
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("not turtle <<<", encoding="utf-8")
    result = runner.invoke(app, ["export", str(garbage), "-o", str(target)])
    assert result.exit_code == 2 and "garbage.ttl: cannot be read as turtle" in result.output
    result = runner.invoke(app, ["export", "-o", str(target)])
    assert result.exit_code == 2 and "give the graph file(s) to export" in result.output
    assert target.read_text(encoding="utf-8") == "good"


def test_interrupted_export_leaves_the_old_file(seeds_graph, tmp_path, monkeypatch):
    target = tmp_path / "g.trig"
    target.write_text("the good old file", encoding="utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.fileio.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_graph(read_graph(seeds_graph), target)
    assert target.read_text(encoding="utf-8") == "the good old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.trig"], "no temporary file is left behind"


def test_a_chain_of_conversions_gives_back_the_same_bytes(runner, seeds_graph, tmp_path):
    """Turtle → TriG → JSON-LD → N-Triples → Turtle: the last file is byte-identical to `kg build`'s."""
    previous = seeds_graph
    for ext in ("trig", "jsonld", "nt", "ttl"):
        target = tmp_path / f"g.{ext}"
        assert runner.invoke(app, ["export", str(previous), "-o", str(target)]).exit_code == 0
        previous = target
    assert previous.read_bytes() == seeds_graph.read_bytes()


def test_prefixes_agree_with_the_graph_builder():
    from kg.graph import new_graph
    from kg.vocab import PREFIXES

    bound = {p: str(ns) for p, ns in new_graph().namespaces()}
    for prefix in ("kg", "kgid", "wd", "owl", "rdfs", "xsd", "prov", "schema", "sem"):
        assert bound[prefix] == PREFIXES[prefix], prefix
