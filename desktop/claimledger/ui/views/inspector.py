"""The claim inspector: the selected statement, then tabs Verdict | Sources | History.

It only shows and asks; the window calls the workspace verbs. A note is committed on
focus-out or Ctrl+Enter, never per keystroke, so undo steps stay meaningful.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from claimledger.domain.reasons import Reason
from claimledger.domain.records import ClaimView
from claimledger.domain.status import Status
from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.kit.look import mute, status_icon
from claimledger.ui.kit.quiet import set_tab_text
from claimledger.ui.views.banners import wording_banner, wording_words
from claimledger.ui.views.history_panel import HistoryPanel
from claimledger.ui.views.sources_panel import SourcesPanel

VERDICT_TAB, SOURCES_TAB, HISTORY_TAB = range(3)
TEXT_LINES = 4
BUTTON_ORDER = (Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED, Status.NOT_A_CLAIM,
                Status.UNREVIEWED)
ROLE_WORDS = {"body": "body text", "credit": "photo credit", "furniture": "page furniture",
              "advertisement": "advertisement", "dateline": "dateline", "byline": "byline",
              "kicker": "section label above the headline", "standfirst": "standfirst",
              "timestamp": "timestamp", "clutter": "page clutter",
              "related-links": "links to other stories", "page-tail": "page tail",
              "quote": "quotation", "bullet": "list item"}


NO_SOURCE_WORDS = ("No source attached: this says sourced, but shows the editor nothing "
                   "to check. Add it with E (Add Source).")


def button_text(status: Status) -> str:
    word = "Clear" if status is Status.UNREVIEWED else status.style.label
    return f"{word}  {status.style.key}"


def status_button_style(status: Status) -> str:
    """Theme colours; checked, the status's border (and tint, once it is a verdict)."""
    style = status.style
    checked = (f"background: {style.tint}; color: #1c1f23; " if status.is_reviewed
               else "background: palette(button); color: palette(button-text); ") \
        + f"border: 1px solid {style.colour};"
    return ("QToolButton { background: palette(button); color: palette(button-text); "
            "border: 1px solid palette(mid); } "
            f"QToolButton:checked {{ {checked} }}")


def kind_line(claim: ClaimView) -> str:
    """'Not a claim: photo credit' or 'Claim in the body text'."""
    role = ROLE_WORDS.get(claim.role, claim.role)
    if claim.kind == "duplicate":
        return f"Duplicate line ({role})"
    if claim.kind != "claim":
        return f"Not a claim: {role}"
    origin = "selected by hand" if claim.origin != "auto" else "automatic statement"
    return f"Claim in the {role} · {origin}"


class NoteEditor(QPlainTextEdit):
    """Emits committed(text) on focus-out or Ctrl+Enter; Escape puts the old note back.
    Ctrl+Enter and Escape also emit done(), so the window can give the keys back to the
    ledger (the next J must move, not type)."""

    committed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._original = ""
        self.setPlaceholderText("Add a note (Ctrl+Enter to save)")
        self.setTabChangesFocus(True)

    def show_note(self, note: str | None) -> None:
        self._original = note or ""
        if self.toPlainText() != self._original:
            self.setPlainText(self._original)

    def commit(self) -> None:
        text = self.toPlainText()
        if text.strip() != self._original.strip():
            self._original = text
            self.committed.emit(text)

    def keyPressEvent(self, event) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit()
            self.done.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.setPlainText(self._original)
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        self.commit()
        super().focusOutEvent(event)


