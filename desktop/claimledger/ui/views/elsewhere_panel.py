"""The inspector's Elsewhere tab: the same claim said in other articles.

One row per match: the other article, its statement, how alike (as a percentage) and
whether the two are linked (the same claim) or only similar, with my verdict there.
Double-click (or Go there) jumps to it; "Use my verdict from there" copies my verdict
onto this statement when I have one there and none here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from claimledger.domain.records import ClaimView, MatchView
from claimledger.ui.kit.assist_look import short
from claimledger.ui.kit.labels import PlainLabel, plain_tip
from claimledger.ui.kit.look import mute, status_dot

MatchRole = int(Qt.ItemDataRole.UserRole) + 7


def match_words(match: MatchView) -> str:
    kind = "linked" if match.linked else "similar"
    return f"{round(match.similarity * 100)}% · {kind}"


class ElsewherePanel(QWidget):
    """Emits jumpRequested(article_id, claim_id) and copyRequested(MatchView)."""

    jumpRequested = Signal(str, str)
    copyRequested = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("elsewherePanel")
        self.claim: ClaimView | None = None
        self.others: dict[str, ClaimView] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        self.list = QTreeWidget(objectName="elsewhereList")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(["Article", "Statement there", "Match"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setWordWrap(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName("The same claim in other articles")
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setColumnWidth(0, 150)
        self.list.itemDoubleClicked.connect(lambda item, _col: self._jump(item))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.list, 1)
        self.empty = PlainLabel(objectName="elsewhereEmpty", wordWrap=True)
        mute(self.empty)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.go_button = QPushButton("Go there", objectName="goElsewhere")
        self.go_button.clicked.connect(lambda: self._jump(self.list.currentItem()))
        self.copy_button = QPushButton("Use my verdict from there", objectName="copyVerdict")
        self.copy_button.clicked.connect(self._copy)
        row.addWidget(self.go_button)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        self.show_matches(None, [], {}, reading=False)

    def show_matches(self, claim: ClaimView | None, matches: list[MatchView],
                     others: dict[str, ClaimView], reading: bool) -> None:
        """`others`: my view of each other claim (its status and reason there)."""
        self.claim, self.others = claim, others
        self.list.clear()
        for match in matches:
            other = others.get(match.other_claim_id)
            item = QTreeWidgetItem([match.other_article_title,
                                    short(match.other_text, 140), match_words(match)])
            item.setData(0, MatchRole, match)
            item.setToolTip(0, plain_tip(match.other_article_title))
            item.setToolTip(1, plain_tip(match.other_text))
            item.setToolTip(2, f"Matched because: {match.because}" if match.because else "")
            if other is not None:
                item.setIcon(1, status_dot(other.status))
                mine = other.status.style.label + (f" · {other.reason}" if other.reason
                                                   else "")
                item.setToolTip(2, "\n".join(filter(None, [item.toolTip(2),
                                                          f"My verdict there: {mine}"])))
            self.list.addTopLevelItem(item)
        if matches:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.setVisible(bool(matches))
        self.empty.setText("Looking for the same claim in other articles…" if reading else
                           "" if matches else "Not said in any other article.")
        self.empty.setVisible(bool(self.empty.text()))
        self._update_buttons()

    def current_match(self) -> MatchView | None:
        item = self.list.currentItem()
        return item.data(0, MatchRole) if item else None

    def can_copy(self, match: MatchView | None) -> bool:
        other = self.others.get(match.other_claim_id) if match else None
        return bool(other and other.status.is_reviewed and self.claim
                    and not self.claim.status.is_reviewed)

    def _update_buttons(self) -> None:
        match = self.current_match()
        self.go_button.setVisible(match is not None)
        self.copy_button.setVisible(match is not None)
        self.copy_button.setEnabled(self.can_copy(match))
        other = self.others.get(match.other_claim_id) if match else None
        if other is not None and other.status.is_reviewed:
            mine = other.status.style.label + (f" · {other.reason}" if other.reason else "")
            self.copy_button.setToolTip(f"Mark this statement {mine}, as you did there")
        else:
            self.copy_button.setToolTip("You have no verdict on that statement yet")

    def _jump(self, item: QTreeWidgetItem | None) -> None:
        match = item.data(0, MatchRole) if item else None
        if match is not None:
            self.jumpRequested.emit(match.other_article_id, match.other_claim_id)

    def _copy(self) -> None:
        match = self.current_match()
        if self.can_copy(match):
            self.copyRequested.emit(match)
