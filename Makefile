# Claim Ledger. `make run` opens the app; `make test` runs the whole suite offscreen.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PY := $(BIN)/python

.PHONY: run test test-keyring lint bench eval-corpus checkthat train schema screenshot clean package install-desktop icons

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
	$(BIN)/ruff check --no-cache desktop tests
	$(BIN)/lint-imports

# The bench extra (pysbd) has its own stamp, so `make test` neither needs nor installs it.
BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tests/bench/run.py

# Public corpora for `make bench` (never committed): pySBD's English tests and
# trafilatura's evaluation pages, fetched into tests/artifacts/corpora/, then scored.
CORPORA := tests/artifacts/corpora
PYSBD_URL := https://github.com/nipunsadvilkar/pySBD.git
TRAFILATURA_URL := https://github.com/adbar/trafilatura.git

eval-corpus: $(STAMP)
	@mkdir -p $(CORPORA)
	@if [ ! -d $(CORPORA)/pysbd/tests ]; then \
	  git clone --quiet --depth 1 --filter=blob:none --sparse $(PYSBD_URL) $(CORPORA)/pysbd && \
	  git -C $(CORPORA)/pysbd sparse-checkout set tests/lang tests/regression; fi
	@if [ ! -d $(CORPORA)/trafilatura/tests ]; then \
	  git clone --quiet --depth 1 --filter=blob:none --sparse $(TRAFILATURA_URL) \
	    $(CORPORA)/trafilatura && \
	  git -C $(CORPORA)/trafilatura sparse-checkout set tests/eval; fi
	$(PY) tests/bench/corpora.py

# The check-worthiness ranker. `make checkthat` fetches the CLEF CheckThat! 2019 task 1
# training debates (data/training only: the lab's test debates are never checked out,
# and with --filter=blob:none their contents are never even downloaded)
# into tests/artifacts/corpora/clef2019/; `make train` cross-validates by debate, prints
# the lab's measures and writes the learned weights (tests/bench/checkworthy_train.py).
CLEF2019_URL ?= https://github.com/telsayed/clef2019-factchecking-task1.git
CLEF2019 := $(CORPORA)/clef2019
# and CheckThat! 2020 task 2's tweets and the verified claims they restate (the matcher)
CLEF2020_URL ?= https://github.com/sshaar/clef2020-factchecking-task2.git
CLEF2020 := $(CORPORA)/clef2020-task2
# and ClaimBuster's labelled debate sentences (Arslan et al. 2020): one file of the
# repository, fetched alone (the repository also holds copies of the lab's test debates,
# which are never downloaded)
CLAIMBUSTER_URL ?= https://github.com/utaresearch/claimbuster-spotter.git
CLAIMBUSTER := $(CORPORA)/claimbuster
CLAIMBUSTER_FILE := data/two_class/kfold_25ncs.json
TRAIN_STAMP := $(VENV)/.installed-train

$(TRAIN_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,train]'
	touch $(TRAIN_STAMP)

checkthat:
	@mkdir -p $(CORPORA)
	@if [ ! -d $(CLEF2019)/data/training ]; then \
	  git clone --quiet --filter=blob:none --no-checkout $(CLEF2019_URL) $(CLEF2019) && \
	  git -C $(CLEF2019) sparse-checkout set --no-cone /README.md /data/training/ && \
	  git -C $(CLEF2019) checkout --quiet; fi
	@if [ ! -d $(CLEF2020)/v3.0 ]; then \
	  git clone --quiet --depth 1 --no-checkout $(CLEF2020_URL) $(CLEF2020)/repo && \
	  git -C $(CLEF2020)/repo show HEAD:data/v3.zip > $(CLEF2020)/v3.zip && \
	  git -C $(CLEF2020)/repo show HEAD:README.md > $(CLEF2020)/README.md && \
	  $(PYTHON) -m zipfile -e $(CLEF2020)/v3.zip $(CLEF2020) && rm -rf $(CLEF2020)/repo; fi
	@if [ ! -f $(CLAIMBUSTER)/kfold_25ncs.json ]; then \
	  git clone --quiet --depth 1 --filter=blob:none --no-checkout $(CLAIMBUSTER_URL) \
	    $(CLAIMBUSTER)/repo && \
	  git -C $(CLAIMBUSTER)/repo show HEAD:$(CLAIMBUSTER_FILE) > $(CLAIMBUSTER)/part.json && \
	  mv $(CLAIMBUSTER)/part.json $(CLAIMBUSTER)/kfold_25ncs.json && rm -rf $(CLAIMBUSTER)/repo; fi

train: $(TRAIN_STAMP) checkthat
	$(PY) tests/bench/checkworthy_train.py

schema: $(STAMP)
	$(PY) -m claimledger.store.schema_dump > schema/schema.sql
	$(PY) -m claimledger.exchange.schema > schema/ledger-file.v2.schema.json

# The one-folder app in dist/claim-ledger/ (PyInstaller); CI runs its --self-test.
# `make test` does not depend on it.
package: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,package]'
	$(BIN)/pyinstaller --noconfirm --clean packaging/claim-ledger.spec
	@echo "built dist/claim-ledger/; check it with: dist/claim-ledger/claim-ledger --self-test"

# Re-render packaging/icons/hicolor/*/apps/claim-ledger.png from the SVG (committed).
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/render_icons.py

# The launcher, icons, MIME type and AppStream metadata for the current user
# (~/.local/share). Exec=claim-ledger: put dist/claim-ledger on PATH or use pip's script.
DATA_HOME ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
install-desktop:
	install -d $(DATA_HOME)/applications $(DATA_HOME)/mime/packages $(DATA_HOME)/metainfo \
	  $(DATA_HOME)/icons/hicolor/scalable/apps
	install -m 644 packaging/claim-ledger.desktop $(DATA_HOME)/applications/
	install -m 644 packaging/claim-ledger-mime.xml $(DATA_HOME)/mime/packages/
	install -m 644 packaging/io.github.claimledger.ClaimLedger.metainfo.xml $(DATA_HOME)/metainfo/
	install -m 644 resources/icons/claim-ledger.svg $(DATA_HOME)/icons/hicolor/scalable/apps/
	for size in 16 32 48 64 128 256; do \
	  install -d $(DATA_HOME)/icons/hicolor/$${size}x$${size}/apps && \
	  install -m 644 packaging/icons/hicolor/$${size}x$${size}/apps/claim-ledger.png \
	    $(DATA_HOME)/icons/hicolor/$${size}x$${size}/apps/; \
	done
	-update-mime-database $(DATA_HOME)/mime >/dev/null 2>&1
	-update-desktop-database $(DATA_HOME)/applications >/dev/null 2>&1
	-gtk-update-icon-cache -q -t $(DATA_HOME)/icons/hicolor >/dev/null 2>&1
	@echo "installed the launcher, icons, MIME type and metainfo into $(DATA_HOME)"

screenshot: $(STAMP)
	$(BIN)/claim-ledger --screenshot docs-screenshot.png

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info tests/artifacts
