# Claim Ledger. `make run` opens the app; `make test` runs the whole suite offscreen.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PY := $(BIN)/python

.PHONY: run test lint bench schema screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/claim-ledger

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(BIN)/ruff check desktop tests
	$(BIN)/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tests/bench/run.py

schema: $(STAMP)
	$(PY) -m claimledger.store.schema_dump > schema/schema.sql

screenshot: $(STAMP)
	$(BIN)/claim-ledger --screenshot docs-screenshot.png

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info tests/artifacts
