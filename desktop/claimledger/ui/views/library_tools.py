"""Above the library list: a filter field, the sort order and "Show retired"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from claimledger.ui.views.library import SORTS, LibraryView


class LibraryTools(QWidget):
    """Emits showRetiredChanged(bool); sorting and filtering go straight to the view."""

    showRetiredChanged = Signal(bool)

    def __init__(self, view: LibraryView, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryTools")
        self.view = view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 6)
        layout.setSpacing(4)
        self.filter = QLineEdit(placeholderText="Filter articles…")
        self.filter.setAccessibleName("Filter the library by title, outlet or author")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda text: view.arrange(needle=text))
        layout.addWidget(self.filter)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.sort = QComboBox()
        self.sort.setAccessibleName("Sort the library")
        self.sort.setToolTip("Sort the library")
        for key, label in SORTS.items():
            self.sort.addItem(label, key)
        self.sort.currentIndexChanged.connect(
            lambda _i: view.arrange(order=self.sort.currentData()))
        row.addWidget(self.sort, 1)
        self.show_retired = QCheckBox("Retired")
        self.show_retired.setToolTip("Show retired articles too, to restore them")
        self.show_retired.setAccessibleName("Show retired articles")
        self.show_retired.toggled.connect(self.showRetiredChanged)
        row.addWidget(self.show_retired)
        layout.addLayout(row)

    def set_order(self, order: str) -> None:
        self.sort.setCurrentIndex(max(0, self.sort.findData(order)))
