"""The shared folder at run time: our file written there, the others' merged, trust asked
once, and a status-bar indicator."""

from __future__ import annotations

from exchange_helpers import ana_and_ben

from claimledger.domain.status import Status


def sync_now(qtbot, window) -> None:
    """What the two-minute timer calls, waiting for its worker."""
    with qtbot.waitSignal(window.folder.folder_runner.finished, timeout=20_000):
        window.folder.folder_timer.timeout.emit()


def trust_folder_file(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.ledger_files.trust_dialog is not None, timeout=20_000)
    with qtbot.waitSignal(window.ledger_files.sync_runner.finished, timeout=20_000):
        window.ledger_files.trust_dialog.trust_button.click()


def shared_folder_with_ben(qtbot, window, workspace, tmp_path):
    ben, claims, _path = ana_and_ben(qtbot, window, tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    workspace.set_sync_folder(shared)
    ben.set_sync_folder(shared)
    ben.sync_with_folder()  # Ben's own file lands in the folder
    window.folder.folder_watcher.blockSignals(True)  # only the calls below wake the runtime
    return ben, claims, shared


def test_timer_sync_merges_ben_after_trust_and_writes_our_file(qtbot, window, workspace,
                                                               tmp_path):
    ben, (first, _second), shared = shared_folder_with_ben(qtbot, window, workspace, tmp_path)
    with qtbot.waitSignal(window.folder.folder_runner.finished, timeout=20_000):
        window.folder.restart_folder_sync()
    assert window.folder.folder_timer.isActive()
    assert str(shared) in window.folder.folder_watcher.directories()
    own = workspace.own_sync_file()
    assert own.exists() and own.parent == shared
    assert window.folder.sync_label.text() == "Sync: 1 file refused"
    assert "waiting for you to trust Ben Ode" in window.folder.sync_label.toolTip()

    trust_folder_file(qtbot, window)
    names = {v.reviewer for v in workspace.verdicts(window.article_id)[first]}
    assert names == {"Ana Ruiz", "Ben Ode"}

    sync_now(qtbot, window)
    assert window.folder.sync_label.text().startswith("Synced ")
    assert window.ledger_files.trust_dialog is None
    ben.close()


def test_trust_is_asked_once_per_file_until_answered(qtbot, window, workspace, tmp_path):
    ben, _claims, _shared = shared_folder_with_ben(qtbot, window, workspace, tmp_path)
    with qtbot.waitSignal(window.folder.folder_runner.finished, timeout=20_000):
        window.folder.restart_folder_sync()
    qtbot.waitUntil(lambda: window.ledger_files.trust_dialog is not None)
    window.ledger_files.trust_dialog.reject()
    sync_now(qtbot, window)
    assert window.ledger_files.trust_dialog is None
    assert window.folder.sync_label.text() == "Sync: 1 file refused"
    ben.close()


def test_a_folder_change_merges_new_verdicts(qtbot, window, workspace, tmp_path):
    ben, (first, second), _shared = shared_folder_with_ben(qtbot, window, workspace, tmp_path)
    with qtbot.waitSignal(window.folder.folder_runner.finished, timeout=20_000):
        window.folder.restart_folder_sync()
    trust_folder_file(qtbot, window)
    sync_now(qtbot, window)

    ben.mark(second, Status.UNVERIFIED)
    ben.sync_with_folder()
    with qtbot.waitSignal(window.folder.folder_runner.finished, timeout=20_000):
        window.folder.folder_changed()  # what the watcher's debounce calls
    ben_now = {v.reviewer: v.status for v in workspace.verdicts(window.article_id)[second]}
    assert ben_now["Ben Ode"] is Status.UNVERIFIED
    model = window.ledger_model
    assert model.consensus(second).state == "disagree"

    # Nothing else changed: a second wake-up does no work and writes nothing.
    own = workspace.own_sync_file()
    before = own.stat().st_mtime_ns
    with qtbot.waitSignal(window.folder.folder_runner.finished, timeout=20_000):
        window.folder.folder_changed()
    assert window.folder.folder_outcome.skipped
    assert own.stat().st_mtime_ns == before
    ben.close()


def test_quitting_writes_our_file(qtbot, window, workspace, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    workspace.set_sync_folder(shared)
    own = workspace.own_sync_file()
    assert not own.exists()
    window.close()
    assert own.exists()


def test_no_folder_means_no_runtime(qtbot, window):
    window.folder.restart_folder_sync()
    assert not window.folder.folder_timer.isActive()
    assert not window.folder.sync_label.isVisible()
    assert not window.actions["sync_folder"].isEnabled()
