"""A dialog whose Save runs off the GUI thread and may be refused.

The subclass gathers fields and calls `submit(fields, self.answer)`; the window saves
on its write worker and answers: `answer(None)` closes the dialog, `answer(sentence)`
shows why it was refused in the dialog's error line, and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from claimledger.ui.kit.labels import PlainLabel

ERROR_STYLE = ("QLabel { color: #9b1c1c; background: #fdecea; border: 1px solid #f5c2c0; "
               "border-radius: 4px; padding: 6px 8px; }")


class SavingDialog(QDialog):
    def error_line(self) -> QLabel:
        """The hidden line that says why a save was refused (kept as `self.error`)."""
        self.error = PlainLabel(objectName="dialogError", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        return self.error

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setAccessibleName(f"Error: {message}")
        self.error.show()

    def answer(self, error: str | None) -> None:
        """The save's outcome, when it comes back: close, or say why and stay open."""
        self.setEnabled(True)
        if error:
            self.show_error(error)
        else:
            self.accept()