class Inspector(QWidget):
    markRequested = Signal(object)
    confirmRequested = Signal()
    reasonChosen = Signal(object)
    noteCommitted = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.claim: ClaimView | None = None
        self._reasons_shown: tuple | None = None
        self._build()
        self.show_claim(None, ())

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(8)
        self.text_label = PlainLabel(objectName="claimText", wordWrap=True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                      QSizePolicy.Policy.Minimum)
        self.kind_label = PlainLabel(objectName="kindLine", wordWrap=True)
        layout.addWidget(self._scrolling(self.text_label))
        layout.addWidget(self.kind_label)
        self.wording_banner = wording_banner()
        self.wording_banner.clicked.connect(self.confirmRequested)
        layout.addWidget(self.wording_banner)
        self.tabs = QTabWidget(objectName="inspectorTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Statement details")
        self.sources_panel = SourcesPanel()
        self.history_panel = HistoryPanel()
        self.tabs.addTab(self._scrolled(self._build_verdict()), "Verdict")
        self.tabs.addTab(self.sources_panel, "Sources")
        self.tabs.addTab(self.history_panel, "History")
        layout.addWidget(self.tabs, 1)

    def _scrolling(self, label: QLabel) -> QScrollArea:
        """A long statement scrolls after a few lines instead of squeezing the ledger."""
        area = QScrollArea(objectName="claimTextArea")
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        area.setWidget(label)
        area.setWidgetResizable(False)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget "
                           "{ background: transparent; }")
        lines = label.fontMetrics().lineSpacing()
        self._text_heights = (lines + 6, lines * TEXT_LINES + 6)
        self._fitted: tuple[str, int] | None = None
        self.text_area = area
        return area

    def _scrolled(self, page: QWidget) -> QScrollArea:
        """The Verdict page scrolls in a short inspector instead of squeezing its parts."""
        area = QScrollArea(objectName="verdictScroll")
        area.setWidget(page)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setStyleSheet("QScrollArea#verdictScroll, QScrollArea#verdictScroll > QWidget > "
                           "QWidget#verdictPage { background: transparent; }")
        self.verdict_page = page
        return area

    def _fit_text_area(self) -> None:
        """As tall as the statement, up to TEXT_LINES lines; beyond that it scrolls.
        Only when the text or the width changed: measuring a selectable label re-lays out
        its text and repaints it, which a mark (same statement) must not do."""
        low, high = self._text_heights
        width = max(100, self.text_area.width())
        fitted = (self.text_label.text(), width)
        if fitted == self._fitted:
            return
        self._fitted = fitted
        height = self.text_label.heightForWidth(width)
        if height + 4 > high:
            width -= self.text_area.verticalScrollBar().sizeHint().width() + 2
            height = self.text_label.heightForWidth(width)
        self.text_label.resize(width, height)
        self.text_area.setFixedHeight(min(high, max(low, height + 4)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_text_area()

    def _build_verdict(self) -> QWidget:
        page = QWidget(objectName="verdictPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._build_buttons())
        self.no_source = mute(PlainLabel(NO_SOURCE_WORDS, objectName="noSourceAttached",
                                         wordWrap=True))
        self.no_source.hide()
        layout.addWidget(self.no_source)
        layout.addWidget(PlainLabel("Reason"))
        self.reason_combo = QComboBox(editable=True)
        self.reason_combo.setAccessibleName("Reason")
        self.reason_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason_combo.lineEdit().setPlaceholderText("Pick a preset or type a reason")
        self.reason_combo.activated.connect(self._reason_activated)
        self.reason_combo.lineEdit().editingFinished.connect(self._reason_edited)
        layout.addWidget(self.reason_combo)
        layout.addWidget(PlainLabel("Note"))
        self.note_editor = NoteEditor()
        self.note_editor.setAccessibleName("Note")
        self.note_editor.setMinimumHeight(60)
        self.note_editor.committed.connect(self.noteCommitted)
        layout.addWidget(self.note_editor, 1)
        self.id_label = PlainLabel(objectName="claimId")
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.id_label)
        return page

    def _build_buttons(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(6)
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[Status, QToolButton] = {}
        for n, status in enumerate(BUTTON_ORDER):
            button = QToolButton(objectName="statusButton", checkable=True)
            button.setText(button_text(status))
            button.setIcon(status_icon(status))
            button.setIconSize(QSize(16, 16))
            button.setStyleSheet(status_button_style(status))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            word = "Clear the verdict" if status is Status.UNREVIEWED \
                else f"Mark {status.style.label.lower()}"
            button.setAccessibleName(f"{word} (key {status.style.key})")
            button.clicked.connect(lambda _=False, s=status: self.markRequested.emit(s))
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            grid.addWidget(button, n // 3, n % 3)
        return grid

    def show_claim(self, claim: ClaimView | None, reasons: tuple[Reason, ...]) -> None:
        """Show `claim` (None: nothing selected) with the presets for its status."""
        self.claim = claim
        self.setEnabled(claim is not None)
        self.text_label.setText(claim.text if claim else "Select a statement in the ledger.")
        self._fit_text_area()
        self.kind_label.setText(kind_line(claim) if claim else "")
        self.id_label.setText(f"Claim {claim.id}" if claim else "")
        self._show_status(claim.status if claim else None)
        self._show_reasons(claim, reasons)
        self.note_editor.show_note(claim.note if claim else None)
        count = claim.source_count if claim else 0
        self.no_source.setVisible(bool(claim) and claim.status is Status.SOURCED
                                  and not count)
        set_tab_text(self.tabs, SOURCES_TAB, f"Sources ({count})" if count else "Sources")

    def show_wording(self, earlier: str | None, revision: int) -> None:
        """The banner for a statement whose words changed since the verdict (None:
        hidden)."""
        self.wording_banner.say(wording_words(earlier, revision) if earlier else None)

    def _show_status(self, status: Status | None) -> None:
        """The current status's button checked, drawn in its tint by its own style sheet
        (set once, see _build_buttons): a mark changes two check states and nothing
        else, so it never re-polishes or relays out the inspector."""
        self.status_group.setExclusive(False)
        for each, button in self.status_buttons.items():
            button.setChecked(each is status)
        self.status_group.setExclusive(True)

    def _show_reasons(self, claim: ClaimView | None, reasons: tuple[Reason, ...]) -> None:
        """Refill the presets only when they differ: refilling repaints the combo."""
        shown = (tuple(r.label for r in reasons), claim.reason or "" if claim else "",
                 bool(claim and claim.status.is_reviewed))
        if shown == self._reasons_shown and not self.reason_combo.lineEdit().isModified():
            return
        self._reasons_shown = shown
        combo = self.reason_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("")
        combo.addItems([r.label for r in reasons])
        combo.setEditText(claim.reason or "" if claim else "")
        combo.setEnabled(bool(claim and claim.status.is_reviewed))
        combo.blockSignals(False)

    def _reason_activated(self, _index: int) -> None:
        self._emit_reason(self.reason_combo.currentText())

    def _reason_edited(self) -> None:
        self._emit_reason(self.reason_combo.currentText())

    def _emit_reason(self, text: str) -> None:
        if self.claim is None or not self.claim.status.is_reviewed:
            return
        reason = text.strip() or None
        if reason != (self.claim.reason or None):
            self.reasonChosen.emit(reason)

    def focus_note(self) -> None:
        self.note_editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.note_editor.moveCursor(self.note_editor.textCursor().MoveOperation.End)
