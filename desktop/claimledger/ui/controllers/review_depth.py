"""Review depth: evidence, finer claims, history, search, the ledger filter, the library.

One mixin for MainWindow that installs the filter bar and the library tools into the
existing panes, wires the new actions, and keeps every view in step with `Changes`:
shape changes (claims added, split, merged, retired) reload the open ledger; the
inspector's Sources and History tabs follow the current claim.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from claimledger.domain.records import Changes, ClaimView, SearchHit
from claimledger.ui.controllers.claim_editing import ClaimEditingMixin
from claimledger.ui.controllers.evidence_flow import EvidenceMixin
from claimledger.ui.controllers.library_flow import LibraryMixin
from claimledger.ui.dialogs.search_dialog import SearchDialog
from claimledger.ui.views.filter_bar import FilterBar


class ReviewDepthMixin(ClaimEditingMixin, EvidenceMixin, LibraryMixin):
    """Mixed into MainWindow before ReviewMixin; call install_review_depth() once the
    panes exist and before the library is first filled."""

    search_dialog: SearchDialog | None = None
    context_menu = None

    def install_review_depth(self) -> None:
        self.filter_bar = FilterBar(self.ledger_model)
        self.ledger_pane.layout().insertWidget(1, self.filter_bar)
        self.filter_bar.applied.connect(self._filter_applied)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.filter_bar.text)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self.ledger_view.setFocus)
        self._install_library_tools()
        self._connect_claim_editing()
        self._connect_evidence()
        act = self.actions
        act["find"].triggered.connect(self.open_search)
        act["filter_ledger"].triggered.connect(self.filter_bar.focus_text)
        act["clear_filter"].triggered.connect(self.filter_bar.clear)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Left to right as the panes read; Tab leaves the ledger and the article."""
        self.ledger_view.setTabKeyNavigation(False)
        self.article_view.setTabChangesFocus(True)
        tools, bar = self.library_tools, self.filter_bar
        chain: list[QWidget] = [tools.filter, tools.sort, tools.show_retired, self.library,
                                self.article_view, bar.text, *bar.chips(), self.ledger_view,
                                self.inspector.tabs]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- overrides of the window's review behaviour ---------------------------------------

    def current_claim(self) -> ClaimView | None:
        """The selected claim, even when the ledger's filter hides its row."""
        return self.ledger_model.find(self.claim_id) if self.claim_id else None

    def _refresh_inspector(self) -> None:
        super()._refresh_inspector()
        self.refresh_tabs()

    def apply_changes(self, changes: Changes, navigate: bool = False,
                      word: str = "Saved") -> None:
        self.forget_counts(changes)
        if self.reshaped(changes):
            self.reload_statements()
        super().apply_changes(changes, navigate=navigate, word=word)

    # -- the ledger filter ------------------------------------------------------------------

    def _filter_applied(self) -> None:
        if self.claim_id and self.ledger_view.restore_current(self.claim_id):
            return
        first = self.ledger_model.claim_at(0)
        if first is not None:
            self.select_claim(first.id)

    # -- search -------------------------------------------------------------------------

    def open_search(self) -> None:
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.workspace.search, self)
            self.search_dialog.chosen.connect(self.jump_to_hit)
        self.search_dialog.open()
        self.search_dialog.field.setFocus()
        self.search_dialog.field.selectAll()

    def jump_to_hit(self, hit: SearchHit) -> None:
        self.jump_to_claim(hit.article_id, hit.claim_id)

    def jump_to_claim(self, article_id: str, claim_id: str) -> None:
        """Open the article, make sure the filter shows the claim, and select it."""
        if article_id != self.article_id:
            self.open_article(article_id, claim_id)
        if self.ledger_model.find(claim_id) is None:
            return
        if self.ledger_model.row_of(claim_id) is None:
            self.filter_bar.clear()
        self.select_claim(claim_id)
        self.ledger_view.setFocus()
