"""How evidence looks: one colour, glyph and word per stance, never colour alone."""

from __future__ import annotations

from functools import cache
from html import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from claimledger.domain.evidence import STANCES
from claimledger.domain.records import ClaimView

#: Okabe-Ito: bluish green, vermillion, blue (safe for the common colour blindnesses).
STANCE_COLOURS = {"supports": "#007A5A", "contradicts": "#C0500A", "context": "#0067A3"}
#: The stance words' colour in rich text: these on light panels; the theme swaps in
#: DARK_STANCE_COLOURS, readable on the dark theme's panels.
STANCE_TEXT_COLOURS = dict(STANCE_COLOURS)
DARK_STANCE_COLOURS = {"supports": "#4cc38a", "contradicts": "#ff9a5c",
                       "context": "#6cb6ff"}
STANCE_GLYPHS = {"supports": "✓", "contradicts": "✗", "context": "○"}
STANCE_ORDER = ("supports", "contradicts", "context")
STANCE_PHRASES = {"supports": "supporting", "contradicts": "contradicting",
                  "context": "for context"}


def stance_counts(claim: ClaimView) -> list[tuple[str, int]]:
    """[(stance, count)] for the stances the claim has, in a fixed order."""
    counts = {"supports": claim.supports, "contradicts": claim.contradicts,
              "context": claim.context}
    return [(s, counts[s]) for s in STANCE_ORDER if counts[s]]


def counts_text(claim: ClaimView) -> str:
    """'2 ✓ 1 ✗' (empty when the claim has no source)."""
    return "  ".join(f"{n} {STANCE_GLYPHS[s]}" for s, n in stance_counts(claim))


def counts_sentence(claim: ClaimView) -> str:
    """'2 sources: 1 supporting, 1 contradicting' or 'No source yet'."""
    total = claim.source_count
    if not total:
        return "No source yet"
    parts = ", ".join(f"{n} {STANCE_PHRASES[s]}" for s, n in stance_counts(claim))
    return f"{total} source{'s' if total != 1 else ''}: {parts}"


def stance_label(stance: str) -> str:
    return STANCES.get(stance, stance.capitalize())


def stance_html(stance: str) -> str:
    """The stance as a coloured glyph and word, for rich-text labels."""
    colour = STANCE_TEXT_COLOURS.get(stance, "#555555")
    return (f'<span style="color:{colour}; font-weight:bold">'
            f"{STANCE_GLYPHS.get(stance, '•')} {escape(stance_label(stance))}</span>")


@cache
def stance_icon(stance: str, size: int = 16) -> QIcon:
    """A filled disc in the stance colour with its glyph in white."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(STANCE_COLOURS.get(stance, "#555555")))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    font = QFont("DejaVu Sans")
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0, 0, size, size), int(Qt.AlignmentFlag.AlignCenter),
                     STANCE_GLYPHS.get(stance, "•"))
    painter.end()
    return QIcon(pixmap)
