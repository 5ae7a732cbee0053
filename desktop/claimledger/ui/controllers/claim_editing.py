"""Finer claims from the window: make a claim from selected words, split, merge, retire.

Each is one workspace verb. When a verb changes the *shape* of the ledger (a claim
appears or goes), the open article's statements are reloaded, keeping the text's scroll
position; a problem is one sentence in the status bar and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from claimledger.domain.records import Changes, ClaimView
from claimledger.workspace import WorkspaceError

ERROR_MS = 8000
T = TypeVar("T")
ARTICLE_MENU = ("make_claim", None, "split_claim", "merge_next", "retire_claim", None,
                "add_source")
LEDGER_MENU = ("split_claim", "merge_next", "retire_claim", None, "add_source")


class ClaimEditingMixin:
    """Mixed into MainWindow (before ReviewMixin)."""

    def _connect_claim_editing(self) -> None:
        act = self.actions
        act["make_claim"].triggered.connect(self.make_claim_from_selection)
        act["split_claim"].triggered.connect(self.split_at_cursor)
        act["merge_next"].triggered.connect(self.merge_with_next)
        act["retire_claim"].triggered.connect(self.retire_current_claim)
        self.article_view.contextMenuWanted.connect(self._article_context_menu)
        self.ledger_view.contextMenuWanted.connect(self._ledger_context_menu)

    # -- the verbs -----------------------------------------------------------------------

    def try_verb(self, verb: Callable[[], T]) -> T | None:
        """Run a writing verb; on WorkspaceError say why in the status bar, return None."""
        try:
            return verb()
        except WorkspaceError as error:
            self.statusBar().showMessage(str(error), ERROR_MS)
            return None

    def make_claim_from_selection(self) -> None:
        span = self.article_view.selection_span() if self.article_id else None
        if span is None or span[0] == span[1]:
            self.statusBar().showMessage(
                "Select some words in the article first, then press C.", ERROR_MS)
            return
        article_id = self.article_id
        result = self.try_verb(lambda: self.workspace.add_claim(article_id, *span))
        if result is None:
            return
        claim_id, changes = result
        self.article_view.select_utf16(0, 0)
        self._after_reshape(changes, claim_id)

    def split_at_cursor(self) -> None:
        claim = self._claim_under_cursor()
        if claim is None:
            self.statusBar().showMessage(
                "Put the text cursor inside a statement in the article to split it.",
                ERROR_MS)
            return
        at = self.article_view.cursor_code_point()
        result = self.try_verb(lambda: self.workspace.split_claim(claim.id, at))
        if result is not None:
            ids, changes = result
            self._after_reshape(changes, ids[0])

    def merge_with_next(self) -> None:
        claim = self.current_claim()
        following = self._next_statement(claim) if claim else None
        if claim is None or following is None:
            self.statusBar().showMessage("There is no next statement to merge with.", ERROR_MS)
            return
        result = self.try_verb(lambda: self.workspace.merge_claims(claim.id, following.id))
        if result is not None:
            ids, changes = result
            self._after_reshape(changes, ids[0])

    def retire_current_claim(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        row = self.ledger_model.row_of(claim.id)
        neighbour = None
        if row is not None:
            neighbour = self.ledger_model.claim_at(row + 1) or self.ledger_model.claim_at(row - 1)
        changes = self.try_verb(lambda: self.workspace.retire_claim(claim.id))
        if changes is not None:
            self._after_reshape(changes, neighbour.id if neighbour else None)

    # -- keeping the views in step ----------------------------------------------------------

    def _after_reshape(self, changes: Changes, select: str | None) -> None:
        self.apply_changes(changes)
        if select and self.ledger_model.find(select) is not None:
            if self.ledger_model.row_of(select) is None:
                self.filter_bar.clear()
            self.select_claim(select)

    def reshaped(self, changes: Changes) -> bool:
        """True when a claim of the open article appeared or went away."""
        if not self.article_id or not changes.claims:
            return False
        if changes.articles and self.article_id not in changes.articles:
            return False
        if any(self.ledger_model.find(c) is None for c in changes.claims):
            return True
        live = {c.id for c in self._fetch_claims(changes.claims)}
        return any(c not in live for c in changes.claims)

    def reload_statements(self) -> None:
        """Reload the open article's statements, keeping the scroll and the filter."""
        claims = self.workspace.claims(self.article_id)
        keep = self.claim_id
        self.ledger_model.set_claims(claims)
        self.article_view.reload_claims(claims)
        self.ledger_pane.heading.setText(f"Ledger · {len(claims)} statements")
        if keep and self.ledger_model.row_of(keep) is not None:
            self.ledger_view.restore_current(keep)
        elif keep and self.ledger_model.find(keep) is None:
            self.claim_id = None
            self._refresh_inspector()

    def _claim_under_cursor(self) -> ClaimView | None:
        """The current claim if the text cursor is inside it, else the innermost claim
        around the cursor."""
        if not self.article_id:
            return None
        at = self.article_view.cursor_code_point()
        current = self.current_claim()
        if current and current.start < at < current.end:
            return current
        return self.article_view.claim_at(at)

    def _next_statement(self, claim: ClaimView) -> ClaimView | None:
        return next((c for c in self.ledger_model.all_claims()
                     if c.start >= claim.end and c.id != claim.id), None)

    # -- context menus -------------------------------------------------------------------

    def menu_of_actions(self, names) -> QMenu:
        menu = QMenu(self)
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions[name])
        return menu

    def article_menu(self) -> QMenu:
        has_selection = self.article_view.textCursor().hasSelection()
        self.actions["make_claim"].setEnabled(bool(self.article_id) and has_selection)
        menu = self.menu_of_actions(ARTICLE_MENU)
        menu.aboutToHide.connect(lambda: self.actions["make_claim"].setEnabled(
            bool(self.article_id)))
        return menu

    def _article_context_menu(self, where: QPoint) -> None:
        if not self.article_view.textCursor().hasSelection():
            claim = self.article_view.claim_at(self.article_view.cursor_code_point())
            if claim and claim.id != self.claim_id:
                self.select_claim(claim.id)
        menu = self.article_menu()
        menu.popup(where)
        self.context_menu = menu

    def _ledger_context_menu(self, claim_id: str, where: QPoint) -> None:
        menu = self.menu_of_actions(LEDGER_MENU)
        menu.popup(where)
        self.context_menu = menu
