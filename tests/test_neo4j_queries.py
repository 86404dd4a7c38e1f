"""Every example in queries/*.cypher runs on Neo4j 5 over the loaded seeds, returns what the graph says,
and is planned on the constraint and indexes the loader makes."""

import re

import neo4j as driver
import pytest

from kg.fileio import read_graph
from kg.neo4j_load import load, node_query, rel_query

from .cypher_examples import QUERIES, check, read_cypher

NAMES = ("name", "name_ar", "wikidata")
# query file -> the indexes its lookups should read (seek, or scan in order) (None: it reads every matching node on purpose)
INDEXED = {
    "leader-contacts.cypher": {f"Person({k})" for k in NAMES},
    "events-in-place.cypher": {f"Place({k})" for k in NAMES},
    "two-leaders-timeline.cypher": {f"Actor({k})" for k in NAMES},
    "events-with-evidence.cypher": {"Event(date)"},
    "top-pairs.cypher": None,  # every pair of every event that took place: a scan is the plan
}


def operators(plan) -> list[tuple[str, str]]:
    """(operator, details) of every step of a plan, depth first."""
    out = [(plan["operatorType"].split("@")[0], plan.get("args", {}).get("Details", ""))]
    for child in plan.get("children", []):
        out += operators(child)
    return out


@pytest.fixture
def explain(neo4j):
    with driver.GraphDatabase.driver(neo4j.uri, auth=("neo4j", neo4j.password)) as d:
        def plan(query: str, params: dict | None = None) -> list[tuple[str, str]]:
            with d.session() as s:
                return operators(s.run("EXPLAIN " + query, params or {}).consume().plan)
        yield plan


pytestmark = pytest.mark.neo4j


def test_every_example_query_runs_and_agrees_with_the_graph(bolt, neo4j, seeds_graph):
    g = read_graph(seeds_graph)
    load(bolt, g, neo4j.settings())
    results = check(lambda q, p: bolt.run(q, p), g)
    assert all(results.values())


def test_every_example_query_starts_from_an_index(bolt, neo4j, seeds_graph, explain):
    load(bolt, read_graph(seeds_graph), neo4j.settings())
    assert set(INDEXED) == {p.name for p in QUERIES.glob("*.cypher")}, "a new example needs its expected plan"
    for path in sorted(QUERIES.glob("*.cypher")):
        params, query = read_cypher(path)
        steps = explain(query, params)
        wanted = INDEXED[path.name]
        if wanted is None:
            assert not [op for op, _ in steps if op == "AllNodesScan"], (path.name, steps)
            continue
        seeks = {m for op, details in steps if op.startswith("NodeIndex")
                 for m in re.findall(r"RANGE INDEX \w+:(\w+\(\w+\))", details)}
        assert seeks == wanted, f"{path.name} reads the indexes {seeks}, not {wanted}: {steps}"
        assert not [op for op, _ in steps if op in ("AllNodesScan", "NodeByLabelScan")], (path.name, steps)


def test_the_loaders_merges_seek_the_uniqueness_constraint(bolt, neo4j, seeds_graph, explain):
    load(bolt, read_graph(seeds_graph), neo4j.settings())  # the constraint exists
    for query in (node_query(("Event", "Call", "PhoneCall")), rel_query("PARTICIPATED_IN")):
        steps = explain(query, {"rows": []})
        assert [op for op, _ in steps if op.startswith("NodeUniqueIndexSeek")], (query, steps)
        assert not [op for op, _ in steps if op in ("AllNodesScan", "NodeByLabelScan")], (query, steps)


def test_example_files_paste_as_they_are():
    for path in sorted(QUERIES.glob("*.cypher")):
        params, query = read_cypher(path)
        text = path.read_text(encoding="utf-8")
        assert text.startswith("// "), f"{path.name}: start with a comment saying what it answers"
        assert query.count(";") == 0, f"{path.name}: one query per file"
        for key in params:
            assert f"${key}" in query, f"{path.name}: :param {key} is not used"
        for used in set(re.findall(r"\$(\w+)", query)):
            assert used in params, f"{path.name}: ${used} has no :param line"
