"""The ledger's Worth column (how much a statement is worth checking, 0–100) and sorting.

Shown after Sources as a small bar with the number; a click on any header sorts the
shown rows (Worth: most worth first), and "#" puts the ledger back in reading order.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from claimledger.ui.kit.assist_look import CHECK_WORTHY_AT
from claimledger.ui.kit.look import ACCENT, MUTED
from claimledger.ui.views.ledger_model import NUMBER, SOURCES, WORTH, LedgerModel
from claimledger.ui.views.ledger_view import LedgerView

BAR_WIDTH = 20
BAR_HEIGHT = 5
TRACK = "#e3e6ea"
LOW = "#a8b0b9"


class WorthDelegate(QStyledItemDelegate):
    """'▆▆▆▁▁ 75': a short bar (accent blue when check-worthy) then the number."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        style = base.widget.style() if base.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, base.widget)
        if not text:
            return
        points = int(text)
        painter.save()
        rect = option.rect.adjusted(8, 0, -6, 0)
        top = rect.center().y() - BAR_HEIGHT // 2 + 1
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(TRACK))
        painter.drawRoundedRect(QRect(rect.left(), top, BAR_WIDTH, BAR_HEIGHT), 2, 2)
        filled = round(BAR_WIDTH * points / 100)
        if filled:
            worthy = points >= CHECK_WORTHY_AT * 100
            painter.setBrush(QColor(ACCENT if worthy else LOW))
            painter.drawRoundedRect(QRect(rect.left(), top, filled, BAR_HEIGHT), 2, 2)
        painter.setPen(QColor(MUTED) if points < CHECK_WORTHY_AT * 100
                       else option.palette.text().color())
        painter.drawText(rect.adjusted(BAR_WIDTH + 6, 0, 0, 0),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(BAR_WIDTH + QFontMetrics(option.font).horizontalAdvance("100") + 22,
                     hint.height())


def install_worth_column(view: LedgerView, model: LedgerModel) -> None:
    header = view.horizontalHeader()
    header.moveSection(header.visualIndex(WORTH), header.visualIndex(SOURCES) + 1)
    view.setItemDelegateForColumn(WORTH, WorthDelegate(view))
    metrics = view.fontMetrics()
    width = max(BAR_WIDTH + metrics.horizontalAdvance("100") + 22,
                metrics.horizontalAdvance("Worth") + 30)
    header.setSectionResizeMode(WORTH, QHeaderView.ResizeMode.Fixed)
    view.setColumnWidth(WORTH, width)
    header.setSortIndicator(NUMBER, Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorShown(True)
    view.setSortingEnabled(True)
