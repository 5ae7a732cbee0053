"""Assisted review in the window: suggestions, check-worthiness, figures and clashes, the
page tail, and the same claim in other articles.

The analysis behind them is read on a worker (assist_runner) when an article opens, when
its shape changes and after imports and merges; until the first answer the inspector says
"Reading the article…". A verdict changes only whether its claim's suggestion was
accepted or dismissed: the change brings that state for just those claims, so a mark
never reads the article's analysis again. Articles nobody analysed yet (an upgraded
workspace, a big sync) are caught up in the background, cancelled when the window
closes.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QVBoxLayout, QWidget

from claimledger.domain.records import ClaimAssist, ClaimView, Kind, MatchView
from claimledger.ui.controllers.assist_runner import AssistRunner
from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.controllers.reads import COMPARE_SLOT
from claimledger.ui.controllers.review import ReviewController
from claimledger.ui.dialogs.compare_dialog import CompareDialog
from claimledger.ui.kit.assist_look import clash_text, hint_text
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.kit.quiet import set_tab_text
from claimledger.ui.views.analysis_panel import AnalysisPanel
from claimledger.ui.views.banners import tail_banner, tail_words
from claimledger.ui.views.elsewhere_panel import ElsewherePanel
from claimledger.ui.views.ledger_model import STATUS
from claimledger.ui.views.suggestion_panel import SuggestionPanel
from claimledger.ui.views.worth_column import install_worth_column
from claimledger.workspace import ChangedViews

OUTSIDE_BODY = "outside-body"
NO_SUGGESTION = "There is no suggestion for this statement."


class AssistController:
    def __init__(self, ctx: WindowContext, review: ReviewController, content_splitter,
                 importer, retab) -> None:
        self.ctx = ctx
        self.review = review
        self.compare_dialog: CompareDialog | None = None
        self.runner = AssistRunner(ctx.window, ctx.workspace)
        self.runner.updated.connect(self._arrived)
        self.runner.failed.connect(lambda text: ctx.say(text, 8000))
        self.catch_up_runner = Runner(ctx.window, "Reading articles")
        panes = ctx.panes
        panes.ledger_model.assist_for = self.runner.suggestions.get
        self._install_panels()
        self._install_tail_banner(content_splitter)
        retab()
        install_worth_column(panes.ledger_view, panes.ledger_model)
        self._widen_status_column()
        panes.ledger_view.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_: panes.ledger_view.restore_current(ctx.claim_id))
        act = ctx.actions
        act["accept_suggestion"].triggered.connect(self.accept_suggestion)
        act["dismiss_suggestion"].triggered.connect(self.dismiss_suggestion)
        act["cut_tail"].triggered.connect(self.cut_tail)
        act["compare"].triggered.connect(self.open_compare)
        act["elsewhere_tab"].triggered.connect(
            lambda: panes.inspector.tabs.setCurrentIndex(self.elsewhere_tab))
        importer.finished.connect(self._imported)
        ctx.articleOpened.connect(self._opened)
        ctx.claimShown.connect(self._refresh_views)
        ctx.changed.connect(self._apply)
        self._has_tail = False
        ctx.libraryRefreshed.connect(self._update_tail)
        ctx.writingChanged.connect(self._enable_cut_tail)
        self._refresh_views()

    def _install_panels(self) -> None:
        inspector = self.ctx.panes.inspector
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
        self.elsewhere_panel.jumpRequested.connect(self.review.jump_to_claim)
        self.elsewhere_panel.copyRequested.connect(self.use_verdict_from)
        inspector.tabs.currentChanged.connect(lambda _tab: self._refresh_elsewhere())

    def _install_tail_banner(self, content_splitter) -> None:
        """The article gets a column: the page-tail banner, then the text."""
        self.tail_banner = tail_banner()
        self.tail_banner.clicked.connect(self.cut_tail)
        # kept as an attribute: PySide does not hand replaceWidget's widget to the splitter
        self.article_column = column = QWidget(objectName="articleColumn")
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        article_view = self.ctx.panes.article_view
        content_splitter.replaceWidget(0, column)
        layout.addWidget(self.tail_banner)
        layout.addWidget(article_view, 1)
        article_view.show()

    def _widen_status_column(self) -> None:
        from claimledger.domain.status import Status

        view = self.ctx.panes.ledger_view
        metrics = view.fontMetrics()
        wanted = max(metrics.horizontalAdvance(hint_text(s)) for s in Status) + 40
        if view.columnWidth(STATUS) < wanted:
            view.setColumnWidth(STATUS, wanted)

    # -- keeping in step ------------------------------------------------------------------------

    def start(self) -> None:
        """Once the window shows: catch up on articles nobody analysed yet."""
        self.start_catch_up()

    def stop(self) -> None:
        """On quit or restore: no more reading; let running work end."""
        self.runner.stop()
        self.catch_up_runner.cancel()
        self.catch_up_runner.wait()

    def _opened(self, article_id: str) -> None:
        self.runner.request(article_id)
        self._update_tail()

    def _apply(self, views: ChangedViews) -> None:
        changes, article_id = views.changes, self.ctx.article_id
        self.runner.refresh_others(views.claims)
        if Kind.EVERYTHING in changes.kinds:
            self.runner.forget()
            if article_id:
                self.runner.request(article_id)
            self.start_catch_up()
        elif article_id and changes.touches(Kind.SHAPE) and article_id in changes.articles:
            self.runner.request(article_id, matches=False)
            self._update_tail()
        elif views.suggestion_states and self.ctx.shows(changes.claims):
            self._take_states(views.suggestion_states)

    def _take_states(self, states: dict[str, tuple[bool, bool]]) -> None:
        """Accepted / dismissed of just these claims, from the change itself."""
        known = self.runner.suggestions.get(self.ctx.article_id or "")
        if known is None:
            return
        fresh = {}
        for claim_id, (accepted, dismissed) in states.items():
            assist = known.get(claim_id)
            if assist is not None and (assist.accepted, assist.dismissed) != (accepted,
                                                                              dismissed):
                fresh[claim_id] = known[claim_id] = replace(assist, accepted=accepted,
                                                            dismissed=dismissed)
        if fresh:
            self.ctx.panes.ledger_model.update_assist(fresh)
        if self.ctx.claim_id in fresh:
            self._refresh_views()

    def _imported(self, _report) -> None:
        """Matches and clashes of every article may have changed: read the open one."""
        self.runner.forget()
        if self.ctx.article_id:
            self.runner.request(self.ctx.article_id)

    def _arrived(self, article_id: str) -> None:
        if article_id != self.ctx.article_id:
            return
        panes = self.ctx.panes
        panes.ledger_model.set_assist(self.runner.suggestions.get(article_id) or {})
        if self.ctx.claim_id:
            panes.ledger_view.restore_current(self.ctx.claim_id)
        self._refresh_views()
        if self.compare_dialog is not None and self.compare_dialog.isVisible() \
                and self.compare_dialog.article_id == article_id:
            self.compare_dialog.refresh()

    def assist_ready(self, article_id: str | None = None) -> bool:
        """The article's suggestions and matches have arrived and nothing is pending."""
        article_id = article_id or self.ctx.article_id
        runner = self.runner
        return bool(article_id) and article_id in runner.suggestions \
            and article_id in runner.matches and not runner.pending(article_id)

    def start_catch_up(self) -> None:
        """Analyse every pending article on a worker; a no-op while one pass runs."""
        if self.catch_up_runner.busy or self.ctx.closing:
            return
        workspace = self.ctx.workspace
        self.catch_up_runner.start(
            lambda progress: workspace.analyse_pending(
                lambda done, total: progress(done, total, "")),
            self._caught_up, lambda _error: None)

    def _caught_up(self, analysed) -> None:
        if not analysed or self.ctx.closing:
            return
        self.runner.forget()
        if self.ctx.article_id:
            self.runner.request(self.ctx.article_id)

    # -- the inspector ---------------------------------------------------------------------------

    def _refresh_views(self) -> None:
        claim = self.ctx.current_claim()
        reading = self.runner.loading(self.ctx.article_id)
        assist = self.ctx.panes.ledger_model.assist(claim.id) if claim else None
        flags = self._flag_lines(assist)
        if claim is None:
            self.suggestion_panel.show_nothing()
        elif reading:
            self.suggestion_panel.show_reading()
        else:
            self.suggestion_panel.show_assist(claim, assist, flags)
        self.analysis_panel.show_analysis(assist, flags, reading)
        tabs = self.ctx.panes.inspector.tabs
        set_tab_text(tabs, self.analysis_tab, f"Analysis ⚠{len(flags)}" if flags else "Analysis")
        self._refresh_elsewhere()

    def _flag_lines(self, assist: ClaimAssist | None) -> list[tuple[str, str]]:
        lines = []
        for flag in assist.flags if assist else []:
            other_id = flag.get("claim", "")
            other = self._other_claim(other_id)
            title = None
            if other is not None and other.article_id != self.ctx.article_id:
                summary = self.ctx.summaries.get(other.article_id)
                title = summary.title if summary else None
            lines.append((other_id, clash_text(flag.get("explanation", ""), other_id,
                                               other.text if other else None, title)))
        return lines

    def _other_claim(self, claim_id: str) -> ClaimView | None:
        return self.runner.others.get(claim_id)

    def _claim_matches(self, claim: ClaimView | None) -> list[MatchView] | None:
        found = self.runner.matches.get(self.ctx.article_id or "")
        if found is None or claim is None:
            return None if found is None else []
        return [m for m in found if m.claim_id == claim.id]

    def _refresh_elsewhere(self) -> None:
        claim = self.ctx.current_claim()
        matches = self._claim_matches(claim)
        count = len(matches or [])
        tabs = self.ctx.panes.inspector.tabs
        set_tab_text(tabs, self.elsewhere_tab,
                     f"Elsewhere ({count})" if count else "Elsewhere")
        if tabs.currentIndex() != self.elsewhere_tab:
            return
        others = {m.other_claim_id: o for m in matches or []
                  if (o := self._other_claim(m.other_claim_id)) is not None}
        self.elsewhere_panel.show_matches(claim, matches or [], others,
                                          reading=matches is None and claim is not None)

    # -- the verbs ------------------------------------------------------------------------------

    def _current_suggestion(self) -> tuple[ClaimView, ClaimAssist] | None:
        claim = self.ctx.current_claim()
        assist = self.ctx.panes.ledger_model.assist(claim.id) if claim else None
        if claim is None:
            return None
        if assist is None or not assist.has_suggestion:
            self.ctx.say("Reading the article…" if self.runner.loading(self.ctx.article_id)
                         else NO_SUGGESTION)
            return None
        return claim, assist

    def accept_suggestion(self) -> None:
        found = self._current_suggestion()
        if found is not None:
            claim, _assist = found
            self.review.run(lambda: self.ctx.workspace.accept(claim.id))

    def dismiss_suggestion(self) -> None:
        found = self._current_suggestion()
        if found is not None:
            claim, assist = found
            if assist.dismissed:
                self.ctx.say("The suggestion is already dismissed.")
                return
            self.review.run(lambda: self.ctx.workspace.dismiss(claim.id))

    def cut_tail(self) -> None:
        article_id = self.ctx.article_id
        if article_id:
            self.review.run(lambda: self.ctx.workspace.cut_tail(article_id))

    def use_verdict_from(self, match: MatchView) -> None:
        claim, other = self.ctx.current_claim(), self._other_claim(match.other_claim_id)
        if claim is None or other is None or not other.status.is_reviewed:
            return
        self.review.run(lambda: self.ctx.workspace.mark(claim.id, other.status,
                                                        reason=other.reason))

    def jump_to_other_claim(self, claim_id: str) -> None:
        other = self._other_claim(claim_id)
        if other is None:
            self.ctx.say("That statement is no longer in the workspace.")
            return
        self.review.jump_to_claim(other.article_id, other.id)

    # -- the page tail and comparing ------------------------------------------------------------

    def _update_tail(self) -> None:
        """Look for the page tail again (the article or its shape changed)."""
        tail = next((c for c in self.ctx.panes.ledger_model.all_claims()
                     if c.kind == OUTSIDE_BODY), None)
        self._has_tail = tail is not None
        self.tail_banner.say(tail_words(tail.text) if tail else None)
        self._enable_cut_tail()

    def _enable_cut_tail(self) -> None:
        self.tail_banner.button.setVisible(not self.ctx.read_only)
        self.ctx.actions["cut_tail"].setEnabled(self._has_tail
                                                and self.ctx.write_refusal() is None)

    def open_compare(self) -> CompareDialog | None:
        article_id = self.ctx.article_id
        if not article_id:
            return None
        if article_id not in self.runner.matches:
            self.runner.request(article_id)
        if self.compare_dialog is not None:
            self.compare_dialog.close()
            self.compare_dialog.deleteLater()
        reads = self.review.reads
        dialog = CompareDialog(
            self.ctx.workspace, article_id, self.runner.matches.get,
            lambda job, done: reads.read(COMPARE_SLOT, job, done,
                                         lambda error: self.ctx.say(plain(error), 8000)),
            self.ctx.window)
        dialog.jumpRequested.connect(self.review.jump_to_claim)
        self.compare_dialog = dialog
        dialog.show()
        return dialog
