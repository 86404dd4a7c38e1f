"""Every example in queries/*.cypher runs over Bolt on the loaded seeds and returns what the graph says."""

import pytest

from kg.fileio import read_graph
from kg.neo4j_load import load

from .cypher_examples import QUERIES, check, read_cypher
from .falkordb_server import wipe

pytestmark = pytest.mark.falkordb


def test_every_example_query_runs_and_agrees_with_the_graph(bolt, falkordb, seeds_graph):
    g = read_graph(seeds_graph)
    load(bolt, g, falkordb.settings())
    results = check(lambda q, p: bolt.run(q, p), g)
    assert all(results.values())
    wipe(bolt)


def test_example_files_paste_as_they_are():
    for path in sorted(QUERIES.glob("*.cypher")):
        params, query = read_cypher(path)
        text = path.read_text(encoding="utf-8")
        assert text.startswith("// "), f"{path.name}: start with a comment saying what it answers"
        assert query.count(";") == 0, f"{path.name}: one query per file"
        for key in params:
            assert f"${key}" in query, f"{path.name}: :param {key} is not used"
        for used in set(__import__("re").findall(r"\$(\w+)", query)):
            assert used in params, f"{path.name}: ${used} has no :param line"
