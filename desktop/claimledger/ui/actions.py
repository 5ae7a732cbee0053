"""Every window action in one table: text, shortcuts, icon and menu.

Actions are window-level (Qt.WindowShortcut), so J/K/1-4/0 work whether the ledger or
the article has the focus; the keyboard-shortcuts dialog is generated from this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from claimledger.domain.status import Status
from claimledger.ui.look import icon, status_icon


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    menu: str
    shortcuts: tuple[str, ...] = ()
    icon: str | None = None
    status: Status | None = None
    tip: str = ""


MENUS = ("File", "Edit", "Review", "Help")

SPECS = (
    ActionSpec("import_files", "&Import Article…", "File", ("Ctrl+O",), "import.svg",
               tip="Import .txt, .md or .html articles"),
    ActionSpec("paste", "&Paste Article…", "File", ("Ctrl+Shift+V",), "paste.svg",
               tip="Import an article from pasted text"),
    ActionSpec("samples", "Open &Sample Articles", "File", (), "samples.svg",
               tip="Import the bundled sample articles"),
    ActionSpec("quit", "&Quit", "File", ("Ctrl+Q",)),
    ActionSpec("undo", "&Undo", "Edit", ("Ctrl+Z",), "undo.svg"),
    ActionSpec("redo", "&Redo", "Edit", ("Ctrl+Shift+Z",), "redo.svg"),
    ActionSpec("mark_sourced", "&Sourced", "Review", ("1",), status=Status.SOURCED),
    ActionSpec("mark_disputed", "&Disputed", "Review", ("2",), status=Status.DISPUTED),
    ActionSpec("mark_unverified", "U&nverified", "Review", ("3",), status=Status.UNVERIFIED),
    ActionSpec("mark_not_a_claim", "N&ot a Claim", "Review", ("4",),
               status=Status.NOT_A_CLAIM),
    ActionSpec("mark_clear", "&Clear", "Review", ("0",), status=Status.UNREVIEWED,
               tip="Set the statement back to unreviewed"),
    ActionSpec("next", "&Next Statement", "Review", ("J", "Down")),
    ActionSpec("previous", "&Previous Statement", "Review", ("K", "Up")),
    ActionSpec("reason", "&Reason…", "Review", ("R",), "reason.svg",
               tip="Pick a reason for the verdict"),
    ActionSpec("note", "No&te…", "Review", ("N",), "note.svg", tip="Write a note"),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "Help", ("F1",)),
)

STATUS_ACTIONS = {spec.name: spec.status for spec in SPECS if spec.status is not None}
TOOLBAR = ("import_files", "paste", None, "mark_sourced", "mark_disputed", "mark_unverified",
           "mark_not_a_claim", "mark_clear", None, "reason", "note", None, "undo", "redo")
SEPARATE_AFTER = {"samples", "redo", "mark_clear", "previous"}
ICON_TEXT = {"import_files": "Import", "paste": "Paste", "undo": "Undo", "redo": "Redo",
             "reason": "Reason", "note": "Note", "mark_not_a_claim": "Not a claim"}


def create_actions(window: QMainWindow) -> dict[str, QAction]:
    """The window's actions by name, added to the window so their shortcuts are live."""
    actions = {}
    for spec in SPECS:
        action = QAction(spec.text, window)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if spec.status is not None:
            action.setIcon(status_icon(spec.status))
        elif spec.icon:
            action.setIcon(icon(spec.icon))
        action.setIconText(ICON_TEXT.get(spec.name, action.text().replace("&", "")))
        shortcut_hint = f" ({spec.shortcuts[0]})" if spec.shortcuts else ""
        action.setToolTip((spec.tip or action.iconText()) + shortcut_hint)
        window.addAction(action)
        actions[spec.name] = action
    return actions


def build_menus(window: QMainWindow, actions: dict[str, QAction]) -> None:
    bar = window.menuBar()
    for title in MENUS:
        menu = bar.addMenu(f"&{title}")
        for spec in SPECS:
            if spec.menu == title:
                menu.addAction(actions[spec.name])
                if spec.name in SEPARATE_AFTER:
                    menu.addSeparator()


def menu_of(action: QAction) -> str:
    return next((s.menu for s in SPECS if s.name == action.objectName()), "")
