"""View ▸ Revisions…: an article beside its earlier revision, with what became of each
claim listed between them (moved, changed, orphaned, added), and Confirm Verdict for a
changed statement whose verdict still stands on the new words.

Choosing a row outlines the statement in both texts. Reading only: the texts and rows
come from `workspace.revision_view` (read by the controller); confirming is a write the
controller runs off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from claimledger.text.revisions import marked_changes
from claimledger.ui.kit.assist_look import short
from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.kit.look import mute
from claimledger.ui.views.article_view import ArticleView

RowRole = int(Qt.ItemDataRole.UserRole) + 4
WORDS = {"changed": "Text changed", "moved": "Moved", "orphaned": "Removed (orphaned)",
         "added": "Added"}


def row_text(row) -> str:
    """'Text changed · disputed' then the earlier and the current words, the words that
    changed in ⟦brackets⟧."""
    head = f"{WORDS.get(row.anchoring, row.anchoring)} · {row.status.value}"
    if row.anchoring == "changed":
        head += " · confirmed" if row.confirmed else \
            (" · text changed since your verdict" if row.status.is_reviewed else "")
    lines = [head]
    before, after = row.earlier_text, row.text
    if row.anchoring == "changed" and before and after:
        before, after = marked_changes(before, after)
    if before and row.anchoring in ("changed", "orphaned"):
        lines.append(f"was: {short(before, 160)}")
    if after:
        lines.append(f"now: {short(after, 160)}")
    return "\n".join(lines)


class _Pane(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = PlainLabel(objectName="paneTitle", wordWrap=True)
        self.view = ArticleView()
        self.view.setMinimumWidth(260)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)


class RevisionsDialog(QDialog):
    """Emits confirmRequested(claim_id) when Confirm Verdict is pressed."""

    confirmRequested = Signal(str)

    def __init__(self, view, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("revisionsDialog")
        self.setWindowTitle("Revisions")
        self.article_id: str | None = None
        self.rows = []
        layout = QVBoxLayout(self)
        self.note = PlainLabel(wordWrap=True)
        mute(self.note)
        layout.addWidget(self.note)
        self.earlier, self.current = _Pane(), _Pane()
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(PlainLabel("What changed", objectName="paneTitle"))
        self.list = QListWidget(objectName="revisionRows")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("What became of each statement")
        self.list.currentItemChanged.connect(lambda _item, _old: self._picked())
        middle_layout.addWidget(self.list, 1)
        self.confirm = QPushButton("&Confirm Verdict")
        self.confirm.setToolTip("Your verdict stands on the new wording")
        self.confirm.clicked.connect(self._confirm)
        middle_layout.addWidget(self.confirm)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for pane in (self.earlier, middle, self.current):
            splitter.addWidget(pane)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([420, 360, 420])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1240, 760)
        self.show_view(view)

    def show_view(self, view) -> None:
        """Fill both texts and the rows; keeps the chosen row where it still exists."""
        kept = self.current_row()
        self.article_id = view.article_id
        self.earlier.title.setText(f"Revision {view.number - 1}: {view.earlier_title}")
        self.earlier.view.set_article(view.earlier_text, view.earlier_claims)
        self.current.title.setText(f"Revision {view.number}: {view.title}")
        self.current.view.set_article(view.text, view.claims)
        self.rows = list(view.rows)
        self.list.clear()
        for row in self.rows:
            item = QListWidgetItem(row_text(row), self.list)
            item.setData(RowRole, row.claim_id)
        ids = [r.claim_id for r in self.rows]
        if kept and kept.claim_id in ids:
            self.list.setCurrentRow(ids.index(kept.claim_id))
        counts = {k: sum(r.anchoring == k for r in self.rows) for k in WORDS}
        self.note.setText(
            f"{counts['moved']} moved, {counts['changed']} changed, {counts['orphaned']} "
            f"removed and kept with their verdicts, {counts['added']} added; every other "
            "statement is unchanged and kept its verdicts, notes and sources.")
        self._picked()

    def current_row(self):
        index = self.list.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _picked(self) -> None:
        row = self.current_row()
        self.confirm.setEnabled(bool(row and row.anchoring == "changed"
                                     and row.status.is_reviewed and not row.confirmed))
        if row is None:
            return
        self.earlier.view.select_claim(row.claim_id)
        self.current.view.select_claim(row.claim_id)

    def _confirm(self) -> None:
        row = self.current_row()
        if row is not None:
            self.confirmRequested.emit(row.claim_id)
