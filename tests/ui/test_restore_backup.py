"""File ▸ Restore Backup…: the list of backups, a confirmation, and the window showing
the restored workspace."""

from __future__ import annotations

import pytest
from assist_helpers import snapshot
from window_helpers import HARBOUR, apply_changes, import_through_window, shown

from claimledger.domain.status import Status
from claimledger.ui.dialogs import backup_dialog
from claimledger.ui.shell import workspaces


@pytest.fixture
def switched(qtbot):
    yield workspaces._windows
    for window in list(workspaces._windows):
        window.close()
        workspaces.release(window)


def test_restore_through_the_dialog_shows_the_restored_state(qtbot, window, workspace,
                                                             switched, monkeypatch,
                                                             artifacts):
    import_through_window(qtbot, window, [HARBOUR])
    claim = next(c for c in workspace.claims(window.article_id) if c.kind == "claim")
    workspace.back_up()
    apply_changes(window, workspace.mark(claim.id, Status.DISPUTED))
    assert workspace.claim(claim.id).status is Status.DISPUTED

    window.actions["restore_backup"].trigger()
    dialog = window.backups.backup_dialog
    assert dialog.list.topLevelItemCount() == 1
    row = dialog.list.topLevelItem(0)
    assert row.text(1) == "Made by hand"
    assert row.text(2).endswith("KB")
    snapshot(dialog, artifacts / "restore_backup_dialog.png")

    asked = []
    monkeypatch.setattr(backup_dialog, "confirm_restore",
                        lambda parent, info: asked.append(info) or True)
    with qtbot.waitSignal(window.backups.runner.finished, timeout=20_000):
        dialog.restore_button.click()
    assert len(asked) == 1
    assert len(switched) == 1
    new = switched[0]
    qtbot.addWidget(new)
    assert not window.isVisible() and new.isVisible()
    assert new.workspace.claim(claim.id).status is Status.UNREVIEWED
    assert new.statusBar().currentMessage().startswith("Restored the backup of ")
    shown(qtbot, new)
    assert new.ledger_model.find(claim.id).status is Status.UNREVIEWED
    reasons = [b.reason for b in new.workspace.backups()]
    assert "before-restore" in reasons
