"""The filter bar over the ledger: status chips with counts, flags, a reviewer chip and a
text filter.

Chips toggle; several status chips show any of those statuses, and "No source yet" /
"Has a note" / "Check-worthy" narrow further. Statements that are not claims are hidden
until "Not claims" shows them; "Disagreements" and the reviewer chip (one reviewer's
work) appear once two reviewers meet in the ledger. The text filter waits for a short
pause in typing. Filtering itself is the model's (plain Python over precomputed flags).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QIcon
from PySide6.QtWidgets import (
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from claimledger.domain.status import Status
from claimledger.ui.kit.consensus_look import DISAGREE_COLOUR, DISAGREE_TINT
from claimledger.ui.kit.flow_layout import FlowLayout
from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.kit.ledger_filter import (
    CHECK_WORTHY,
    DISAGREES,
    HAS_NOTE,
    NO_SOURCE,
    NOT_CLAIM_KIND,
    TEXT_CHANGED,
    LedgerFilter,
)
from claimledger.ui.kit.look import mute, status_dot
from claimledger.ui.views.ledger_model import LedgerModel
from claimledger.ui.views.reviewer_chip import ReviewerChip

CHIP_ORDER = (Status.UNREVIEWED, Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED,
              Status.NOT_A_CLAIM)
TYPING_PAUSE_MS = 150
TEXT_FILTER_WIDTH = 220
ANY_SIZE = (1 << 24) - 1  # QWIDGETSIZE_MAX, which PySide6 does not export
FLAG_CHIPS = {"no_source": ("No source yet", NO_SOURCE, "#5b4b8a"),
              "has_note": ("Has a note", HAS_NOTE, "#1f4e79"),
              "check_worthy": ("Check-worthy", CHECK_WORTHY, "#1f4e79"),
              "disagreements": ("Disagreements", DISAGREES, DISAGREE_COLOUR),
              "text_changed": ("Text changed", TEXT_CHANGED, "#8a5a00"),
              "not_claims": ("Not claims", NOT_CLAIM_KIND, "#6a6f76")}
FLAG_TINTS = {"no_source": "#e9e4f5", "has_note": "#dde8f5", "check_worthy": "#dde8f5",
              "disagreements": DISAGREE_TINT, "text_changed": "#f6ead2",
              "not_claims": "#e8e8e8"}
#: Chips shown only while some statement carries their flag (or they are on).
WHEN_PRESENT = ("text_changed",)
FLAG_TIPS = {"check_worthy": "Show only statements worth checking (a score of 50 or more)",
             "text_changed": "Show only statements whose words changed in this revision "
                             "since your verdict",
             "not_claims": "Also show headlines, bylines, captions, credits, ads and page "
                           "furniture (hidden by default)"}


def chip_style(colour: str, tint: str) -> str:
    """Theme colours (palette) when off, so chips follow the dark theme; on, the
    status's pale tint with dark ink, readable in both."""
    return (f"QToolButton {{ border: 1px solid palette(mid); border-radius: 11px; "
            f"padding: 2px 7px; background: palette(base); color: palette(text); }}"
            f"QToolButton:hover {{ background: palette(alternate-base); }}"
            f"QToolButton:checked {{ background: {tint}; color: #1f2328; "
            f"border: 1px solid {colour}; font-weight: bold; }}"
            f"QToolButton:focus {{ border: 2px solid palette(highlight); }}")


class Chip(QToolButton):
    def __init__(self, word: str, colour: str, tint: str, icon: QIcon | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.word = word
        self.setObjectName("filterChip")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon
                                if icon else Qt.ToolButtonStyle.ToolButtonTextOnly)
        if icon:
            self.setIcon(icon)
            self.setIconSize(QSize(10, 10))
        self.setStyleSheet(chip_style(colour, tint))
        self._room_for = -1
        self._shown: tuple[int, int, bool] | None = None
        self.show_count(0, 0)

    tip: str = ""

    def show_count(self, count: int, most: int) -> None:
        """Show `count`, in a chip as wide as the largest count it can show (`most`), so
        marking a statement changes the number and never the chip's width: the bar, the
        splitter and both panes keep their geometry."""
        shown = (count, most, self.isChecked())
        if shown == self._shown:
            return
        self._shown = shown
        self._make_room(most)
        self.setText(f"{self.word}  {count:,}")
        state = "on" if self.isChecked() else "off"
        self.setAccessibleName(f"Filter: {self.word}, {count:,} statements, {state}")
        self.setToolTip(f"{self.tip} ({count:,})" if self.tip
                        else f"Show only statements: {self.word.lower()} ({count:,})")


    def _make_room(self, most: int) -> None:
        """A fixed size: Qt then keeps a text change inside the chip instead of asking
        every layout up to the window to recompute."""
        digits = len(str(max(most, 0)))
        if digits != self._room_for:
            self._room_for = digits
            self.setMinimumSize(0, 0)
            self.setMaximumSize(ANY_SIZE, ANY_SIZE)
            widest = f"{self.word}  {int('8' * digits):,}"
            self.setText(widest)
            bold = QFont(self.font())
            bold.setBold(True)  # a checked chip's text is bold (chip_style)
            extra = QFontMetrics(bold).horizontalAdvance(widest) \
                - self.fontMetrics().horizontalAdvance(widest)
            hint = self.sizeHint()
            self.setFixedSize(hint.width() + max(0, extra), hint.height())


