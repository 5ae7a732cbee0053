"""Disagreements in the window: the Consensus column, the Reviewers tab, Settle…, and
View ▸ Agreement….

The ledger model asks `workspace.consensus(article)` when an article's claims arrive and
again whenever a verb's Changes touch the open article; the Reviewers tab asks
`workspace.verdicts(article)` only while it is shown (cached per article until the
next change).
"""

from __future__ import annotations

from claimledger.domain.records import Changes
from claimledger.ui.dialogs.agreement_dialog import AgreementDialog
from claimledger.ui.dialogs.settle_dialog import SettleDialog
from claimledger.ui.kit.consensus_look import open_disagreement
from claimledger.ui.views.consensus_column import install_consensus_column, show_consensus_column
from claimledger.ui.views.reviewers_panel import ReviewersPanel


class ConsensusMixin:
    """Mixed into MainWindow."""

    settle_dialog: SettleDialog | None = None
    agreement_dialog: AgreementDialog | None = None

    def _install_consensus(self) -> None:
        self._verdicts_cache: tuple[str, dict] | None = None
        self.ledger_model.consensus_for = lambda article_id: self.workspace.consensus(
            article_id)
        install_consensus_column(self.ledger_view, self.ledger_model)
        self.reviewers_panel = ReviewersPanel()
        tabs = self.inspector.tabs
        self.reviewers_tab = tabs.addTab(self.reviewers_panel, "Reviewers")
        self.reviewers_panel.settleRequested.connect(self.open_settle_dialog)
        tabs.currentChanged.connect(lambda _tab: self.refresh_reviewers())
        act = self.actions
        act["settle"].triggered.connect(self.open_settle_dialog)
        act["agreement"].triggered.connect(self.show_agreement)
        act["reviewers_tab"].triggered.connect(
            lambda: self.inspector.tabs.setCurrentIndex(self.reviewers_tab))

    # -- keeping consensus fresh ------------------------------------------------------------

    def apply_changes(self, changes: Changes, navigate: bool = False,
                      word: str = "Saved") -> None:
        super().apply_changes(changes, navigate=navigate, word=word)
        if self._touches_open_article(changes):
            self.refresh_consensus()

    def _touches_open_article(self, changes: Changes) -> bool:
        if not self.article_id:
            return False
        if self.article_id in changes.articles:
            return True
        return any(self.ledger_model.find(c) is not None for c in changes.claims)

    def refresh_consensus(self) -> None:
        """Consensus of the open article again: column, chip counts and Reviewers tab."""
        self._verdicts_cache = None
        self.ledger_model.refresh_consensus()
        self.refresh_reviewers()

    def _refresh_inspector(self) -> None:
        super()._refresh_inspector()
        self.refresh_reviewers()

    def refresh_reviewers(self) -> None:
        claim = self.current_claim()
        found = self.ledger_model.consensus(claim.id) if claim else None
        title = "Reviewers ≠" if open_disagreement(found) else "Reviewers"
        self.inspector.tabs.setTabText(self.reviewers_tab, title)
        if self.inspector.tabs.currentIndex() != self.reviewers_tab:
            return
        verdicts = self._verdicts_of(claim.id) if claim else []
        self.reviewers_panel.show_verdicts(verdicts, found, self.workspace.reviewer_id)
        self.reviewers_panel.settle_button.setEnabled(claim is not None
                                                      and self.identity_ready)

    def _verdicts_of(self, claim_id: str) -> list:
        if self._verdicts_cache is None or self._verdicts_cache[0] != self.article_id:
            self._verdicts_cache = (self.article_id, self.workspace.verdicts(self.article_id))
        return self._verdicts_cache[1].get(claim_id, [])

    def reload_after_merge(self) -> None:
        """Other reviewers' events arrived: refresh the library, ledger and inspector."""
        self._verdicts_cache = None
        getattr(self, "_status_counts", {}).clear()
        self.refresh_library()
        if self.article_id:
            self.reload_statements()
            self._refresh_inspector()
        elif self.summaries:
            self.open_article(next(iter(self.summaries)))
        show_consensus_column(self.ledger_view, self.ledger_model)

    # -- settling ---------------------------------------------------------------------------

    def open_settle_dialog(self) -> None:
        claim = self.current_claim()
        if claim is None or self.writes_locked():
            return
        dialog = SettleDialog(claim.text, self._verdicts_of(claim.id),
                              self.ledger_model.consensus(claim.id),
                              self.workspace.reasons_for, self)
        claim_id = claim.id
        dialog.accepted.connect(lambda: self.settle(claim_id, *dialog.chosen()))
        dialog.finished.connect(lambda _result: self._forget_settle_dialog(dialog))
        self.settle_dialog = dialog
        dialog.open()

    def settle(self, claim_id: str, status, reason: str | None, note: str | None) -> None:
        self.run_verb(lambda: self.workspace.settle(claim_id, status, reason, note))

    def _forget_settle_dialog(self, dialog: SettleDialog) -> None:
        if self.settle_dialog is dialog:
            self.settle_dialog = None
        dialog.deleteLater()

    # -- agreement --------------------------------------------------------------------------

    def show_agreement(self) -> None:
        summary = self.summaries.get(self.article_id or "")
        article = self.workspace.agreement(self.article_id) if summary else None
        dialog = AgreementDialog(summary.title if summary else None, article,
                                 self.workspace.agreement(None), self)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.agreement_dialog = dialog
        dialog.open()
