"""Old workspaces upgrade to today's schema with their data and a backup; a workspace
from a newer app opens read-only and says so."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from claimledger.domain.status import Status
from claimledger.store import migrate
from claimledger.workspace import Workspace, WorkspaceError

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"
FIXTURES = sorted(SCHEMAS.glob("*.sqlite"))


def _version(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_there_is_a_fixture_for_every_revision():
    assert [p.stem for p in FIXTURES] == list(migrate.KNOWN), (
        "run tests/data/schemas/make_fixtures.py after adding a migration")


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_each_schema_upgrades_with_its_data_and_a_backup(fixture, tmp_path):
    db = tmp_path / "workspace.sqlite"
    shutil.copyfile(fixture, db)
    with Workspace(db, "Ana Lima") as ws:
        articles = {a.title: a for a in ws.articles()}
        assert len(articles) == 2
        council = articles["Council votes 6-3"]
        claims = ws.claims(council.id)
        assert len(claims) >= 4 and all(c.text for c in claims)
        verdicts = ws.verdicts(council.id)
        seen = {(v.reviewer, v.status, v.note) for vs in verdicts.values() for v in vs}
        assert ("Ana Lima", Status.SOURCED, "council minutes") in seen
        assert ("Ana Lima", Status.DISPUTED, "figure excludes children") in seen
        assert ("Ben Okafor", Status.UNVERIFIED, None) in seen
        ws.mark(claims[-1].id, Status.NOT_A_CLAIM)  # and it takes new work
        assert ws.projections_match_log() or fixture.stem < "0003"
        backups = ws.backups()
    assert _version(db) == migrate.HEAD
    if fixture.stem == migrate.HEAD:
        assert backups == []
        return
    assert len(backups) == 1
    assert backups[0].reason == f"before-upgrade-from-{fixture.stem[:4]}"
    assert backups[0].path.parent == tmp_path / "backups"
    assert backups[0].path.name.startswith("workspace-")
    assert _version(backups[0].path) == fixture.stem  # the backup is the old file's state
    assert backups[0].size == backups[0].path.stat().st_size > 0


def test_a_brand_new_workspace_gets_no_backup(tmp_path):
    with Workspace(tmp_path / "new.sqlite", "Ana") as ws:
        assert ws.backups() == []
    assert not (tmp_path / "backups").exists()


@pytest.fixture
def newer(tmp_path) -> Path:
    db = tmp_path / "workspace.sqlite"
    shutil.copyfile(SCHEMAS / f"{migrate.HEAD}.sqlite", db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    return db


def test_a_newer_schema_opens_read_only_and_every_write_says_why(newer, tmp_path):
    before = _sha(newer)
    with Workspace(newer, "Ana Lima") as ws:
        assert ws.read_only
        reason = ws.read_only_reason
        assert "newer version of Claim Ledger" in reason and "read-only" in reason
        assert "9999_from_the_future" in reason and "\n" not in reason
        # reading works
        council = next(a for a in ws.articles() if a.title == "Council votes 6-3")
        claims = ws.claims(council.id)
        assert ws.claim(claims[0].id).text == claims[0].text
        reviewed = next(iter(ws.verdicts(council.id)))
        assert any("Ben Okafor" in h.who for h in ws.history(reviewed))
        assert ws.projections_match_log()
        # every write refuses with the reason, changing nothing
        writes = [
            lambda: ws.mark(claims[0].id, Status.DISPUTED),
            lambda: ws.import_text("The mayor said on Monday that taxes would fall.", "T"),
            lambda: ws.add_source(claims[0].id, url="https://example.org", title="x"),
            lambda: ws.settle(claims[0].id, Status.SOURCED),
            lambda: ws.back_up(),
        ]
        for write in writes:
            with pytest.raises(WorkspaceError) as raised:
                write()
            assert str(raised.value) == reason
        report = ws.sync_files([tmp_path / "missing.cledger"])
        assert report.failures and report.new_events == 0
    assert _sha(newer) == before
    assert _version(newer) == "9999_from_the_future"
    assert not (newer.parent / "backups").exists()


def test_the_command_line_reads_a_newer_workspace_and_refuses_to_write(newer):
    from tests_ship_helpers import run_cli

    before = _sha(newer)
    listed = run_cli(newer, "articles")
    assert listed.returncode == 0, listed.stderr
    assert "Council votes 6-3" in listed.stdout
    article = listed.stdout.split()[0]
    claims = run_cli(newer, "claims", article)
    assert claims.returncode == 0, claims.stderr
    claim = claims.stdout.split()[0]
    marked = run_cli(newer, "mark", claim, "disputed")
    assert marked.returncode == 1
    assert marked.stderr.startswith("claim-ledger: error: ")
    assert "read-only" in marked.stderr and marked.stderr.count("\n") == 1
    assert _sha(newer) == before
