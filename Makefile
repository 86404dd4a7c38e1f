# The two commands the README gives: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean chromium

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

test: $(STAMP) chromium
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out .pytest_cache
