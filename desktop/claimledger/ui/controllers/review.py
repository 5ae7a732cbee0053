"""The review loop: open an article, move through its ledger, mark, reason, note, undo.

Writes go through the window's WriteRunner; when their `ChangedViews` come back, only
the rows they name are replaced (one ledger row and its highlight for a mark), the open
ledger is reloaded only when its shape changed, and the inspector follows the current
claim. The filter bar and the search dialog live here too: both decide which claim is
current.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from claimledger.domain.records import Kind, SearchHit
from claimledger.domain.status import Status
from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.controllers.reads import ARTICLE_SLOT, ReadRunner
from claimledger.ui.controllers.writes import WriteRunner
from claimledger.ui.dialogs.reason_picker import ReasonPicker
from claimledger.ui.dialogs.search_dialog import SearchDialog
from claimledger.ui.kit import preferences
from claimledger.ui.kit.actions import STATUS_ACTIONS
from claimledger.ui.kit.background import plain
from claimledger.ui.kit.messages import shown
from claimledger.ui.views.filter_bar import FilterBar
from claimledger.workspace import ChangedViews, OpenLedger, WorkspaceError

SAVED_MS = 5000
OPENING = "Opening"
SAY_OPENING_AFTER_MS = 300


class ReviewController:
    def __init__(self, ctx: WindowContext, writes: WriteRunner, reads: ReadRunner,
                 ledger_pane) -> None:
        self.ctx = ctx
        self.writes = writes
        self.reads = reads
        #: the article being read to be opened (None once it shows)
        self.opening: str | None = None
        self._opening_note = QTimer(ctx, singleShot=True, interval=SAY_OPENING_AFTER_MS)
        self._opening_note.timeout.connect(self._say_opening)
        self.ledger_pane = ledger_pane
        self.reason_picker: ReasonPicker | None = None
        self.search_dialog: SearchDialog | None = None
        panes = ctx.panes
        self.filter_bar = FilterBar(panes.ledger_model)
        ledger_pane.layout().insertWidget(1, self.filter_bar)
        self.filter_bar.applied.connect(self._filter_applied)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.filter_bar.text)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(panes.ledger_view.setFocus)
        panes.ledger_model.numbers_for = ctx.workspace.statement_numbers
        self._connect()
        ctx.changed.connect(self._apply)

    def _connect(self) -> None:
        act, panes = self.ctx.actions, self.ctx.panes
        act["undo"].triggered.connect(self.undo)
        act["redo"].triggered.connect(self.redo)
        for name, status in STATUS_ACTIONS.items():
            act[name].triggered.connect(lambda _=False, s=status: self.mark(s))
        act["next"].triggered.connect(lambda: self.step(1))
        act["previous"].triggered.connect(lambda: self.step(-1))
        act["reason"].triggered.connect(self.open_reason_picker)
        act["note"].triggered.connect(self.focus_note)
        act["find"].triggered.connect(self.open_search)
        act["filter_ledger"].triggered.connect(self.filter_bar.focus_text)
        act["clear_filter"].triggered.connect(self.filter_bar.clear)
        act["confirm_wording"].triggered.connect(self.confirm_wording)
        panes.inspector.confirmRequested.connect(self.confirm_wording)
        panes.ledger_view.claimSelected.connect(self._show_claim)
        panes.article_view.claimClicked.connect(self.select_claim)
        panes.inspector.markRequested.connect(self.mark)
        panes.inspector.reasonChosen.connect(self.set_reason)
        panes.inspector.noteCommitted.connect(self.set_note)
        panes.inspector.note_editor.cancelled.connect(panes.ledger_view.setFocus)
        panes.inspector.note_editor.done.connect(panes.ledger_view.setFocus)

    # -- opening and selecting --------------------------------------------------------------

    def open_article(self, article_id: str, claim_id: str | None = None,
                     reveal: bool = False) -> None:
        """Show an article with its ledger; select `claim_id` or the first statement.
        The article is read on a worker: until it arrives the window goes on showing
        what it showed (after a moment the status bar says what it is opening). With
        `reveal`, a claim the filter hides is shown by clearing the filter."""
        self.opening = article_id
        self.ctx.panes.library.select_article(article_id, notify=False)
        self._opening_note.start()
        self.reads.read(ARTICLE_SLOT, lambda: self.ctx.workspace.open_ledger(article_id),
                        lambda ledger: self._show_ledger(ledger, claim_id, reveal),
                        self._open_failed)

    def _show_ledger(self, ledger: OpenLedger, claim_id: str | None, reveal: bool) -> None:
        ctx, panes = self.ctx, self.ctx.panes
        self._opened()
        detail, claims = ledger.detail, ledger.claims
        ctx.article_id = detail.id
        ctx.claim_id = None
        panes.ledger_model.set_ledger(ledger)
        panes.article_view.set_article(detail.text, claims)
        panes.library.select_article(detail.id, notify=False)
        self._set_heading(len(claims))
        ctx.window.show_article_title(detail.title)
        preferences.store().setValue("session/article", detail.id)
        if claim_id and reveal and panes.ledger_model.find(claim_id) is not None:
            self._reveal(claim_id)
            return
        known = claim_id and panes.ledger_model.row_of(claim_id) is not None
        first_shown = panes.ledger_model.claim_at(0) or (claims[0] if claims else None)
        target = claim_id if known else (first_shown.id if first_shown else None)
        if target:
            self.select_claim(target)
        else:
            ctx.claimShown.emit()
        ctx.articleOpened.emit(detail.id)

    def _open_failed(self, error: BaseException) -> None:
        self._opened()
        if not isinstance(error, WorkspaceError | OSError):
            raise error
        self.ctx.say(plain(error), 8000)
        if self.ctx.article_id:
            self.ctx.panes.library.select_article(self.ctx.article_id, notify=False)

    def _opened(self) -> None:
        self.opening = None
        self._opening_note.stop()
        if self.ctx.window.statusBar().currentMessage().startswith(OPENING):
            self.ctx.window.statusBar().clearMessage()

    def _say_opening(self) -> None:
        summary = self.ctx.summaries.get(self.opening or "")
        if summary is not None:
            self.ctx.say(f"{OPENING} “{summary.title}”…", 0)

    def close_article(self) -> None:
        ctx = self.ctx
        self.reads.forget(ARTICLE_SLOT)
        self._opened()
        ctx.article_id = ctx.claim_id = None
        ctx.panes.ledger_model.set_claims([])
        ctx.panes.article_view.clear_article()
        self._set_heading(None)
        ctx.claimShown.emit()

    def select_claim(self, claim_id: str) -> None:
        """Make `claim_id` current in the ledger, the article and the inspector."""
        self.ctx.panes.ledger_view.select_claim(claim_id)
        self._show_claim(claim_id)

    def _show_claim(self, claim_id: str) -> None:
        self.ctx.claim_id = claim_id
        self.ctx.panes.article_view.select_claim(claim_id)
        self.ctx.claimShown.emit()

    def refresh_inspector(self) -> None:
        claim = self.ctx.current_claim()
        reasons = self.ctx.workspace.reasons_for(claim.status) if claim else ()
        panes = self.ctx.panes
        panes.inspector.show_claim(claim, reasons)
        model = panes.ledger_model
        panes.inspector.show_wording(model.earlier_wording(claim) if claim else None,
                                     model.revision)

    def step(self, delta: int) -> None:
        self.ctx.panes.ledger_view.step(delta)

    def jump_to_claim(self, article_id: str, claim_id: str) -> None:
        """Open the article and select the claim, showing it if the filter hides it (a
        statement that is not a claim turns "Not claims" on)."""
        if article_id != self.ctx.article_id:
            self.open_article(article_id, claim_id, reveal=True)
        else:
            self._reveal(claim_id)

    def _reveal(self, claim_id: str) -> None:
        ctx = self.ctx
        claim = ctx.panes.ledger_model.find(claim_id)
        if claim is None:
            return
        if ctx.panes.ledger_model.row_of(claim_id) is None:
            self.filter_bar.clear()
            if claim.kind != "claim":
                self.filter_bar.flag_chips["not_claims"].setChecked(True)
        self.select_claim(claim_id)
        ctx.panes.ledger_view.setFocus()

    def show_after_reshape(self, claim_id: str | None) -> None:
        """After a claim was made, split, merged or retired: select `claim_id`."""
        model = self.ctx.panes.ledger_model
        if claim_id and model.find(claim_id) is not None:
            if model.row_of(claim_id) is None:
                self.filter_bar.clear()
            self.select_claim(claim_id)

    # -- the verbs --------------------------------------------------------------------------

    def mark(self, status: Status) -> None:
        claim_id = self.ctx.claim_id
        if claim_id:
            self.run(lambda: self.ctx.workspace.mark(claim_id, status))

    def set_reason(self, reason: str | None) -> None:
        claim_id = self.ctx.claim_id
        if claim_id:
            self.run(lambda: self.ctx.workspace.set_reason(claim_id, reason))

    def set_note(self, note: str) -> None:
        claim_id = self.ctx.claim_id
        if claim_id:
            self.run(lambda: self.ctx.workspace.set_note(claim_id, note or None))

    def confirm_wording(self) -> None:
        """The reviewer's verdict stands for the current claim's new words."""
        claim_id = self.ctx.claim_id
        if claim_id:
            self.run(lambda: self.ctx.workspace.confirm_verdict(claim_id))

    def undo(self) -> None:
        self.run(self.ctx.workspace.undo, navigate=True, word="Undone")

    def redo(self) -> None:
        self.run(self.ctx.workspace.redo, navigate=True, word="Redone")

    def run(self, verb: Callable[[], object], navigate: bool = False, word: str = "Saved",
            then: Callable[[object], None] | None = None,
            refused: Callable[[str], None] | None = None) -> bool:
        """Run a writing verb off the GUI thread; its changes come back to every part of
        the window. A refusal is one message box, or goes to `refused(sentence)`. With
        navigate, go to the changed claim (undo and redo)."""
        def done(result, views: ChangedViews) -> None:
            if navigate:
                self._go_to_changed(views)
            if views.changes.label:
                self.ctx.say(f"{word}: {views.changes.label}", SAVED_MS)
            if then is not None:
                then(result)

        def failed(error: BaseException) -> None:
            if not isinstance(error, WorkspaceError | OSError):
                raise error
            if refused is not None:
                refused(plain(error))
            else:
                QMessageBox.warning(self.ctx.window, "Claim Ledger", shown(plain(error)))

        return self.writes.run(verb, done, failed, initiator=self)

    def _go_to_changed(self, views: ChangedViews) -> None:
        live = sorted((c for c in views.claims.values() if c is not None), key=lambda c: c.id)
        if not live:
            return
        target = live[0]
        if target.article_id != self.ctx.article_id:
            self.open_article(target.article_id, target.id)
        else:
            self.select_claim(target.id)

    # -- keeping in step ------------------------------------------------------------------

    def _apply(self, views: ChangedViews) -> None:
        """Replace exactly the rows the change names; reload only on a change of shape."""
        ctx, panes = self.ctx, self.ctx.panes
        if self.opening and (Kind.EVERYTHING in views.changes.kinds
                             or self.opening in views.changes.articles):
            self.open_article(self.opening)  # what is being read may predate this change
        if views.ledger is not None and views.ledger.article_id == ctx.article_id:
            self._reload(views.ledger)
            return
        ours = [c for c in views.claims.values()
                if c is not None and c.article_id == ctx.article_id]
        if ours:
            panes.ledger_model.update_claims(ours)
            panes.article_view.update_claims(ours)
        if views.verdict_clocks:
            panes.ledger_model.take_verdict_clocks(views.verdict_clocks)
        if ctx.claim_id in views.claims or views.changes.touches(Kind.REASONS):
            ctx.claimShown.emit()

    def _reload(self, ledger: OpenLedger) -> None:
        """The open article's statements again, keeping the scroll and the filter."""
        ctx, panes = self.ctx, self.ctx.panes
        keep, claims = ctx.claim_id, ledger.claims
        panes.ledger_model.set_ledger(ledger)
        panes.article_view.reload_claims(claims)
        self._set_heading(len(claims))
        if keep and panes.ledger_model.row_of(keep) is not None:
            panes.ledger_view.restore_current(keep)
        elif keep and panes.ledger_model.find(keep) is None:
            ctx.claim_id = None
        ctx.claimShown.emit()

    def _set_heading(self, count: int | None) -> None:
        self.ledger_pane.heading.setText(
            "Ledger" if count is None else f"Ledger · {count} statements")

    def _filter_applied(self) -> None:
        ctx = self.ctx
        if ctx.claim_id and ctx.panes.ledger_view.restore_current(ctx.claim_id):
            return
        first = ctx.panes.ledger_model.claim_at(0)
        if first is not None:
            self.select_claim(first.id)

    # -- reason, note, search ---------------------------------------------------------------

    def open_reason_picker(self) -> None:
        claim = self.ctx.current_claim()
        if claim is None:
            return
        if not claim.status.is_reviewed:
            self.ctx.say("Mark the statement first: an unreviewed statement takes no reason.")
            return
        picker = ReasonPicker(claim.status, self.ctx.workspace.reasons_for(claim.status),
                              claim.reason, self.ctx.window)
        picker.accepted.connect(lambda: self.set_reason(picker.chosen))
        picker.finished.connect(lambda _result: self._forget_picker(picker))
        self.reason_picker = picker
        picker.open()

    def _forget_picker(self, picker: ReasonPicker) -> None:
        if self.reason_picker is picker:
            self.reason_picker = None
        picker.deleteLater()

    def focus_note(self) -> None:
        if self.ctx.current_claim() is not None:
            self.ctx.panes.inspector.focus_note()

    def open_search(self) -> None:
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.ctx.workspace.search, self.ctx.window)
            self.search_dialog.chosen.connect(self.jump_to_hit)
        self.search_dialog.open()
        self.search_dialog.field.setFocus()
        self.search_dialog.field.selectAll()

    def jump_to_hit(self, hit: SearchHit) -> None:
        self.jump_to_claim(hit.article_id, hit.claim_id)
