"""Untrusted input: hostile HTML reads no local file and touches no network, and quickly;
fuzzed article and ledger bytes fail only with the app's own clear errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hostile_driver import offsets_ok
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests_ship_helpers import ROOT, child_env

from claimledger.exchange.errors import LedgerFileError
from claimledger.exchange.ledgerfile import parse_ledger_bytes, read_ledger_file
from claimledger.text import ArticleError, prepare_article

DRIVER = ROOT / "tests" / "ship" / "hostile_driver.py"
SAMPLES = sorted((ROOT / "resources" / "samples").iterdir())
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def test_hostile_html_reads_no_local_file_and_no_network(tmp_path):
    result = subprocess.run([sys.executable, str(DRIVER), str(tmp_path)], capture_output=True,
                            text=True, env=child_env(), timeout=120)  # a hung parse fails here
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    print(f"hostile HTML ({report['bytes'] / 1e6:.1f} MB) imported in {report['seconds']} s")
    assert report["opened"] == [] and report["connected"] == []
    assert report["error"] is None and report["has_body"]
    assert report["offsets_ok"] and not report["leaked"]


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for position, cut, insert in edits:
        if not out:
            out.extend(insert)
            continue
        at = position % len(out)
        out[at:at + cut] = insert
    return bytes(out)


EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 64),
                           st.binary(max_size=32)), max_size=8)


def _prepare_or_refuse(data: bytes, name: str) -> None:
    try:
        article = prepare_article(data, name)
    except ArticleError as error:
        assert str(error) and "\n" not in str(error).strip()
        return
    assert offsets_ok(article)


@FUZZ
@given(data=st.binary(max_size=4096),
       name=st.sampled_from(["a.txt", "a.md", "a.html", "a.htm", "noext", "a.HTML"]))
def test_arbitrary_bytes_import_or_fail_with_an_article_error(data, name):
    _prepare_or_refuse(data, name)


@FUZZ
@given(sample=st.sampled_from(SAMPLES), edits=EDITS)
def test_mutated_samples_import_or_fail_with_an_article_error(sample, edits):
    _prepare_or_refuse(_mutate(sample.read_bytes(), edits), sample.name)


@pytest.fixture(scope="module")
def ledger_bytes(tmp_path_factory) -> bytes:
    import keyring
    from keyring.backends import null

    from claimledger.domain.status import Status
    from claimledger.workspace import Workspace

    folder = tmp_path_factory.mktemp("ledger")
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())  # the key goes to a file in `folder`
    try:
        with Workspace(folder / "ws.sqlite", "Ana", config_dir=folder / "config",
                       allow_file_key=True) as ws:
            article = ws.import_text("The council voted 6-3 on Tuesday. Visits fell 38 "
                                     "percent since 2019, a member said.", "Council")
            ws.mark(ws.claims(article.id)[0].id, Status.DISPUTED, note="ünïcödé ✓")
            ws.unlock()
            ws.export_ledger(folder / "ana.cledger")
    finally:
        keyring.set_keyring(previous)
    return (folder / "ana.cledger").read_bytes()


def _parse_or_refuse(data: bytes) -> None:
    try:
        parse_ledger_bytes(data)
    except LedgerFileError as error:
        assert str(error)


@FUZZ
@given(data=st.binary(max_size=4096))
def test_arbitrary_bytes_as_a_ledger_fail_with_a_ledger_file_error(data):
    _parse_or_refuse(data)


@FUZZ
@given(edits=EDITS)
def test_mutated_ledger_files_fail_with_a_ledger_file_error(ledger_bytes, edits, tmp_path_factory):
    data = _mutate(ledger_bytes, edits)
    _parse_or_refuse(data)
    path = tmp_path_factory.mktemp("mutated") / "x.cledger"
    path.write_bytes(data)
    try:
        read_ledger_file(path)
    except LedgerFileError:
        pass


def test_the_unmutated_ledger_parses(ledger_bytes):
    assert len(parse_ledger_bytes(ledger_bytes).events) >= 3
