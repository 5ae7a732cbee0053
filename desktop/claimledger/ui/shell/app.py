"""Starting the window: display checks, the application object, the screenshot mode."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

NO_DISPLAY = ("claim-ledger: no display found; run it in a desktop session, with "
              "`xvfb-run make run`, or with QT_QPA_PLATFORM=offscreen")
SCREENSHOT_SIZE = (1400, 860)


def has_display() -> bool:
    """False only on Linux/BSD without X11, Wayland or an explicit Qt platform."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY",
                                                 "QT_QPA_PLATFORM"))


def run_window(db: Path, reviewer: str | None, screenshot: Path | None = None) -> int:
    """Open the window on `db`; with `screenshot`, render it offscreen to a PNG and exit.

    The reviewer is `reviewer` (--reviewer), else $CLAIM_LEDGER_REVIEWER, else the name
    saved in Settings, else (first run) asked for. One window per workspace: a workspace
    held by a live process is refused, naming it.
    """
    if screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from claimledger.ui.dialogs.crash import install_crash_handler
    from claimledger.ui.dialogs.first_run import resolve_reviewer
    from claimledger.ui.kit.binding_check import binding_problem
    from claimledger.ui.kit.logging_setup import configure_logging
    from claimledger.ui.shell.workspaces import release_all

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if problem := binding_problem():
        print(f"claim-ledger: {problem}", file=sys.stderr)
        return 1
    set_up_application(app)
    configure_logging()
    reporter = install_crash_handler(show_dialog=screenshot is None)
    reviewer = resolve_reviewer(reviewer, ask=screenshot is None)
    if reviewer is None:
        print("claim-ledger: no reviewer name given; nothing was opened.", file=sys.stderr)
        return 1
    crashed = _lock_left_behind(db)
    lock = _lock_workspace(db, show_box=screenshot is None)
    if lock is False:
        return 1
    workspace = _open_workspace(db, reviewer, show_box=screenshot is None)
    if workspace is None:
        _unlock(lock)
        return 1
    try:
        try:
            window = _make_window(workspace)
        except Exception:  # noqa: BLE001 - reported in full, never a silent exit
            reporter.handle(*sys.exc_info())
            return 1
        window.instance_lock = lock
        if screenshot is not None:
            return save_screenshot(window, Path(screenshot))
        window.show()
        if crashed and lock:
            window.crash_check.check_after_crash()
        return app.exec()
    finally:
        workspace.close()
        _unlock(lock)
        release_all()


def _lock_left_behind(db: Path) -> bool:
    from claimledger.ui.shell.instance_lock import lock_left_behind

    return lock_left_behind(Path(db))


def _lock_workspace(db: Path, show_box: bool):
    """The workspace's lock (None where none can be written), or False when refused."""
    from claimledger.ui.shell.instance_lock import WorkspaceInUse, lock_workspace

    try:
        return lock_workspace(Path(db))
    except WorkspaceInUse as error:
        _refuse(str(error), show_box)
        return False


def _unlock(lock) -> None:
    if lock:
        lock.unlock()


def _refuse(reason: str, show_box: bool) -> None:
    message = f"claim-ledger: cannot open the workspace: {reason}"
    print(message, file=sys.stderr)
    logging.getLogger("claimledger").warning("%s", message)
    if show_box:
        from PySide6.QtWidgets import QMessageBox

        from claimledger.ui.kit.messages import shown

        QMessageBox.critical(None, "Claim Ledger", shown(message.removeprefix("claim-ledger: ")))


def set_up_application(app) -> None:
    """Names for QSettings, the icon, the bundled fonts and the stylesheet."""
    from claimledger.ui.kit.look import icon, install_fonts, ui_font
    from claimledger.ui.kit.preferences import APPLICATION, ORGANISATION

    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("claim-ledger")
    app.setWindowIcon(icon("claim-ledger.svg"))
    install_fonts()
    app.setFont(ui_font())
    from claimledger.ui.kit.preferences import theme
    from claimledger.ui.shell.theme import apply_theme

    apply_theme(theme(), app)


def _open_workspace(db: Path, reviewer: str, show_box: bool):
    """The workspace, or None after one clear line (and a message box in a session)."""
    from claimledger.workspace import NotAWorkspace, SchemaTooNew, Workspace, WorkspaceError

    try:
        return Workspace(Path(db), reviewer)
    except (WorkspaceError, SchemaTooNew, NotAWorkspace) as error:
        reason = str(error)
    except OSError as error:
        reason = f"{db} cannot be opened ({error.strerror or error})."
    _refuse(reason, show_box)
    return None


def _make_window(workspace):
    from claimledger.ui.shell.main_window import MainWindow

    return MainWindow(workspace)


def _until_ready(window, limit_s: float = 60.0) -> None:
    """Let the window get where a reviewer would first look at it: the key unlocked (or
    refused) and assisted review loaded for the open article, not the transient
    "Unlocking…", "Opening…" and "Reading the article…" states."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    def ready() -> bool:
        unlocked = not window.identity.unlock_runner.busy
        opened = not window.reads.busy and window.review.opening is None
        return unlocked and opened and (not window.article_id or window.assist.assist_ready())

    ticker = QTimer(interval=50)  # wakes the wait below while the workers run
    ticker.start()
    deadline = time.monotonic() + limit_s
    while not ready() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    ticker.stop()
    for _ in range(5):
        QApplication.processEvents()


def save_screenshot(window, path: Path) -> int:
    """Show the window offscreen at a fixed size, let it lay out and paint, grab a PNG."""
    from PySide6.QtWidgets import QApplication

    window.persist_settings = False
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    _until_ready(window)
    window.article_view.select_claim(window.claim_id)
    QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    saved = window.grab().save(str(path), "PNG")
    window.close()
    if not saved:
        print(f"claim-ledger: could not write the screenshot {path}", file=sys.stderr)
        return 1
    return 0
