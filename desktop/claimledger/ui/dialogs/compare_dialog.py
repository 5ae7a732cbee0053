"""View ▸ Compare Articles…: the open article and another side by side, with the claims
they share listed between them in the order they appear here.

The second article is picked from those that say something the open one says. Choosing
a match outlines both statements; clicking a statement in either text picks its match.
Reading only: the matches come from the window's assist runner (worked out off the GUI
thread), the texts and statements from `workspace.article` / `workspace.claims`, read on
a worker through `read(job, done)` (an article of 100,000 statements takes seconds).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from claimledger.domain.records import ClaimView, MatchView
from claimledger.ui.kit.assist_look import short
from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.kit.look import mute
from claimledger.ui.views.article_view import ArticleView

PairRole = int(Qt.ItemDataRole.UserRole) + 3


def pair_text(match: MatchView, here: str) -> str:
    kind = "linked" if match.linked else "similar"
    return (f"{short(here, 90)}\n⇄  {round(match.similarity * 100)}% · {kind}\n"
            f"{short(match.other_text, 90)}")


def _article_and_claims(workspace, article_id: str) -> Callable[[], tuple]:
    return lambda: (workspace.article(article_id), workspace.claims(article_id))


class ComparePane(QWidget):
    """A titled article text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.title = PlainLabel(objectName="paneTitle", wordWrap=True)
        self.view = ArticleView()
        self.view.setMinimumWidth(260)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def show_article(self, title: str, text: str, claims) -> None:
        self.title.setText(title)
        self.view.set_article(text, claims)


class CompareDialog(QDialog):
    """Emits jumpRequested(article_id, claim_id) on a double-clicked match."""

    jumpRequested = Signal(str, str)

    def __init__(self, workspace, article_id: str,
                 matches_for: Callable[[str], list[MatchView] | None],
                 read: Callable[[Callable[[], object], Callable[[object], None]], None],
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare Articles")
        self.workspace = workspace
        self.article_id = article_id
        self._matches_for = matches_for
        self._read = read
        self._here: dict[str, ClaimView] = {}
        #: False while a text is being read (tests and the bench wait on it).
        self.ready = False
        self._build()
        self.resize(1240, 760)
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(PlainLabel("Compare with:"))
        self.combo = QComboBox(objectName="compareWith")
        self.combo.setAccessibleName("The article to compare with")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(30)
        self.combo.currentIndexChanged.connect(lambda _i: self._show_other())
        top.addWidget(self.combo)
        top.addStretch(1)
        self.note = PlainLabel(objectName="compareNote")
        mute(self.note)
        top.addWidget(self.note)
        layout.addLayout(top)
        self.left, self.right = ComparePane(), ComparePane()
        self.pairs = QListWidget(objectName="comparePairs")
        self.pairs.setWordWrap(True)
        self.pairs.setSpacing(3)
        self.pairs.setAlternatingRowColors(True)
        self.pairs.setAccessibleName("Claims both articles make")
        self.pairs.currentItemChanged.connect(lambda item, _old: self._outline(item))
        self.pairs.itemDoubleClicked.connect(self._jump)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        self.pairs_title = PlainLabel("Said in both", objectName="paneTitle")
        middle_layout.addWidget(self.pairs_title)
        middle_layout.addWidget(self.pairs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="compareSplitter")
        for pane in (self.left, middle, self.right):
            splitter.addWidget(pane)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([440, 340, 440])
        layout.addWidget(splitter, 1)
        self.left.view.claimClicked.connect(lambda cid: self._pick(cid, mine=True))
        self.right.view.claimClicked.connect(lambda cid: self._pick(cid, mine=False))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # -- filling ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """(Re)read this article and the list of articles it shares claims with."""
        self.ready = False
        self._read(_article_and_claims(self.workspace, self.article_id), self._show_here)

    def _show_here(self, found) -> None:
        detail, claims = found
        self._here = {c.id: c for c in claims}
        self.left.show_article(detail.title, detail.text, claims)
        matches = self._matches_for(self.article_id)
        chosen = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        counts = Counter(m.other_article_id for m in matches or [])
        titles = {m.other_article_id: m.other_article_title for m in matches or []}
        for other, count in counts.most_common():
            word = "claim" if count == 1 else "claims"
            self.combo.addItem(f"{titles[other]}  ({count} {word} in common)", other)
        index = self.combo.findData(chosen) if chosen else 0
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)
        self.combo.setEnabled(bool(counts))
        if matches is None:
            self.note.setText("Looking for claims said in other articles…")
        elif not counts:
            self.note.setText("No other article says what this one says.")
        else:
            self.note.setText("Pick a pair to outline both statements; double-click to go "
                              "there.")
        self._show_other()

    def choose(self, other_article_id: str) -> None:
        index = self.combo.findData(other_article_id)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def _show_other(self) -> None:
        other = self.combo.currentData()
        self.pairs.clear()
        if not other:
            self.right.show_article("", "", [])
            self.ready = True
            return
        self.ready = False
        self._read(_article_and_claims(self.workspace, other),
                   lambda found: self._show_there(other, found))

    def _show_there(self, other: str, found) -> None:
        if other != self.combo.currentData():
            return  # another article was chosen meanwhile; its text is on its way
        detail, claims = found
        self.right.show_article(detail.title, detail.text, claims)
        here = self._here
        pairs = [m for m in self._matches_for(self.article_id) or []
                 if m.other_article_id == other and m.claim_id in here]
        pairs.sort(key=lambda m: (here[m.claim_id].start, -m.similarity))
        for match in pairs:
            item = QListWidgetItem(pair_text(match, here[match.claim_id].text))
            item.setData(PairRole, match)
            item.setToolTip(f"Here: {here[match.claim_id].text}\n\nThere: {match.other_text}")
            self.pairs.addItem(item)
        self.pairs_title.setText(f"Said in both · {len(pairs)}")
        if pairs:
            self.pairs.setCurrentRow(0)
        self.ready = True

    # -- choosing -----------------------------------------------------------------------------

    def current_pair(self) -> MatchView | None:
        item = self.pairs.currentItem()
        return item.data(PairRole) if item else None

    def _outline(self, item: QListWidgetItem | None) -> None:
        match = item.data(PairRole) if item else None
        self.left.view.select_claim(match.claim_id if match else None)
        self.right.view.select_claim(match.other_claim_id if match else None)

    def _pick(self, claim_id: str, mine: bool) -> None:
        for row in range(self.pairs.count()):
            match = self.pairs.item(row).data(PairRole)
            if (match.claim_id if mine else match.other_claim_id) == claim_id:
                self.pairs.setCurrentRow(row)
                return

    def _jump(self, item: QListWidgetItem) -> None:
        match = item.data(PairRole)
        if match is not None:
            self.jumpRequested.emit(match.other_article_id, match.other_claim_id)
