"""Settle…: the desk's verdict on a statement where reviewers disagree.

Status buttons (colour, letter and word, keys 1-4), a reason from the presets of that
status or typed, and a note. The window records it with `workspace.settle` (undoable).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
)

from claimledger.domain.reasons import Reason
from claimledger.domain.status import Status
from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.kit.look import mute, status_icon
from claimledger.workspace import Consensus

CHOICES = (Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED, Status.NOT_A_CLAIM)
QUOTE_CHARS = 220


def proposed(verdicts: list, consensus: Consensus | None) -> Status:
    """The settled status if any, else the most common verdict, else Unverified."""
    if consensus is not None and consensus.settled_by and consensus.status is not None:
        return consensus.status
    counts = Counter(v.status for v in verdicts if v.status.is_reviewed)
    return counts.most_common(1)[0][0] if counts else Status.UNVERIFIED


class SettleDialog(QDialog):
    """`chosen()` gives (status, reason or None, note or None) after accept."""

    def __init__(self, claim_text: str, verdicts: list, consensus: Consensus | None,
                 reasons_for: Callable[[Status], tuple[Reason, ...]], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settle Consensus")
        self.setObjectName("settleDialog")
        self._reasons_for = reasons_for
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        quote = claim_text if len(claim_text) <= QUOTE_CHARS else \
            claim_text[:QUOTE_CHARS - 1].rstrip() + "…"
        statement = PlainLabel(f"“{quote}”", wordWrap=True, objectName="claimText")
        layout.addWidget(statement)
        said = "; ".join(f"{v.reviewer}: {v.status.style.label.lower()}"
                         for v in verdicts if v.status.is_reviewed)
        if said:
            summary = PlainLabel(said, wordWrap=True)
            mute(summary)
            layout.addWidget(summary)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.addRow("Verdict:", self._status_row(proposed(verdicts, consensus)))
        self.reason = QComboBox(editable=True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.lineEdit().setPlaceholderText("Pick a preset or type a reason")
        self.reason.setAccessibleName("Reason")
        form.addRow("Reason:", self.reason)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Why the desk settled it this way (optional)")
        self.note.setAccessibleName("Note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow("Note:", self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.settle_button = buttons.addButton("Settle", QDialogButtonBox.ButtonRole.AcceptRole)
        self.settle_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill_reasons()
        self.setMinimumWidth(480)

    def _status_row(self, chosen: Status) -> QGridLayout:
        row = QGridLayout()
        row.setHorizontalSpacing(18)
        row.setVerticalSpacing(6)
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[Status, QRadioButton] = {}
        for n, status in enumerate(CHOICES):
            style = status.style
            button = QRadioButton(f"{style.letter} {style.label}")
            button.setIcon(status_icon(status))
            button.setShortcut(style.key)
            button.setAccessibleName(f"{style.label} (key {style.key})")
            button.setChecked(status is chosen)
            button.toggled.connect(lambda on: on and self._fill_reasons())
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            row.addWidget(button, n // 2, n % 2)
        row.setColumnStretch(2, 1)
        return row

    def status(self) -> Status:
        return next(s for s, b in self.status_buttons.items() if b.isChecked())

    def _fill_reasons(self) -> None:
        typed = self.reason.currentText()
        self.reason.clear()
        self.reason.addItem("")
        self.reason.addItems([r.label for r in self._reasons_for(self.status())])
        self.reason.setEditText(typed)

    def chosen(self) -> tuple[Status, str | None, str | None]:
        reason = self.reason.currentText().strip() or None
        note = self.note.toPlainText().strip() or None
        return self.status(), reason, note

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.accept()
            return
        super().keyPressEvent(event)
