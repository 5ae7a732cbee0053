"""File ▸ New Workspace, Open Workspace and Open Recent switch the window's workspace."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from window_helpers import HARBOUR, import_through_window, shown

from claimledger.ui.kit import preferences
from claimledger.ui.kit.messages import as_text
from claimledger.ui.shell import workspaces
from claimledger.ui.shell.instance_lock import lock_workspace


@pytest.fixture
def switched(qtbot):
    """Windows opened by a switch, closed with their workspaces after the test."""
    yield workspaces._windows
    for window in list(workspaces._windows):
        window.close()
        workspaces.release(window)


def recent_entries(window) -> list[str]:
    workspaces.fill_recent_menu(window.recent_menu, window)
    return [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]


def test_title_names_the_workspace(qtbot, window):
    assert window.windowTitle() == "workspace.sqlite"
    import_through_window(qtbot, window, [HARBOUR])
    assert window.windowTitle().endswith(" — workspace.sqlite")


def test_new_workspace_opens_an_empty_one_and_open_recent_lists_it(
        qtbot, window, switched, tmp_path, monkeypatch):
    import_through_window(qtbot, window, [HARBOUR])
    target = tmp_path / "desk" / "Harbour desk"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    window.actions["new_workspace"].trigger()

    assert len(switched) == 1
    new = switched[0]
    qtbot.addWidget(new)
    shown(qtbot, new)
    created = target.with_suffix(".claimledger")
    assert new.workspace.path.resolve() == created.resolve() and created.exists()
    assert new.isVisible() and not window.isVisible()
    assert new.stack.currentWidget() is new.welcome
    assert new.workspace.articles() == []
    assert new.windowTitle() == "Harbour desk.claimledger"
    assert new.workspace.reviewer_name == window.workspace.reviewer_name
    entries = recent_entries(new)
    assert entries[:2] == ["Harbour desk.claimledger", "workspace.sqlite"]
    assert entries[-1] == "Clear Menu"


def test_open_recent_switches_back_and_clear_menu_empties_it(
        qtbot, window, switched, tmp_path, monkeypatch):
    import_through_window(qtbot, window, [HARBOUR])
    first = window.workspace.path
    second = workspaces.open_workspace(window, tmp_path / "other.claimledger")
    qtbot.addWidget(second)
    workspaces.fill_recent_menu(second.recent_menu, second)
    back = next(a for a in second.recent_menu.actions() if a.text() == "workspace.sqlite")
    back.trigger()
    third = switched[-1]
    qtbot.addWidget(third)
    assert third.workspace.path.resolve() == first.resolve()
    assert third.stack.currentWidget() is third.content_splitter  # its article is back
    assert not second.isVisible()

    clear = next(a for a in third.recent_menu.actions() if a.text() == "Clear Menu")
    clear.trigger()
    assert preferences.recent_workspaces() == []
    assert recent_entries(third) == ["No Recent Workspaces", "Clear Menu"]


def test_recent_list_keeps_the_last_eight(tmp_path):
    for n in range(10):
        preferences.remember_workspace(tmp_path / f"w{n}.claimledger")
    names = [p.name for p in preferences.recent_workspaces()]
    assert names == [f"w{n}.claimledger" for n in range(9, 1, -1)]


def test_new_workspace_never_replaces_an_existing_file(
        qtbot, window, switched, tmp_path, monkeypatch):
    existing = tmp_path / "old.claimledger"
    existing.write_bytes(b"precious")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(existing), ""))
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda p, t, text, *a: said.append(as_text(text)))
    window.actions["new_workspace"].trigger()
    assert switched == [] and window.isVisible()
    assert "already exists" in said[0] and existing.read_bytes() == b"precious"


def test_a_workspace_open_elsewhere_is_refused_and_nothing_changes(
        qtbot, window, switched, tmp_path, monkeypatch):
    busy = tmp_path / "busy.claimledger"
    held = lock_workspace(busy)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda p, t, text, *a: said.append(as_text(text)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(busy), ""))
    try:
        window.actions["open_workspace"].trigger()
    finally:
        held.unlock()
    assert switched == [] and window.isVisible()
    assert "already open in another Claim Ledger" in said[0]


def test_a_file_that_is_not_a_workspace_is_refused(
        qtbot, window, switched, tmp_path, monkeypatch):
    junk = tmp_path / "junk.claimledger"
    junk.write_bytes(b"not sqlite" * 200)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda p, t, text, *a: said.append(as_text(text)))
    assert workspaces.open_workspace(window, junk) is None
    assert switched == [] and window.isVisible()
    assert "not a Claim Ledger workspace" in said[0]
    assert lock_workspace(junk) is not None  # its lock was given back
