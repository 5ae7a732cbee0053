"""The review half of the main window: selection, verdicts, reasons, notes, undo.

Every write goes through a workspace verb and the window refreshes only what the
returned `Changes` name (Anki's CollectionOp/OpChanges idea).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox

from claimledger.domain.records import Changes, ClaimView
from claimledger.domain.status import Status
from claimledger.ui.dialogs.reason_picker import ReasonPicker
from claimledger.workspace import NotFound, WorkspaceError

STATUS_MESSAGE_MS = 5000


class ReviewMixin:
    """Mixed into MainWindow; expects its widgets (ledger_view, article_view, inspector)."""

    claim_id: str | None
    reason_picker: ReasonPicker | None

    def current_claim(self) -> ClaimView | None:
        model = self.ledger_model
        row = model.row_of(self.claim_id) if self.claim_id else None
        return model.claim_at(row) if row is not None else None

    def select_claim(self, claim_id: str) -> None:
        """Make `claim_id` current in the ledger, the article and the inspector."""
        self.ledger_view.select_claim(claim_id)
        self._show_claim(claim_id)

    def _show_claim(self, claim_id: str) -> None:
        self.claim_id = claim_id
        self.article_view.select_claim(claim_id)
        self._refresh_inspector()

    def _refresh_inspector(self) -> None:
        claim = self.current_claim()
        reasons = self.workspace.reasons_for(claim.status) if claim else ()
        self.inspector.show_claim(claim, reasons)

    def step(self, delta: int) -> None:
        self.ledger_view.step(delta)

    def mark(self, status: Status) -> None:
        claim_id = self.claim_id
        if claim_id:
            self.run_verb(lambda: self.workspace.mark(claim_id, status))

    def set_reason(self, reason: str | None) -> None:
        claim_id = self.claim_id
        if claim_id:
            self.run_verb(lambda: self.workspace.set_reason(claim_id, reason))

    def set_note(self, note: str) -> None:
        claim_id = self.claim_id
        if claim_id:
            self.run_verb(lambda: self.workspace.set_note(claim_id, note or None))

    def undo(self) -> None:
        self.run_verb(self.workspace.undo, navigate=True, word="Undone")

    def redo(self) -> None:
        self.run_verb(self.workspace.redo, navigate=True, word="Redone")

    def run_verb(self, verb: Callable[[], Changes], navigate: bool = False,
                 word: str = "Saved") -> None:
        """Call a writing verb; show its error plainly or refresh from its Changes."""
        try:
            changes = verb()
        except WorkspaceError as error:
            QMessageBox.warning(self, "Claim Ledger", str(error))
            self.update_undo_actions()
            return
        self.apply_changes(changes, navigate=navigate, word=word)

    def apply_changes(self, changes: Changes, navigate: bool = False,
                      word: str = "Saved") -> None:
        """Refresh exactly what `changes` names; with navigate, go to the changed claim."""
        changed = self._fetch_claims(changes.claims)
        target = changed[0] if navigate and changed else None
        if target and target.article_id != self.article_id:
            self.open_article(target.article_id, target.id)
        else:
            ours = [c for c in changed if c.article_id == self.article_id]
            self.ledger_model.update_claims(ours)
            self.article_view.update_claims(ours)
            if target:
                self.select_claim(target.id)
            elif self.claim_id in changes.claims:
                self._refresh_inspector()
        if changes.library:
            self.refresh_library()
        if changes.label:
            self.statusBar().showMessage(f"{word}: {changes.label}", STATUS_MESSAGE_MS)
        self.update_undo_actions()

    def _fetch_claims(self, claim_ids) -> list[ClaimView]:
        claims = []
        for claim_id in sorted(claim_ids):
            try:
                claims.append(self.workspace.claim(claim_id))
            except NotFound:
                continue
        return claims

    def update_undo_actions(self) -> None:
        for name, label in (("undo", self.workspace.undo_label),
                            ("redo", self.workspace.redo_label)):
            action = self.actions[name]
            word = name.capitalize()
            action.setText(f"&{word} {label}" if label else f"&{word}")
            action.setEnabled(label is not None)

    def open_reason_picker(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        if not claim.status.is_reviewed:
            self.statusBar().showMessage(
                "Mark the statement first: an unreviewed statement takes no reason.",
                STATUS_MESSAGE_MS)
            return
        picker = ReasonPicker(claim.status, self.workspace.reasons_for(claim.status),
                              claim.reason, self)
        picker.accepted.connect(lambda: self.set_reason(picker.chosen))
        picker.finished.connect(lambda _result: self._forget_picker(picker))
        self.reason_picker = picker
        picker.open()

    def _forget_picker(self, picker: ReasonPicker) -> None:
        if self.reason_picker is picker:
            self.reason_picker = None
        picker.deleteLater()

    def focus_note(self) -> None:
        if self.current_claim() is not None:
            self.inspector.focus_note()
