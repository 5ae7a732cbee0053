"""The inspector's Reviewers tab: every reviewer's verdict on the statement, side by side.

One card per reviewer (status colour, letter and word; reason; note), the consensus
above them, and "Settle…" to record the desk's verdict. It only shows and asks; the
window calls the verbs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from claimledger.ui.kit.consensus_look import (
    DISAGREE_TINT,
    consensus_colour,
    consensus_text,
    consensus_tooltip,
    open_disagreement,
)
from claimledger.ui.kit.labels import PlainLabel, plain_tip
from claimledger.ui.kit.look import LINE, mute
from claimledger.workspace import Consensus

CARD_WIDTH = (190, 320)


def verdict_words(status) -> str:
    """'D Disputed': the letter and the word, so colour is never the only cue."""
    return f"{status.style.letter} {status.style.label}"


class ReviewerCard(QFrame):
    def __init__(self, verdict, is_me: bool, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewerCard")
        status = verdict.status
        border = status.style.colour if status.is_reviewed else LINE
        self.setStyleSheet(f"QFrame#reviewerCard {{ border: 1px solid palette(mid); "
                           f"border-top: 4px solid {border}; border-radius: 6px; "
                           f"background: palette(base); }} QFrame#reviewerCard QLabel "
                           f"{{ border: none; background: transparent; }}")
        self.setMinimumWidth(CARD_WIDTH[0])
        self.setMaximumWidth(CARD_WIDTH[1])
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(5)
        name = verdict.reviewer + (" (you)" if is_me else "")
        self.name_label = PlainLabel(name, objectName="reviewerName", wordWrap=True)
        self.name_label.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.name_label)
        self.incomplete_label = None
        if getattr(verdict, "incomplete", None):
            self.incomplete_label = PlainLabel("View here may be out of date",
                                               objectName="reviewerIncomplete", wordWrap=True)
            self.incomplete_label.setToolTip(
                plain_tip(f"{verdict.reviewer}: {verdict.incomplete}."))
            self.incomplete_label.setStyleSheet(
                "QLabel#reviewerIncomplete { color: #1f2328; background: #f6ead2; "
                "border-radius: 3px; padding: 1px 5px; font-size: 8.5pt; }")
            layout.addWidget(self.incomplete_label)
        self.status_label = PlainLabel(verdict_words(status), objectName="reviewerStatus")
        tint = status.style.tint if status.is_reviewed else "#f0f1f3"
        self.status_label.setStyleSheet(
            f"QLabel#reviewerStatus {{ background: {tint}; color: #1f2328; "
            f"border-left: 3px solid {status.style.colour}; padding: 2px 6px; "
            f"font-weight: bold; }}")
        self.status_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.status_label)
        self.reason_label = self._field(layout, "Reason", verdict.reason)
        self.note_label = self._field(layout, "Note", verdict.note)
        layout.addStretch(1)
        self.setAccessibleName(f"{verdict.reviewer}: {status.style.label}"
                               + (f", {verdict.reason}" if verdict.reason else "")
                               + (f". Note: {verdict.note}" if verdict.note else "")
                               + (f". Their view here may be out of date: "
                                  f"{verdict.incomplete}" if getattr(verdict, "incomplete",
                                                                     None) else ""))

    def _field(self, layout: QVBoxLayout, title: str, value: str | None) -> QLabel:
        caption = PlainLabel(title)
        mute(caption).setStyleSheet("font-size: 8.5pt;")
        layout.addWidget(caption)
        label = PlainLabel(value or "—", wordWrap=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if not value:
            mute(label)
        layout.addWidget(label)
        return label


class ReviewersPanel(QWidget):
    settleRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewersPanel")
        self.setAccessibleName("Reviewers' verdicts")
        self.cards: list[ReviewerCard] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(8)
        self.consensus_label = PlainLabel(objectName="consensusLine")
        self.consensus_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.consensus_label)
        self.count_label = PlainLabel()
        mute(self.count_label)
        top.addWidget(self.count_label)
        top.addStretch(1)
        self.settle_button = QPushButton("Settle…")
        self.settle_button.setToolTip("Record the desk's verdict on this statement "
                                      "(Ctrl+Shift+D)")
        self.settle_button.clicked.connect(self.settleRequested)
        top.addWidget(self.settle_button)
        layout.addLayout(top)
        self.meaning_label = PlainLabel(wordWrap=True, objectName="consensusMeaning")
        mute(self.meaning_label)
        self.meaning_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                         QSizePolicy.Policy.Minimum)
        layout.addWidget(self.meaning_label)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.strip = QWidget(objectName="reviewerStrip")
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.setSpacing(8)
        self.area.setWidget(self.strip)
        self.area.setStyleSheet("QScrollArea, QWidget#reviewerStrip { background: "
                                "transparent; }")
        layout.addWidget(self.area, 1)
        self.empty_label = PlainLabel("No reviewer has given a verdict on this statement yet.",
                                      wordWrap=True)
        mute(self.empty_label)
        layout.addWidget(self.empty_label)
        self.show_verdicts([], None, None)

    def show_verdicts(self, verdicts: list, consensus: Consensus | None,
                      me: str | None) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        while self.strip_layout.count():
            self.strip_layout.takeAt(0)
        shown = [v for v in verdicts if v.status.is_reviewed]
        shown.sort(key=lambda v: (v.reviewer_id != me, v.reviewer.casefold()))
        self.cards = [ReviewerCard(v, v.reviewer_id == me) for v in shown]
        for card in self.cards:
            self.strip_layout.addWidget(card, 1)
        self.strip_layout.addStretch(0)
        self.empty_label.setVisible(not self.cards)
        self.area.setVisible(bool(self.cards))
        self._show_consensus(consensus, len(shown))

    def _show_consensus(self, consensus: Consensus | None, count: int) -> None:
        text = consensus_text(consensus) if count else ""
        self.consensus_label.setVisible(bool(text))
        self.count_label.setVisible(bool(text))
        self.meaning_label.setVisible(bool(text))
        if not text:
            return
        disagree = open_disagreement(consensus)
        # on the pale tint a fixed dark ink; otherwise the theme's text colour, as a
        # status colour alone can be too faint on a dark window
        colour = (consensus_colour(consensus) or "#1f2328") if disagree \
            else "palette(window-text)"
        background = DISAGREE_TINT if disagree else "transparent"
        self.consensus_label.setText(text)
        self.consensus_label.setStyleSheet(
            f"QLabel#consensusLine {{ color: {colour}; background: {background}; "
            f"border-radius: 4px; padding: 3px 8px; font-weight: bold; }}")
        self.count_label.setText(f"{count} reviewer{'' if count == 1 else 's'}")
        self.meaning_label.setText(consensus_tooltip(consensus))
        self.layout().activate()

    def card_texts(self) -> list[str]:
        """Each card's words, for tests and screen readers."""
        return [card.accessibleName() for card in self.cards]
