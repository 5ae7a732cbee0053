"""Workspaces and ledger files written before content-addressed ids stay readable: their
random UUID ids verify as they were signed, and new events get content ids beside them."""

from __future__ import annotations

import shutil
from pathlib import Path

from malicious_peer import state

from claimledger.domain.events import is_content_id
from claimledger.exchange.ledgerfile import read_ledger_file
from claimledger.workspace import Workspace

LEGACY = Path(__file__).resolve().parents[1] / "data" / "legacy"


def _ids(ws: Workspace) -> list[str]:
    with ws.db.read() as conn:
        return [r[0] for r in conn.exec_driver_sql("SELECT id FROM event ORDER BY seq")]


def test_a_format_1_workspace_opens_verifies_and_takes_new_events(tmp_path):
    shutil.copy(LEGACY / "v1-workspace.sqlite", tmp_path / "ben.sqlite")
    cy = Workspace(tmp_path / "ben.sqlite", "Cy Lam", config_dir=tmp_path / "config-cy")
    try:
        assert cy.projections_match_log()
        old = _ids(cy)
        assert old and not any(is_content_id(i) for i in old)
        article = cy.articles()[0].id
        claim = next(c.id for c in cy.claims(article) if c.kind == "claim")
        cy.mark(claim, "unverified")
        new = [i for i in _ids(cy) if i not in old]
        assert len(new) == 2 and all(is_content_id(i) for i in new)  # joined + verdict
        exported = tmp_path / "cy.cledger"
        cy.export_ledger(exported)
        assert read_ledger_file(exported).version == 2
    finally:
        cy.close()
    dan = Workspace(tmp_path / "dan.sqlite", "Dan Ito", config_dir=tmp_path / "config-dan")
    try:
        report = dan.sync_files([exported], accept_new_reviewers=True)
        assert not report.failures and report.files[0].new_events == len(old) + 2
        assert dan.projections_match_log()
        verdicts = {v.reviewer for v in dan.verdicts(article)[claim]}
        assert "Cy Lam" in verdicts
    finally:
        dan.close()


def test_a_format_1_ledger_file_merges_and_again_changes_nothing(tmp_path):
    ledger = read_ledger_file(LEGACY / "v1-ana.cledger")
    assert ledger.version == 1 and not ledger.chains
    eve = Workspace(tmp_path / "eve.sqlite", "Eve Ruiz", config_dir=tmp_path / "config-eve")
    try:
        report = eve.sync_files([LEGACY / "v1-ana.cledger"], accept_new_reviewers=True)
        assert not report.failures and report.files[0].new_events == len(ledger.events)
        once = state(eve)
        again = eve.sync_files([LEGACY / "v1-ana.cledger"])
        assert again.files[0].new_events == 0 and again.files[0].known_events == len(
            ledger.events)
        assert state(eve) == once and eve.projections_match_log()
        shutil.copy(LEGACY / "v1-workspace.sqlite", tmp_path / "ben.sqlite")
        ben = Workspace(tmp_path / "ben.sqlite", "Ben Ode", config_dir=tmp_path / "c-ben")
        try:
            ben.export_ledger(tmp_path / "ben.cledger")
        finally:
            ben.close()
        merged = eve.sync_files([tmp_path / "ben.cledger"], accept_new_reviewers=True)
        assert not merged.failures and merged.files[0].new_events == 3  # Ben's three
    finally:
        eve.close()
