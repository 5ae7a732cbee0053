"""The inspector's History tab: every event of the claim, newest first, in words.

Undo and redo are events of their own (the log never forgets), shown with their own mark.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from claimledger.domain.history import HistoryEntry
from claimledger.ui.kit.labels import plain_tip
from claimledger.ui.kit.look import MUTED, icon

#: Events the history describes only by their kind, in words (see the report).
KIND_WORDS = {
    "source.added": "Added a source",
    "source.edited": "Edited a source",
    "source.retired": "Retired or restored a source",
    "consensus.set": "Settled the consensus",
    "claim.created": "Created the claim",
}
WHEN, WHO, WHAT = range(3)


def local_time(when_ms: int) -> str:
    """'2026-11-21 06:35' in the computer's time zone."""
    return datetime.fromtimestamp(when_ms / 1000).astimezone().strftime("%Y-%m-%d %H:%M")


def entry_words(entry: HistoryEntry) -> str:
    what = entry.what
    if what == entry.kind:
        return KIND_WORDS.get(entry.kind, entry.kind)
    return what


class HistoryPanel(QTreeWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.setAccessibleName("History of the statement, newest first")
        self.setColumnCount(3)
        self.setHeaderLabels(["When", "Who", "What changed"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.ResizeToContents)
        self.entries: list[HistoryEntry] = []

    def show_history(self, entries: list[HistoryEntry]) -> None:
        self.entries = list(entries)
        self.clear()
        italic = QFont(self.font())
        italic.setItalic(True)
        for entry in self.entries:
            words = entry_words(entry)
            item = QTreeWidgetItem([local_time(entry.when_ms), entry.who, words])
            item.setToolTip(WHAT, plain_tip(words))
            item.setForeground(WHEN, QBrush(QColor(MUTED)))
            item.setData(WHAT, Qt.ItemDataRole.AccessibleTextRole,
                         f"{local_time(entry.when_ms)}, {entry.who}: {words}")
            if words.startswith(("Undo:", "Redo:")):
                item.setIcon(WHAT, icon("undo.svg" if words.startswith("Undo") else "redo.svg"))
                item.setFont(WHAT, italic)
            self.addTopLevelItem(item)

    def lines(self) -> list[str]:
        """What the tab shows, one line per entry (for tests and screen readers)."""
        return [self.topLevelItem(n).text(WHAT) for n in range(self.topLevelItemCount())]
