"""Against a real Neo4j 5, when NEO4J_URI names one (e.g. `docker compose -f docker/docker-compose.yml up -d`).

These tests delete every ``:Resource`` node of the database they are pointed at
(nothing else): point them at a test database.
"""

import os

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from kg.fileio import read_graph
from kg.models import DateValue
from kg.neo4j_load import Neo4jSettings, connect, export_graph, load
from kg.vocab import KG

from .cypher_examples import check
from .test_neo4j_load import expected_counts, newer_build
from .test_neo4j_model import assert_isomorphic

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(not os.environ.get("NEO4J_URI"),
                       reason="needs a Neo4j 5 server: set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD, "
                              "NEO4J_DATABASE if needed), e.g. after docker compose -f docker/docker-compose.yml up -d"),
]


@pytest.fixture
def neo4j():
    settings = Neo4jSettings(uri=os.environ["NEO4J_URI"], user=os.environ.get("NEO4J_USERNAME", "neo4j"),
                             password=os.environ.get("NEO4J_PASSWORD"), database=os.environ.get("NEO4J_DATABASE"))
    runner = connect(settings)
    runner.run("MATCH (n:Resource) DETACH DELETE n", write=True)
    yield runner, settings
    runner.run("MATCH (n:Resource) DETACH DELETE n", write=True)
    runner.close()


def test_load_is_idempotent_under_a_uniqueness_constraint(neo4j, seeds_graph):
    runner, settings = neo4j
    g = read_graph(seeds_graph)
    first = load(runner, g, settings)
    assert first.key == "constraint"
    assert (first.totals.nodes, first.totals.relationships) == expected_counts(g)
    second = load(runner, g, settings)
    assert second.totals == first.totals and not (second.added or second.changed or second.removed)
    assert_isomorphic(g, export_graph(runner)[0])


def test_the_readme_query_returns_cypher_dates(neo4j, seeds_graph):
    runner, settings = neo4j
    g = read_graph(seeds_graph)
    load(runner, g, settings)
    rows = runner.run("MATCH (p:Person {name:'Vladimir Putin'})-[:PARTICIPATED_IN]->(e:Call) "
                      "RETURN e.date AS date ORDER BY e.date")
    putin = next(g.subjects(RDFS.label, Literal("Vladimir Putin", lang="en")), None)
    calls = {KG.Call, KG.PhoneCall, KG.VideoCall}
    expected = sorted(DateValue(str(g.value(e, KG.date))).start() for e in g.subjects(KG.participant, putin)
                      if set(g.objects(e, RDF.type)) & calls and g.value(e, KG.date) is not None)
    assert [r["date"].to_native() for r in rows if r["date"] is not None] == expected


def test_versioned_reload_and_examples(neo4j, seeds_graph):
    runner, settings = neo4j
    old = read_graph(seeds_graph)
    new, added, changed, removed = newer_build(old)
    load(runner, old, settings)
    report = load(runner, new, settings)
    assert (report.added, report.changed, report.removed) == ([added], [changed], [removed])
    assert_isomorphic(new, export_graph(runner)[0])
    runner.run("MATCH (n:Resource) DETACH DELETE n", write=True)
    load(runner, old, settings)
    check(lambda q, p: runner.run(q, p), old)
