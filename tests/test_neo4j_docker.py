"""docker/docker-compose.yml and the README's Neo4j walk-through stay what a user can follow."""

import re

import pytest

from .conftest import ROOT

COMPOSE = ROOT / "docker" / "docker-compose.yml"


def test_compose_starts_neo4j_5_community_with_auth_from_the_environment():
    yaml = pytest.importorskip("yaml", reason="PyYAML reads the compose file (pip install pyyaml)")
    neo4j = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))["services"]["neo4j"]
    assert neo4j["image"].startswith("neo4j:5") and "enterprise" not in neo4j["image"]
    auth = neo4j["environment"]["NEO4J_AUTH"]
    assert "${NEO4J_PASSWORD:?" in auth and "${NEO4J_USERNAME:-neo4j}" in auth  # no password in the file
    assert set(neo4j["ports"]) == {"127.0.0.1:7474:7474", "127.0.0.1:7687:7687"}
    assert any(v.endswith(":/data") for v in neo4j["volumes"])
    check = neo4j["healthcheck"]["test"]
    assert "cypher-shell" in check[1] and "$${NEO4J_AUTH" in check[1]  # $$: expanded in the container, not here


def test_readme_walks_through_compose_load_browser_and_examples():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Neo4j"):]
    section = section[:section.index("\n## ", 4)]
    for step in ("docker compose -f docker/docker-compose.yml up -d", "kg load out/graph.ttl",
                 "http://localhost:7474", "kg export --from-neo4j", "--neo4j"):
        assert step in section, step
    for path in sorted((ROOT / "queries").glob("*.cypher")):
        assert f"queries/{path.name}" in section, path.name
    for var in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        assert var in section
    assert re.search(r"MATCH \(p:Person \{name:'Vladimir Putin'\}\)-\[:PARTICIPATED_IN\]->\(e:Call\)", section)
