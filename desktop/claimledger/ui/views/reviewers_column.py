"""The ledger's Reviewers column: every reviewer's verdict on each row, as a small badge
per reviewer (initials and status letter, in the status's colours), shown as soon as
someone other than this reviewer has a verdict in the open ledger: a colleague's ledger
file is visible the moment it is merged, without marking anything here."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate

from claimledger.ui.kit.reviewers_look import initials, shown
from claimledger.ui.views.ledger_model import REVIEWERS, STATUS, LedgerModel
from claimledger.ui.views.ledger_view import LedgerView

BADGE_GAP = 4
BADGE_PAD = 5


class ReviewersDelegate(QStyledItemDelegate):
    def __init__(self, model: LedgerModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option, index) -> None:
        claim = self._model.claim_at(index.row())
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option,
                                painter, option.widget)
        if claim is None:
            return
        painter.save()
        metrics = option.fontMetrics
        x = option.rect.left() + 4
        height = metrics.height() + 2
        top = option.rect.top() + (option.rect.height() - height) // 2
        for verdict in shown(self._model.verdicts(claim.id)):
            words = f"{initials(verdict.reviewer)} {verdict.status.style.letter}"
            width = metrics.horizontalAdvance(words) + 2 * BADGE_PAD
            if x + width > option.rect.right():
                break
            badge = QRect(x, top, width, height)
            painter.setPen(QPen(QColor(verdict.status.style.colour)))
            painter.setBrush(QColor(verdict.status.style.tint))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(QColor("#1c1f23"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, words)
            x += width + BADGE_GAP
        painter.restore()


def install_reviewers_column(view: LedgerView, model: LedgerModel) -> None:
    view.setItemDelegateForColumn(REVIEWERS, ReviewersDelegate(model, view))
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(REVIEWERS), header.visualIndex(STATUS) + 1)
    header.setSectionResizeMode(REVIEWERS, QHeaderView.ResizeMode.Interactive)
    view.setColumnWidth(REVIEWERS, view.fontMetrics().horizontalAdvance("AR S  BO D")
                        + 4 * BADGE_PAD + BADGE_GAP + 8)
    model.filterChanged.connect(lambda: show_reviewers_column(view, model))
    show_reviewers_column(view, model)


def show_reviewers_column(view: LedgerView, model: LedgerModel) -> None:
    view.show_column(REVIEWERS, model.has_other_reviewers())
