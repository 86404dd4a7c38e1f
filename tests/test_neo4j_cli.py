"""`kg load`, `kg export --from-neo4j` and `kg build --neo4j` in-process, against the test Neo4j 5 server."""

import json
import socket

import pytest
from rdflib import Literal, URIRef

from kg.cli import app
from kg.fileio import read_graph

from .conftest import SEEDS
from .neo4j_server import wipe
from .test_neo4j_load import expected_counts
from .test_neo4j_model import assert_isomorphic

pytestmark = pytest.mark.neo4j
SECRET = "s3cr3t-Passw0rd-never-shown"


@pytest.fixture
def env(neo4j, bolt, monkeypatch):
    """NEO4J_* variables pointing at the test server, with its password; database empty."""
    monkeypatch.setenv("NEO4J_URI", neo4j.uri)
    monkeypatch.setenv("NEO4J_USERNAME", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j.password)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    yield neo4j
    wipe(bolt)


SMALL_BATCHES = ["--batch-size", "80"]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: nothing listens there


def test_load_then_load_again(runner, env, seeds_graph):
    first = runner.invoke(app, ["load", str(seeds_graph), *SMALL_BATCHES])
    assert first.exit_code == 0, first.output
    g = read_graph(seeds_graph)
    nodes, rels = expected_counts(g)
    assert f"stored           {nodes} nodes, {rels} relationships" in first.output
    assert "key              uniqueness constraint on :Resource(uri)" in first.output
    assert env.password not in first.output
    second = runner.invoke(app, ["load", str(seeds_graph), *SMALL_BATCHES, "--json"])
    assert second.exit_code == 0, second.output
    report = json.loads(second.stdout)
    assert (report["added"], report["changed"], report["removed"]) == ([], [], [])
    assert report["totals"]["nodes"] == nodes and report["totals"]["relationships"] == rels


def test_export_from_neo4j_gives_back_the_loaded_graph(runner, env, seeds_graph, tmp_path):
    assert runner.invoke(app, ["load", str(seeds_graph), *SMALL_BATCHES, "-q"]).exit_code == 0
    out = tmp_path / "back.ttl"
    result = runner.invoke(app, ["export", "--from-neo4j", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"triples from {env.uri}" in result.output
    assert_isomorphic(read_graph(seeds_graph), read_graph(out))


def test_build_with_neo4j_loads_what_it_wrote(runner, env, tmp_path):
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(SEEDS), "-o", str(out), "--neo4j", *SMALL_BATCHES])
    assert result.exit_code == 0, result.output
    assert "validation       conforms" in result.output and f"into {env.uri}" in result.output
    check = runner.invoke(app, ["load", str(out), *SMALL_BATCHES, "--json"])
    report = json.loads(check.stdout)
    assert report["added"] == [] and report["changed"] == [] and report["removed"] == []
    assert (report["totals"]["nodes"], report["totals"]["relationships"]) == expected_counts(read_graph(out))


def test_an_unreachable_server_is_a_clean_error_without_the_password(runner, seeds_graph, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    uri = f"bolt://127.0.0.1:{closed_port()}"
    for args in (["load", str(seeds_graph), "--uri", uri],
                 ["load", str(seeds_graph), "--uri", uri, "--password", SECRET],
                 ["export", "--from-neo4j", "-o", "x.ttl", "--uri", uri]):
        result = runner.invoke(app, args)
        assert result.exit_code == 3, result.output
        assert f"error: cannot reach a Neo4j server at {uri}" in result.output
        assert "Connection refused" in result.output and "docker compose" in result.output
        assert "Traceback" not in result.output and SECRET not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_refused_credentials_are_a_clean_error_without_the_password(runner, env, seeds_graph, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)  # not the server's password
    for user in ("neo4j", "alice"):
        result = runner.invoke(app, ["load", str(seeds_graph), "--user", user])
        assert result.exit_code == 3, result.output
        assert f"error: {env.uri} refused the user name or password" in result.output
        assert SECRET not in result.output and env.password not in result.output and "Traceback" not in result.output


def test_a_missing_database_is_named(runner, env, seeds_graph):
    result = runner.invoke(app, ["load", str(seeds_graph), "--database", "nosuchdb"])
    assert result.exit_code == 3, result.output
    assert "has no database 'nosuchdb'" in result.output and env.password not in result.output


def test_credentials_in_the_uri_are_never_printed(runner, seeds_graph):
    result = runner.invoke(app, ["load", str(seeds_graph), "--uri", f"bolt://bob:{SECRET}@127.0.0.1:{closed_port()}"])
    assert result.exit_code == 3
    assert SECRET not in result.output and "bob" not in result.output


def test_help_never_shows_the_password(runner, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    for cmd in ("load", "build", "export"):
        result = runner.invoke(app, [cmd, "--help"])
        assert result.exit_code == 0 and "NEO4J_PASSWORD" in result.output and SECRET not in result.output
    assert "Example" in runner.invoke(app, ["load", "--help"]).output


def test_a_graph_outside_the_model_is_refused_before_connecting(runner, seeds_graph, tmp_path):
    g = read_graph(seeds_graph)
    g.add((URIRef("https://w3id.org/kg-events/id/person/Q7747"), URIRef("http://example.org/mood"), Literal("calm")))
    bad = tmp_path / "bad.nt"
    bad.write_text(g.serialize(format="nt"), encoding="utf-8")
    result = runner.invoke(app, ["load", str(bad), "--uri", f"bolt://127.0.0.1:{closed_port()}"])
    assert result.exit_code == 2, result.output  # 2, not 3: the server was never asked
    assert "1 of" in result.output and "<http://example.org/mood>" in result.output


def test_other_formats_load_too(runner, env, seeds_graph, tmp_path):
    g = read_graph(seeds_graph)
    for ext, fmt in ((".nt", "nt"), (".jsonld", "json-ld")):
        path = tmp_path / f"g{ext}"
        path.write_text(g.serialize(format=fmt), encoding="utf-8")
        result = runner.invoke(app, ["load", str(path), *SMALL_BATCHES, "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["totals"]["relationships"] == expected_counts(g)[1]


def test_export_takes_files_or_neo4j_not_both(runner, seeds_graph, tmp_path):
    result = runner.invoke(app, ["export", str(seeds_graph), "--from-neo4j", "-o", str(tmp_path / "x.ttl")])
    assert result.exit_code == 2 and "not both" in result.output
