"""The library: every article, its title in bold, then outlet · date, and a small bar
of its status proportions (sourced, disputed, unverified, not a claim, unreviewed).

The list can be sorted and filtered, and shows retired articles (greyed) on request.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from claimledger.domain.records import ArticleSummary
from claimledger.domain.status import Status
from claimledger.ui.kit.labels import plain_tip
from claimledger.ui.kit.look import INK, MUTED

SummaryRole = int(Qt.ItemDataRole.UserRole) + 1
RetiredRole = SummaryRole + 1
CountsRole = SummaryRole + 2
PAD = 10
BAR_HEIGHT = 5
SELECTED = "#dde8f5"
BAR_ORDER = (Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED, Status.NOT_A_CLAIM)
UNREVIEWED_BAR = "#e3e6ea"
SORTS = {"newest": "Newest imported", "title": "Title", "published": "Published",
         "progress": "Progress (least done first)"}
Counts = dict[Status, int]


def sorted_articles(articles: list[ArticleSummary], order: str) -> list[ArticleSummary]:
    """Newest imported and published: newest first (undated last); title A-Z;
    progress: the least reviewed first."""
    by_title = sorted(articles, key=lambda a: (a.title.casefold(), a.id))
    if order == "title":
        return by_title
    if order == "published":
        return sorted(by_title, key=lambda a: a.published or "", reverse=True)
    if order == "progress":
        return sorted(by_title, key=lambda a: a.reviewed / a.claims if a.claims else 1.0)
    return sorted(by_title, key=lambda a: a.retrieved, reverse=True)


def matches(article: ArticleSummary, needle: str) -> bool:
    fields = (article.title, article.outlet, article.author, article.published)
    return needle in " ".join(f for f in fields if f).casefold()


def accessible_text(article: ArticleSummary, retired: bool) -> str:
    parts = [article.title, source_line(article), progress_text(article)]
    if retired:
        parts.append("retired")
    return ", ".join(p for p in parts if p)


def meta_line(summary: ArticleSummary) -> str:
    """'Port Averill Ledger-Tribune · 2026-03-14 · 12/40 reviewed'."""
    parts = [p for p in (summary.outlet, summary.published) if p]
    parts.append(progress_text(summary))
    return " · ".join(parts)


def source_line(summary: ArticleSummary) -> str:
    return " · ".join(p for p in (summary.outlet, summary.published) if p)


def progress_text(summary: ArticleSummary) -> str:
    """'12/40 reviewed' over the claims (see ArticleSummary); 'done' once complete."""
    if summary.claims and summary.complete:
        return f"all {summary.claims} reviewed"
    return f"{summary.reviewed}/{summary.claims} reviewed"


def progress_words(summary: ArticleSummary) -> str:
    """The status bar's longer form, naming what the app set aside."""
    words = f"{summary.reviewed} of {summary.claims} claims reviewed"
    if summary.set_aside:
        words += f" · {summary.set_aside} set aside by the app"
    return words


class LibraryModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._live: dict[str, ArticleSummary] = {}
        self._retired: list[ArticleSummary] = []
        self._articles: list[ArticleSummary] = []
        self._retired_ids: set[str] = set()
        self._row_of: dict[str, int] = {}
        self.order = "newest"
        self.needle = ""
        #: article id -> statements per status, for the proportion bar (None: no bar).
        self.counts_for: Callable[[str], Counts | None] | None = None

    def set_articles(self, articles: list[ArticleSummary],
                     retired: list[ArticleSummary] | None = None) -> None:
        self._live = {a.id: a for a in articles}
        self._retired = list(retired or [])
        self._retired_ids = {a.id for a in self._retired}
        self.arrange()

    def arrange(self, order: str | None = None, needle: str | None = None) -> None:
        """Sort and filter the articles again."""
        self.order = order if order is not None else self.order
        self.needle = (needle if needle is not None else self.needle).strip().casefold()
        rows = [a for a in [*self._live.values(), *self._retired]
                if not self.needle or matches(a, self.needle)]
        rows = sorted_articles(rows, self.order)
        rows.sort(key=lambda a: a.id in self._retired_ids)
        self.beginResetModel()
        self._articles = rows
        self._row_of = {a.id: n for n, a in enumerate(rows)}
        self.endResetModel()

    def replace_article(self, summary: ArticleSummary) -> int | None:
        """Put a fresh summary in one live article's row, without telling views (see
        LibraryView.update_article); its row, or None if it is not listed (a change of
        order or filter waits for the next arrange)."""
        row = self._row_of.get(summary.id)
        if row is None or summary.id in self._retired_ids:
            return None
        self._live[summary.id] = self._articles[row] = summary
        return row

    def live_count(self) -> int:
        return len(self._live)

    def is_retired(self, article_id: str) -> bool:
        return article_id in self._retired_ids

    def article_at(self, row: int) -> ArticleSummary | None:
        return self._articles[row] if 0 <= row < len(self._articles) else None

    def row_of(self, article_id: str) -> int | None:
        return self._row_of.get(article_id)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._articles)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        article = self._articles[index.row()]
        retired = article.id in self._retired_ids
        if role == SummaryRole:
            return article
        if role == RetiredRole:
            return retired
        if role == CountsRole:
            return self.counts_for(article.id) if self.counts_for and not retired else None
        if role == Qt.ItemDataRole.DisplayRole:
            return article.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_text(article, retired)
        if role == Qt.ItemDataRole.ToolTipRole:
            tail = "\nRetired: right-click to restore it." if retired else ""
            return plain_tip(f"{article.title}\n{meta_line(article)}{tail}")
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
        retired = bool(index.data(RetiredRole))
        painter.save()
        if retired:
            painter.setOpacity(0.55)
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
        line = source_line(article)
        if retired:
            line = f"Retired · {line}" if line else "Retired"
        source = metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(QRect(inner.left(), meta_top, inner.width(), meta_height),
                         int(Qt.AlignmentFlag.AlignLeft), source)
        count = progress_text(article)
        count_width = metrics.horizontalAdvance(count)
        line_top = meta_top + meta_height + 2
        painter.drawText(QRect(inner.right() - count_width, line_top, count_width, meta_height),
                         int(Qt.AlignmentFlag.AlignRight), count)
        bar_width = max(0, inner.width() - count_width - 10)
        self._paint_progress(painter, article, index.data(CountsRole), inner.left(),
                             line_top + (meta_height - BAR_HEIGHT) // 2, bar_width)
        painter.restore()

    def _paint_progress(self, painter: QPainter, article: ArticleSummary,
                        counts: Counts | None, left: int, top: int, width: int) -> None:
        """Segments in the status colours, in a fixed order; grey for unreviewed."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(UNREVIEWED_BAR))
        painter.drawRoundedRect(left, top, width, BAR_HEIGHT, 2, 2)
        total = article.claims
        if not total or width <= 0:
            return
        if counts is None:
            counts = {Status.SOURCED: article.reviewed}
            colours = {Status.SOURCED: MUTED}
        else:
            colours = {s: s.style.colour for s in BAR_ORDER}
        painter.save()
        clip = QRect(left, top, width, BAR_HEIGHT)
        painter.setClipRect(clip)
        x, done = left, 0
        for status in BAR_ORDER:
            done += counts.get(status, 0)
            end = left + round(width * min(done, total) / total)
            if end > x:
                painter.setBrush(QColor(colours.get(status, MUTED)))
                painter.drawRect(x, top, end - x, BAR_HEIGHT)
                x = end
        painter.restore()


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
    """Emits articleSelected(article_id) when the current live article changes, and
    contextMenuWanted(article_id, global_pos)."""

    articleSelected = Signal(str)
    contextMenuWanted = Signal(str, QPoint)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.setAccessibleName("Library of articles")
        self.library_model = LibraryModel(self)
        self.setModel(self.library_model)
        self.setItemDelegate(LibraryDelegate(self))
        self.setUniformItemSizes(True)
        self.setMinimumWidth(200)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.selectionModel().currentRowChanged.connect(self._on_current)

    def set_articles(self, articles: list[ArticleSummary], keep: str | None,
                     retired: list[ArticleSummary] | None = None) -> None:
        """The library (with `retired` articles listed after the others)."""
        self.blockSignals(True)
        self.library_model.set_articles(articles, retired)
        self.blockSignals(False)
        if keep:
            self.select_article(keep, notify=False)

    def update_article(self, summary: ArticleSummary) -> None:
        """One row's counts or details changed: repaint that row only. (A QListView
        repaints its whole viewport on any dataChanged; with a painted delegate that is
        every visible row, on every mark.)"""
        row = self.library_model.replace_article(summary)
        if row is not None:
            self.viewport().update(self.visualRect(self.library_model.index(row)))

    def arrange(self, order: str | None = None, needle: str | None = None) -> None:
        current = self.current_article_id()
        self.blockSignals(True)
        self.library_model.arrange(order, needle)
        self.blockSignals(False)
        if current:
            self.select_article(current, notify=False)

    def current_article_id(self) -> str | None:
        article = self.currentIndex().data(SummaryRole) if self.currentIndex().isValid() \
            else None
        return article.id if article else None

    def select_article(self, article_id: str, notify: bool = True) -> None:
        row = self.library_model.row_of(article_id)
        if row is None:
            return
        self.blockSignals(not notify)
        self.setCurrentIndex(self.library_model.index(row))
        self.blockSignals(False)

    def _on_current(self, current, _previous) -> None:
        article = current.data(SummaryRole) if current.isValid() else None
        if article and not current.data(RetiredRole):
            self.articleSelected.emit(article.id)

    def contextMenuEvent(self, event) -> None:
        mouse = event.reason() == event.Reason.Mouse
        index = self.indexAt(event.pos()) if mouse else self.currentIndex()
        article = index.data(SummaryRole) if index.isValid() else None
        if article is None:
            return
        if mouse and index != self.currentIndex():
            self.setCurrentIndex(index)
        where = event.globalPos() if mouse \
            else self.viewport().mapToGlobal(self.visualRect(index).center())
        self.contextMenuWanted.emit(article.id, where)

    def keyboardSearch(self, search: str) -> None:
        """Letters are review shortcuts, not a jump to a title."""
