"""Message boxes that show what they are given, exactly, and never block the caller.

A message often names a file or a reviewer, and both come from outside: a box must not
draw "<h1>notes.cledger" as a heading, and a 200-character file name must wrap rather
than run off the box.
"""

from __future__ import annotations

import re
from html import escape, unescape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

#: A run of this many characters without a space is given places to wrap.
_LONG_RUN = re.compile(r"\S{41,}")
#: Where a long run may wrap: after every so many characters.
_RUN_PIECE = 30
_ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str) -> str:
    """`text` with zero-width spaces inside long runs (file names, URLs), so it wraps."""
    def split(run: re.Match) -> str:
        word = run.group()
        return _ZERO_WIDTH_SPACE.join(word[i:i + _RUN_PIECE]
                                      for i in range(0, len(word), _RUN_PIECE))
    return _LONG_RUN.sub(split, text)


def shown(text: str) -> str:
    """`text` as markup that draws it literally and wraps, for QMessageBox's static calls
    (which would otherwise guess the format)."""
    lines = escape(breakable(text), quote=False).replace("\n", "<br>")
    return f"<qt>{lines}</qt>"


def literal(box: QMessageBox) -> QMessageBox:
    """Make `box` draw its text and informative text as plain, wrapping text."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for name in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
        label = box.findChild(QLabel, name)
        if label is not None:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
    return box


def tell(parent, title: str, text: str, icon=QMessageBox.Icon.Warning,
         details: str = "", modal: bool = True) -> QMessageBox:
    """One message box that does not block the caller (tests find it in
    `parent.last_message`); window-modal unless `modal` is False."""
    box = QMessageBox(icon, title, breakable(text), QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if details:
        box.setInformativeText(breakable(details))
    literal(box)
    box.setWindowModality(Qt.WindowModality.WindowModal if modal
                          else Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    parent.last_message = box
    box.open()
    return box


def as_text(markup: str) -> str:
    """What a reader sees of `shown(text)`: the text again (tests read boxes with it)."""
    inner = markup.removeprefix("<qt>").removesuffix("</qt>").replace("<br>", "\n")
    return unescape(inner).replace(_ZERO_WIDTH_SPACE, "")
