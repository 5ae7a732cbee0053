"""The suggestion in the inspector's Verdict tab, above the status buttons.

    [U] Suggested: Unverified · Claimed without evidence     [Accept (A)] [Dismiss (Shift+A)]
        Suggested because: 'without evidence' · Check with: the county
        ⚠ Number clash: … (a link to the other statement)

A dismissed suggestion folds to one line ("Suggestion dismissed — show"); while the
article is being read the panel says so. It only shows and asks: the window accepts,
dismisses and jumps.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from claimledger.domain.records import ClaimAssist, ClaimView
from claimledger.domain.status import Status
from claimledger.ui.kit.assist_look import because_line, hint_line, suggestion_line
from claimledger.ui.kit.labels import PlainLabel, RichLabel
from claimledger.ui.kit.look import INK

READING = "Reading the article…"
CARD = "#f6f7f9"
CARD_LINE = "#e1e4e8"
SOFT = "#5c6167"


def badge_style(status: Status) -> str:
    style = status.style
    tint = style.tint if status.is_reviewed else "#eef0f3"
    return (f"QLabel {{ background: {tint}; color: {INK}; border: 1px solid {style.colour};"
            f" border-radius: 4px; font-weight: bold; padding: 0px 5px; }}")


class SuggestionPanel(QFrame):
    """Emits acceptRequested(), dismissRequested() and flagChosen(claim_id)."""

    acceptRequested = Signal()
    dismissRequested = Signal()
    flagChosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionPanel")
        self.setAccessibleName("Suggestion")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(
            f"QFrame#suggestionPanel {{ background: {CARD}; border: 1px solid {CARD_LINE};"
            f" border-radius: 6px; }} QFrame#suggestionPanel QLabel {{ color: {INK}; }}"
            f" QLabel#suggestionDetail, QLabel#suggestionNote {{ color: {SOFT}; }}")
        self.assist: ClaimAssist | None = None
        self._shown: tuple[ClaimView, list[tuple[str, str]]] | None = None
        self._expanded: set[str] = set()
        self._build()
        self.show_nothing()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 7, 8, 7)
        layout.setSpacing(3)
        top = QHBoxLayout()
        top.setSpacing(8)
        self.badge = PlainLabel(objectName="suggestionBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedSize(22, 20)
        self.headline = RichLabel(objectName="suggestionHeadline", wordWrap=True)
        self.headline.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.accept_button = QPushButton("Accept (A)", objectName="acceptSuggestion")
        self.accept_button.setToolTip("Mark the statement with the suggested status and "
                                      "reason (A)")
        self.dismiss_button = QPushButton("Dismiss (Shift+A)", objectName="dismissSuggestion")
        self.dismiss_button.setToolTip("Put the suggestion away for this statement (Shift+A)")
        for button in (self.accept_button, self.dismiss_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # once the suggestion is taken the buttons go, but keep their room: the
            # headline does not rewrap and the status buttons below do not jump
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.accept_button.clicked.connect(self.acceptRequested)
        self.dismiss_button.clicked.connect(self.dismissRequested)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.headline, 1)
        top.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.detail = PlainLabel(objectName="suggestionDetail", wordWrap=True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.flags = RichLabel(objectName="suggestionFlags", wordWrap=True)
        self.flags.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.flags.linkActivated.connect(self._flag_link)
        layout.addWidget(self.flags)
        self.folded = RichLabel(objectName="suggestionNote")
        self.folded.linkActivated.connect(self._unfold)
        layout.addWidget(self.folded)

    def minimumSizeHint(self) -> QSize:
        """As tall as the text needs at this width: the Verdict page scrolls rather than
        squeezing the suggestion."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout.hasHeightForWidth():
            return QSize(hint.width(), max(hint.height(), layout.totalHeightForWidth(
                max(self.width(), hint.width()))))
        return QSize(hint.width(), max(hint.height(), self.sizeHint().height()))

    # -- states -------------------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.assist = None
        self.hide()

    def show_reading(self) -> None:
        self.assist = None
        self._set_parts(top=False, detail=False, flags=False)
        self.folded.setText(f"<i>{READING}</i>")
        self.folded.show()
        self.show()

    def show_assist(self, claim: ClaimView, assist: ClaimAssist | None,
                    flag_lines: list[tuple[str, str]]) -> None:
        """`flag_lines`: (other claim id, words) per clash, already in words."""
        self.assist = assist
        self._shown = (claim, flag_lines)
        has = assist is not None and assist.has_suggestion
        if not has and not flag_lines:
            self.show_nothing()
            return
        self.show()
        self._show_flags(flag_lines)
        if not has:
            self._set_parts(top=False, detail=False, flags=bool(flag_lines))
            self.folded.hide()
            return
        status = Status.parse(assist.suggestion["status"])
        if assist.dismissed and claim.id not in self._expanded:
            self._set_parts(top=False, detail=False, flags=bool(flag_lines))
            self.folded.setText('Suggestion dismissed — <a href="show">show</a>')
            self.folded.show()
            return
        self.folded.hide()
        self._set_parts(top=True, detail=True, flags=bool(flag_lines))
        self.badge.setText(status.style.letter)
        if self.badge.styleSheet() != badge_style(status):
            self.badge.setStyleSheet(badge_style(status))
        taken = claim.status is status and (claim.reason or None) == (
            assist.suggestion.get("reason") or None)
        word = "Accepted" if taken else ("Dismissed" if assist.dismissed else "Suggested")
        self.headline.setText(f"<b>{word}:</b> {escape(suggestion_line(assist))}")
        self.detail.setText(" · ".join(p for p in (because_line(assist), hint_line(assist))
                                       if p))
        self.detail.setVisible(bool(self.detail.text()))
        self.accept_button.setVisible(not taken)
        self.dismiss_button.setVisible(not taken)
        self.dismiss_button.setEnabled(not assist.dismissed)

    def _set_parts(self, top: bool, detail: bool, flags: bool) -> None:
        for widget in (self.badge, self.headline, self.accept_button, self.dismiss_button):
            widget.setVisible(top)
        self.detail.setVisible(detail)
        self.flags.setVisible(flags)

    def _show_flags(self, flag_lines: list[tuple[str, str]]) -> None:
        links = [f'⚠ <a href="{escape(cid)}">{escape(words)}</a>' for cid, words in flag_lines]
        self.flags.setText("<br>".join(links))

    def _flag_link(self, claim_id: str) -> None:
        self.flagChosen.emit(claim_id)

    def _unfold(self, _link: str) -> None:
        if self.assist is not None and self._shown is not None:
            self._expanded.add(self.assist.claim_id)
            self.show_assist(self._shown[0], self.assist, self._shown[1])
