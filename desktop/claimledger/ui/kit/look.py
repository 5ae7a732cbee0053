"""How the window looks: bundled fonts, icons tinted per status, and one calm palette."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from claimledger.domain.status import Status
from claimledger.resources import resource

READING_FAMILY = "DejaVu Serif"
UI_FAMILY = "DejaVu Sans"
INK = "#1f2328"
MUTED = "#6a6f76"
ACCENT = "#1f4e79"
PAPER = "#fdfcf8"
LINE = "#d8dbe0"

STATUS_ICON_FILES = {
    Status.UNREVIEWED: "unreviewed.svg",
    Status.SOURCED: "sourced.svg",
    Status.DISPUTED: "disputed.svg",
    Status.UNVERIFIED: "unverified.svg",
    Status.NOT_A_CLAIM: "not-a-claim.svg",
}

STYLESHEET = f"""
QMainWindow {{ background: #f4f5f7; }}
QToolBar {{ background: #f4f5f7; border: none; border-bottom: 1px solid {LINE};
           spacing: 2px; padding: 3px 6px; }}
QToolBar QToolButton {{ padding: 3px 7px; border-radius: 5px; color: {INK}; }}
QToolBar QToolButton:hover {{ background: #e3e7ec; }}
QToolBar QToolButton:disabled {{ color: #a0a4aa; }}
QStatusBar {{ background: #f4f5f7; border-top: 1px solid {LINE}; color: {INK}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QSplitter::handle {{ background: {LINE}; }}
QSplitter::handle:horizontal {{ border-left: 3px solid #f4f5f7; border-right: 3px solid #f4f5f7; }}
QSplitter::handle:vertical {{ border-top: 3px solid #f4f5f7; border-bottom: 3px solid #f4f5f7; }}
QSplitter::handle:hover {{ background: {ACCENT}; }}
QTableView {{ border: none; gridline-color: #eceef1; selection-background-color: #cfe0f3;
             selection-color: {INK}; alternate-background-color: #f8f9fa; }}
QHeaderView::section {{ background: #f4f5f7; border: none; border-bottom: 1px solid {LINE};
                       padding: 4px 6px; color: {MUTED}; font-weight: bold; }}
QListView#library {{ border: none; background: #f9fafb; }}
QLabel#paneTitle {{ color: {MUTED}; font-weight: bold; padding: 8px 10px 4px 10px; }}
QWidget#inspector {{ background: #ffffff; }}
QLabel#claimText {{ font-family: "{READING_FAMILY}"; font-size: 11.5pt; color: {INK}; }}
QLabel#kindLine, QLabel#claimId {{ color: {MUTED}; }}
QToolButton#statusButton {{ border: 1px solid {LINE}; border-radius: 6px; padding: 4px 8px;
                           background: #ffffff; color: {INK}; }}
QToolButton#statusButton:hover {{ background: #eef1f5; }}
QWidget#welcome {{ background: {PAPER}; }}
QLabel#welcomeTitle {{ font-size: 22pt; color: {ACCENT}; font-weight: bold; }}
QLabel#welcomeText {{ color: {INK}; }}
QLabel#welcomeHint {{ color: {MUTED}; }}
QLabel[muted="true"] {{ color: {MUTED}; }}
"""


def mute(label):
    """Quieter text in the theme's muted colour (a rule of each theme's style sheet,
    so it stays readable on a dark window too); returns the label."""
    label.setProperty("muted", True)
    return label


def install_fonts() -> None:
    """Register the bundled DejaVu fonts so the article reads the same everywhere."""
    for path in sorted(resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))


def reading_font() -> QFont:
    font = QFont(READING_FAMILY)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(12.5)
    return font


def ui_font() -> QFont:
    font = QFont(UI_FAMILY)
    font.setPointSizeF(9.5)
    return font


@cache
def icon(name: str, colour: str | None = None) -> QIcon:
    """An icon from resources/icons, its strokes optionally recoloured."""
    svg = resource("icons", name).read_bytes()
    if colour:
        svg = svg.replace(b'stroke="#333"', f'stroke="{colour}"'.encode())
    renderer = QSvgRenderer(QByteArray(svg))
    result = QIcon()
    for size in (16, 20, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def status_icon(status: Status) -> QIcon:
    return icon(STATUS_ICON_FILES[status], status.style.colour)


@cache
def status_dot(status: Status, size: int = 12) -> QPixmap:
    """A filled dot in the status colour (hollow for unreviewed), for the ledger."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(status.style.colour)
    painter.setPen(colour)
    if status.is_reviewed:
        painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return pixmap
