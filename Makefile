# Claim Ledger. `make run` opens the app; `make test` runs the whole suite offscreen.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PY := $(BIN)/python

.PHONY: run test test-keyring lint bench schema screenshot clean

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

# The keyring test against a real Secret Service: a private D-Bus session with an
# fresh gnome-keyring in a temporary HOME, unlocked with a throwaway password, as CI runs it.
test-keyring: $(STAMP)
	home=$$(mktemp -d) && HOME=$$home XDG_DATA_HOME=$$home/data XDG_RUNTIME_DIR=$$home \
	  dbus-run-session -- sh -c 'printf "throwaway-ci" | gnome-keyring-daemon --unlock --components=secrets \
	  >/dev/null && CLAIM_LEDGER_SECRET_SERVICE=1 QT_QPA_PLATFORM=offscreen \
	  $(PY) -m pytest -q tests/exchange/test_secret_service.py'; status=$$?; rm -rf $$home; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check desktop tests
	$(BIN)/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tests/bench/run.py

schema: $(STAMP)
	$(PY) -m claimledger.store.schema_dump > schema/schema.sql
	$(PY) -m claimledger.exchange.schema > schema/ledger-file.v1.schema.json

screenshot: $(STAMP)
	$(BIN)/claim-ledger --screenshot docs-screenshot.png

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info tests/artifacts
