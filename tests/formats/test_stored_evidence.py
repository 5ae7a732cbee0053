"""A local file attached as evidence is stored by its SHA-256: the copy cannot change
under the reviewer, ledger files carry only the hash, and a receiver can check theirs."""

from __future__ import annotations

import hashlib
import json

from formats_kit import claims_with, pdf_text

from claimledger.domain.status import Status
from sync_desk import SAMPLE

MEMO = "Ministry memo 🧾 on February grain figures\n".encode() * 200


def _attached(desk, tmp_path):
    ana = desk.reviewer("Ana Ruiz")
    article_id = ana.import_files([SAMPLE]).imported[0].id
    (claim,) = claims_with(ana, article_id, "rose 18 percent in February")
    ana.mark(claim, Status.SOURCED)
    memo = tmp_path / "ministry memo.pdf"
    memo.write_bytes(MEMO)
    source_id, _ = ana.add_source(claim, file=str(memo), stance="supports")
    return ana, article_id, claim, source_id, memo


def test_the_file_is_copied_under_its_hash_and_the_copy_stays(desk, tmp_path):
    ana, _, claim, source_id, memo = _attached(desk, tmp_path)
    stored = ana.stored_file(source_id)
    assert stored.sha256 == hashlib.sha256(MEMO).hexdigest() and stored.present
    assert stored.name == "ministry memo.pdf" and stored.attached
    assert stored.path.parent == ana.evidence_folder and stored.path.suffix == ".pdf"
    memo.write_bytes(b"edited after the verdict")
    assert stored.path.read_bytes() == MEMO
    (source,) = ana.sources(claim)
    assert source.title == "ministry memo.pdf" and source.kind == "document"


def test_ledger_files_carry_the_hash_and_a_receiver_checks_their_copy(desk, tmp_path):
    ana, article_id, claim, source_id, memo = _attached(desk, tmp_path)
    ledger = desk.export(ana, "ana")
    body = ledger.read_text(encoding="utf-8")
    assert "Ministry memo" not in body  # the file's content never travels
    assert f"sha256:{hashlib.sha256(MEMO).hexdigest()}:ministry memo.pdf" in body
    ben = desk.reviewer("Ben Ode")
    assert not ben.sync_files([ledger], accept_new_reviewers=True).failures
    theirs = ben.stored_file(source_id)
    assert theirs.sha256 == hashlib.sha256(MEMO).hexdigest() and not theirs.present
    other = tmp_path / "other.pdf"
    other.write_bytes(MEMO + b" ")
    assert ben.check_file(source_id, other) is False
    assert not ben.stored_file(source_id).present
    same = tmp_path / "same.pdf"
    same.write_bytes(MEMO)
    assert ben.check_file(source_id, same) is True
    assert ben.stored_file(source_id).path.read_bytes() == MEMO


def test_the_pdf_shows_the_hash_and_the_date_attached(desk, tmp_path):
    ana, article_id, _, source_id, _ = _attached(desk, tmp_path)
    ana.export_pdf([article_id], tmp_path / "r.pdf")
    text = pdf_text(tmp_path / "r.pdf").replace(" ", "")
    stored = ana.stored_file(source_id)
    assert f"SHA-256{stored.sha256}" in text or stored.sha256 in text
    assert f"attached{stored.attached}" in text


def test_the_sources_tab_shows_the_hash_and_opens_the_stored_copy(desk, tmp_path):
    from claimledger.ui.views.sources_panel import link_for, source_html

    ana, _, claim, source_id, _ = _attached(desk, tmp_path)
    (source,) = ana.sources(claim)
    stored = ana.stored_file(source_id)
    html = source_html(source, ana.evidence_folder)
    assert stored.sha256 in html and f"attached {stored.attached}" in html
    assert link_for(source, ana.evidence_folder).endswith(stored.path.name)
    assert link_for(source) is None


def test_the_command_line_attaches_and_checks_a_file(cli, tmp_path):
    cli("import", SAMPLE)
    article = cli("articles").stdout.decode().split()[0]
    claims = json.loads(cli("claims", "--json", article).stdout)
    claim = next(c["id"] for c in claims if c["kind"] == "claim")
    memo = tmp_path / "memo.txt"
    memo.write_bytes(MEMO)
    done = cli("source", "add", claim, "--file", memo)
    assert done.returncode == 0, done.stderr
    digest = hashlib.sha256(MEMO).hexdigest()
    assert f"sha256:{digest}" in done.stdout.decode()
    source = done.stdout.decode().split()[0]
    listed = json.loads(cli("sources", "--json", claim).stdout)
    assert listed[0]["sha256"] == digest
    assert cli("source", "check", source, memo).returncode == 0
    memo.write_bytes(b"changed")
    refused = cli("source", "check", source, memo)
    assert refused.returncode == 1 and b"differs" in refused.stderr
    missing = cli("source", "add", claim, "--file", tmp_path / "nope.pdf")
    assert missing.returncode == 1 and missing.stderr.decode().count("\n") == 1
