"""The article, readable, with every statement coloured by its status.

Status colours are ExtraSelections for the statements on screen only, recomputed as the
view scrolls, with the selected statement's outline drawn last, on top. The document
itself is never reformatted: in Qt's rich-text layout one character-format change costs
as much as the whole document (about 80 ms on a 12 MB article of 100,000 statements),
while a mark here costs what one screen of text costs. All offsets from the workspace
are code points and go through `TextOffsets` before reaching Qt. A finer claim inside a
statement keeps its parent's tint and gets an outline on top (see nested_marks); a
selection of words becomes a claim through `selection_span`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QFrame, QTextEdit

from claimledger.domain.records import ClaimView
from claimledger.domain.status import Status
from claimledger.ui.kit.look import ACCENT, INK, PAPER, reading_font
from claimledger.ui.kit.nested_marks import nested_ids, paint_outlines
from claimledger.ui.kit.offsets import TextOffsets

COLUMN_WIDTH = 720
MIN_SIDE_MARGIN = 28
LINE_HEIGHT_PERCENT = 145
FAINT_UNDERLINE = "#c3c8cf"
MUTED_TEXT = "#8a8f96"
MUTED_ON_TINT = "#5c6167"  # muted, yet readable on the grey not-a-claim tint
OUTLINE_UNREVIEWED = "#d6e3f3"
#: How many earlier statements a click looks back through, for statements that overlap.
OVERLAP_LOOKBACK = 8
#: The most text (code points) that carries status colours at once: a few screens.
PAINTED_SPAN = 60_000
#: A statement this close (a fraction of the view's height) to its top or bottom edge is
#: brought to the middle; one further inside stays where the reader sees it.
COMFORT_MARGIN = 0.15


def status_format(claim: ClaimView, nested: bool = False) -> QTextCharFormat:
    """How a statement looks in the text: tint and underline in its status colour.

    A nested (finer) claim sets no background while unreviewed, so its parent's tint
    shows through; its outline is painted on top.
    """
    fmt = QTextCharFormat()
    style = claim.status.style
    if nested and not claim.status.is_reviewed:
        return fmt
    if claim.status.is_reviewed:
        fmt.setBackground(QColor(style.tint))
        fmt.setForeground(QColor(INK))  # dark ink on the light tint, in any theme
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(style.colour))
    elif claim.kind == "claim":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(FAINT_UNDERLINE))
    if claim.status is Status.NOT_A_CLAIM:
        fmt.setForeground(QColor(MUTED_ON_TINT))
    elif claim.kind != "claim" and not claim.status.is_reviewed:
        fmt.setForeground(QColor(MUTED_TEXT))
    return fmt


def blend(first: str, second: str, share: float) -> QColor:
    """`first` moved `share` of the way towards `second`."""
    a, b = QColor(first), QColor(second)
    return QColor(*(round(x + (y - x) * share) for x, y in
                    ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))))


def outline_format(claim: ClaimView) -> QTextCharFormat:
    """The selected statement: a deeper shade of its tint and a solid underline."""
    fmt = QTextCharFormat()
    reviewed = claim.status.is_reviewed
    fmt.setBackground(blend(claim.status.style.tint, claim.status.style.colour, 0.35)
                      if reviewed else QColor(OUTLINE_UNREVIEWED))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(claim.status.style.colour if reviewed else ACCENT))
    fmt.setForeground(QColor(INK))
    fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
    return fmt


class ArticleView(QTextEdit):
    """Emits claimClicked(claim_id) when a statement is clicked without selecting text,
    and contextMenuWanted(global_pos) for a right click or the menu key."""

    claimClicked = Signal(str)
    contextMenuWanted = Signal(QPoint)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAccessibleName("Article text")
        self.setAccessibleDescription("Select words and press C to make them a claim")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet(f"QTextEdit {{ background: {PAPER}; color: {INK}; }}")
        self.setMinimumWidth(320)
        self.document().setDefaultFont(reading_font())
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(24)
        self._offsets = TextOffsets("")
        self._claims: dict[str, ClaimView] = {}
        self._starts: list[int] = []
        self._ordered: list[ClaimView] = []
        self._order_of: dict[str, int] = {}
        self._selected: str | None = None
        self._outline: QTextEdit.ExtraSelection | None = None
        self._nested: set[str] = set()
        self._painted_range: tuple[int, int] | None = None
        self._painted_at: tuple | None = None
        #: The status selection of each statement in the painted range (None: no colour).
        self._painted: dict[str, QTextEdit.ExtraSelection | None] = {}
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._repaint_statuses())

    @property
    def offsets(self) -> TextOffsets:
        return self._offsets

    def set_article(self, text: str, claims: list[ClaimView]) -> None:
        self._offsets = TextOffsets(text)
        self._selected = None
        self._outline = None
        self.setExtraSelections([])
        self.setPlainText(text)
        self._set_line_height()
        self._index_claims(claims)
        self._fit_column()
        self.verticalScrollBar().setValue(0)
        self._repaint_statuses()

    def reload_claims(self, claims: list[ClaimView]) -> None:
        """The statements changed shape (added, split, merged, retired): recolour all,
        keeping the text, the scroll position and the outline."""
        self._index_claims(claims)
        self.select_claim(self._selected, scroll=False)

    def selection_span(self) -> tuple[int, int] | None:
        """The selected words as code-point offsets, or None without a selection."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.span_to_code_points(cursor.selectionStart(),
                                                 cursor.selectionEnd())

    def cursor_code_point(self) -> int:
        return self._offsets.to_code_point(self.textCursor().position())

    def select_utf16(self, start: int, end: int) -> None:
        """Select document positions [start, end) as a reader's drag would."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def is_nested(self, claim_id: str) -> bool:
        return claim_id in self._nested

    def clear_article(self) -> None:
        self.set_article("", [])

    def update_claims(self, changed: Iterable[ClaimView]) -> None:
        changed = [c for c in changed if c.id in self._claims]
        for claim in changed:
            self._claims[claim.id] = claim
            self._ordered[self._order_of[claim.id]] = claim
        ids = {c.id for c in changed}
        if self._selected in ids:
            self._outline = self._outline_of(self._claims[self._selected])
        if ids:
            self._recolour(ids)

    def select_claim(self, claim_id: str | None, scroll: bool = True) -> None:
        """Outline `claim_id` and centre it in the view."""
        claim = self._claims.get(claim_id) if claim_id else None
        self._selected = claim.id if claim else None
        self._outline = self._outline_of(claim) if claim is not None else None
        if claim is not None and scroll:
            self._centre_on(self._outline.cursor)
        self._recolour(set())

    def _outline_of(self, claim: ClaimView) -> QTextEdit.ExtraSelection:
        outline = QTextEdit.ExtraSelection()
        outline.cursor = self._cursor_for(claim)
        outline.format = outline_format(claim)
        return outline

    def outline_span(self) -> tuple[int, int] | None:
        """The outlined statement's (start, end) in UTF-16 document positions."""
        if self._outline is None:
            return None
        cursor = self._outline.cursor
        return cursor.selectionStart(), cursor.selectionEnd()

    def format_at(self, utf16_position: int) -> QTextCharFormat:
        """How the character at a UTF-16 position is drawn, without the outline: the
        status formats over it merged in drawing order, as the reader sees them."""
        fmt = QTextCharFormat()
        code_point = self._offsets.to_code_point(utf16_position)
        for claim in self._covering(code_point):
            fmt.merge(status_format(claim, nested=claim.id in self._nested))
        return fmt

    def _span_on_screen(self) -> tuple[int, int]:
        """Code points from a screen above to a screen below the view. While Qt is still
        laying out a long document in the background its hit test can answer anything,
        so a span wider than PAINTED_SPAN is replaced by one around the outlined
        statement (or where the scroll bar stands)."""
        height = self.viewport().height()
        top = self.cursorForPosition(QPoint(0, -height)).position()
        bottom = self.cursorForPosition(QPoint(self.viewport().width(), 2 * height)).position()
        first, last = self._offsets.to_code_point(top), self._offsets.to_code_point(bottom)
        if 0 <= last - first <= PAINTED_SPAN:
            return first, last
        selected = self._claims.get(self._selected or "")
        if selected is not None:
            middle = selected.start
        else:
            bar = self.verticalScrollBar()
            middle = round(self._offsets.length * bar.value() / max(1, bar.maximum()))
        return max(0, middle - PAINTED_SPAN // 2), middle + PAINTED_SPAN // 2

    def _covering(self, code_point: int) -> list[ClaimView]:
        last = bisect_right(self._starts, code_point)
        return [c for c in self._ordered[max(0, last - OVERLAP_LOOKBACK):last]
                if c.start <= code_point < c.end]

    def _repaint_statuses(self, force: bool = False) -> None:
        """Status selections for the statements on screen (and a screen either side, so
        a short scroll needs nothing new), then the outline on top."""
        if not self._ordered:
            self._painted = {}
            self.setExtraSelections([self._outline] if self._outline else [])
            return
        where = (self.verticalScrollBar().value(), self.viewport().size())
        if self._painted_range is not None and self._painted_at == where:
            if not force:
                return
            span = self._painted_range  # the view did not move: the same statements
        else:
            span = self._span_on_screen()
            if not force and self._covers(span):
                return
        self._painted_at = where
        low = max(0, bisect_right(self._starts, span[0]) - OVERLAP_LOOKBACK)
        high = bisect_left(self._starts, span[1] + 1)
        self._painted = {claim.id: self._status_selection(claim)
                         for claim in self._ordered[low:high] if claim.end >= span[0]}
        self._painted_range = span
        self._show_selections()

    def _recolour(self, claim_ids: set[str]) -> None:
        """New status selections for just these claims (and the outline). What is
        painted follows the view by itself (scrolling and resizing repaint what came
        into sight), so a mark or a step of J builds one or two selections and never
        asks Qt's hit test, which is slow on a long document still being laid out."""
        if self._painted_range is None:
            self._repaint_statuses(force=True)
            return
        for claim_id in claim_ids & self._painted.keys():
            self._painted[claim_id] = self._status_selection(self._claims[claim_id])
        self._show_selections()

    def _covers(self, span: tuple[int, int]) -> bool:
        painted = self._painted_range
        return painted is not None and painted[0] <= span[0] and span[1] <= painted[1]

    def _status_selection(self, claim: ClaimView) -> QTextEdit.ExtraSelection | None:
        fmt = status_format(claim, nested=claim.id in self._nested)
        if fmt.isEmpty():
            return None
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor_for(claim)
        selection.format = fmt
        return selection

    def _show_selections(self) -> None:
        selections = [s for s in self._painted.values() if s is not None]
        if self._outline is not None:
            selections.append(self._outline)
        self.setExtraSelections(selections)

    def claim_at(self, code_point: int) -> ClaimView | None:
        """The innermost statement containing `code_point`, if any."""
        last = bisect_right(self._starts, code_point)
        for claim in reversed(self._ordered[max(0, last - OVERLAP_LOOKBACK):last]):
            if claim.start <= code_point < claim.end:
                return claim
        return None

    def contextMenuEvent(self, event) -> None:
        if event.reason() == event.Reason.Mouse and not self.textCursor().hasSelection():
            self.setTextCursor(self.cursorForPosition(event.pos()))
        where = event.globalPos() if event.reason() == event.Reason.Mouse \
            else self.viewport().mapToGlobal(self.cursorRect().bottomLeft())
        self.contextMenuWanted.emit(where)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._nested:
            return
        top = self.cursorForPosition(QPoint(0, 0)).position()
        bottom = self.cursorForPosition(QPoint(self.viewport().width(),
                                               self.viewport().height())).position()
        first = self._offsets.to_code_point(top)
        last = self._offsets.to_code_point(bottom)
        shown = [self._claims[i] for i in self._nested
                 if self._claims[i].end >= first and self._claims[i].start <= last]
        if not shown:
            return
        painter = QPainter(self.viewport())
        offset = QPointF(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        paint_outlines(painter, self.document(), shown, self._offsets.to_utf16, offset)
        painter.end()

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        utf16 = self.cursorForPosition(event.position().toPoint()).position()
        claim = self.claim_at(self._offsets.to_code_point(utf16))
        if claim:
            self.claimClicked.emit(claim.id)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_column()
        self._repaint_statuses()

    def _index_claims(self, claims: list[ClaimView]) -> None:
        """Claims by start, longest first, so an inner claim comes after its parent."""
        self._claims = {c.id: c for c in claims}
        self._ordered = sorted(claims, key=lambda c: (c.start, -c.end))
        self._starts = [c.start for c in self._ordered]
        self._order_of = {c.id: i for i, c in enumerate(self._ordered)}
        self._nested = nested_ids(self._ordered)
        self._painted_range = None

    def _cursor_for(self, claim: ClaimView) -> QTextCursor:
        start, end = self._offsets.span_to_utf16(claim.start, claim.end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _set_line_height(self) -> None:
        block = QTextBlockFormat()
        block.setLineHeight(LINE_HEIGHT_PERCENT,
                            QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block)

    def _fit_column(self) -> None:
        """Keep lines at a comfortable reading width, centred in wide windows."""
        side = max(MIN_SIDE_MARGIN, (self.viewport().width() - COLUMN_WIDTH) // 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if fmt.leftMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def _centre_on(self, cursor: QTextCursor) -> None:
        """Centre the statement, unless it is already well inside the view: stepping
        through a paragraph then leaves the text still (calmer to read, and no
        repaint of the whole page per step)."""
        start, end = QTextCursor(cursor), QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        end.setPosition(cursor.selectionEnd())
        top, bottom = self.cursorRect(start), self.cursorRect(end)
        height = self.viewport().height()
        margin = round(height * COMFORT_MARGIN)
        if top.top() >= margin and bottom.bottom() <= height - margin:
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top.center().y() - height // 2)
