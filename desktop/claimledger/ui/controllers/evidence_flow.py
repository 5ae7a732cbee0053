"""Sources and history in the window: the inspector's Sources and History tabs.

Only the visible tab is loaded (one small query), when the claim changes, when the tab
is shown, and when a verb's Changes name the claim.
"""

from __future__ import annotations

from claimledger.domain.records import ClaimView
from claimledger.ui.dialogs.source_dialog import SourceDialog
from claimledger.ui.views.inspector import HISTORY_TAB, SOURCES_TAB
from claimledger.workspace import NotFound


class EvidenceMixin:
    """Mixed into MainWindow (before ReviewMixin)."""

    source_dialog: SourceDialog | None = None

    def _connect_evidence(self) -> None:
        self.actions["add_source"].triggered.connect(self.add_source)
        panel = self.inspector.sources_panel
        panel.addRequested.connect(self.add_source)
        panel.editRequested.connect(self.edit_source)
        panel.retireRequested.connect(self.retire_source)
        self.inspector.tabs.currentChanged.connect(lambda _tab: self.refresh_tabs())
        self.ledger_model.sources_for = self.workspace.sources

    def refresh_tabs(self) -> None:
        claim = self.current_claim()
        tab = self.inspector.tabs.currentIndex()
        if tab == SOURCES_TAB:
            self.inspector.sources_panel.show_sources(
                self.workspace.sources(claim.id) if claim else [])
        elif tab == HISTORY_TAB:
            try:
                entries = self.workspace.history(claim.id) if claim else []
            except NotFound:
                entries = []
            self.inspector.history_panel.show_history(entries)

    def add_source(self) -> None:
        claim = self.current_claim()
        if claim is None:
            self.statusBar().showMessage("Select a statement first.", 5000)
            return
        self._open_source_dialog(
            SourceDialog(lambda fields: self._save_source(claim, fields),
                         claim_text=claim.text, parent=self))

    def edit_source(self, source_id: str) -> None:
        claim = self.current_claim()
        source = next((s for s in self.inspector.sources_panel.sources if s.id == source_id),
                      None)
        if claim is None or source is None:
            return
        self._open_source_dialog(SourceDialog(
            lambda fields: self.apply_changes(self.workspace.edit_source(source_id, **fields)),
            source=source, claim_text=claim.text, parent=self))

    def retire_source(self, source_id: str) -> None:
        changes = self.try_verb(lambda: self.workspace.retire_source(source_id))
        if changes is not None:
            self.apply_changes(changes)

    def _save_source(self, claim: ClaimView, fields: dict) -> None:
        """Raises WorkspaceError for the dialog to show; nothing is saved then."""
        _source_id, changes = self.workspace.add_source(claim.id, **fields)
        self.apply_changes(changes)
        self.inspector.tabs.setCurrentIndex(SOURCES_TAB)

    def _open_source_dialog(self, dialog: SourceDialog) -> None:
        if self.source_dialog is not None:
            self.source_dialog.close()
        self.source_dialog = dialog
        dialog.finished.connect(lambda _result: self._forget_source_dialog(dialog))
        dialog.open()

    def _forget_source_dialog(self, dialog: SourceDialog) -> None:
        if self.source_dialog is dialog:
            self.source_dialog = None
        dialog.deleteLater()
