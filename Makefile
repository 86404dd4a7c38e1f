# The two commands the README gives: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean chromium neo4j

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds -o out/graph.ttl
	$(BIN)/kg events out/graph.ttl --format table

# Headless Chromium for the browser test of `kg report` (CI runs as root on Debian);
# where it cannot be installed (no apt, not root) that one test skips and says why.
chromium:
	@command -v chromium >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || \
	  echo "chromium could not be installed: the browser test of kg report will be skipped"

# Neo4j 5 Community for the tests and for `tools/neo4j/run`, built from Maven Central by Maven
# (then offline, from Maven's local repository); needs Java 17 and mvn.
NEO4J_SERVER := tools/neo4j/target/classes/kg/neo4j/Server.class
$(NEO4J_SERVER): tools/neo4j/pom.xml tools/neo4j/src/main/java/kg/neo4j/Server.java
	@echo "building the Neo4j 5 server (tools/neo4j/pom.xml)"
	mvn -B -q -f tools/neo4j/pom.xml package
	@touch $@

neo4j: $(NEO4J_SERVER)

test: $(STAMP) chromium neo4j
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out .pytest_cache tools/neo4j/target
