# The two commands the README gives: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install clean browser

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

test: $(STAMP) browser
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out .pytest_cache
