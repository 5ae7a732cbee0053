"""A label whose text changes often (a count that follows every mark) without moving.

A plain QLabel asks its layout to recompute on every `setText`, so a status bar with a
live count relays out, and shifts the labels beside it, on each keypress. This one keeps
a fixed size, wide enough for any text of the same shape (every digit drawn as the
widest one), and only resizes when the shape changes: another word, or more digits.
Qt leaves the layout alone for a widget whose minimum and maximum sizes are equal.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel

ANY_SIZE = (1 << 24) - 1  # QWIDGETSIZE_MAX, which PySide6 does not export
_DIGIT = re.compile(r"\d")


def shape_of(text: str) -> str:
    """`text` with every digit replaced by a wide one: texts that differ only in their
    digits (and have as many) have the same shape."""
    return _DIGIT.sub("8", text)


class SteadyLabel(QLabel):
    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._shape: str | None = None
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if text == self.text():
            return
        shape = shape_of(text)
        if shape != self._shape:
            self._fit(shape)
        super().setText(text)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) \
                and self._shape is not None:
            self._fit(self._shape)

    def _fit(self, shape: str) -> None:
        self._shape = shape
        shown = self.text()
        self.setMinimumSize(0, 0)
        self.setMaximumSize(ANY_SIZE, ANY_SIZE)
        super().setText(shape)
        self.setFixedSize(self.sizeHint())
        super().setText(shown)
