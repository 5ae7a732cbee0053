"""The ledger's Sources column: '2 ✓ 1 ✗' painted with each glyph in its stance colour.

Its tooltip lists the claim's sources, which live on disk: the delegate asks for them
(`listWanted`) and the window shows the list when a worker has read it (`sources_tip`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from claimledger.domain.records import ClaimView, SourceView
from claimledger.ui.kit import evidence_look
from claimledger.ui.kit.evidence_look import (
    STANCE_GLYPHS,
    counts_sentence,
    stance_counts,
    stance_label,
)
from claimledger.ui.kit.look import INK, MUTED
from claimledger.ui.views.ledger_model import ClaimRole

GAP = 5
NONE_MARK = "–"


def sources_tip(claim: ClaimView, sources: list[SourceView]) -> str:
    """The tooltip: the counts in words, then one line per source."""
    lines = [counts_sentence(claim)]
    for source in sources:
        name = source.title or source.url or source.file or "Untitled source"
        by = f" — {source.publisher}" if source.publisher else ""
        lines.append(f"• {stance_label(source.stance)}: {name}{by}")
    return "\n".join(lines)


class SourcesDelegate(QStyledItemDelegate):
    """Emits listWanted(claim_id, global_pos, cell) for the tooltip of a claim with
    sources; a claim without any gets its counts sentence at once (the model's)."""

    listWanted = Signal(str, QPoint, QRect)

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt's name
        claim: ClaimView | None = index.data(ClaimRole)
        if event.type() == QEvent.Type.ToolTip and claim is not None and claim.source_count:
            self.listWanted.emit(claim.id, event.globalPos(), view.visualRect(index))
            return True
        return super().helpEvent(event, view, option, index)

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
