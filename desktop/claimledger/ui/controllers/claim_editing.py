"""Finer claims from the window: make a claim from selected words, split, merge, retire.

Each is one workspace verb, run like every write (controllers/writes). Its change of
*shape* reloads the open article's statements (the review controller does that, keeping
the text's scroll position); a problem is one sentence in the status bar and nothing
changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from claimledger.domain.records import ClaimView
from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.controllers.review import ReviewController

ERROR_MS = 8000
ARTICLE_MENU = ("make_claim", None, "split_claim", "merge_next", "retire_claim", None,
                "add_source")
LEDGER_MENU = ("split_claim", "merge_next", "retire_claim", None, "add_source")


class EditingController:
    def __init__(self, ctx: WindowContext, review: ReviewController) -> None:
        self.ctx = ctx
        self.review = review
        self.context_menu: QMenu | None = None
        act, panes = ctx.actions, ctx.panes
        act["make_claim"].triggered.connect(self.make_claim_from_selection)
        act["split_claim"].triggered.connect(self.split_at_cursor)
        act["merge_next"].triggered.connect(self.merge_with_next)
        act["retire_claim"].triggered.connect(self.retire_current_claim)
        panes.article_view.contextMenuWanted.connect(self._article_context_menu)
        panes.ledger_view.contextMenuWanted.connect(self._ledger_context_menu)

    # -- the verbs -----------------------------------------------------------------------

    def _reshape(self, verb: Callable[[], object], select: Callable[[object], str | None]
                 ) -> None:
        """Run a verb that changes the ledger's shape, then select what `select` picks
        from its result; a refusal is one sentence in the status bar."""
        self.review.run(verb, then=lambda result: self.review.show_after_reshape(
            select(result)), refused=lambda why: self.ctx.say(why, ERROR_MS))

    def make_claim_from_selection(self) -> None:
        ctx = self.ctx
        span = ctx.panes.article_view.selection_span() if ctx.article_id else None
        if span is None or span[0] == span[1]:
            ctx.say("Select some words in the article first, then press C.", ERROR_MS)
            return
        article_id = ctx.article_id
        ctx.panes.article_view.select_utf16(0, 0)
        self._reshape(lambda: ctx.workspace.add_claim(article_id, *span),
                      lambda result: result[0])

    def split_at_cursor(self) -> None:
        claim = self._claim_under_cursor()
        if claim is None:
            self.ctx.say("Put the text cursor inside a statement in the article to split it.",
                         ERROR_MS)
            return
        at = self.ctx.panes.article_view.cursor_code_point()
        self._reshape(lambda: self.ctx.workspace.split_claim(claim.id, at),
                      lambda result: result[0][0])

    def merge_with_next(self) -> None:
        claim = self.ctx.current_claim()
        following = self._next_statement(claim) if claim else None
        if claim is None or following is None:
            self.ctx.say("There is no next statement to merge with.", ERROR_MS)
            return
        self._reshape(lambda: self.ctx.workspace.merge_claims(claim.id, following.id),
                      lambda result: result[0][0])

    def retire_current_claim(self) -> None:
        claim = self.ctx.current_claim()
        if claim is None:
            return
        model = self.ctx.panes.ledger_model
        row = model.row_of(claim.id)
        neighbour = None
        if row is not None:
            neighbour = model.claim_at(row + 1) or model.claim_at(row - 1)
        self._reshape(lambda: self.ctx.workspace.retire_claim(claim.id),
                      lambda _result: neighbour.id if neighbour else None)

    def _claim_under_cursor(self) -> ClaimView | None:
        """The current claim if the text cursor is inside it, else the innermost claim
        around the cursor."""
        if not self.ctx.article_id:
            return None
        view = self.ctx.panes.article_view
        at = view.cursor_code_point()
        current = self.ctx.current_claim()
        if current and current.start < at < current.end:
            return current
        return view.claim_at(at)

    def _next_statement(self, claim: ClaimView) -> ClaimView | None:
        return next((c for c in self.ctx.panes.ledger_model.all_claims()
                     if c.start >= claim.end and c.id != claim.id), None)

    # -- context menus -------------------------------------------------------------------

    def menu_of_actions(self, names) -> QMenu:
        menu = QMenu(self.ctx.window)
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.ctx.actions[name])
        return menu

    def article_menu(self) -> QMenu:
        act, view = self.ctx.actions, self.ctx.panes.article_view
        has_selection = view.textCursor().hasSelection()
        writable = self.ctx.write_refusal() is None
        act["make_claim"].setEnabled(bool(self.ctx.article_id) and has_selection and writable)
        menu = self.menu_of_actions(ARTICLE_MENU)
        menu.aboutToHide.connect(lambda: self.ctx.update_write_actions(force=True))
        return menu

    def _article_context_menu(self, where: QPoint) -> None:
        view = self.ctx.panes.article_view
        if not view.textCursor().hasSelection():
            claim = view.claim_at(view.cursor_code_point())
            if claim and claim.id != self.ctx.claim_id:
                self.review.select_claim(claim.id)
        menu = self.article_menu()
        menu.popup(where)
        self.context_menu = menu

    def _ledger_context_menu(self, claim_id: str, where: QPoint) -> None:
        menu = self.menu_of_actions(LEDGER_MENU)
        menu.popup(where)
        self.context_menu = menu
