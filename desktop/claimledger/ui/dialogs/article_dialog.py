"""Edit an article's details: title, outlet, author, URL and published date.

Validation is the verb's: its sentence appears inline and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from claimledger.domain.records import ArticleSummary
from claimledger.ui.dialogs.source_dialog import ERROR_STYLE

FIELDS = (("title", "&Title", ""), ("outlet", "&Outlet", "e.g. The Carrowfield Examiner"),
          ("author", "&Author", ""), ("url", "&URL", "https://…"),
          ("published", "&Published", "YYYY-MM-DD"))


class ArticleDialog(QDialog):
    def __init__(self, article: ArticleSummary,
                 submit: Callable[[dict, Callable[[str | None], None]], None],
                 parent=None) -> None:
        super().__init__(parent)
        self._submit = submit
        self._original = {name: getattr(article, name) or "" for name, _, _ in FIELDS}
        self.setWindowTitle("Article Details")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        for name, label, hint in FIELDS:
            edit = QLineEdit(self._original[name], placeholderText=hint)
            edit.setCursorPosition(0)
            edit.setAccessibleName(label.replace("&", ""))
            form.addRow(label, edit)
            self.edits[name] = edit
        layout.addLayout(form)
        self.error = QLabel(objectName="dialogError", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def changed_fields(self) -> dict:
        """Only the fields the reviewer changed (empty text clears a field)."""
        return {name: edit.text() for name, edit in self.edits.items()
                if edit.text().strip() != self._original[name].strip()}

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setAccessibleName(f"Error: {message}")
        self.error.show()

    def try_accept(self) -> None:
        fields = self.changed_fields()
        if not fields:
            self.accept()
            return
        self.setEnabled(False)
        self._submit(fields, self.answer)

    def answer(self, error: str | None) -> None:
        """The save's outcome, when it comes back: close, or say why and stay open."""
        self.setEnabled(True)
        if error:
            self.show_error(error)
        else:
            self.accept()
