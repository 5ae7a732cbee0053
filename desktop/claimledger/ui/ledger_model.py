"""The ledger as a Qt table model: one row per statement of the open article.

Rows arrive lazily (canFetchMore/fetchMore, a batch at a time) so a 100,000-statement
ledger opens at once; `update_claims` repaints only the rows a verb changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from claimledger.domain.records import ClaimView
from claimledger.domain.status import Status
from claimledger.ui.look import MUTED, status_dot

BATCH = 500
COLUMNS = ("#", "Status", "Statement", "Reason", "Note")
NUMBER, STATUS, STATEMENT, REASON, NOTE = range(len(COLUMNS))
ClaimRole = int(Qt.ItemDataRole.UserRole) + 1

AnyIndex = QModelIndex | QPersistentModelIndex


def status_text(status: Status) -> str:
    """'S Sourced': the letter and the word, so colour is never the only cue."""
    return f"{status.style.letter} {status.style.label}"


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


class LedgerModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._claims: list[ClaimView] = []
        self._row_of: dict[str, int] = {}
        self._loaded = 0

    def set_claims(self, claims: list[ClaimView]) -> None:
        self.beginResetModel()
        self._claims = list(claims)
        self._row_of = {claim.id: row for row, claim in enumerate(self._claims)}
        self._loaded = min(BATCH, len(self._claims))
        self.endResetModel()

    def update_claims(self, changed: Iterable[ClaimView]) -> None:
        """Replace the given claims and repaint only their rows."""
        for claim in changed:
            row = self._row_of.get(claim.id)
            if row is None:
                continue
            self._claims[row] = claim
            if row < self._loaded:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def claim_at(self, row: int) -> ClaimView | None:
        return self._claims[row] if 0 <= row < len(self._claims) else None

    def row_of(self, claim_id: str) -> int | None:
        return self._row_of.get(claim_id)

    def total_rows(self) -> int:
        return len(self._claims)

    def ensure_loaded(self, row: int) -> None:
        """Fetch batches until `row` is visible to views (for jumping to far rows)."""
        while row >= self._loaded and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded < len(self._claims)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        count = min(BATCH, len(self._claims) - self._loaded)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + count - 1)
        self._loaded += count
        self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._loaded:
            return None
        claim = self._claims[index.row()]
        if role == ClaimRole:
            return claim
        handler = _ROLES.get(int(role))
        return handler(claim, index.row(), index.column()) if handler else None


def _display(claim: ClaimView, row: int, column: int):
    if column == NUMBER:
        return str(row + 1)
    if column == STATUS:
        return status_text(claim.status)
    if column == STATEMENT:
        return one_line(claim.text)
    if column == REASON:
        return claim.reason or ""
    return one_line(claim.note)


def _tooltip(claim: ClaimView, row: int, column: int):
    if column == STATEMENT:
        return claim.text
    if column == NOTE and claim.note:
        return claim.note
    if column == STATUS:
        return claim.status.style.label
    return None


def _decoration(claim: ClaimView, row: int, column: int):
    return status_dot(claim.status) if column == STATUS else None


def _background(claim: ClaimView, row: int, column: int):
    if column == STATUS and claim.status.is_reviewed:
        return QBrush(QColor(claim.status.style.tint))
    return None


def _foreground(claim: ClaimView, row: int, column: int):
    unreviewed = not claim.status.is_reviewed
    if column == NUMBER or (column == STATUS and unreviewed) or (
            column == STATEMENT and claim.kind != "claim" and unreviewed):
        return QBrush(QColor(MUTED))
    return None


def _alignment(claim: ClaimView, row: int, column: int):
    if column == NUMBER:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return None


_ROLES = {
    int(Qt.ItemDataRole.DisplayRole): _display,
    int(Qt.ItemDataRole.ToolTipRole): _tooltip,
    int(Qt.ItemDataRole.DecorationRole): _decoration,
    int(Qt.ItemDataRole.BackgroundRole): _background,
    int(Qt.ItemDataRole.ForegroundRole): _foreground,
    int(Qt.ItemDataRole.TextAlignmentRole): _alignment,
}
