"""Slim banners: the page tail above the article, a read-only workspace at the top of
the window, and a statement whose words changed since the reviewer's verdict in the
inspector. Each is one line of text with at most one button; hidden when not needed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy

from claimledger.ui.kit.labels import PlainLabel, RichLabel
from claimledger.ui.kit.look import INK

TAIL_COLOURS = ("#eef3f9", "#c9d8ea")  # background, border: a quiet blue note
READ_ONLY_COLOURS = ("#fff4c2", "#e6c84f")  # yellow: a warning, not an error
WORDING_COLOURS = ("#f6ead2", "#d9b779")  # amber: look at this again
#: The most of a statement's earlier words the wording banner quotes.
EARLIER_SHOWN = 280


class Banner(QFrame):
    """One line of text, optionally a button; emits clicked() from the button."""

    clicked = Signal()

    def __init__(self, name: str, colours: tuple[str, str], button: str | None = None,
                 parent=None, *, accessible: str = "", tip: str = "",
                 rich: bool = False) -> None:
        """`rich`: the text is markup written by the app (callers escape what they quote)."""
        super().__init__(parent)
        self.setObjectName(name)
        background, border = colours
        self.setStyleSheet(
            f"QFrame#{name} {{ background: {background}; border: none; "
            f"border-bottom: 1px solid {border}; }} QFrame#{name} QLabel {{ color: {INK}; }}"
            f" QFrame#{name} QPushButton {{ color: {INK}; background: #ffffff; "
            f"border: 1px solid {border}; border-radius: 4px; padding: 2px 10px; }}"
            f" QFrame#{name} QPushButton:hover {{ background: #f4f6f8; }}")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 5, 10, 5)
        layout.setSpacing(10)
        self.label = RichLabel(wordWrap=True) if rich else PlainLabel(wordWrap=True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.label, 1)
        self.button = None
        if button:
            self.button = QPushButton(button, objectName=f"{name}Button")
            self.button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its action is in a menu
            self.button.clicked.connect(self.clicked)
            self.button.setToolTip(tip)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(accessible)
        self.hide()

    def say(self, text: str | None) -> None:
        """Show `text`, or hide the banner for None/empty."""
        self.label.setText(text or "")
        self.setVisible(bool(text))


def tail_banner() -> Banner:
    return Banner("tailBanner", TAIL_COLOURS, "Cut it", accessible="Page tail",
                  tip="Take the page tail out of the ledger (Ctrl+Z brings it back)")


def tail_words(first_line: str) -> str:
    head = " ".join(first_line.split())
    if len(head) > 40:
        head = head[:39].rstrip()
    return f"This text ends with a web-page tail ({head}…)."


def read_only_banner() -> Banner:
    return Banner("readOnlyBanner", READ_ONLY_COLOURS, accessible="Read-only workspace",
                  rich=True)


def wording_banner() -> Banner:
    return Banner("wordingBanner", WORDING_COLOURS, "Confirm verdict",
                  accessible="Text changed since your verdict",
                  tip="Your verdict stands for the new words (marking the statement again "
                      "does the same)")


def wording_words(earlier: str, revision: int) -> str:
    """'The words changed in revision 2 since your verdict. Before: “…”'."""
    before = " ".join(earlier.split())
    if len(before) > EARLIER_SHOWN:
        before = before[:EARLIER_SHOWN - 1].rstrip() + "…"
    return f"The words changed in revision {revision} since your verdict. Before: “{before}”"
