"""Automatic backups before a ledger import, rotation, and restoring a backup."""

from __future__ import annotations

import sqlite3

import pytest

from claimledger.domain.status import Status
from claimledger.store import backup
from claimledger.workspace import Workspace, WorkspaceError

COUNCIL = ("Council votes 6-3 to close the library\n\nThe city council voted 6-3 on Tuesday "
           "to close the branch. Visits had fallen 38 percent since 2019, a member said.\n")


def _workspace(path, name="Ana"):
    return Workspace(path, name, allow_file_key=True)


def test_importing_a_ledger_with_new_events_backs_up_first(tmp_path):
    theirs = tmp_path / "ben" / "ws.sqlite"
    with _workspace(theirs, "Ben") as ben:
        article = ben.import_text(COUNCIL, "Council")
        ben.mark(ben.claims(article.id)[1].id, Status.DISPUTED)
        ben.unlock()
        ben.export_ledger(tmp_path / "ben.cledger")
    mine = tmp_path / "ana" / "ws.sqlite"
    with _workspace(mine) as ana:
        ana.import_text("The mayor said taxes would fall by 3 percent next year.", "Taxes")
        report = ana.sync_files([tmp_path / "ben.cledger"], accept_new_reviewers=True)
        assert report.new_events > 0 and not report.failures
        made = ana.backups()
        assert [b.reason for b in made] == ["before-sync"]
        with sqlite3.connect(made[0].path) as conn:  # the state before the merge
            assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == 1
        again = ana.sync_files([tmp_path / "ben.cledger"], accept_new_reviewers=True)
        assert again.new_events == 0
        assert len(ana.backups()) == 1  # nothing new: no backup


def test_only_the_newest_ten_backups_are_kept(tmp_path):
    db = tmp_path / "ws.sqlite"
    with _workspace(db) as ws:
        ws.import_text(COUNCIL, "Council")
        for n in range(13):
            ws.back_up(f"step {n}")
        kept = ws.backups()
    assert len(kept) == backup.KEEP
    assert [b.reason for b in kept] == [f"step-{n}" for n in range(12, 2, -1)]
    assert len(list((tmp_path / "backups").iterdir())) == backup.KEEP  # no temp files


def test_restore_brings_back_the_old_state_and_keeps_the_current_one(tmp_path):
    db = tmp_path / "ws.sqlite"
    ws = _workspace(db)
    article = ws.import_text(COUNCIL, "Council")
    claim = ws.claims(article.id)[1].id
    saved = ws.back_up("checkpoint")
    ws.mark(claim, Status.DISPUTED, note="after the checkpoint")
    assert ws.restore_backup(saved.path) == db
    with pytest.raises(WorkspaceError, match="open the workspace again"):
        ws.articles()
    ws.close()
    with _workspace(db) as reopened:
        assert reopened.claim(claim).status is Status.UNREVIEWED
        assert reopened.projections_match_log()
        reasons = [b.reason for b in reopened.backups()]
        assert reasons[0] == "before-restore"
        before_restore = reopened.backups()[0].path
    with sqlite3.connect(before_restore) as conn:  # the undone work is still in a backup
        notes = [r[0] for r in conn.execute("SELECT note FROM verdict")]
    assert "after the checkpoint" in notes
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("content", [b"", b"not a database at all\n"])
def test_restoring_something_that_is_not_a_workspace_is_refused(tmp_path, content):
    db = tmp_path / "ws.sqlite"
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(content)
    with _workspace(db) as ws:
        article = ws.import_text(COUNCIL, "Council")
        with pytest.raises(WorkspaceError, match="Cannot restore bogus.sqlite"):
            ws.restore_backup(bogus)
        assert ws.article(article.id).title == "Council"  # still open and unchanged
        assert ws.backups() == []


def test_a_backup_that_cannot_be_written_stops_the_import_cleanly(tmp_path, monkeypatch):
    db = tmp_path / "ws.sqlite"
    with _workspace(tmp_path / "ben.sqlite", "Ben") as ben:
        ben.import_text(COUNCIL, "Council")
        ben.unlock()
        ben.export_ledger(tmp_path / "ben.cledger")

    def no_space(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    with _workspace(db) as ana:
        monkeypatch.setattr(backup, "_copy_database", no_space)
        report = ana.sync_files([tmp_path / "ben.cledger"], accept_new_reviewers=True)
        assert report.new_events == 0
        assert "No space left on device" in report.failures[0][1]
        assert ana.articles() == []
