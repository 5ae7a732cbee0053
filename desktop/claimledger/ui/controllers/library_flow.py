"""The library: its rows, details, retire / restore, retired articles, status bars.

A mark repaints one row: the open article's counts come from its open ledger, another
article's row from the one summary its change read. Only a change to the set of articles
(an import, a retire, a merge) replaces the whole list, read in the write's worker.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from claimledger.domain.records import ArticleSummary, Kind
from claimledger.domain.status import Status
from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.controllers.reads import LIBRARY_SLOT
from claimledger.ui.controllers.review import ReviewController
from claimledger.ui.dialogs.article_dialog import ArticleDialog
from claimledger.ui.kit.actions import menu_of
from claimledger.ui.kit.background import plain
from claimledger.ui.views.library_tools import LibraryTools
from claimledger.workspace import ChangedViews


class LibraryController:
    def __init__(self, ctx: WindowContext, review: ReviewController, pane, stack,
                 content) -> None:
        self.ctx = ctx
        self.review = review
        self._stack, self._content = stack, content
        self.article_dialog: ArticleDialog | None = None
        self.context_menu: QMenu | None = None
        library = ctx.panes.library
        self.tools = LibraryTools(library)
        pane.layout().insertWidget(1, self.tools)
        library.library_model.counts_for = self.status_counts
        library.articleSelected.connect(review.open_article)
        library.contextMenuWanted.connect(self._context_menu)
        show = ctx.actions["show_retired"]
        self.tools.showRetiredChanged.connect(show.setChecked)
        show.toggled.connect(self._show_retired)
        ctx.actions["edit_article"].triggered.connect(lambda: self.edit_article_details())
        ctx.actions["retire_article"].triggered.connect(lambda: self.retire_article())
        ctx.changed.connect(self._apply)

    # -- the list -----------------------------------------------------------------------

    def refresh(self, articles: list[ArticleSummary] | None = None) -> None:
        """Replace the list with `articles`, or with the library read on the reader
        worker (the retired articles too while they are shown); leave an article that
        went."""
        if articles is not None and not self._showing_retired():
            self._show_library(articles, [])
            return
        workspace, retired_too = self.ctx.workspace, self._showing_retired()
        self.review.reads.read(
            LIBRARY_SLOT,
            lambda: (workspace.articles(), workspace.retired_articles() if retired_too else []),
            lambda found: self._show_library(*found),
            lambda error: self.ctx.say(plain(error), 8000))

    def _show_library(self, articles: list[ArticleSummary],
                      retired: list[ArticleSummary]) -> None:
        ctx = self.ctx
        ctx.summaries = {a.id: a for a in articles}
        ctx.panes.library.set_articles(articles, keep=ctx.article_id, retired=retired)
        self._stack.setCurrentWidget(self._content if articles else ctx.panes.welcome)
        for action in ctx.actions.values():
            if menu_of(action) == "Review":
                action.setEnabled(bool(articles))
        if ctx.article_id and ctx.article_id not in ctx.summaries:
            if articles:
                self.review.open_article(articles[0].id)
            else:
                self.review.close_article()
        ctx.update_write_actions(force=True)
        ctx.libraryRefreshed.emit()

    def _apply(self, views: ChangedViews) -> None:
        changes = views.changes
        if views.library is not None:
            self.refresh(views.library)
            return
        if not changes.library:
            return
        library = self.ctx.panes.library
        for article_id in changes.articles:
            summary = self._open_summary() if article_id == self.ctx.article_id \
                else views.summaries.get(article_id)
            if summary is not None:
                self.ctx.summaries[article_id] = summary
                library.update_article(summary)
        if changes.touches(Kind.VERDICTS, Kind.SHAPE):
            self.ctx.window.show_progress()

    def _open_summary(self) -> ArticleSummary | None:
        """The open article's row, counted from its open ledger (no query)."""
        ctx = self.ctx
        summary = ctx.summaries.get(ctx.article_id or "")
        if summary is None:
            return None
        model = ctx.panes.ledger_model
        counts = {s: model.count(s, not_claims=False) for s in Status}
        total, claims = model.statement_count(), model.count(0, not_claims=False)
        return replace(summary, statements=total, claims=claims, set_aside=total - claims,
                       reviewed=claims - counts[Status.UNREVIEWED],
                       sourced=counts[Status.SOURCED], disputed=counts[Status.DISPUTED],
                       unverified=counts[Status.UNVERIFIED],
                       not_a_claim=counts[Status.NOT_A_CLAIM])

    def status_counts(self, article_id: str) -> dict[Status, int]:
        """The proportion bar's counts: the open ledger's, else the article's row."""
        if article_id == self.ctx.article_id:
            model = self.ctx.panes.ledger_model
            return {s: model.count(s) for s in Status}
        summary = self.ctx.summaries.get(article_id)
        return _counts_of(summary) if summary else {}

    def _showing_retired(self) -> bool:
        return self.ctx.actions["show_retired"].isChecked()

    def _show_retired(self, on: bool) -> None:
        box = self.tools.show_retired
        if box.isChecked() != on:
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self.refresh()

    # -- details, retire, restore ---------------------------------------------------------

    def _summary(self, article_id: str | None) -> ArticleSummary | None:
        if not article_id:
            return None
        if article_id in self.ctx.summaries:
            return self.ctx.summaries[article_id]
        return next((a for a in self.ctx.workspace.retired_articles() if a.id == article_id),
                    None)

    def edit_article_details(self, article_id: str | None = None) -> None:
        article = self._summary(article_id or self.ctx.article_id)
        if article is None or self.ctx.writes_locked():
            return
        dialog = ArticleDialog(
            article, lambda fields, answer: self._save_details(article.id, fields, answer),
            self.ctx.window)
        self.article_dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def _save_details(self, article_id: str, fields: dict, answer) -> None:
        """A refusal goes back to the dialog, which stays open to show it."""
        if not self.review.run(lambda: self.ctx.workspace.edit_article(article_id, **fields),
                               then=lambda _result: answer(None), refused=answer):
            answer("Nothing can be changed right now.")

    def retire_article(self, article_id: str | None = None) -> None:
        target = article_id or self.ctx.article_id
        if target:
            self.review.run(lambda: self.ctx.workspace.retire_article(target))

    def restore_article(self, article_id: str) -> None:
        self.review.run(lambda: self.ctx.workspace.restore_article(article_id),
                        then=lambda _result: self.review.open_article(article_id))

    def library_menu(self, article_id: str) -> QMenu:
        menu = QMenu(self.ctx.window)
        if self.ctx.panes.library.library_model.is_retired(article_id):
            menu.addAction("&Restore Article", lambda: self.restore_article(article_id))
        else:
            menu.addAction("Edit &Details…", lambda: self.edit_article_details(article_id))
            menu.addAction("&Retire Article", lambda: self.retire_article(article_id))
        menu.addSeparator()
        menu.addAction(self.ctx.actions["show_retired"])
        return menu

    def _context_menu(self, article_id: str, where: QPoint) -> None:
        menu = self.library_menu(article_id)
        menu.popup(where)
        self.context_menu = menu


def _counts_of(summary: ArticleSummary) -> dict[Status, int]:
    return {Status.SOURCED: summary.sourced, Status.DISPUTED: summary.disputed,
            Status.UNVERIFIED: summary.unverified, Status.NOT_A_CLAIM: summary.not_a_claim,
            Status.UNREVIEWED: summary.claims - summary.reviewed}
