"""Which optional ledger columns show: a right click on the header toggles them, and the
choice is remembered. Notes are hidden at first: the inspector shows them in full and a
chip filters by them, so the statement gets the room."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QMenu, QTableView

from claimledger.ui.views.ledger_model import COLUMNS, NOTE, REASON, SOURCES, WORTH

OPTIONAL = (SOURCES, WORTH, REASON, NOTE)
_KEY = "ledger/hidden-columns"
_DEFAULT_HIDDEN = (COLUMNS[NOTE],)


def install_column_chooser(view: QTableView) -> None:
    header = view.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(partial(_show_menu, view))
    hidden = QSettings().value(_KEY, list(_DEFAULT_HIDDEN), type=list)
    for column in OPTIONAL:
        view.setColumnHidden(column, COLUMNS[column] in hidden)


def set_column_shown(view, column: int, shown: bool) -> None:
    """Show or hide an optional column of the LedgerView (and remember it)."""
    view.setColumnHidden(column, not shown)
    view.fit_columns()
    QSettings().setValue(_KEY, [COLUMNS[c] for c in OPTIONAL if view.isColumnHidden(c)])


def column_menu(view: QTableView) -> QMenu:
    menu = QMenu("Columns", view)
    for column in OPTIONAL:
        action = menu.addAction(COLUMNS[column])
        action.setCheckable(True)
        action.setChecked(not view.isColumnHidden(column))
        action.toggled.connect(partial(set_column_shown, view, column))
    return menu


def _show_menu(view: QTableView, pos: QPoint) -> None:
    column_menu(view).exec(view.horizontalHeader().mapToGlobal(pos))
