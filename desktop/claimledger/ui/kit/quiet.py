"""Setters that do nothing when nothing would change.

Qt re-polishes a widget on every `setStyleSheet` and relays out a tab bar on every
`setTabText`, even when the value is the same; on a path that runs once per keypress
that is whole-pane repaints for nothing. These compare first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget


def set_style_sheet(widget: QWidget, sheet: str) -> None:
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def set_tab_text(tabs: QTabWidget, index: int, text: str) -> None:
    if tabs.tabText(index) != text:
        tabs.setTabText(index, text)
