"""Disagreements in the window: the Consensus column, the Reviewers tab, Settle…, and
View ▸ Agreement….

The ledger model reads `workspace.consensus(article)` when an article's claims arrive;
after that a change brings the consensus of just the claims it touched, and only a merge
of other reviewers' events reads the whole article's again. The Reviewers tab reads one
claim's verdicts, only while it is shown.
"""

from __future__ import annotations

from claimledger.domain.records import ClaimView, Kind
from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.controllers.reads import DIALOG_SLOT, TAB_SLOT
from claimledger.ui.controllers.review import ReviewController
from claimledger.ui.dialogs.agreement_dialog import AgreementDialog
from claimledger.ui.dialogs.settle_dialog import SettleDialog
from claimledger.ui.kit.background import plain
from claimledger.ui.kit.consensus_look import open_disagreement
from claimledger.ui.kit.quiet import set_tab_text
from claimledger.ui.views.consensus_column import (
    install_consensus_column,
    show_consensus_column,
)
from claimledger.ui.views.reviewers_column import (
    install_reviewers_column,
    show_reviewers_column,
)
from claimledger.ui.views.reviewers_panel import ReviewersPanel
from claimledger.workspace import ChangedViews


class ConsensusController:
    def __init__(self, ctx: WindowContext, review: ReviewController) -> None:
        self.ctx = ctx
        self.review = review
        self.settle_dialog: SettleDialog | None = None
        self.agreement_dialog: AgreementDialog | None = None
        panes = ctx.panes
        panes.ledger_model.consensus_for = ctx.workspace.consensus
        panes.ledger_model.verdicts_for = ctx.workspace.verdicts
        panes.ledger_model.me = lambda: ctx.workspace.reviewer_id
        install_consensus_column(panes.ledger_view, panes.ledger_model)
        install_reviewers_column(panes.ledger_view, panes.ledger_model)
        self.reviewers_panel = ReviewersPanel()
        tabs = panes.inspector.tabs
        self.reviewers_tab = tabs.addTab(self.reviewers_panel, "Reviewers")
        self.reviewers_panel.settleRequested.connect(self.open_settle_dialog)
        tabs.currentChanged.connect(lambda _tab: self.refresh_reviewers())
        act = ctx.actions
        act["settle"].triggered.connect(self.open_settle_dialog)
        act["agreement"].triggered.connect(self.show_agreement)
        act["reviewers_tab"].triggered.connect(
            lambda: panes.inspector.tabs.setCurrentIndex(self.reviewers_tab))
        ctx.claimShown.connect(self.refresh_reviewers)
        ctx.writingChanged.connect(self.refresh_reviewers)
        ctx.changed.connect(self._apply)

    # -- keeping consensus fresh ----------------------------------------------------------

    def _apply(self, views: ChangedViews) -> None:
        changes, model = views.changes, self.ctx.panes.ledger_model
        if not self.ctx.article_id:
            return
        if Kind.EVERYTHING in changes.kinds:
            if views.ledger is None:
                return  # (with it, the review controller reloaded the consensus too)
        elif changes.touches(Kind.VERDICTS, Kind.CONSENSUS, Kind.SUGGESTIONS) \
                and self.ctx.shows(changes.claims):
            model.update_consensus(views.consensus, changes.claims)
            model.update_verdicts(views.verdicts, changes.claims)
        else:
            return
        show_consensus_column(self.ctx.panes.ledger_view, model)
        show_reviewers_column(self.ctx.panes.ledger_view, model)
        self.refresh_reviewers()

    def refresh_reviewers(self) -> None:
        ctx = self.ctx
        claim = ctx.current_claim()
        found = ctx.panes.ledger_model.consensus(claim.id) if claim else None
        title = "Reviewers ≠" if open_disagreement(found) else "Reviewers"
        tabs = ctx.panes.inspector.tabs
        set_tab_text(tabs, self.reviewers_tab, title)
        if tabs.currentIndex() != self.reviewers_tab:
            return
        if claim is None:
            self._show_verdicts(None, [])
            return
        claim_id, workspace = claim.id, ctx.workspace
        self.review.reads.read(TAB_SLOT, lambda: workspace.claim_verdicts(claim_id),
                               lambda verdicts: self._show_verdicts(claim_id, verdicts),
                               lambda error: ctx.say(plain(error), 8000))

    def _show_verdicts(self, claim_id: str | None, verdicts: list) -> None:
        """Every reviewer's verdict on the claim, if the Reviewers tab still shows it."""
        ctx = self.ctx
        if claim_id != ctx.claim_id or ctx.panes.inspector.tabs.currentIndex() \
                != self.reviewers_tab:
            return
        found = ctx.panes.ledger_model.consensus(claim_id) if claim_id else None
        self.reviewers_panel.show_verdicts(verdicts, found, ctx.workspace.reviewer_id)
        self.reviewers_panel.settle_button.setEnabled(
            claim_id is not None and ctx.write_refusal() is None)

    # -- settling ---------------------------------------------------------------------------

    def open_settle_dialog(self) -> None:
        ctx = self.ctx
        claim = ctx.current_claim()
        if claim is None or ctx.writes_locked():
            return
        claim_id, workspace = claim.id, ctx.workspace
        self.review.reads.read(DIALOG_SLOT, lambda: workspace.claim_verdicts(claim_id),
                               lambda verdicts: self._open_settle_dialog(claim, verdicts),
                               self._unreadable)

    def _open_settle_dialog(self, claim: ClaimView, verdicts: list) -> None:
        ctx = self.ctx
        if claim.id != ctx.claim_id:
            return  # the reviewer moved on while the verdicts were read
        dialog = SettleDialog(claim.text, verdicts, ctx.panes.ledger_model.consensus(claim.id),
                              ctx.workspace.reasons_for, ctx.window)
        claim_id = claim.id
        dialog.accepted.connect(lambda: self.settle(claim_id, *dialog.chosen()))
        dialog.finished.connect(lambda _result: self._forget_settle_dialog(dialog))
        self.settle_dialog = dialog
        dialog.open()

    def _unreadable(self, error: BaseException) -> None:
        self.ctx.say(plain(error), 8000)

    def settle(self, claim_id: str, status, reason: str | None, note: str | None) -> None:
        self.review.run(lambda: self.ctx.workspace.settle(claim_id, status, reason, note))

    def _forget_settle_dialog(self, dialog: SettleDialog) -> None:
        if self.settle_dialog is dialog:
            self.settle_dialog = None
        dialog.deleteLater()

    # -- agreement --------------------------------------------------------------------------

    def show_agreement(self) -> None:
        """Agreement for the open article and the whole workspace, counted on a worker
        (the workspace's figure reads every verdict of every article)."""
        ctx = self.ctx
        summary = ctx.summaries.get(ctx.article_id or "")
        article_id, workspace = (ctx.article_id if summary else None), ctx.workspace

        def read():
            return (workspace.agreement(article_id) if article_id else None,
                    workspace.agreement(None))

        self.review.reads.read(DIALOG_SLOT, read,
                               lambda found: self._open_agreement(summary, *found),
                               self._unreadable)

    def _open_agreement(self, summary, article, everywhere) -> None:
        ctx = self.ctx
        dialog = AgreementDialog(summary.title if summary else None, article, everywhere,
                                 ctx.window)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.agreement_dialog = dialog
        dialog.open()
