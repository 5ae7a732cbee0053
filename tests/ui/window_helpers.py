"""Helpers shared by the window tests (imported by name; pytest puts this folder on the path)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from claimledger.resources import resource

HARBOUR = resource("samples", "harbour-bridge-funding.txt")


def import_through_window(qtbot, window, paths) -> None:
    """Import as the File menu does, waiting for the worker thread to report and the
    window to show the article it opens."""
    with qtbot.waitSignal(window.importer.finished, timeout=20_000):
        window.import_paths([Path(p) for p in paths])
    shown(qtbot, window)


def import_pasted(qtbot, window, text, title) -> None:
    """Import pasted text as Paste Article does, until the window shows it."""
    with qtbot.waitSignal(window.importer.finished, timeout=20_000):
        window.importer.import_text(text, title)
    shown(qtbot, window)


def shown(qtbot, window) -> None:
    """Wait until what the window reads on its workers (an article it opens, a tab) and
    every write it queued have arrived on screen."""
    qtbot.waitUntil(lambda: not window.reads.busy and not window.writes.busy
                    and window.review.opening is None, timeout=20_000)


def open_article(qtbot, window, article_id: str, claim_id: str | None = None) -> None:
    """Open an article as a click in the library does, until it shows."""
    window.review.open_article(article_id, claim_id)
    shown(qtbot, window)


def activate(qtbot, window) -> None:
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow)


def press(qtbot, key, modifier=None) -> None:
    """Type a key into whatever has the focus, as a user would, and wait until the
    write it started (if any) came back to the window."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)
    window = target.window()
    if hasattr(window, "writes"):
        settle(qtbot, window)


def settle(qtbot, window) -> None:
    """Wait until every write the window queued has been saved and shown (and every
    read it started has arrived)."""
    shown(qtbot, window)


def apply_changes(window, changes) -> None:
    """Show a change made behind the window's back (straight through the workspace), as
    the window shows its own: the rows it names, read once, sent to every part."""
    window.ctx.changed.emit(window.workspace.changed_views(changes, window.article_id))