class FilterBar(QWidget):
    """Emits applied() after the model's rows changed because of the bar."""

    applied = Signal()

    def __init__(self, model: LedgerModel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setAccessibleName("Ledger filter")
        self.model = model
        self.status_chips: dict[Status, Chip] = {}
        self.flag_chips: dict[str, Chip] = {}
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._apply)
        self._build()
        model.filterChanged.connect(self.refresh_counts)
        self.refresh_counts()

    def _build(self) -> None:
        """Every chip, the text filter and the count flow in rows that wrap, so the bar
        never elides a chip nor makes the ledger pane wider than the reviewer set it."""
        flow = FlowLayout(self)
        flow.setContentsMargins(QMargins(10, 2, 10, 6))
        for status in CHIP_ORDER:
            style = status.style
            tint = style.tint if status.is_reviewed else "#e8edf3"
            chip = Chip(style.label, style.colour, tint, QIcon(status_dot(status)))
            chip.toggled.connect(self._apply)
            self.status_chips[status] = chip
            flow.addWidget(chip)
        for name, (word, _bit, colour) in FLAG_CHIPS.items():
            chip = Chip(word, colour, FLAG_TINTS[name])
            chip.tip = FLAG_TIPS.get(name, "")
            chip.toggled.connect(self._apply)
            self.flag_chips[name] = chip
            flow.addWidget(chip)
        self.reviewer_chip = ReviewerChip(self.model, chip_style("#1f4e79", "#dde8f5"))
        self.reviewer_chip.chosen.connect(self._apply)
        self.reviewer_chip.hide()
        flow.addWidget(self.reviewer_chip)
        self.text = QLineEdit(placeholderText="Filter statements, reasons, notes…")
        self.text.setObjectName("ledgerFilterText")
        self.text.setAccessibleName("Filter the ledger by text")
        self.text.setToolTip("Whole words, all of them; end a word with * for every word "
                             "it begins (insur* finds insurer and insurance)")
        self.text.setClearButtonEnabled(True)
        self.text.setFixedWidth(TEXT_FILTER_WIDTH)
        self.text.textChanged.connect(lambda _t: self._typing.start())
        self.text.returnPressed.connect(self._apply_now)
        flow.addWidget(self.text)
        self.shown_label = PlainLabel()
        mute(self.shown_label)
        self.shown_label.setMinimumHeight(self.text.sizeHint().height())
        flow.addWidget(self.shown_label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def chips(self) -> list[Chip]:
        return [*self.status_chips.values(), *self.flag_chips.values()]

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_height()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a chip grew (a font, a theme)
            self._fit_height()
        return super().event(event)

    def _fit_height(self) -> None:
        """As tall as its wrapped rows need at this width: a splitter that only knew the
        one-row minimum would let the ledger's header slide over the last row (large
        fonts, narrow panes)."""
        layout = self.layout()
        needed = layout.heightForWidth(self.width()) if layout is not None else 0
        if needed > 0 and self.minimumHeight() != needed:
            self.setMinimumHeight(needed)

    def current_filter(self) -> LedgerFilter:
        chosen = frozenset(s for s, chip in self.status_chips.items() if chip.isChecked())
        on = {name: chip.isChecked() for name, chip in self.flag_chips.items()}
        return LedgerFilter(chosen, on["no_source"], on["has_note"], self.text.text(),
                            on["disagreements"], on["check_worthy"], on["not_claims"],
                            self.reviewer_chip.choice, text_changed=on["text_changed"])

    def clear(self) -> None:
        """Show every row again."""
        for chip in self.chips():
            chip.blockSignals(True)
            chip.setChecked(False)
            chip.blockSignals(False)
        self.reviewer_chip.clear()
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self._apply()

    def focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def refresh_counts(self) -> None:
        model = self.model
        everything = self.flag_chips["not_claims"].isChecked()
        most = model.count(0)
        for status, chip in self.status_chips.items():
            chip.show_count(model.count(status, everything), most)
        for name, chip in self.flag_chips.items():
            bit = FLAG_CHIPS[name][1]
            chip.show_count(model.count(bit, everything or bit == NOT_CLAIM_KIND), most)
        disagreements = self.flag_chips["disagreements"]
        disagreements.setVisible(model.has_consensus_data() or disagreements.isChecked())
        for name in WHEN_PRESENT:
            chip = self.flag_chips[name]
            chip.setVisible(bool(model.count(FLAG_CHIPS[name][1], True)) or chip.isChecked())
        reviewer = self.reviewer_chip
        reviewer.setVisible(model.has_other_reviewers() or reviewer.choice is not None)
        total, shown = model.count(0, everything), model.total_rows()
        self.shown_label.setText(f"{shown:,} of {total:,}" if shown != total
                                 else f"{total:,} shown")
        metrics = self.shown_label.fontMetrics()
        widest = max(metrics.horizontalAdvance(f"{most:,} of {most:,}"),
                     metrics.horizontalAdvance(f"{most:,} shown")) + 2
        if self.shown_label.minimumWidth() != widest:
            self.shown_label.setFixedWidth(widest)  # a new count never re-flows the bar
        self.shown_label.setAccessibleName(f"Showing {shown:,} of {total:,} statements")

    def _apply_now(self) -> None:
        self._typing.stop()
        self._apply()

    def _apply(self) -> None:
        self._typing.stop()
        wanted = self.current_filter()
        if wanted != self.model.filter:
            self.model.set_filter(wanted)
            self.applied.emit()
        self.refresh_counts()
