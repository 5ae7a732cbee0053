"""The ledger as a Qt table model: one row per statement of the open article.

Rows arrive lazily (canFetchMore/fetchMore, a batch at a time) so a 100,000-statement
ledger opens at once; `update_claims` repaints only the rows a verb changed.
The model's rows are the *shown* rows: a `LedgerFilter` picks them from every statement
in plain Python (see ledger_filter), so J/K and row numbers stay inside the filter.
A row that stops matching after a verdict stays shown until the filter changes, so the
reviewer never loses their place. Statements that are not claims are hidden unless the
filter shows them.

Sorting (a header click) reorders the shown rows; J/K and row numbers follow the shown
order, so they always walk the ledger as it reads on screen. Assisted review adds the
Worth column and a suggestion hint in the Status column (see assist_look).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from claimledger.domain.records import ClaimAssist, ClaimView
from claimledger.domain.status import Status
from claimledger.ui.kit import assist_look
from claimledger.ui.kit.consensus_look import HEADER_TIP, consensus_data, open_disagreement
from claimledger.ui.kit.evidence_look import counts_sentence, counts_text
from claimledger.ui.kit.ledger_filter import (
    CHECK_WORTHY,
    DISAGREES,
    TEXT_CHANGED,
    LedgerFilter,
    RowIndex,
)
from claimledger.ui.kit.look import INK, MUTED, status_dot
from claimledger.ui.kit.reviewers_look import reviewers_data
from claimledger.workspace import ChangedWording, Consensus, ReviewerVerdict

BATCH = 500
#: Consensus and Worth come last in the model; the view moves them (consensus_column,
#: worth_column).
COLUMNS = ("#", "Status", "Sources", "Statement", "Reason", "Note", "Consensus", "Worth",
           "Reviewers")
NUMBER, STATUS, SOURCES, STATEMENT, REASON, NOTE, CONSENSUS, WORTH, REVIEWERS = \
    range(len(COLUMNS))
ClaimRole = int(Qt.ItemDataRole.UserRole) + 1
#: The row's statement number in the whole ledger (1-based), whatever the filter.
NumberRole = ClaimRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


def status_text(status: Status) -> str:
    """'S Sourced': the letter and the word, so colour is never the only cue."""
    return f"{status.style.letter} {status.style.label}"


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


class LedgerModel(QAbstractTableModel):
    """Emits filterChanged() after the shown rows or the chip counts change."""

    filterChanged = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[ClaimView] = []
        self._index_of: dict[str, int] = {}
        self._rows = RowIndex([])
        self._shown: list[int] = []
        self._filter = LedgerFilter()
        self._loaded = 0
        #: article id -> {claim id: Consensus}, asked when an article's claims arrive.
        self.consensus_for: Callable[[str], dict[str, Consensus]] | None = None
        self._consensus: dict[str, Consensus] = {}
        self._several_reviewers = False
        #: claim id -> what assisted review says (empty until the analysis arrives).
        self._assist: dict[str, ClaimAssist] = {}
        self._wording: ChangedWording | None = None
        #: claim id -> its words before the revision, while flagged (see earlier_wording).
        self._earlier: dict[str, str] = {}
        #: article id -> its known assist answers (or None), asked when claims arrive.
        self.assist_for: Callable[[str], dict[str, ClaimAssist] | None] | None = None
        #: article id -> every reviewer's verdicts per claim (workspace.verdicts).
        self.verdicts_for: Callable[[str], dict[str, list[ReviewerVerdict]]] | None = None
        self._verdicts: dict[str, list[ReviewerVerdict]] = {}
        self._others: bool | None = None  # has_other_reviewers, until verdicts change
        #: this reviewer's id (asked: it is settled only once the key is unlocked); the
        #: Reviewers column shows once someone else has a verdict.
        self.me: Callable[[], str] = lambda: ""
        #: the article's stable statement numbers (workspace.statement_numbers).
        self.numbers_for: Callable[[str], dict[str, str]] | None = None
        self._numbers: dict[str, str] = {}
        self._sort: tuple[int, Qt.SortOrder] = (NUMBER, Qt.SortOrder.AscendingOrder)
        #: shown position per ledger index, while the rows are sorted (else bisect).
        self._positions: dict[int, int] | None = None

    def set_ledger(self, ledger) -> None:
        """The open article's ledger as a worker read it (workspace.OpenLedger): the
        window never reads the disk to show it."""
        self.set_claims(ledger.claims, ledger.numbers, ledger.consensus, ledger.verdicts,
                        ledger.wording)

    def set_claims(self, claims: list[ClaimView],
                   numbers: dict[str, str] | None = None,
                   consensus: dict[str, Consensus] | None = None,
                   verdicts: dict[str, list[ReviewerVerdict]] | None = None,
                   wording: ChangedWording | None = None) -> None:
        """The open article's statements, with their stable numbers, consensus and every
        reviewer's verdicts (read through the `..._for` callbacks when not given), and
        the statements whose words changed in its revision."""
        self.beginResetModel()
        self._all = list(claims)
        self._wording = wording
        self._earlier = dict(wording.earlier) if wording else {}
        if numbers is None and self._all and self.numbers_for is not None:
            numbers = self.numbers_for(self._all[0].article_id)
        self._numbers = numbers or {}
        self._index_of = {claim.id: n for n, claim in enumerate(self._all)}
        known = self.assist_for(self._all[0].article_id) if self._all and self.assist_for \
            else None
        self._assist = known or {}
        self._set_reviewers(self._load_consensus() if consensus is None else consensus,
                            self._load_verdicts() if verdicts is None else verdicts)
        self._rows = RowIndex(self._all, self._marks)
        self._set_shown(self._rows.rows(self._filter, self._marked_by(self._filter)))
        self.endResetModel()
        self.filterChanged.emit()

    def set_filter(self, wanted: LedgerFilter) -> None:
        """Show only the rows `wanted` keeps (all claims for an empty filter)."""
        self._filter = wanted
        shown = self._rows.rows(wanted, self._marked_by(wanted))
        self.beginResetModel()
        self._set_shown(shown)
        self.endResetModel()
        self.filterChanged.emit()

    def _set_shown(self, shown: list[int]) -> None:
        """The rows to show, in ledger order: sorted here as the header asks."""
        column, order = self._sort
        if column != NUMBER or order != Qt.SortOrder.AscendingOrder:
            key = self._sort_key(column)
            shown = sorted(shown, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
            self._positions = {index: row for row, index in enumerate(shown)}
        else:
            self._positions = None
        self._shown = shown
        self._loaded = min(BATCH, len(shown))

    def _sort_key(self, column: int) -> Callable[[int], object]:
        claims, assist = self._all, self._assist
        if column == WORTH:
            return lambda i: assist_look.worth_of(assist.get(claims[i].id))
        if column == STATUS:
            order = {status: n for n, status in enumerate(Status)}
            return lambda i: order[claims[i].status]
        if column == SOURCES:
            return lambda i: claims[i].source_count
        if column in (STATEMENT, REASON, NOTE):
            field = {STATEMENT: "text", REASON: "reason", NOTE: "note"}[column]
            return lambda i: (getattr(claims[i], field) or "").casefold()
        if column == CONSENSUS:
            return lambda i: consensus_data(self._consensus.get(claims[i].id),
                                            Qt.ItemDataRole.DisplayRole) or ""
        return lambda i: i

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the shown rows by a column (ties keep the ledger order); by "#"
        ascending is the ledger's own order."""
        if (column, order) == self._sort:
            return
        self._sort = (column, order)
        self.beginResetModel()
        self._set_shown(sorted(self._shown))
        self.endResetModel()
        self.filterChanged.emit()

    @property
    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def set_assist(self, assist: dict[str, ClaimAssist]) -> None:
        """What assisted review says about the open article's claims: repaint Status and
        Worth, recount the Check-worthy chip and, when sorted by Worth, sort again."""
        self._assist = assist
        self._rows.remark()
        if self._sort[0] == WORTH:
            self.beginResetModel()
            self._set_shown(sorted(self._shown))
            self.endResetModel()
        elif self._loaded:
            self.dataChanged.emit(self.index(0, 0), self.index(self._loaded - 1,
                                                               len(COLUMNS) - 1))
        self.filterChanged.emit()

    def assist(self, claim_id: str) -> ClaimAssist | None:
        return self._assist.get(claim_id)

    @property
    def filter(self) -> LedgerFilter:
        return self._filter

    def count(self, what: Status | int, not_claims: bool = True) -> int:
        """How many statements of the whole ledger have a status (or flag bit; 0: all
        statements); without `not_claims`, counted among the claims only."""
        return self._rows.count(what, not_claims)

    def update_claims(self, changed: Iterable[ClaimView]) -> None:
        """Replace the given claims and repaint only their rows."""
        counted = False
        for claim in changed:
            index = self._index_of.get(claim.id)
            if index is None:
                continue
            counted |= self._rows.replace(index, claim)
            row = self.row_of(claim.id)
            if row is not None and row < self._loaded:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        if counted:
            self.filterChanged.emit()

    def _load_consensus(self) -> dict[str, Consensus]:
        return {} if not self._all or self.consensus_for is None \
            else self.consensus_for(self._all[0].article_id)

    def _set_reviewers(self, consensus: dict[str, Consensus],
                       verdicts: dict[str, list[ReviewerVerdict]]) -> None:
        self._consensus = consensus
        self._several_reviewers = any(c.state in ("agree", "disagree") or c.settled_by
                                      for c in consensus.values())
        self._verdicts = verdicts
        self._others = None

    def _load_verdicts(self) -> dict[str, list[ReviewerVerdict]]:
        return {} if not self._all or self.verdicts_for is None \
            else self.verdicts_for(self._all[0].article_id)

    def _marks(self, claim: ClaimView) -> int:
        marks = DISAGREES if open_disagreement(self._consensus.get(claim.id)) else 0
        if assist_look.is_check_worthy(self._assist.get(claim.id)):
            marks |= CHECK_WORTHY
        if self.earlier_wording(claim) is not None:
            marks |= TEXT_CHANGED
        return marks

    def earlier_wording(self, claim: ClaimView) -> str | None:
        """The claim's words before this revision, while its text has changed since this
        reviewer's verdict (None: nothing to look at again)."""
        if not claim.status.is_reviewed:
            return None
        return self._earlier.get(claim.id)

    @property
    def revision(self) -> int:
        """The open article's revision number (1: never revised)."""
        return self._wording.revision if self._wording else 1

    def take_verdict_clocks(self, clocks: dict[str, str]) -> None:
        """This reviewer's verdict clocks of changed claims: a verdict given after the
        revision confirms the new words, and the claim is no longer flagged."""
        if self._wording is None:
            return
        flagged = False
        for claim_id, clock in clocks.items():
            if claim_id in self._earlier and clock > self._wording.revised_at:
                del self._earlier[claim_id]
                flagged |= self._remark_one(claim_id, None)
        if flagged:
            self.filterChanged.emit()

    def update_consensus(self, found: dict[str, Consensus], claim_ids) -> None:
        """New consensus for just these claims (absent from `found`: none): their marks,
        the counts and their Consensus cells, nothing else."""
        flagged = False
        for claim_id in claim_ids:
            if claim_id in found:
                self._consensus[claim_id] = found[claim_id]
            else:
                self._consensus.pop(claim_id, None)
            flagged |= self._remark_one(claim_id, CONSENSUS)
        several = self._several_reviewers or any(
            c.state in ("agree", "disagree") or c.settled_by
            for c in (found.get(i) for i in claim_ids) if c is not None)
        if flagged or several != self._several_reviewers:
            self._several_reviewers = several
            self.filterChanged.emit()

    def update_assist(self, assist: dict[str, ClaimAssist]) -> None:
        """New assisted-review answers for just these claims (see update_consensus)."""
        self._assist.update(assist)
        flagged = False
        for claim_id in assist:
            flagged |= self._remark_one(claim_id, None)
        if flagged:
            self.filterChanged.emit()

    def _remark_one(self, claim_id: str, column: int | None) -> bool:
        """Repaint the claim's row (or one cell of it); True when its flags changed."""
        index = self._index_of.get(claim_id)
        if index is None:
            return False
        flagged = self._rows.replace(index, self._all[index])
        row = self.row_of(claim_id)
        if row is not None and row < self._loaded:
            first, last = (column, column) if column is not None else (0, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(row, first), self.index(row, last))
        return flagged

    def update_verdicts(self, found: dict[str, list[ReviewerVerdict]], claim_ids) -> None:
        """Every reviewer's verdicts on just these claims: their Reviewers cells."""
        others_before = self.has_other_reviewers()
        for claim_id in claim_ids:
            self._verdicts[claim_id] = found.get(claim_id, [])
            self._remark_one(claim_id, REVIEWERS)
        me = self.me()
        if not others_before and any(v.reviewer_id != me and v.status.is_reviewed
                                     for c in claim_ids for v in self._verdicts[c]):
            self._others = True
            self.filterChanged.emit()

    def _marked_by(self, wanted: LedgerFilter) -> set[int] | None:
        """The rows the filter's reviewer gave a verdict (None: no reviewer chosen)."""
        if wanted.reviewer is None:
            return None
        reviewer_id, index_of = wanted.reviewer[0], self._index_of
        return {index_of[claim_id] for claim_id, found in self._verdicts.items()
                if claim_id in index_of
                and any(v.reviewer_id == reviewer_id and v.status.is_reviewed for v in found)}

    def reviewers(self) -> list[tuple[str, str, int]]:
        """(id, name, statements marked) of everyone with a verdict in this ledger,
        this reviewer first, then by name."""
        names: dict[str, str] = {}
        marked: Counter[str] = Counter()
        for claim_id, found in self._verdicts.items():
            if claim_id not in self._index_of:
                continue
            for verdict in found:
                if verdict.status.is_reviewed:
                    names[verdict.reviewer_id] = verdict.reviewer
                    marked[verdict.reviewer_id] += 1
        me = self.me()
        return sorted(((rid, name, marked[rid]) for rid, name in names.items()),
                      key=lambda r: (r[0] != me, r[1].casefold()))

    def verdicts(self, claim_id: str) -> list[ReviewerVerdict]:
        return self._verdicts.get(claim_id, [])

    def has_other_reviewers(self) -> bool:
        """True once a reviewer other than this one has a verdict in this ledger."""
        if self._others is None:
            me = self.me()
            self._others = any(v.reviewer_id != me and v.status.is_reviewed
                               for found in self._verdicts.values() for v in found)
        return self._others

    def consensus(self, claim_id: str) -> Consensus | None:
        return self._consensus.get(claim_id)

    def has_consensus_data(self) -> bool:
        """True once two reviewers' verdicts (or a settled one) meet in this ledger."""
        return self._several_reviewers

    def claim_at(self, row: int) -> ClaimView | None:
        return self._all[self._shown[row]] if 0 <= row < len(self._shown) else None

    def row_of(self, claim_id: str) -> int | None:
        """The shown row of `claim_id`, or None if it is absent or filtered out."""
        index = self._index_of.get(claim_id)
        if index is None:
            return None
        if self._positions is not None:
            return self._positions.get(index)
        row = bisect_left(self._shown, index)
        return row if row < len(self._shown) and self._shown[row] == index else None

    def find(self, claim_id: str) -> ClaimView | None:
        """The claim, shown or filtered out."""
        index = self._index_of.get(claim_id)
        return self._all[index] if index is not None else None

    def all_claims(self) -> list[ClaimView]:
        return list(self._all)

    def total_rows(self) -> int:
        """Rows shown (all of them once fetched)."""
        return len(self._shown)

    def statement_count(self) -> int:
        return len(self._all)

    def ensure_loaded(self, row: int) -> None:
        """Make rows up to `row`'s batch visible to views in one insertion (for jumps)."""
        target = min(len(self._shown), (row // BATCH + 1) * BATCH)
        if target > self._loaded:
            self.beginInsertRows(QModelIndex(), self._loaded, target - 1)
            self._loaded = target
            self.endInsertRows()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded < len(self._shown)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        count = min(BATCH, len(self._shown) - self._loaded)
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
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and section == CONSENSUS:
            return HEADER_TIP
        if orientation == Qt.Orientation.Horizontal and section == WORTH:
            return assist_look.worth_header(role)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._loaded:
            return None
        number = self._shown[index.row()]
        claim = self._all[number]
        if role == ClaimRole:
            return claim
        if role == NumberRole:
            return number + 1
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == SOURCES:
            return counts_sentence(claim)  # the list itself: sources_column.listWanted
        if index.column() == CONSENSUS:
            return consensus_data(self._consensus.get(claim.id), role)
        if index.column() == REVIEWERS:
            return reviewers_data(self._verdicts.get(claim.id, []), role)
        if index.column() == WORTH:
            return assist_look.worth_data(self._assist.get(claim.id), role)
        if index.column() == STATUS and not claim.status.is_reviewed:
            hint = assist_look.hint_data(self._assist.get(claim.id), role)
            if hint is not None:
                return hint
        if index.column() == NUMBER and role == Qt.ItemDataRole.DisplayRole:
            return self.number_of(claim.id) or str(number + 1)
        if index.column() == STATEMENT and role in _CHANGED_ROLES:
            earlier = self.earlier_wording(claim)
            if earlier is not None:
                return changed_wording_data(claim, earlier, self.revision, role)
        handler = _ROLES.get(int(role))
        return handler(claim, number, index.column()) if handler else None

    def number_of(self, claim_id: str) -> str:
        """The statement's stable number ("12", "12a"), or "" when not known."""
        return self._numbers.get(claim_id, "")



CHANGED_MARK = "✎ "
_CHANGED_ROLES = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
                  int(Qt.ItemDataRole.AccessibleTextRole))


def changed_wording_data(claim: ClaimView, earlier: str, revision: int, role: int):
    """The Statement cell of a claim whose words changed since the reviewer's verdict:
    marked, with both wordings in its tooltip."""
    if role == Qt.ItemDataRole.DisplayRole:
        return CHANGED_MARK + one_line(claim.text)
    words = (f"The words changed in revision {revision} since your verdict.\n"
             f"Before: {earlier}\nNow: {claim.text}")
    return words if role == Qt.ItemDataRole.ToolTipRole else f"Text changed. {claim.text}"


def _display(claim: ClaimView, row: int, column: int):
    if column == NUMBER:
        return str(row + 1)
    if column == STATUS:
        return status_text(claim.status)
    if column == SOURCES:
        return counts_text(claim)
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
    if column == STATUS and not unreviewed:
        return QBrush(QColor(INK))  # dark ink on the light tint, in any theme
    if column == NUMBER or (column == STATUS and unreviewed) or (
            column == STATEMENT and claim.kind != "claim" and unreviewed):
        return QBrush(QColor(MUTED))
    return None


def _alignment(claim: ClaimView, row: int, column: int):
    if column == NUMBER:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return None


def _accessible(claim: ClaimView, row: int, column: int):
    if column == SOURCES:
        return counts_sentence(claim)
    return None


_ROLES = {
    int(Qt.ItemDataRole.DisplayRole): _display,
    int(Qt.ItemDataRole.ToolTipRole): _tooltip,
    int(Qt.ItemDataRole.DecorationRole): _decoration,
    int(Qt.ItemDataRole.BackgroundRole): _background,
    int(Qt.ItemDataRole.ForegroundRole): _foreground,
    int(Qt.ItemDataRole.TextAlignmentRole): _alignment,
    int(Qt.ItemDataRole.AccessibleTextRole): _accessible,
}
