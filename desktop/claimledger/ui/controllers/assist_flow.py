"""Assisted review in the window: suggestions, check-worthiness, figures and clashes, the
page tail, and the same claim in other articles.

The analysis behind them is read on a worker (assist_runner) when an article opens and
whenever a verb's Changes touch it; until the first answer the inspector says "Reading
the article…". Accept and dismiss read the analysis too, so they also run on a worker
and come back as Changes; Cut it (the page tail) and "Use my verdict from there" are
plain verbs. MainWindow lists AssistMixin first among its bases and calls
`install_assist()` once the other parts are installed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from claimledger.domain.records import Changes, ClaimAssist, ClaimView, MatchView
from claimledger.ui.controllers.assist_runner import AssistRunner
from claimledger.ui.dialogs.compare_dialog import CompareDialog
from claimledger.ui.kit.assist_look import clash_text, hint_text
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.views.analysis_panel import AnalysisPanel
from claimledger.ui.views.banners import tail_banner, tail_words
from claimledger.ui.views.elsewhere_panel import ElsewherePanel
from claimledger.ui.views.ledger_model import STATUS
from claimledger.ui.views.suggestion_panel import SuggestionPanel
from claimledger.ui.views.worth_column import install_worth_column
from claimledger.workspace import NotFound, WorkspaceError

OUTSIDE_BODY = "outside-body"
NO_SUGGESTION = "There is no suggestion for this statement."


class AssistMixin:
    """Mixed into MainWindow, first among its bases."""

    compare_dialog: CompareDialog | None = None

    def install_assist(self) -> None:
        self.assist_runner = AssistRunner(self, self.workspace)
        self.assist_runner.updated.connect(self._assist_arrived)
        self.assist_runner.failed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.importer.finished.connect(self._imported)  # after MainWindow's own slot
        self.suggestion_runner = Runner(self, "Suggestion")
        self._others: dict[str, ClaimView | None] = {}
        self.ledger_model.assist_for = self.assist_runner.suggestions.get
        self._install_assist_panels()
        self._install_tail_banner()
        install_worth_column(self.ledger_view, self.ledger_model)
        self._widen_status_column()
        self.ledger_view.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_: self.ledger_view.restore_current(self.claim_id))
        act = self.actions
        act["accept_suggestion"].triggered.connect(self.accept_suggestion)
        act["dismiss_suggestion"].triggered.connect(self.dismiss_suggestion)
        act["cut_tail"].triggered.connect(self.cut_tail)
        act["compare"].triggered.connect(self.open_compare)
        act["elsewhere_tab"].triggered.connect(
            lambda: self.inspector.tabs.setCurrentIndex(self.elsewhere_tab))
        if self.article_id:
            self.assist_runner.request(self.article_id)
        self._refresh_assist_views()

    def _install_assist_panels(self) -> None:
        inspector = self.inspector
        self.suggestion_panel = SuggestionPanel()
        inspector.verdict_page.layout().insertWidget(0, self.suggestion_panel)
        for button in inspector.status_buttons.values():  # the page scrolls instead
            button.setMinimumHeight(button.sizeHint().height())
        self.suggestion_panel.acceptRequested.connect(self.accept_suggestion)
        self.suggestion_panel.dismissRequested.connect(self.dismiss_suggestion)
        self.suggestion_panel.flagChosen.connect(self.jump_to_other_claim)
        self.analysis_panel = AnalysisPanel()
        self.analysis_tab = inspector.tabs.addTab(self.analysis_panel, "Analysis")
        self.analysis_panel.flagChosen.connect(self.jump_to_other_claim)
        self.elsewhere_panel = ElsewherePanel()
        self.elsewhere_tab = inspector.tabs.addTab(self.elsewhere_panel, "Elsewhere")
        self.elsewhere_panel.jumpRequested.connect(self.jump_to_claim)
        self.elsewhere_panel.copyRequested.connect(self.use_verdict_from)
        inspector.tabs.currentChanged.connect(lambda _tab: self._refresh_elsewhere())

    def _install_tail_banner(self) -> None:
        """The article gets a column: the page-tail banner, then the text."""
        self.tail_banner = tail_banner()
        self.tail_banner.clicked.connect(self.cut_tail)
        # kept as an attribute: PySide does not hand replaceWidget's widget to the splitter
        self.article_column = column = QWidget(objectName="articleColumn")
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.content_splitter.replaceWidget(0, column)
        layout.addWidget(self.tail_banner)
        layout.addWidget(self.article_view, 1)
        self.article_view.show()
        self._set_tab_order()  # the article moved into the column

    def _widen_status_column(self) -> None:
        from claimledger.domain.status import Status

        metrics = self.ledger_view.fontMetrics()
        wanted = max(metrics.horizontalAdvance(hint_text(s)) for s in Status) + 40
        if self.ledger_view.columnWidth(STATUS) < wanted:
            self.ledger_view.setColumnWidth(STATUS, wanted)

    # -- keeping in step ------------------------------------------------------------------------

    def after_article_open(self) -> None:
        """MainWindow.open_article calls this once the article shows."""
        self._others.clear()
        self.assist_runner.request(self.article_id)
        self._update_tail()

    def reload_statements(self) -> None:
        super().reload_statements()
        self._update_tail()

    def apply_changes(self, changes: Changes, navigate: bool = False,
                      word: str = "Saved") -> None:
        super().apply_changes(changes, navigate=navigate, word=word)
        self._others.clear()
        if self.article_id and (self.article_id in changes.articles or any(
                self.ledger_model.find(c) is not None for c in changes.claims)):
            self.assist_runner.request(self.article_id, matches=False)

    def _imported(self, _report) -> None:
        """After MainWindow opened the first new article: matches and clashes of every
        article may have changed, so forget them and read the open one again."""
        self.assist_runner.forget()
        if self.article_id:
            self.assist_runner.request(self.article_id)

    def _refresh_inspector(self) -> None:
        super()._refresh_inspector()
        if hasattr(self, "elsewhere_panel"):
            self._refresh_assist_views()

    def _assist_arrived(self, article_id: str) -> None:
        if article_id != self.article_id:
            return
        self._others.clear()
        self.ledger_model.set_assist(self.assist_runner.suggestions.get(article_id) or {})
        if self.claim_id:
            self.ledger_view.restore_current(self.claim_id)
        self._refresh_assist_views()
        if self.compare_dialog is not None and self.compare_dialog.isVisible() \
                and self.compare_dialog.article_id == article_id:
            self.compare_dialog.refresh()

    def assist_ready(self, article_id: str | None = None) -> bool:
        """The article's suggestions and matches have arrived and nothing is pending."""
        article_id = article_id or self.article_id
        runner = self.assist_runner
        return bool(article_id) and article_id in runner.suggestions \
            and article_id in runner.matches and not runner.pending(article_id) \
            and not self.suggestion_runner.busy

    # -- the inspector ---------------------------------------------------------------------------

    def _refresh_assist_views(self) -> None:
        claim = self.current_claim()
        reading = self.assist_runner.loading(self.article_id)
        assist = self.ledger_model.assist(claim.id) if claim else None
        flags = self._flag_lines(assist)
        if claim is None:
            self.suggestion_panel.show_nothing()
        elif reading:
            self.suggestion_panel.show_reading()
        else:
            self.suggestion_panel.show_assist(claim, assist, flags)
        self.analysis_panel.show_analysis(assist, flags, reading)
        tabs = self.inspector.tabs
        tabs.setTabText(self.analysis_tab, f"Analysis ⚠{len(flags)}" if flags else "Analysis")
        self._refresh_elsewhere()

    def _flag_lines(self, assist: ClaimAssist | None) -> list[tuple[str, str]]:
        lines = []
        for flag in assist.flags if assist else []:
            other_id = flag.get("claim", "")
            other = self._other_claim(other_id)
            title = None
            if other is not None and other.article_id != self.article_id:
                summary = self.summaries.get(other.article_id)
                title = summary.title if summary else None
            lines.append((other_id, clash_text(flag.get("explanation", ""), other_id,
                                               other.text if other else None, title)))
        return lines

    def _other_claim(self, claim_id: str) -> ClaimView | None:
        if claim_id not in self._others:
            try:
                self._others[claim_id] = self.workspace.claim(claim_id)
            except (NotFound, WorkspaceError):
                self._others[claim_id] = None
        return self._others[claim_id]

    def _claim_matches(self, claim: ClaimView | None) -> list[MatchView] | None:
        found = self.assist_runner.matches.get(self.article_id or "")
        if found is None or claim is None:
            return None if found is None else []
        return [m for m in found if m.claim_id == claim.id]

    def _refresh_elsewhere(self) -> None:
        if not hasattr(self, "elsewhere_panel"):
            return
        claim = self.current_claim()
        matches = self._claim_matches(claim)
        count = len(matches or [])
        self.inspector.tabs.setTabText(self.elsewhere_tab,
                                       f"Elsewhere ({count})" if count else "Elsewhere")
        if self.inspector.tabs.currentIndex() != self.elsewhere_tab:
            return
        others = {m.other_claim_id: o for m in matches or []
                  if (o := self._other_claim(m.other_claim_id)) is not None}
        self.elsewhere_panel.show_matches(claim, matches or [], others,
                                          reading=matches is None and claim is not None)

    # -- the verbs ------------------------------------------------------------------------------

    def _current_suggestion(self) -> tuple[ClaimView, ClaimAssist] | None:
        claim = self.current_claim()
        assist = self.ledger_model.assist(claim.id) if claim else None
        if claim is None:
            return None
        if assist is None or not assist.has_suggestion:
            self.statusBar().showMessage(
                "Reading the article…" if self.assist_runner.loading(self.article_id)
                else NO_SUGGESTION, 5000)
            return None
        return claim, assist

    def accept_suggestion(self) -> None:
        found = self._current_suggestion()
        if found is not None and not self.writes_locked():
            claim, assist = found
            self._run_suggestion_verb(lambda: self.workspace.accept(claim.id),
                                      replace(assist, accepted=True))

    def dismiss_suggestion(self) -> None:
        found = self._current_suggestion()
        if found is not None and not self.writes_locked():
            claim, assist = found
            if assist.dismissed:
                self.statusBar().showMessage("The suggestion is already dismissed.", 5000)
                return
            self._run_suggestion_verb(lambda: self.workspace.dismiss(claim.id),
                                      replace(assist, dismissed=True))

    def _run_suggestion_verb(self, verb, after: ClaimAssist) -> None:
        """Accept and dismiss read the analysis, so they run on a worker."""
        def done(changes: Changes) -> None:
            known = self.assist_runner.suggestions.get(self.article_id or "")
            if known is not None and after.claim_id in known:
                known[after.claim_id] = after  # at once; the worker's answer follows
            self.apply_changes(changes)

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self, "Claim Ledger", plain(error))
            self.update_undo_actions()

        self.suggestion_runner.start(lambda _progress: verb(), done, failed)

    def cut_tail(self) -> None:
        article_id = self.article_id
        if article_id:
            self.run_verb(lambda: self.workspace.cut_tail(article_id))

    def use_verdict_from(self, match: MatchView) -> None:
        claim, other = self.current_claim(), self._other_claim(match.other_claim_id)
        if claim is None or other is None or not other.status.is_reviewed:
            return
        self.run_verb(lambda: self.workspace.mark(claim.id, other.status, reason=other.reason))

    def jump_to_claim(self, article_id: str, claim_id: str) -> None:
        """Open the article and select the claim, showing it if the filter hides it (a
        statement that is not a claim turns "Not claims" on)."""
        if article_id != self.article_id:
            self.open_article(article_id, claim_id)
        claim = self.ledger_model.find(claim_id)
        if claim is None:
            return
        if self.ledger_model.row_of(claim_id) is None:
            self.filter_bar.clear()
            if claim.kind != "claim":
                self.filter_bar.flag_chips["not_claims"].setChecked(True)
        self.select_claim(claim_id)
        self.ledger_view.setFocus()

    def jump_to_other_claim(self, claim_id: str) -> None:
        other = self._other_claim(claim_id)
        if other is None:
            self.statusBar().showMessage("That statement is no longer in the workspace.", 5000)
            return
        self.jump_to_claim(other.article_id, other.id)

    # -- the page tail and comparing ------------------------------------------------------------

    def _update_tail(self) -> None:
        tail = [c for c in self.ledger_model.all_claims() if c.kind == OUTSIDE_BODY]
        self.tail_banner.say(tail_words(tail[0].text) if tail else None)
        writable = not self.workspace.read_only
        self.tail_banner.button.setVisible(writable)
        self.actions["cut_tail"].setEnabled(bool(tail) and self.identity_ready and writable)

    def _unlocked(self, identity) -> None:
        super()._unlocked(identity)
        self._update_tail()

    def after_library_refresh(self) -> None:
        super().after_library_refresh()
        if hasattr(self, "tail_banner"):
            self._update_tail()

    def open_compare(self) -> CompareDialog | None:
        if not self.article_id:
            return None
        if self.article_id not in self.assist_runner.matches:
            self.assist_runner.request(self.article_id)
        if self.compare_dialog is not None:
            self.compare_dialog.close()
            self.compare_dialog.deleteLater()
        dialog = CompareDialog(self.workspace, self.article_id,
                               self.assist_runner.matches.get, self)
        dialog.jumpRequested.connect(self.jump_to_claim)
        self.compare_dialog = dialog
        dialog.show()
        return dialog

    def closeEvent(self, event) -> None:
        self.assist_runner.stop()
        self.suggestion_runner.wait()
        super().closeEvent(event)
