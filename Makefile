# The two commands the README gives: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean browser neo4j

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds -o out/graph.ttl
	$(BIN)/kg events out/graph.ttl --format table

# Headless Chromium for the browser test of `kg report`. `make test` runs this step and says so;
# it installs Debian's chromium package alone (--no-install-recommends) and only when that upgrades
# no installed package: apt-get is asked first with -s (simulate), and any "Inst pkg [old version]"
# line (an upgrade) stops it. Where it cannot install (no apt, not root, an upgrade needed) the
# browser test skips and says why. Nothing else on the system is changed.
APT_GET  ?= apt-get
CHROMIUM ?= chromium

browser:
	@echo "make browser: the browser test of kg report needs $(CHROMIUM) (installs only that package, never upgrades others)"
	@if command -v $(CHROMIUM) >/dev/null 2>&1; then \
	  echo "make browser: $(CHROMIUM) is already installed"; \
	elif [ "$$(id -u)" != 0 ] || ! command -v $(APT_GET) >/dev/null 2>&1; then \
	  echo "make browser: not installing $(CHROMIUM) (needs root and apt-get): the browser test of kg report will be skipped"; \
	else \
	  $(APT_GET) update -qq >/dev/null 2>&1; \
	  plan=$$($(APT_GET) install -s --no-install-recommends chromium 2>/dev/null); \
	  upgrades=$$(printf '%s\n' "$$plan" | grep -c '^Inst [^ ]* \[' || true); \
	  if [ -z "$$plan" ]; then \
	    echo "make browser: apt-get cannot install chromium here: the browser test of kg report will be skipped"; \
	  elif [ "$$upgrades" != 0 ]; then \
	    echo "make browser: installing chromium would upgrade $$upgrades installed package(s); not installing (do it yourself: apt-get install --no-install-recommends chromium): the browser test of kg report will be skipped"; \
	  else \
	    echo "make browser: apt-get install --no-install-recommends chromium ($$(printf '%s\n' "$$plan" | grep -c '^Inst ') new package(s))"; \
	    DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq --no-install-recommends --no-upgrade chromium >/dev/null \
	      || echo "make browser: chromium could not be installed: the browser test of kg report will be skipped"; \
	  fi; \
	fi

# Neo4j 5 Community for the tests and for `tools/neo4j/run`, built from Maven Central by Maven
# (then offline, from Maven's local repository); needs Java 17 and mvn.
NEO4J_SERVER := tools/neo4j/target/classes/kg/neo4j/Server.class
$(NEO4J_SERVER): tools/neo4j/pom.xml tools/neo4j/src/main/java/kg/neo4j/Server.java
	@echo "building the Neo4j 5 server (tools/neo4j/pom.xml)"
	mvn -B -q -f tools/neo4j/pom.xml package
	@touch $@

neo4j: $(NEO4J_SERVER)

test: $(STAMP) browser neo4j
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out .pytest_cache tools/neo4j/target
