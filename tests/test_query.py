"""kg query: SPARQL over exported files, the example queries, result formats, update refusal."""

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from kg.cli import app
from kg.errors import QueryError
from kg.fileio import read_graph
from kg.query import check_read_only, load_store, query_files, run_query

from .conftest import ROOT
from .events_fixture import base_events, write

QUERIES = ROOT / "queries"
EXAMPLES = sorted(p.name for p in QUERIES.glob("*.rq"))
EVENT = "https://w3id.org/kg-events/id/event/"


def select(runner, files, query: str) -> list[dict]:
    """Run an example query through the CLI and return its rows as {variable: value}."""
    result = runner.invoke(app, ["query", *map(str, files), "-f", str(QUERIES / query), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]


@pytest.fixture(scope="module")
def known_graph(tmp_path_factory) -> Path:
    """Five known events of Xi Jinping (tests/events_fixture.py)."""
    return write(base_events().values(), tmp_path_factory.mktemp("known") / "known.ttl")


def test_the_five_examples_are_there():
    assert EXAMPLES == ["events-in-place.rq", "events-with-evidence.rq", "leader-contacts.rq",
                        "top-pairs.rq", "two-leaders-timeline.rq"]


# ---------------------------------------------------------------- examples on known events: exact answers

def test_leader_contacts_on_known_events(runner, known_graph):
    rows = select(runner, [known_graph], "leader-contacts.rq")
    assert [(r["date"], r["type"], r["status"], r["counterpartName"]) for r in rows] == [
        ("2023-03-20", "Visit", "occurred", "Vladimir Putin"),
        ("2025-01", "Call", "occurred", "Vladimir Putin"),
        ("2025-01-17", "PhoneCall", "occurred", "Donald Trump"),
        ("2025-09-03", "Meeting", "occurred", "Kim Jong Un"),
        ("2025-09-03", "Meeting", "occurred", "Vladimir Putin"),
        ("2026", "Visit", "planned", "الزعيم الروسي"),
    ]


def test_top_pairs_on_known_events(runner, known_graph):
    rows = select(runner, [known_graph], "top-pairs.rq")
    assert [(r["aName"], r["bName"], int(r["events"])) for r in rows] == [
        ("Xi Jinping", "Vladimir Putin", 3),
        ("Kim Jong Un", "Vladimir Putin", 1),
        ("Xi Jinping", "Donald Trump", 1),
        ("Xi Jinping", "Kim Jong Un", 1),
    ]  # the planned visit has not happened: it is not counted


def test_events_in_place_on_known_events(runner, known_graph):
    rows = select(runner, [known_graph], "events-in-place.rq")
    assert [(r["date"], r["type"], r["participantName"]) for r in rows] == [
        ("2025-01", "Call", "Vladimir Putin"), ("2025-01", "Call", "Xi Jinping"),
        ("2025-09-03", "Meeting", "Kim Jong Un"), ("2025-09-03", "Meeting", "Vladimir Putin"),
        ("2025-09-03", "Meeting", "Xi Jinping"),
    ]


def test_two_leaders_timeline_on_known_events(runner, known_graph):
    rows = select(runner, [known_graph], "two-leaders-timeline.rq")
    assert [(r["date"], r["type"], r.get("placeName")) for r in rows] == [
        ("2023-03-20", "Visit", "Moscow"), ("2025-01", "Call", "Beijing"), ("2025-09-03", "Meeting", "Beijing"),
    ]


def test_events_with_evidence_on_known_events(runner, known_graph):
    rows = select(runner, [known_graph], "events-with-evidence.rq")
    got = [(r["type"], r["article"], r.get("outlet"), r.get("url"), int(r["start"]), int(r["end"]), r["evidence"])
           for r in rows]
    assert got[:3] == [
        ("Visit", "a2", "Outlet Two", "https://news.example/a2", 100, 140, "evidence of Visit in a2 at 100"),
        ("Call", "a1", "Outlet One", "https://news.example/a1", 10, 50, "evidence of Call in a1 at 10"),
        ("PhoneCall", "a1", "Outlet One", "https://news.example/a1", 300, 340, "evidence of PhoneCall in a1 at 300"),
    ]
    assert ("PhoneCall", "a3", "Outlet Three", None, 50, 90, "evidence of PhoneCall in a3 at 50") in got
    assert len(got) == 6


# ---------------------------------------------------------------- examples on the seeds: answers agree with `kg events`

def names(e: dict) -> list[str]:
    return [p["label"] for p in e["participants"]]


def test_leader_contacts_on_the_seeds(runner, seeds_graph, seeds_events):
    expected = Counter((e["id"], e["date"], e["type"], e["status"], other)
                       for e in seeds_events if any(p["wikidata"] == "Q15031" for p in e["participants"])
                       for p in e["participants"] if p["wikidata"] != "Q15031" for other in [p["label"]])
    rows = select(runner, [seeds_graph], "leader-contacts.rq")
    assert expected, "Xi Jinping (Q15031) should be in the seeds' events"
    assert Counter((r["event"], r.get("date"), r["type"], r["status"], r["counterpartName"]) for r in rows) == expected
    dates = [r.get("date", "") for r in rows]
    assert dates == sorted(dates)


def test_top_pairs_on_the_seeds(runner, seeds_graph, seeds_events):
    expected = Counter()
    for e in seeds_events:
        if e["status"] == "occurred":
            people = sorted(set(names(e)))
            expected.update(frozenset((a, b)) for i, a in enumerate(people) for b in people[i + 1:])
    rows = select(runner, [seeds_graph], "top-pairs.rq")
    assert {frozenset((r["aName"], r["bName"])): int(r["events"]) for r in rows} == dict(expected)
    counts = [int(r["events"]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_events_in_place_on_the_seeds(runner, seeds_graph, seeds_events):
    expected = sorted((e["id"], n) for e in seeds_events if (e["place"] or {}).get("wikidata") == "Q956" for n in names(e))
    rows = select(runner, [seeds_graph], "events-in-place.rq")
    assert sorted((r["event"], r["participantName"]) for r in rows) == expected


def test_two_leaders_timeline_on_the_seeds(runner, seeds_graph, seeds_events):
    expected = [(e["id"], e["type"], (e["place"] or {}).get("label")) for e in seeds_events
                if {"Q15031", "Q7747"} <= {p["wikidata"] for p in e["participants"]}]
    rows = select(runner, [seeds_graph], "two-leaders-timeline.rq")
    assert expected, "Xi Jinping and Vladimir Putin should meet in the seeds"
    assert sorted((r["event"], r["type"], r.get("placeName")) for r in rows) == sorted(expected)


def test_events_with_evidence_on_the_seeds(runner, seeds_graph, seeds_events):
    expected = Counter((e["id"], ev["source"], ev["text"]) for e in seeds_events for ev in e["evidence"])
    rows = select(runner, [seeds_graph], "events-with-evidence.rq")
    assert Counter((r["event"], r["article"], r["evidence"]) for r in rows) == expected


# ---------------------------------------------------------------- files, formats, forms

def test_union_of_files_in_any_format(runner, tmp_path):
    events = base_events()
    a = write([events["call"], events["visit"]], tmp_path / "a.jsonld")
    b = write([events["phone"], events["meeting"], events["planned"]], tmp_path / "b.trig")
    whole = write(events.values(), tmp_path / "whole.nt")
    for q in EXAMPLES:
        assert select(runner, [a, b], q) == select(runner, [whole], q), q


def test_named_graphs_of_trig_can_be_queried(tmp_path):
    events = base_events()
    path = write(events.values(), tmp_path / "g.trig")
    result = query_files([path], "SELECT ?g (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a kg:PhoneCall } } GROUP BY ?g ORDER BY ?g")
    assert [(r[0].value.rsplit("/", 1)[-1], int(r[1].value)) for r in result.rows] == [("a1", 1), ("a3", 1)]
    # the default graph is the union, where the phone call reported by two articles counts once
    result = query_files([path], "SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:PhoneCall }")
    assert int(result.rows[0][0].value) == 1


def test_select_csv_and_json_follow_the_sparql_results_formats(runner, known_graph):
    q = 'SELECT ?e ?date ?label WHERE { ?e kg:date ?date ; rdfs:label ?label } ORDER BY ?date LIMIT 1'
    result = runner.invoke(app, ["query", str(known_graph), q, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"e,date,label\r\n")  # CRLF, as the CSV results format says
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1][0].startswith(f"{EVENT}meeting/2023-03-20/") and rows[1][1] == "2023-03-20"
    result = runner.invoke(app, ["query", str(known_graph), q, "--format", "json"])
    doc = json.loads(result.stdout)
    assert doc["head"]["vars"] == ["e", "date", "label"]
    b = doc["results"]["bindings"][0]
    assert b["e"]["type"] == "uri"
    assert b["date"] == {"type": "literal", "value": "2023-03-20", "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert b["label"]["xml:lang"] == "en"


def test_table_ask_construct_and_describe(runner, known_graph):
    result = runner.invoke(app, ["query", str(known_graph), "SELECT ?type WHERE { ?e a ?type ; kg:date \"2026\"^^xsd:gYear }"])
    assert result.exit_code == 0 and "kg:Visit" in result.stdout and "1 row(s)" in result.output
    result = runner.invoke(app, ["query", str(known_graph), "ASK { ?e a kg:Summit }"])
    assert result.exit_code == 0 and result.stdout.strip() == "false"
    result = runner.invoke(app, ["query", str(known_graph), "ASK { ?e a kg:Visit }", "--format", "json"])
    assert json.loads(result.stdout) == {"head": {}, "boolean": True}
    result = runner.invoke(app, ["query", str(known_graph),
                                 "CONSTRUCT { ?e kg:place ?p } WHERE { ?e kg:place ?p }"])
    assert result.exit_code == 0 and result.stdout.startswith("@prefix kg:")
    result = runner.invoke(app, ["query", str(known_graph), "DESCRIBE <https://w3id.org/kg-events/id/person/Q7747>",
                                 "--format", "csv"])
    assert result.exit_code == 0
    assert '<https://w3id.org/kg-events/id/person/Q7747> <http://www.w3.org/2000/01/rdf-schema#label> "Vladimir Putin"@en .' in result.stdout
    result = runner.invoke(app, ["query", str(known_graph), "CONSTRUCT WHERE { ?e kg:date ?d }", "--format", "json"])
    assert json.loads(result.stdout)["@context"]["@vocab"] == "https://w3id.org/kg-events/ontology#"


@pytest.mark.parametrize("update, keyword", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT"),
    ("PREFIX ex: <http://example.org/>  # a comment\nDELETE WHERE { ?s ?p ?o }", "DELETE"),
    ("  # only a comment first\n  drop all", "DROP"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
])
def test_updates_are_refused(runner, known_graph, update, keyword):
    before = known_graph.read_bytes()
    result = runner.invoke(app, ["query", str(known_graph), update])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {keyword} is a SPARQL Update; kg query only reads "
                                    "(SELECT, ASK, CONSTRUCT, DESCRIBE). Exported files are not edited in place")
    assert known_graph.read_bytes() == before


def test_update_refusal_names_the_keyword():
    with pytest.raises(QueryError, match=r"^INSERT is a SPARQL Update; kg query only reads"):
        check_read_only("PREFIX kg: <https://w3id.org/kg-events/ontology#>\nINSERT { ?s a kg:X } WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match=r"^DROP is a SPARQL Update"):
        run_query(load_store(), "# c\ndrop all")


def test_query_errors_exit_2_with_a_message(runner, known_graph, tmp_path):
    result = runner.invoke(app, ["query", str(known_graph), "SELECT ?x WHERE { ?x ?y }"])
    assert result.exit_code == 2 and "the query is not valid SPARQL 1.1: error at 1:" in result.output
    result = runner.invoke(app, ["query", str(known_graph), "   # nothing\n"])
    assert result.exit_code == 2 and "the query is empty" in result.output
    result = runner.invoke(app, ["query", str(known_graph)])
    assert result.exit_code == 2 and "give the graph file(s), then the query (or -f QUERY.rq)" in result.output
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    result = runner.invoke(app, ["query", str(known_graph), str(rq)])
    assert result.exit_code == 2 and f"hint: {rq} is a file; to read the query from it, use -f {rq}" in result.output
    result = runner.invoke(app, ["query", str(known_graph), "-f", str(tmp_path / "missing.rq")])
    assert result.exit_code == 2 and "missing.rq: cannot read the query" in result.output
    result = runner.invoke(app, ["query", str(tmp_path / "missing.ttl"), "ASK {}"])
    assert result.exit_code == 2 and "missing.ttl: no such file" in result.output
    bad = tmp_path / "bad.nt"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    result = runner.invoke(app, ["query", str(bad), "ASK {}"])
    assert result.exit_code == 2 and "bad.nt: cannot be read as nt" in result.output
    result = runner.invoke(app, ["query", str(known_graph), "ASK {}", "--format", "xml"])
    assert result.exit_code == 2 and "unknown format 'xml'; use table, csv or json" in result.output


def test_oxigraph_and_rdflib_read_the_same_graph(known_graph):
    assert len(load_store(known_graph)) == len(read_graph(known_graph))
