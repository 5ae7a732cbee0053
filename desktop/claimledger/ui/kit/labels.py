"""Labels that say which text format they hold.

A QLabel guesses: text whose first line looks like a tag is drawn as HTML. Names, titles,
statements and file names come from articles and other reviewers' files, so a label
that shows them must never guess: one named "<h1>Ben" would otherwise draw as a
heading, and could pass for someone else. Every label here is plain text unless it is
a RichLabel, whose callers escape what they put in. Tooltips guess the same way:
`plain_tip` keeps a text from being drawn as markup.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel


class PlainLabel(QLabel):
    """A label that shows its text exactly as it is."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.TextFormat.PlainText)


class RichLabel(QLabel):
    """A label of markup written by the app; anything it quotes is escaped first."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.TextFormat.RichText)


def plain_tip(text: str | None) -> str | None:
    """A tooltip that shows `text` as it is. Qt draws a tooltip as HTML when its first
    line looks like markup; such a text is escaped into markup that draws it literally."""
    if not text or not GuiQt.mightBeRichText(text):
        return text
    return "<qt>" + escape(text, quote=False).replace("\n", "<br>") + "</qt>"
