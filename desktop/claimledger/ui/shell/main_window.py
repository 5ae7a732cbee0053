"""The main window: library | article | ledger over inspector.

Layout, menus, settings and imports live here; the review verbs are in `ReviewMixin`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from claimledger.domain.records import ArticleSummary
from claimledger.resources import sample_articles
from claimledger.ui.controllers.analysis_catchup import CatchUpMixin
from claimledger.ui.controllers.assist_flow import AssistMixin
from claimledger.ui.controllers.backup_flow import BackupMixin
from claimledger.ui.controllers.exchange import ExchangeMixin
from claimledger.ui.controllers.import_worker import Importer
from claimledger.ui.controllers.read_only import ReadOnlyMixin
from claimledger.ui.controllers.review import ReviewMixin
from claimledger.ui.controllers.review_depth import ReviewDepthMixin
from claimledger.ui.dialogs.paste_dialog import PasteDialog
from claimledger.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from claimledger.ui.kit.actions import (
    STATUS_ACTIONS,
    TOOLBAR,
    build_menus,
    create_actions,
    menu_of,
)
from claimledger.ui.kit.look import icon
from claimledger.ui.shell.window_extras import install_window_extras
from claimledger.ui.shell.workspaces import workspace_title
from claimledger.ui.views.article_view import ArticleView
from claimledger.ui.views.inspector import Inspector
from claimledger.ui.views.ledger_model import LedgerModel
from claimledger.ui.views.ledger_view import LedgerView
from claimledger.ui.views.library import LibraryView
from claimledger.ui.views.welcome import WelcomePanel
from claimledger.workspace import ImportReport, Workspace

ORGANISATION = APPLICATION = "Claim Ledger"
DEFAULT_SIZE = QSize(1400, 860)
FILE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def titled(title: str, widget: QWidget) -> QWidget:
    """A pane with a small grey heading above `widget`."""
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    heading = QLabel(title, objectName="paneTitle")
    layout.addWidget(heading)
    layout.addWidget(widget, 1)
    pane.heading = heading
    return pane


class MainWindow(CatchUpMixin, AssistMixin, BackupMixin, ReadOnlyMixin, ExchangeMixin,
                 ReviewDepthMixin, ReviewMixin, QMainWindow):
    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.article_id: str | None = None
        self.claim_id: str | None = None
        self.reason_picker = None
        self.summaries: dict[str, ArticleSummary] = {}
        self.persist_settings = True
        self.setWindowIcon(icon("claim-ledger.svg"))
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 560)
        self.actions = create_actions(self)
        build_menus(self, self.actions)
        self._build_toolbar()
        self._build_panes()
        self._build_status_bar()
        self.importer = Importer(workspace, self)
        self.importer.finished.connect(self._on_import_finished)
        self.importer.cancelled.connect(
            lambda: self.statusBar().showMessage("Import cancelled; nothing was imported.", 5000))
        self._connect()
        self.install_review_depth()
        self.install_exchange()
        self.install_assist()
        self.install_catch_up()
        self.install_backups()
        self.install_read_only()
        self._restore_settings()
        self.refresh_library()
        self._open_initial_article()
        self.update_undo_actions()
        install_window_extras(self)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Main", self, objectName="mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in TOOLBAR:
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.actions[name])
        self.addToolBar(toolbar)

    def _build_panes(self) -> None:
        self.library = LibraryView()
        self.article_view = ArticleView()
        self.article_view.setAcceptDrops(False)
        self.ledger_model = LedgerModel(self)
        self.ledger_view = LedgerView(self.ledger_model)
        self.inspector = Inspector()
        self.welcome = WelcomePanel()
        self.ledger_pane = titled("Ledger", self.ledger_view)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical, objectName="rightSplitter")
        self.right_splitter.addWidget(self.ledger_pane)
        self.right_splitter.addWidget(titled("Statement", self.inspector))
        self.content_splitter = QSplitter(Qt.Orientation.Horizontal,
                                          objectName="contentSplitter")
        self.content_splitter.addWidget(self.article_view)
        self.content_splitter.addWidget(self.right_splitter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.content_splitter)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.main_splitter.addWidget(titled("Library", self.library))
        self.main_splitter.addWidget(self.stack)
        for splitter in (self.main_splitter, self.content_splitter, self.right_splitter):
            splitter.setChildrenCollapsible(False)
            splitter.setHandleWidth(1)
        self.main_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_splitter)

    def _build_status_bar(self) -> None:
        self.progress_label = QLabel()
        self.reviewer_label = QLabel(f"Reviewer: {self.workspace.reviewer_name}")
        self.statusBar().addWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.reviewer_label)

    def _connect(self) -> None:
        act = self.actions
        act["import_files"].triggered.connect(self.choose_files)
        act["paste"].triggered.connect(self.paste_article)
        act["samples"].triggered.connect(self.import_samples)
        act["quit"].triggered.connect(self.close)
        act["undo"].triggered.connect(self.undo)
        act["redo"].triggered.connect(self.redo)
        for name, status in STATUS_ACTIONS.items():
            act[name].triggered.connect(lambda _=False, s=status: self.mark(s))
        act["next"].triggered.connect(lambda: self.step(1))
        act["previous"].triggered.connect(lambda: self.step(-1))
        act["reason"].triggered.connect(self.open_reason_picker)
        act["note"].triggered.connect(self.focus_note)
        act["shortcuts"].triggered.connect(self.show_shortcuts)
        self.library.articleSelected.connect(self.open_article)
        self.ledger_view.claimSelected.connect(self._show_claim)
        self.article_view.claimClicked.connect(self.select_claim)
        self.inspector.markRequested.connect(self.mark)
        self.inspector.reasonChosen.connect(self.set_reason)
        self.inspector.noteCommitted.connect(self.set_note)
        self.inspector.note_editor.cancelled.connect(self.ledger_view.setFocus)
        self.welcome.importRequested.connect(self.choose_files)
        self.welcome.samplesRequested.connect(self.import_samples)

    def refresh_library(self) -> None:
        articles = self.workspace.articles()
        self.summaries = {a.id: a for a in articles}
        self.library.set_articles(articles, keep=self.article_id)
        self.stack.setCurrentWidget(self.content_splitter if articles else self.welcome)
        for action in self.actions.values():
            if menu_of(action) == "Review":
                action.setEnabled(bool(articles))
        self._update_progress()
        self.after_library_refresh()

    def open_article(self, article_id: str, claim_id: str | None = None) -> None:
        """Show an article with its ledger; select `claim_id` or the first statement."""
        detail = self.workspace.article(article_id)
        claims = self.workspace.claims(article_id)
        self.article_id = article_id
        self.claim_id = None
        self.ledger_model.set_claims(claims)
        self.article_view.set_article(detail.text, claims)
        self.library.select_article(article_id, notify=False)
        self.ledger_pane.heading.setText(f"Ledger · {len(claims)} statements")
        self.setWindowTitle(f"{detail.title} — {workspace_title(self.workspace)}")
        settings().setValue("session/article", article_id)
        known = claim_id and self.ledger_model.row_of(claim_id) is not None
        first_shown = self.ledger_model.claim_at(0) or (claims[0] if claims else None)
        target = claim_id if known else (first_shown.id if first_shown else None)
        if target:
            self.select_claim(target)
        else:
            self._refresh_inspector()
        self._update_progress()
        self.after_article_open()

    def _open_initial_article(self) -> None:
        store = settings()
        remembered = store.value("session/article", "", str)
        if remembered in self.summaries:
            self.open_article(remembered, store.value("session/claim", "", str) or None)
        elif self.summaries:
            self.open_article(next(iter(self.summaries)))

    def _update_progress(self) -> None:
        summary = self.summaries.get(self.article_id or "")
        self.progress_label.setText(
            f"{summary.reviewed} of {summary.statements} reviewed" if summary else "")

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Import Articles", "", FILE_FILTER)
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> None:
        self.importer.import_files(paths)

    def import_samples(self) -> None:
        self.import_paths(sample_articles())

    def paste_article(self) -> None:
        dialog = PasteDialog(self)
        if dialog.exec():
            text, title = dialog.article()
            self.importer.import_text(text, title)

    def _on_import_finished(self, report: ImportReport) -> None:
        self.refresh_library()
        if report.imported:
            first = report.imported[0]
            self.open_article(first.id)
            new = sum(1 for a in report.imported if a.created)
            self.statusBar().showMessage(f"Imported {new} new article(s).", 5000)
        if report.failures:
            lines = "\n".join(f"• {Path(name).name}: {why}" for name, why in report.failures)
            heading = ("Nothing was imported." if not report.imported
                       else "Some files were not imported.")
            QMessageBox.warning(self, "Import", f"{heading}\n\n{lines}")

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.actions.values(), self).exec()

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            articles = self.take_ledger_files(paths)
            if articles:
                self.import_paths(articles)

    def _restore_settings(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(DEFAULT_SIZE)
        self._splitters_restored = all(
            splitter.restoreState(state)
            for splitter in (self.main_splitter, self.content_splitter, self.right_splitter)
            if (state := store.value(f"window/{splitter.objectName()}")) is not None
        ) and store.contains(f"window/{self.main_splitter.objectName()}")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._splitters_restored:
            self._splitters_restored = True
            self._default_splitter_sizes()

    def _default_splitter_sizes(self) -> None:
        """Library narrow, article and ledger about equal, the ledger over the inspector."""
        width, height = self.width(), self.height()
        library = max(230, width * 2 // 11)
        self.main_splitter.setSizes([library, width - library])
        rest = width - library
        self.content_splitter.setSizes([rest * 46 // 100, rest * 54 // 100])
        self.right_splitter.setSizes([height * 50 // 100, height * 50 // 100])

    def save_settings(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        for splitter in (self.main_splitter, self.content_splitter, self.right_splitter):
            store.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        if self.article_id:
            store.setValue("session/article", self.article_id)
            store.setValue("session/claim", self.claim_id or "")

    def closeEvent(self, event) -> None:
        self.inspector.note_editor.commit()
        if self.importer.busy:
            self.importer.cancel_and_wait()
        if self.persist_settings:
            self.save_settings()
        super().closeEvent(event)
