"""The filter bar's reviewer chip: one reviewer's work in the ledger.

"Reviewer ▾" opens a menu of everyone with a verdict in the open ledger: "Marked by
Ben Ode (12)" shows the statements Ben gave a verdict, "Not yet marked by Ben Ode" the
ones left for him. It appears once a second reviewer's verdicts are here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontMetrics
from PySide6.QtWidgets import QMenu, QToolButton

ANYONE = "Reviewer ▾"
CHIP_PADDING = 12  # the chip style's padding and border, each side


class ReviewerChip(QToolButton):
    """Emits chosen() after the reviewer (or "anyone") was picked from its menu."""

    chosen = Signal()

    def __init__(self, model, style: str, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.choice: tuple[str, bool] | None = None
        self.setObjectName("filterChip")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setStyleSheet(style + "QToolButton::menu-indicator { image: none; width: 0; }")
        self.setToolTip("Show one reviewer's work: what they marked, or what is left to them")
        menu = QMenu(self)
        menu.aboutToShow.connect(self._fill)
        menu.aboutToHide.connect(self._show_choice)  # a dismissed menu leaves it as it was
        self.setMenu(menu)
        self._show_choice()

    def clear(self) -> None:
        """Back to everyone's statements, without emitting chosen()."""
        self.choice = None
        self._show_choice()

    def choose(self, choice: tuple[str, bool] | None) -> None:
        self.choice = choice
        self._show_choice()
        self.chosen.emit()

    def _fill(self) -> None:
        menu = self.menu()
        menu.clear()
        group = QActionGroup(menu)
        self._add(menu, group, "Anyone", None)
        me = self.model.me()
        for reviewer_id, name, marked in self.model.reviewers():
            menu.addSeparator()
            who = f"{name} (you)" if reviewer_id == me else name
            self._add(menu, group, f"Marked by {who} ({marked:,})", (reviewer_id, True))
            self._add(menu, group, f"Not yet marked by {who}", (reviewer_id, False))

    def _add(self, menu: QMenu, group: QActionGroup, text: str,
             choice: tuple[str, bool] | None) -> None:
        action = QAction(text, menu, checkable=True, checked=choice == self.choice)
        action.triggered.connect(lambda _=False, c=choice: self.choose(c))
        group.addAction(action)
        menu.addAction(action)

    def _show_choice(self) -> None:
        self.setChecked(self.choice is not None)
        if self.choice is None:
            self._say(ANYONE, "Filter by reviewer: anyone")
            return
        reviewer_id, marked = self.choice
        name = next((n for rid, n, _m in self.model.reviewers() if rid == reviewer_id),
                    "a reviewer")
        words = f"Marked by {name}" if marked else f"Not yet marked by {name}"
        self._say(f"{words} ▾", f"Filter by reviewer: {words.lower()}")

    def _say(self, text: str, accessible: str) -> None:
        """The chip as wide as its text in bold (how a chosen chip draws it)."""
        self.setText(text)
        self.setAccessibleName(accessible)
        bold = QFont(self.font())
        bold.setBold(True)
        self.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text) + 2 * CHIP_PADDING)
