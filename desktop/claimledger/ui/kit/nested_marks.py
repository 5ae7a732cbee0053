"""Finer claims inside a statement: which claims nest, and the outline drawn around them.

A claim made from a few words of a sentence lies inside the sentence's own claim. The
parent keeps its tint; the finer claim gets a rounded outline and a solid underline in
its status colour (the accent blue while unreviewed), drawn over the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument

from claimledger.domain.records import ClaimView
from claimledger.ui.kit.look import ACCENT


def nested_ids(ordered: list[ClaimView]) -> set[str]:
    """Claims lying inside another claim (claims sorted by start, longest first)."""
    nested, reach = set(), -1
    for claim in ordered:
        if claim.end <= reach:
            nested.add(claim.id)
        reach = max(reach, claim.end)
    return nested


def outline_colour(claim: ClaimView) -> QColor:
    return QColor(claim.status.style.colour if claim.status.is_reviewed else ACCENT)


def line_rects(document: QTextDocument, start: int, end: int) -> list[QRectF]:
    """Document-coordinate rectangles of [start, end) (UTF-16), one per visual line."""
    rects: list[QRectF] = []
    layout = document.documentLayout()
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        text_layout = block.layout()
        origin = layout.blockBoundingRect(block).topLeft()
        base = block.position()
        for n in range(text_layout.lineCount()):
            line = text_layout.lineAt(n)
            line_start = base + line.textStart()
            line_end = line_start + line.textLength()
            first, last = max(start, line_start), min(end, line_end)
            if first >= last:
                continue
            x1 = _x(line.cursorToX(first - base))
            x2 = _x(line.cursorToX(last - base))
            rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1,
                                line.ascent() + line.descent()))
        block = block.next()
    return rects


def _x(result) -> float:
    return result[0] if isinstance(result, tuple) else result


def paint_outlines(painter: QPainter, document: QTextDocument, claims: Iterable[ClaimView],
                   to_utf16, offset: QPointF) -> int:
    """Outline each claim's lines; returns how many rectangles were drawn."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    drawn = 0
    for claim in claims:
        colour = outline_colour(claim)
        start, end = to_utf16(claim.start), to_utf16(claim.end)
        for rect in line_rects(document, start, end):
            box = rect.translated(offset).adjusted(-2, -1, 2, 1)
            painter.setPen(QPen(colour, 1.2))
            painter.setBrush(QColor(0, 0, 0, 0))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QPen(colour, 2.2))
            painter.drawLine(QPointF(box.left() + 2, box.bottom()),
                             QPointF(box.right() - 2, box.bottom()))
            drawn += 1
    return drawn
