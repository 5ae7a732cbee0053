"""The ledger table: one selected row at a time, driven from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from claimledger.domain.status import Status
from claimledger.ui.views.ledger_columns import install_column_chooser
from claimledger.ui.views.ledger_model import (
    NOTE,
    NUMBER,
    REASON,
    SOURCES,
    STATEMENT,
    STATUS,
    ClaimRole,
    LedgerModel,
    status_text,
)
from claimledger.ui.views.sources_column import SourcesDelegate

#: The least share of the ledger's width the Statement column keeps.
STATEMENT_SHARE = 0.4


class LedgerView(QTableView):
    """Emits claimSelected(claim_id) when the current row changes, and
    contextMenuWanted(claim_id, global_pos) on a right click or the menu key."""

    claimSelected = Signal(str)
    contextMenuWanted = Signal(str, QPoint)

    def __init__(self, model: LedgerModel, parent=None) -> None:
        super().__init__(parent)
        #: Reason and Note: the width the reviewer set (fit_columns narrows them).
        self._preferred: dict[int, int] = {}
        self._fitting = False
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setShowGrid(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sources_delegate = SourcesDelegate(self)
        self.setItemDelegateForColumn(SOURCES, self.sources_delegate)
        self.setAccessibleName("Ledger")
        self.setAccessibleDescription("One row per statement: status, sources, statement, "
                                      "reason and note")
        self._size_columns()
        install_column_chooser(self)
        self.selectionModel().currentRowChanged.connect(self._on_current_row)

    def _size_columns(self) -> None:
        metrics = self.fontMetrics()
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(metrics.height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        widest_status = max(metrics.horizontalAdvance(status_text(s)) for s in Status)
        fixed = {NUMBER: metrics.horizontalAdvance("0000") + 14, STATUS: widest_status + 32,
                 SOURCES: max(metrics.horizontalAdvance("Sources") + 20,
                              metrics.horizontalAdvance("1 ✓ 1 ✗") + 22)}
        for column, width in fixed.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(STATEMENT, QHeaderView.ResizeMode.Stretch)
        for column, sample in ((REASON, "Claimed withou"), (NOTE, "A short no")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self._preferred[column] = metrics.horizontalAdvance(sample) + 16
            self.setColumnWidth(column, self._preferred[column])
        header.setMinimumSectionSize(metrics.horizontalAdvance("Note") + 16)
        header.sectionResized.connect(self._remember_width)

    def _remember_width(self, column: int, _old: int, new: int) -> None:
        if column in self._preferred and not self._fitting and new > 0:  # 0: hidden
            self._preferred[column] = new

    def fit_columns(self) -> None:
        """Keep the Statement readable in a narrow pane (1366×768, 150% scaling): Reason
        and Note give up width, down to their whole headers, before the Statement goes under
        STATEMENT_SHARE of the row; in a wide pane they get back what the reviewer set."""
        flexible = [c for c in self._preferred if not self.isColumnHidden(c)]
        if not flexible:
            return
        columns = range(self.model().columnCount())
        others = sum(self.columnWidth(c) for c in columns
                     if c != STATEMENT and c not in flexible and not self.isColumnHidden(c))
        width = self.viewport().width()
        room = width - others - int(width * STATEMENT_SHARE)
        header = self.horizontalHeader()
        least = {c: max(header.minimumSectionSize(), header.sectionSizeFromContents(c).width())
                 for c in flexible}
        wanted = sum(self._preferred[c] for c in flexible)
        scale = min(1.0, max(room, sum(least.values())) / max(wanted, 1))
        self._fitting = True
        for column in flexible:
            self.setColumnWidth(column, max(least[column],
                                            int(self._preferred[column] * scale)))
        self._fitting = False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_columns()

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:  # noqa: N802 - Qt's name
        """A change within one row repaints that row, cell by cell. For a range, Qt
        repaints a rectangle one pixel taller than its rows, so every mark painted the
        whole row below as well: twice the painting of the row the reviewer changed."""
        row = top_left.row()
        if not top_left.isValid() or row != bottom_right.row() or top_left == bottom_right:
            super().dataChanged(top_left, bottom_right, roles)
            return
        model = self.model()
        for column in range(top_left.column(), bottom_right.column() + 1):
            cell = model.index(row, column)
            super().dataChanged(cell, cell, roles)

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        """Rows scroll into view; the columns never slide sideways (there is no
        horizontal scroll bar to bring # and Status back)."""
        super().scrollTo(index, hint)
        self.horizontalScrollBar().setValue(0)

    def show_column(self, column: int, wanted: bool) -> None:
        """Show or hide a column that appears with its data (Consensus, Reviewers),
        touching the header only when that changes."""
        if self.isColumnHidden(column) == wanted:
            self.setColumnHidden(column, not wanted)
            self.fit_columns()

    def keyboardSearch(self, search: str) -> None:
        """Letters and digits are review shortcuts here, never a jump to a matching row."""

    def ledger_model(self) -> LedgerModel:
        return self.model()  # type: ignore[return-value]

    def current_claim_id(self) -> str | None:
        index = self.currentIndex()
        claim = index.data(ClaimRole) if index.isValid() else None
        return claim.id if claim else None

    def select_claim(self, claim_id: str) -> bool:
        """Make `claim_id` the current row, fetching rows as needed; False if absent."""
        model = self.ledger_model()
        row = model.row_of(claim_id)
        if row is None:
            return False
        model.ensure_loaded(row)
        index = model.index(row, STATEMENT)
        if self.currentIndex().row() != row:
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def step(self, delta: int) -> None:
        """Move the current row by `delta`, staying inside the ledger."""
        model = self.ledger_model()
        if model.total_rows() == 0:
            return
        current = self.currentIndex().row()
        row = 0 if current < 0 else max(0, min(model.total_rows() - 1, current + delta))
        model.ensure_loaded(row)
        claim = model.claim_at(row)
        if claim:
            self.select_claim(claim.id)

    def restore_current(self, claim_id: str | None) -> bool:
        """Reselect `claim_id` after the rows changed; False if it is not shown."""
        if claim_id and self.ledger_model().row_of(claim_id) is not None:
            self.blockSignals(True)
            self.select_claim(claim_id)
            self.blockSignals(False)
            return True
        return False

    def contextMenuEvent(self, event) -> None:
        index = self.indexAt(event.pos()) if event.reason() == event.Reason.Mouse \
            else self.currentIndex()
        claim = index.data(ClaimRole) if index.isValid() else None
        if claim is None:
            return
        if index.row() != self.currentIndex().row():
            self.select_claim(claim.id)
        rect = self.visualRect(index)
        where = event.globalPos() if event.reason() == event.Reason.Mouse \
            else self.viewport().mapToGlobal(rect.bottomLeft())
        self.contextMenuWanted.emit(claim.id, where)

    def _on_current_row(self, current, _previous) -> None:
        claim = current.data(ClaimRole) if current.isValid() else None
        if claim:
            self.claimSelected.emit(claim.id)
