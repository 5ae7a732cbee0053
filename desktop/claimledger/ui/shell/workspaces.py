"""File ▸ New Workspace, Open Workspace, Open Recent: switching workspaces.

A switch opens the new workspace (taking its lock first) in a fresh MainWindow at the
old one's place, then closes the old window, its workspace and its lock. A workspace
that cannot be opened leaves the current one as it was and says why.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from claimledger.ui.kit import preferences
from claimledger.ui.kit.messages import shown
from claimledger.ui.shell.instance_lock import WorkspaceInUse, lock_left_behind, lock_workspace
from claimledger.workspace import NotAWorkspace, SchemaTooNew, Workspace, WorkspaceError

log = logging.getLogger("claimledger.workspaces")
SUFFIX = preferences.WORKSPACE_SUFFIX
NEW_FILTER = f"Claim Ledger workspaces (*{SUFFIX})"
OPEN_FILTER = f"Claim Ledger workspaces (*{SUFFIX} *.sqlite *.db);;All files (*)"

#: Windows opened by a switch, kept alive here until they are closed.
_windows: list = []


def choose_new_workspace(window) -> None:
    start = Path(window.workspace.path).resolve().parent / f"Untitled{SUFFIX}"
    chosen, _ = QFileDialog.getSaveFileName(window, "New Workspace", str(start), NEW_FILTER)
    if not chosen:
        return
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(SUFFIX)
    if path.exists():
        QMessageBox.warning(window, "New Workspace",
                            shown(f"{path.name} already exists. Use File ▸ Open Workspace… to open "
                            f"it; a new workspace never replaces an old one."))
        return
    open_workspace(window, path)


def choose_workspace_to_open(window) -> None:
    start = str(Path(window.workspace.path).resolve().parent)
    chosen, _ = QFileDialog.getOpenFileName(window, "Open Workspace", start, OPEN_FILTER)
    if chosen:
        open_workspace(window, Path(chosen))


def open_workspace(window, path: Path):
    """Switch `window` to the workspace at `path`; the new window, or None if refused."""
    path = Path(path).resolve()
    if path == Path(window.workspace.path).resolve():
        window.statusBar().showMessage(f"{path.name} is already open.", 5000)
        return window
    crashed = lock_left_behind(path)
    try:
        lock = lock_workspace(path)
    except WorkspaceInUse as error:
        QMessageBox.warning(window, "Open Workspace", shown(str(error)))
        return None
    try:
        workspace = Workspace(path, window.workspace.reviewer_name)
    except (WorkspaceError, SchemaTooNew, NotAWorkspace, OSError) as error:
        if lock is not None:
            lock.unlock()
        why = getattr(error, "strerror", None) or str(error)
        QMessageBox.warning(window, "Open Workspace", shown(f"Cannot open {path.name}: {why}"))
        return None
    log.info("switching to %s", path)
    new = _replace_window(window, workspace, lock)
    if crashed and lock is not None:
        new.crash_check.check_after_crash()
    return new


def reopen_workspace(window, path: Path):
    """Open the workspace at `path` again in a fresh window, keeping `window`'s lock: after
    a restore replaced its file (the old workspace object is closed). Raises what
    `Workspace()` raises; then `window` is left as it was."""
    workspace = Workspace(Path(path), window.workspace.reviewer_name)
    lock, window.instance_lock = getattr(window, "instance_lock", None), None
    log.info("reopening %s", path)
    return _replace_window(window, workspace, lock)


def _replace_window(old, workspace, lock):
    new = type(old)(workspace)
    new.instance_lock = lock
    new.persist_settings = old.persist_settings
    new.restoreGeometry(old.saveGeometry())
    _windows.append(new)
    new.show()
    old.close()
    release(old)
    return new


def release(window) -> None:
    """Close a window's workspace and free its lock (safe to call twice)."""
    lock = getattr(window, "instance_lock", None)
    if lock is not None:
        lock.unlock()
        window.instance_lock = None
    window.workspace.close()
    if window in _windows:
        _windows.remove(window)


def release_all() -> None:
    """At exit: every window opened by a switch gives back its workspace and lock."""
    for window in list(_windows):
        release(window)


def fill_recent_menu(menu: QMenu, window) -> None:
    """The last workspaces, most recent first, then Clear Menu."""
    menu.clear()
    recent = preferences.recent_workspaces()
    current = Path(window.workspace.path).resolve()
    names = [p.name for p in recent]
    for path in recent:
        label = path.name if names.count(path.name) == 1 else f"{path.name} — {path.parent}"
        action = menu.addAction(label.replace("&", "&&"))
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.setData(str(path))
        action.setCheckable(path == current)
        action.setChecked(path == current)
        if not path.exists():
            action.setText(f"{action.text()} (missing)")
            action.setEnabled(False)
        action.triggered.connect(lambda _=False, p=path: open_workspace(window, p))
    if not recent:
        menu.addAction("No Recent Workspaces").setEnabled(False)
    menu.addSeparator()
    clear = menu.addAction("Clear Menu")
    clear.setEnabled(bool(recent))
    clear.triggered.connect(preferences.clear_recent_workspaces)


def open_windows() -> list:
    return [w for w in QApplication.topLevelWidgets() if hasattr(w, "workspace")]
