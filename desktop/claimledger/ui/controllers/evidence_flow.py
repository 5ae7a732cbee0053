"""Sources and history in the window: the inspector's Sources and History tabs.

Only the visible tab is loaded (one small query on the window's reader), when the claim
changes, when the tab is shown, and when a change names the claim's sources or verdict.
The ledger's Sources tooltip lists the sources the same way, read when it is asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip

from claimledger.domain.records import ClaimView
from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.controllers.reads import TAB_SLOT, TIP_SLOT
from claimledger.ui.controllers.review import ReviewController
from claimledger.ui.dialogs.source_dialog import SourceDialog
from claimledger.ui.kit.background import plain
from claimledger.ui.views.inspector import HISTORY_TAB, SOURCES_TAB
from claimledger.ui.views.sources_column import sources_tip
from claimledger.workspace import NotFound


class EvidenceController:
    def __init__(self, ctx: WindowContext, review: ReviewController) -> None:
        self.ctx = ctx
        self.review = review
        self.source_dialog: SourceDialog | None = None
        ctx.actions["add_source"].triggered.connect(self.add_source)
        panel = ctx.panes.inspector.sources_panel
        panel.evidence_folder = ctx.workspace.evidence_folder
        panel.addRequested.connect(self.add_source)
        panel.editRequested.connect(self.edit_source)
        panel.retireRequested.connect(self.retire_source)
        ctx.panes.inspector.tabs.currentChanged.connect(lambda _tab: self.refresh_tabs())
        ctx.panes.ledger_view.sources_delegate.listWanted.connect(self.show_sources_tip)
        ctx.claimShown.connect(self.refresh_tabs)  # also after a change names the claim

    def refresh_tabs(self) -> None:
        """The Sources or History tab, if showing, for the current claim: read on the
        worker, shown if the reviewer is still on that claim and that tab."""
        claim = self.ctx.current_claim()
        tab = self.ctx.panes.inspector.tabs.currentIndex()
        if tab not in (SOURCES_TAB, HISTORY_TAB):
            return
        if claim is None:
            self._show_tab(tab, None, [])
            return
        claim_id, workspace = claim.id, self.ctx.workspace
        read = (lambda: workspace.sources(claim_id)) if tab == SOURCES_TAB \
            else (lambda: _history_or_none(workspace, claim_id))
        self.review.reads.read(TAB_SLOT, read,
                               lambda found: self._show_tab(tab, claim_id, found),
                               lambda error: self.ctx.say(plain(error), 8000))

    def show_sources_tip(self, claim_id: str, where: QPoint, cell: QRect) -> None:
        """The Sources cell's tooltip: the claim's sources, read on the worker, shown if
        the pointer is still on that cell when they arrive."""
        workspace = self.ctx.workspace
        self.review.reads.read(TIP_SLOT, lambda: workspace.sources(claim_id),
                               lambda found: self._show_sources_tip(claim_id, where, cell,
                                                                    found),
                               lambda error: self.ctx.say(plain(error), 8000))

    def _show_sources_tip(self, claim_id: str, where: QPoint, cell: QRect,
                          sources: list) -> None:
        panes = self.ctx.panes
        viewport = panes.ledger_view.viewport()
        claim = panes.ledger_model.find(claim_id)
        if claim is None or not cell.contains(viewport.mapFromGlobal(QCursor.pos())):
            return
        QToolTip.showText(where, sources_tip(claim, sources), viewport, cell)

    def _show_tab(self, tab: int, claim_id: str | None, found: list) -> None:
        inspector = self.ctx.panes.inspector
        if claim_id != self.ctx.claim_id or tab != inspector.tabs.currentIndex():
            return
        if tab == SOURCES_TAB:
            inspector.sources_panel.show_sources(found)
        else:
            inspector.history_panel.show_history(found)

    def add_source(self) -> None:
        claim = self.ctx.current_claim()
        if claim is None:
            self.ctx.say("Select a statement first.")
            return
        self._open(SourceDialog(lambda fields, answer: self._save(claim, fields, answer),
                                claim_text=claim.text, parent=self.ctx.window))

    def edit_source(self, source_id: str) -> None:
        claim = self.ctx.current_claim()
        panel = self.ctx.panes.inspector.sources_panel
        source = next((s for s in panel.sources if s.id == source_id), None)
        if claim is None or source is None:
            return
        workspace = self.ctx.workspace
        self._open(SourceDialog(
            lambda fields, answer: self._submit(
                lambda: workspace.edit_source(source_id, **fields), answer),
            source=source, claim_text=claim.text, parent=self.ctx.window))

    def retire_source(self, source_id: str) -> None:
        self.review.run(lambda: self.ctx.workspace.retire_source(source_id),
                        refused=lambda why: self.ctx.say(why, 8000))

    def _save(self, claim: ClaimView, fields: dict, answer) -> None:
        def saved(_result) -> None:
            answer(None)
            self.ctx.panes.inspector.tabs.setCurrentIndex(SOURCES_TAB)

        self._submit(lambda: self.ctx.workspace.add_source(claim.id, **fields), answer, saved)

    def _submit(self, verb, answer, saved=None) -> None:
        """Save off the GUI thread; the dialog closes once saved, or shows the refusal."""
        if not self.review.run(verb, then=saved or (lambda _result: answer(None)),
                               refused=answer):
            answer(self.ctx.write_refusal() or "Nothing can be changed right now.")

    def _open(self, dialog: SourceDialog) -> None:
        if self.ctx.writes_locked():
            dialog.deleteLater()
            return
        if self.source_dialog is not None:
            self.source_dialog.close()
        self.source_dialog = dialog
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: SourceDialog) -> None:
        if self.source_dialog is dialog:
            self.source_dialog = None
        dialog.deleteLater()


def _history_or_none(workspace, claim_id: str) -> list:
    """The claim's history; none for a claim merged or retired since it was shown."""
    try:
        return workspace.history(claim_id)
    except NotFound:
        return []
