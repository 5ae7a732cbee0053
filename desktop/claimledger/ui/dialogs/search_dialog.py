"""Ctrl+Shift+F: find words in every article's statements, notes and source excerpts.

Results come as the reviewer types (after a short pause); Up/Down move through them
and Enter jumps to the statement and closes the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
)

from claimledger.domain.records import MATCH_END, MATCH_START, SearchHit
from claimledger.ui.kit.labels import PlainLabel, plain_tip
from claimledger.ui.kit.look import MUTED, mute

TYPING_PAUSE_MS = 150
HitRole = int(Qt.ItemDataRole.UserRole) + 1
#: A light selection, so the grey title and the bold matches stay readable.
RESULTS_STYLE = ("QListView { background: #ffffff; } "
                 "QListView::item { border-bottom: 1px solid #eceef1; } "
                 "QListView::item:selected { background: #e3edf8; color: #1f2328; "
                 "border-left: 3px solid #1f4e79; }")


def snippet_html(snippet: str) -> str:
    """The FTS snippet with its matches in bold, everything else escaped."""
    return escape(snippet).replace(MATCH_START, "<b>").replace(MATCH_END, "</b>")


def matched_elsewhere(hit: SearchHit) -> bool:
    """True when the words matched the claim's note or a source, not its statement."""
    plain = hit.plain_snippet.strip("…").strip()
    return bool(plain) and plain not in hit.text


def hit_html(hit: SearchHit) -> str:
    """Article title, the snippet with its matches in bold, and, when the match was in a
    note or a source, the statement it belongs to."""
    head = f'<div style="color:{MUTED}; font-size:small">{escape(hit.article_title)}</div>'
    if not matched_elsewhere(hit):
        return head + f"<div>{snippet_html(hit.snippet)}</div>"
    statement = hit.text if len(hit.text) <= 110 else hit.text[:109] + "…"
    return (head + f"<div><i>Note or source:</i> {snippet_html(hit.snippet)}</div>"
            f'<div style="color:{MUTED}">on “{escape(statement)}”</div>')


class HitModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == HitRole:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.article_title}: {hit.plain_snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(hit.text)
        return None


class HitDelegate(QStyledItemDelegate):
    """Each hit as two lines of rich text: the article's title, then the snippet."""

    def _document(self, option, index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        doc.setHtml(hit_html(index.data(HitRole)))
        doc.setTextWidth(max(100, option.rect.width()))
        return doc

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        option.text = ""
        style = option.widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.translate(option.rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor("#1f2328"))
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        width = option.widget.viewport().width() - 2 if option.widget else 500
        option.rect.setWidth(width)
        doc = self._document(option, index)
        return QSize(width, int(doc.size().height()) + 2)


class SearchField(QLineEdit):
    """Up/Down move through the results without leaving the field."""

    moved = Signal(int)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.moved.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


class SearchDialog(QDialog):
    """Emits chosen(hit) when the reviewer picks a result."""

    chosen = Signal(object)

    def __init__(self, search: Callable[[str], list[SearchHit]], parent=None) -> None:
        super().__init__(parent)
        self._search = search
        self.setWindowTitle("Find in All Articles")
        self.resize(620, 460)
        layout = QVBoxLayout(self)
        self.field = SearchField(placeholderText="Words in statements, notes or excerpts")
        self.field.setAccessibleName("Search all articles")
        self.field.setClearButtonEnabled(True)
        layout.addWidget(self.field)
        self.count_label = PlainLabel()
        mute(self.count_label)
        layout.addWidget(self.count_label)
        self.model = HitModel(self)
        self.results = QListView()
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setStyleSheet(RESULTS_STYLE)
        self.results.activated.connect(lambda index: self._choose(index.row()))
        layout.addWidget(self.results, 1)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _t: self._typing.start())
        self.field.returnPressed.connect(self._enter)
        self.field.moved.connect(self.move)
        self._searched = ""
        self.count_label.setText("Type to search every article.")

    def run_search(self) -> None:
        self._typing.stop()
        text = self.field.text().strip()
        self._searched = text
        hits = self._search(text) if text else []
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
            self.count_label.setText(f"{len(hits)} result{'s' if len(hits) != 1 else ''}"
                                     " · ↑↓ to move, Enter to go there")
        elif text:
            self.count_label.setText(f"Nothing matches “{text}”.")
        else:
            self.count_label.setText("Type to search every article.")

    def move(self, delta: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        row = max(0, min(rows - 1, self.results.currentIndex().row() + delta))
        self.results.setCurrentIndex(self.model.index(row))

    def current_hit(self) -> SearchHit | None:
        index = self.results.currentIndex()
        return index.data(HitRole) if index.isValid() else None

    def _enter(self) -> None:
        if self._typing.isActive() or self._searched != self.field.text().strip():
            self.run_search()
        self._choose(self.results.currentIndex().row())

    def _choose(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.chosen.emit(self.model.hits[row])
            self.accept()
