"""The ledger's Qt model, tested without any widget."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QPixmap

from claimledger.domain.records import ClaimView
from claimledger.domain.status import Status
from claimledger.ui.views.ledger_model import (
    BATCH,
    NOTE,
    NUMBER,
    REASON,
    STATEMENT,
    STATUS,
    ClaimRole,
    LedgerModel,
)


def claims(count: int) -> list[ClaimView]:
    return [ClaimView(id=f"c{n}", article_id="a", start=n * 10, end=n * 10 + 9,
                      text=f"Statement {n}\nsecond line", kind="claim", role="body",
                      origin="auto") for n in range(count)]


def test_row_count_and_display(qapp):
    model = LedgerModel()
    model.set_claims(claims(3))
    assert model.rowCount() == 3
    assert model.columnCount() == 9  # ... Consensus, Worth, Reviewers
    index = model.index(1, STATEMENT)
    assert model.data(index) == "Statement 1 second line"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "Statement 1\nsecond line"
    assert model.data(model.index(1, NUMBER)) == "2"
    assert model.data(model.index(1, STATUS)) == "· Unreviewed"
    assert model.data(model.index(1, STATUS), ClaimRole).id == "c1"
    assert model.headerData(STATEMENT, Qt.Orientation.Horizontal) == "Statement"


def test_status_roles_show_letter_word_dot_and_tint(qapp):
    model = LedgerModel()
    model.set_claims([replace(claims(1)[0], status=Status.SOURCED, reason="Primary document",
                              note="Checked the minutes")])
    status = model.index(0, STATUS)
    assert model.data(status) == "S Sourced"
    assert isinstance(model.data(status, Qt.ItemDataRole.DecorationRole), QPixmap)
    background = model.data(status, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush)
    assert background.color().name() == Status.SOURCED.style.tint
    assert model.data(model.index(0, REASON)) == "Primary document"
    assert model.data(model.index(0, NOTE)) == "Checked the minutes"


def test_update_claims_repaints_only_the_changed_row(qapp, qtbot):
    model = LedgerModel()
    model.set_claims(claims(10))
    changed = replace(model.claim_at(4), status=Status.DISPUTED)
    with qtbot.waitSignal(model.dataChanged) as signal:
        model.update_claims([changed])
    top_left, bottom_right = signal.args[:2]
    assert (top_left.row(), bottom_right.row()) == (4, 4)
    assert model.data(model.index(4, STATUS)) == "D Disputed"
    assert model.data(model.index(3, STATUS)) == "· Unreviewed"


def test_update_ignores_claims_of_other_articles(qapp):
    model = LedgerModel()
    model.set_claims(claims(2))
    stranger = replace(claims(1)[0], id="elsewhere", status=Status.SOURCED)
    model.update_claims([stranger])
    assert model.data(model.index(0, STATUS)) == "· Unreviewed"


def test_rows_arrive_in_batches(qapp):
    model = LedgerModel()
    model.set_claims(claims(100_000))
    assert model.rowCount() == BATCH
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * BATCH
    model.ensure_loaded(99_999)
    assert model.rowCount() == 100_000
    assert not model.canFetchMore(QModelIndex())
    assert model.data(model.index(99_999, NUMBER)) == "100000"


def test_update_beyond_loaded_rows_is_kept_for_later(qapp):
    model = LedgerModel()
    model.set_claims(claims(BATCH + 10))
    far = replace(model.claim_at(BATCH + 5), status=Status.UNVERIFIED)
    model.update_claims([far])
    model.fetchMore(QModelIndex())
    assert model.data(model.index(BATCH + 5, STATUS)) == "U Unverified"
