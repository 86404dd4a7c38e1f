"""The test server itself (tools/neo4j): Neo4j 5 Community on loopback with auth on, and the README's query on it."""

import subprocess

import neo4j as driver
import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from kg.fileio import read_graph
from kg.models import DateValue
from kg.neo4j_load import load
from kg.vocab import KG

from .neo4j_server import TOOLS

pytestmark = pytest.mark.neo4j


def test_it_is_neo4j_5_community_with_auth_on_loopback_only(bolt, neo4j):
    [component] = bolt.run("CALL dbms.components() YIELD name, versions, edition RETURN *")
    assert component["name"] == "Neo4j Kernel" and component["edition"] == "community"
    assert component["versions"][0].startswith("5.26.")
    pom = (TOOLS / "pom.xml").read_text(encoding="utf-8")
    assert f"<neo4j.version>{component['versions'][0]}</neo4j.version>" in pom
    settings = {r["name"]: r["value"] for r in bolt.run(
        "SHOW SETTINGS YIELD name, value WHERE name IN ['dbms.security.auth_enabled', "
        "'server.bolt.listen_address', 'server.http.enabled'] RETURN name, value")}
    assert settings["dbms.security.auth_enabled"] == "true"
    assert settings["server.bolt.listen_address"] == f"127.0.0.1:{neo4j.port}"
    with pytest.raises(driver.exceptions.AuthError):
        with driver.GraphDatabase.driver(neo4j.uri, auth=("neo4j", neo4j.password + "x")) as wrong:
            wrong.verify_connectivity()


def test_the_password_is_in_no_command_line(neo4j):
    args = (open(f"/proc/{neo4j.proc.pid}/cmdline", "rb").read()).decode()
    assert neo4j.password not in args
    listing = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert neo4j.password not in listing
    assert neo4j.password not in neo4j.log()


def test_the_readme_query_returns_cypher_dates(bolt, neo4j, seeds_graph):
    g = read_graph(seeds_graph)
    load(bolt, g, neo4j.settings())
    rows = bolt.run("MATCH (p:Person {name:'Vladimir Putin'})-[:PARTICIPATED_IN]->(e:Call) "
                    "RETURN e.date AS date ORDER BY e.date")
    putin = next(g.subjects(RDFS.label, Literal("Vladimir Putin", lang="en")), None)
    calls = {KG.Call, KG.PhoneCall, KG.VideoCall}
    expected = sorted(DateValue(str(g.value(e, KG.date))).start() for e in g.subjects(KG.participant, putin)
                      if set(g.objects(e, RDF.type)) & calls and g.value(e, KG.date) is not None)
    assert expected
    assert [r["date"].to_native() for r in rows if r["date"] is not None] == expected
