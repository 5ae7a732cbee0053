"""R: a small picker of the reason presets for the current status.

Number keys 1-9 pick a preset at once; typing starts a free-text reason that Enter
accepts; Escape leaves the reason as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from claimledger.domain.reasons import Reason
from claimledger.domain.status import Status
from claimledger.ui.kit.labels import PlainLabel

DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


class PresetList(QListWidget):
    """A list where 1-9 pick a row and any other printable key starts free text."""

    def __init__(self, picker: ReasonPicker) -> None:
        super().__init__(picker)
        self._picker = picker

    def keyPressEvent(self, event) -> None:
        number = DIGIT_KEYS.get(event.key())
        if number and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._picker.pick_preset(number)
            return
        if event.text().isprintable() and event.text().strip():
            self._picker.start_free_text(event.text())
            return
        super().keyPressEvent(event)


class ReasonPicker(QDialog):
    """After exec(), `chosen` holds the reason (None for Escape)."""

    def __init__(self, status: Status, presets: tuple[Reason, ...], current: str | None,
                 parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Reason — {status.style.label}")
        self.chosen: str | None = None
        self._presets = presets[:9]
        layout = QVBoxLayout(self)
        layout.addWidget(PlainLabel("Press a number to pick, or type your own reason."))
        self.presets = PresetList(self)
        for n, preset in enumerate(self._presets, start=1):
            QListWidgetItem(f"{n}   {preset.label}", self.presets)
        self.presets.itemActivated.connect(lambda item: self.pick_preset(
            self.presets.row(item) + 1))
        self.presets.setCurrentRow(0)
        self.presets.setMinimumWidth(320)
        layout.addWidget(self.presets)
        self.free_text = QLineEdit(placeholderText="Other reason…")
        if current and current not in {p.label for p in self._presets}:
            self.free_text.setText(current)
        self.free_text.returnPressed.connect(self._accept_free_text)
        layout.addWidget(self.free_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.presets.setFocus()

    def pick_preset(self, number: int) -> None:
        if 1 <= number <= len(self._presets):
            self.chosen = self._presets[number - 1].label
            self.accept()

    def start_free_text(self, first: str) -> None:
        self.free_text.setFocus()
        self.free_text.setText(first)

    def _accept_free_text(self) -> None:
        text = self.free_text.text().strip()
        if text:
            self.chosen = text
            self.accept()
