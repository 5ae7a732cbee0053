"""The library: every article, its title in bold, then outlet · date · progress."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from claimledger.domain.records import ArticleSummary
from claimledger.ui.look import ACCENT, INK, MUTED

SummaryRole = int(Qt.ItemDataRole.UserRole) + 1
PAD = 10
BAR_HEIGHT = 4
SELECTED = "#dde8f5"


def meta_line(summary: ArticleSummary) -> str:
    """'Port Averill Ledger-Tribune · 2026-03-14 · 12/40 reviewed'."""
    parts = [p for p in (summary.outlet, summary.published) if p]
    parts.append(progress_text(summary))
    return " · ".join(parts)


def source_line(summary: ArticleSummary) -> str:
    return " · ".join(p for p in (summary.outlet, summary.published) if p)


def progress_text(summary: ArticleSummary) -> str:
    return f"{summary.reviewed}/{summary.statements} reviewed"


class LibraryModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._articles: list[ArticleSummary] = []

    def set_articles(self, articles: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        self.endResetModel()

    def article_at(self, row: int) -> ArticleSummary | None:
        return self._articles[row] if 0 <= row < len(self._articles) else None

    def row_of(self, article_id: str) -> int | None:
        for row, article in enumerate(self._articles):
            if article.id == article_id:
                return row
        return None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._articles)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        article = self._articles[index.row()]
        if role == SummaryRole:
            return article
        if role == Qt.ItemDataRole.DisplayRole:
            return article.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{article.title}\n{meta_line(article)}"
        return None


class LibraryDelegate(QStyledItemDelegate):
    """Two lines and a thin progress bar, painted so long titles elide, never clip."""

    def _fonts(self, option) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        meta = QFont(option.font)
        meta.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
        return title, meta

    def sizeHint(self, option, index) -> QSize:
        title, meta = self._fonts(option)
        height = QFontMetrics(title).height() * 2 + QFontMetrics(meta).height() * 2
        return QSize(220, height + PAD * 2 + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        article: ArticleSummary = index.data(SummaryRole)
        painter.save()
        rect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(SELECTED))
        painter.setPen(QColor("#e6e8eb"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        title_font, meta_font = self._fonts(option)
        inner = rect.adjusted(PAD + 2, PAD, -PAD, -PAD)
        title_height = QFontMetrics(title_font).height() * 2
        painter.setFont(title_font)
        painter.setPen(QColor(INK))
        title_rect = QRect(inner.left(), inner.top(), inner.width(), title_height)
        painter.drawText(title_rect, int(Qt.TextFlag.TextWordWrap), _two_lines(
            article.title, QFontMetrics(title_font), inner.width()))
        painter.setFont(meta_font)
        painter.setPen(QColor(MUTED))
        meta_top = title_rect.bottom() + 2
        meta_height = QFontMetrics(meta_font).height()
        metrics = QFontMetrics(meta_font)
        source = metrics.elidedText(source_line(article), Qt.TextElideMode.ElideRight,
                                    inner.width())
        painter.drawText(QRect(inner.left(), meta_top, inner.width(), meta_height),
                         int(Qt.AlignmentFlag.AlignLeft), source)
        count = progress_text(article)
        count_width = metrics.horizontalAdvance(count)
        line_top = meta_top + meta_height + 2
        painter.drawText(QRect(inner.right() - count_width, line_top, count_width, meta_height),
                         int(Qt.AlignmentFlag.AlignRight), count)
        bar_width = max(0, inner.width() - count_width - 10)
        self._paint_progress(painter, article, inner.left(),
                             line_top + (meta_height - BAR_HEIGHT) // 2, bar_width)
        painter.restore()

    def _paint_progress(self, painter: QPainter, article: ArticleSummary, left: int, top: int,
                        width: int) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e3e6ea"))
        painter.drawRoundedRect(left, top, width, BAR_HEIGHT, 2, 2)
        if article.statements:
            done = round(width * article.reviewed / article.statements)
            painter.setBrush(QColor(ACCENT))
            painter.drawRoundedRect(left, top, done, BAR_HEIGHT, 2, 2)


def _two_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """The title wrapped to at most two lines, the second elided."""
    words, first = text.split(), ""
    while words and metrics.horizontalAdvance((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    if not words:
        return first
    rest = metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)
    return f"{first}\n{rest}" if first else metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                                width)


class LibraryView(QListView):
    """Emits articleSelected(article_id) when the current article changes."""

    articleSelected = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.library_model = LibraryModel(self)
        self.setModel(self.library_model)
        self.setItemDelegate(LibraryDelegate(self))
        self.setUniformItemSizes(True)
        self.setMinimumWidth(200)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.selectionModel().currentRowChanged.connect(self._on_current)

    def set_articles(self, articles: list[ArticleSummary], keep: str | None) -> None:
        self.blockSignals(True)
        self.library_model.set_articles(articles)
        self.blockSignals(False)
        if keep:
            self.select_article(keep, notify=False)

    def select_article(self, article_id: str, notify: bool = True) -> None:
        row = self.library_model.row_of(article_id)
        if row is None:
            return
        self.blockSignals(not notify)
        self.setCurrentIndex(self.library_model.index(row))
        self.blockSignals(False)

    def _on_current(self, current, _previous) -> None:
        article = current.data(SummaryRole) if current.isValid() else None
        if article:
            self.articleSelected.emit(article.id)

    def keyboardSearch(self, search: str) -> None:
        """Letters are review shortcuts, not a jump to a title."""
