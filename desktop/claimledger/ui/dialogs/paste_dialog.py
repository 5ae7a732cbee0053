"""Paste Article…: a title and the article's text, imported like a file."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from claimledger.ui.kit.look import reading_font


class PasteDialog(QDialog):
    def __init__(self, parent=None, prefill_from_clipboard: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste Article")
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title_edit = QLineEdit(placeholderText="Optional: the first line is used if empty")
        form.addRow("Title", self.title_edit)
        layout.addLayout(form)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("Paste the article's text here.")
        self.text_edit.setFont(reading_font())
        layout.addWidget(self.text_edit, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.text_edit.textChanged.connect(self._update_button)
        if prefill_from_clipboard:
            self.text_edit.setPlainText(QGuiApplication.clipboard().text())
        self._update_button()

    def _update_button(self) -> None:
        self.import_button.setEnabled(bool(self.text_edit.toPlainText().strip()))

    def article(self) -> tuple[str, str | None]:
        """(text, title or None)."""
        return self.text_edit.toPlainText(), self.title_edit.text().strip() or None
