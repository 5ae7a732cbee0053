"""Edit an article's details: title, outlet, author, URL and published date.

Validation is the verb's: its sentence appears inline and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)

from claimledger.domain.records import ArticleSummary
from claimledger.ui.dialogs.saving_dialog import SavingDialog

FIELDS = (("title", "&Title", ""), ("outlet", "&Outlet", "e.g. The Carrowfield Examiner"),
          ("author", "&Author", ""), ("url", "&URL", "https://…"),
          ("published", "&Published", "YYYY-MM-DD"))


class ArticleDialog(SavingDialog):
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
        layout.addWidget(self.error_line())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def changed_fields(self) -> dict:
        """Only the fields the reviewer changed (empty text clears a field)."""
        return {name: edit.text() for name, edit in self.edits.items()
                if edit.text().strip() != self._original[name].strip()}

    def try_accept(self) -> None:
        fields = self.changed_fields()
        if not fields:
            self.accept()
            return
        self.setEnabled(False)
        self._submit(fields, self.answer)
