"""The ledger's Sources column: '2 ✓ 1 ✗' painted with each glyph in its stance colour."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from claimledger.domain.records import ClaimView
from claimledger.ui.kit import evidence_look
from claimledger.ui.kit.evidence_look import STANCE_GLYPHS, stance_counts
from claimledger.ui.kit.look import INK, MUTED
from claimledger.ui.views.ledger_model import ClaimRole

GAP = 5
NONE_MARK = "–"


class SourcesDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        claim: ClaimView | None = index.data(ClaimRole)
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        style = base.widget.style() if base.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, base.widget)
        if claim is None:
            return
        painter.save()
        painter.setClipRect(option.rect)  # three stances in a narrow column stay in it
        rect = option.rect.adjusted(6, 0, -2, 0)
        runs = stance_counts(claim)
        if not runs:
            painter.setPen(QColor(MUTED))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter), NONE_MARK)
            painter.restore()
            return
        bold = QFont(option.font)
        bold.setBold(True)
        x = rect.left()
        for stance, count in runs:
            number = str(count)
            painter.setFont(option.font)
            painter.setPen(QColor(INK))
            width = QFontMetrics(option.font).horizontalAdvance(number) + 3
            painter.drawText(QRect(x, rect.top(), width, rect.height()),
                             int(Qt.AlignmentFlag.AlignVCenter), number)
            x += width
            painter.setFont(bold)
            painter.setPen(QColor(evidence_look.STANCE_TEXT_COLOURS[stance]))
            glyph = STANCE_GLYPHS[stance]
            width = QFontMetrics(bold).horizontalAdvance(glyph)
            painter.drawText(QRect(x, rect.top(), width + 2, rect.height()),
                             int(Qt.AlignmentFlag.AlignVCenter), glyph)
            x += width + GAP
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(QFontMetrics(option.font).horizontalAdvance("00 ✓  00 ✗  00 ○") + 16,
                     hint.height())
