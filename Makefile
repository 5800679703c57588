# negotrack's developer entry points. Two are all a newcomer needs:
#   make demo   a light runtime install, then the seed dossiers summarised and rendered to out/
#   make test   the full install (test extras, Chromium, JS test assets), then every check
# Both work on a fresh machine with only Python 3.11, make and root (or sudo).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PIP := $(PY) -m pip --disable-pip-version-check --quiet

# Playwright drives Debian's Chromium; it must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export CHROMIUM ?= /usr/bin/chromium
# Extra pytest arguments for `make test` / `make check`, e.g. PYTEST_ARGS="-k diff -x".
PYTEST_ARGS ?=

# The API reference covers the package and each public module (pdoc lists only the
# submodules named in __all__, and negotrack's __all__ names objects, not modules).
DOC_MODULES = negotrack $(sort $(subst /,.,$(basename $(wildcard negotrack/[a-z]*.py negotrack/[a-z]*/[a-z]*.py))))

# Stamps: re-install only when what they depend on changes.
RUNTIME_STAMP := $(VENV)/.stamp-runtime
TEST_STAMP := $(VENV)/.stamp-test
NODE_STAMP := node_modules/.stamp-npm-ci

.PHONY: help demo test check check-fast lint format typecheck bench docs system-deps clean distclean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

$(BIN)/python:
	@PYTHON=$(PYTHON) scripts/install-system-deps.sh venv
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	@touch $@

# The build backend too (pyproject's [build-system] requires): the packaging tests build
# the wheel and sdist with it offline, with no isolated environment to download.
$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]' $$($(PY) scripts/build_requires.py)
	@touch $@ $(RUNTIME_STAMP)

system-deps:  ## Chromium and Node from Debian's packages, when missing
	@scripts/install-system-deps.sh

$(NODE_STAMP): package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

demo: $(RUNTIME_STAMP)  ## summarise and render every seed dossier into out/
	$(PY) scripts/demo.py

test: $(TEST_STAMP) system-deps $(NODE_STAMP)  ## install everything, then run every check
	@scripts/check.sh $(BIN) $(PYTEST_ARGS)

check: $(TEST_STAMP)  ## every check, without installing system packages
	@scripts/check.sh $(BIN) $(PYTEST_ARGS)

check-fast: $(TEST_STAMP)  ## the inner loop: ruff, mypy and every test but tests/system
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q -m "not system" $(PYTEST_ARGS)

lint: $(TEST_STAMP)  ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(TEST_STAMP)  ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(TEST_STAMP)  ## mypy --strict (files and settings in pyproject.toml)
	$(BIN)/mypy

bench: $(TEST_STAMP)  ## the performance bars, as ratios against floors
	$(PY) -m benchmarks.run

docs: $(TEST_STAMP)  ## the docs as HTML into docs/_build/ (API reference from docstrings in api/)
	@rm -rf docs/_build/api
	$(BIN)/pdoc --docformat restructuredtext --output-directory docs/_build/api $(DOC_MODULES)
	$(PY) scripts/build_docs.py
	@echo "Docs: docs/_build/index.html (API reference: docs/_build/api/index.html)"

clean:  ## remove build, cache and output files (keeps .venv and node_modules)
	rm -rf out dist build docs/_build .mypy_cache .ruff_cache .pytest_cache .hypothesis \
		tests/artifacts *.egg-info
	find . -name __pycache__ -type d -not -path './.venv/*' -not -path './node_modules/*' \
		-prune -exec rm -rf {} +

distclean: clean  ## also remove .venv and node_modules
	rm -rf $(VENV) node_modules
