"""The library from the window: details, retire / restore, retired articles, status bars.

Status proportions come from the open ledger for the open article and, for the others,
from their statements once, cached until a verb's Changes name the article.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from claimledger.domain.records import ArticleSummary, Changes
from claimledger.domain.status import Status
from claimledger.ui.dialogs.article_dialog import ArticleDialog
from claimledger.ui.views.library_tools import LibraryTools


class LibraryMixin:
    """Mixed into MainWindow (before ReviewMixin)."""

    article_dialog: ArticleDialog | None = None

    def _install_library_tools(self) -> None:
        self._status_counts: dict[str, dict[Status, int]] = {}
        self.library_tools = LibraryTools(self.library)
        pane = self.library.parentWidget()
        pane.layout().insertWidget(1, self.library_tools)
        self.library.library_model.counts_for = self.status_counts
        self.library.retired_source = self._retired_if_shown
        self.library.contextMenuWanted.connect(self._library_context_menu)
        show = self.actions["show_retired"]
        self.library_tools.showRetiredChanged.connect(show.setChecked)
        show.toggled.connect(self._show_retired)
        self.actions["edit_article"].triggered.connect(lambda: self.edit_article_details())
        self.actions["retire_article"].triggered.connect(lambda: self.retire_article())

    def status_counts(self, article_id: str) -> dict[Status, int]:
        if article_id == self.article_id:
            return {s: self.ledger_model.count(s) for s in Status}
        if article_id not in self._status_counts:
            counts = Counter(c.status for c in self.workspace.claims(article_id))
            self._status_counts[article_id] = dict(counts)
        return self._status_counts[article_id]

    def forget_counts(self, changes: Changes) -> None:
        for article_id in changes.articles:
            self._status_counts.pop(article_id, None)

    def _retired_if_shown(self) -> list[ArticleSummary]:
        return self.workspace.retired_articles() if self.actions["show_retired"].isChecked() \
            else []

    def _show_retired(self, on: bool) -> None:
        box = self.library_tools.show_retired
        if box.isChecked() != on:
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self.refresh_library()

    def after_library_refresh(self) -> None:
        """Leave an article that was just retired; enable the article actions."""
        for name in ("edit_article", "retire_article"):
            self.actions[name].setEnabled(bool(self.summaries))
        if self.article_id and self.article_id not in self.summaries:
            self.article_id = None
            self.claim_id = None
            if self.summaries:
                self.open_article(next(iter(self.summaries)))
            else:
                self.ledger_model.set_claims([])
                self.article_view.clear_article()
                self._refresh_inspector()

    def _summary(self, article_id: str | None) -> ArticleSummary | None:
        if not article_id:
            return None
        if article_id in self.summaries:
            return self.summaries[article_id]
        return next((a for a in self.workspace.retired_articles() if a.id == article_id), None)

    def edit_article_details(self, article_id: str | None = None) -> None:
        article = self._summary(article_id or self.article_id)
        if article is None:
            return
        dialog = ArticleDialog(article, lambda fields: self.apply_changes(
            self.workspace.edit_article(article.id, **fields)), self)
        self.article_dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def retire_article(self, article_id: str | None = None) -> None:
        target = article_id or self.article_id
        if target:
            changes = self.try_verb(lambda: self.workspace.retire_article(target))
            if changes is not None:
                self.apply_changes(changes)

    def restore_article(self, article_id: str) -> None:
        changes = self.try_verb(lambda: self.workspace.restore_article(article_id))
        if changes is not None:
            self.apply_changes(changes)
            self.open_article(article_id)

    def library_menu(self, article_id: str) -> QMenu:
        menu = QMenu(self)
        if self.library.library_model.is_retired(article_id):
            menu.addAction("&Restore Article", lambda: self.restore_article(article_id))
        else:
            menu.addAction("Edit &Details…", lambda: self.edit_article_details(article_id))
            menu.addAction("&Retire Article", lambda: self.retire_article(article_id))
        menu.addSeparator()
        menu.addAction(self.actions["show_retired"])
        return menu

    def _library_context_menu(self, article_id: str, where: QPoint) -> None:
        menu = self.library_menu(article_id)
        menu.popup(where)
        self.context_menu = menu
