"""The main window: library | article | ledger over inspector, composed of controllers.

The window builds the panes and the actions, hands them to one `WindowContext`, and
makes one controller per part of the work (review, library, editing, evidence, assisted
review, consensus, ledger files, the shared folder, the PDF, the signing key, backups,
read-only). Each controller owns its widgets and follows the context's change signal;
none inherits from another or from the window. The window keeps only what is its own:
layout, imports by menu and drop, the status line, geometry, and start and stop order.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from claimledger.resources import sample_articles
from claimledger.ui.controllers.assist_flow import AssistController
from claimledger.ui.controllers.backup_flow import BackupController
from claimledger.ui.controllers.claim_editing import EditingController
from claimledger.ui.controllers.consensus_flow import ConsensusController
from claimledger.ui.controllers.context import Panes, WindowContext
from claimledger.ui.controllers.crash_check import CrashCheckController
from claimledger.ui.controllers.evidence_flow import EvidenceController
from claimledger.ui.controllers.folder_sync import FolderSyncController
from claimledger.ui.controllers.format_export import FormatExportController
from claimledger.ui.controllers.hub_sync import HubSyncController
from claimledger.ui.controllers.identity_unlock import IdentityController
from claimledger.ui.controllers.import_worker import Importer
from claimledger.ui.controllers.ledger_exchange import (
    LedgerFilesController,
    is_ledger_file,
    reason,
)
from claimledger.ui.controllers.library_flow import LibraryController
from claimledger.ui.controllers.pdf_export import PdfController
from claimledger.ui.controllers.read_only import ReadOnlyController
from claimledger.ui.controllers.reads import ReadRunner
from claimledger.ui.controllers.review import ReviewController
from claimledger.ui.controllers.revision_flow import RevisionController
from claimledger.ui.controllers.writes import WriteRunner
from claimledger.ui.dialogs.paste_dialog import PasteDialog
from claimledger.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from claimledger.ui.kit import preferences
from claimledger.ui.kit.actions import (
    STEP_ACTIONS,
    TOOLBAR,
    build_menus,
    create_actions,
    toolbar_stand_in,
)
from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.kit.look import icon
from claimledger.ui.kit.messages import shown
from claimledger.ui.kit.preferences import APPLICATION, ORGANISATION, workspace_title
from claimledger.ui.kit.steady_label import SteadyLabel
from claimledger.ui.shell.window_extras import install_window_extras
from claimledger.ui.shell.workspaces import reopen_workspace
from claimledger.ui.views.article_view import ArticleView
from claimledger.ui.views.inspector import Inspector
from claimledger.ui.views.ledger_model import LedgerModel
from claimledger.ui.views.ledger_view import LedgerView
from claimledger.ui.views.library import LibraryView, progress_words
from claimledger.ui.views.welcome import WelcomePanel
from claimledger.workspace import ImportReport, Workspace

__all__ = ["APPLICATION", "ORGANISATION", "MainWindow"]
DEFAULT_SIZE = QSize(1400, 860)
HANDLE_WIDTH = 7
FILE_FILTER = ("Articles (*.txt *.md *.markdown *.mdown *.mkd *.html *.htm);;"
               "All files (*)")
IMPORT_NEEDS_KEY = ("To import, Claim Ledger needs your signing key: each article you "
                    "import is signed, so colleagues know who brought it in.")


def titled(title: str, widget: QWidget) -> QWidget:
    """A pane with a small grey heading above `widget`."""
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    heading = PlainLabel(title, objectName="paneTitle")
    layout.addWidget(heading)
    layout.addWidget(widget, 1)
    pane.heading = heading
    return pane


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: when its pane is short it scrolls, instead of
    clipping its text or pushing the splitter (a longer statement, a suggestion card)."""
    area = QScrollArea(objectName="inspectorScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def _fitting(wanted: QSize, screen) -> QSize:
    """`wanted`, shrunk to leave a margin on a smaller screen (a 1366x768 laptop)."""
    if screen is None:
        return wanted
    room = screen.availableGeometry().size()
    return QSize(min(wanted.width(), room.width() - 40),
                 min(wanted.height(), room.height() - 60)).expandedTo(QSize(900, 560))


def imported_words(report: ImportReport) -> str:
    """'Imported 3 new articles.', '… 1 was already in the workspace.' or, when
    nothing was new, 'That article is already in the workspace.'."""
    new = sum(1 for a in report.imported if a.created)
    known = len(report.imported) - new
    if not new:
        return ("That article is already in the workspace." if known == 1
                else f"Those {known} articles are already in the workspace.")
    words = f"Imported {new} new article{'s' if new != 1 else ''}"
    if known:
        words += f"; {known} {'was' if known == 1 else 'were'} already in the workspace"
    return words + "."


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.persist_settings = True
        self.instance_lock = None
        self.last_message = None
        self._started = False
        self.setWindowIcon(icon("claim-ledger.svg"))
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 560)
        self.actions = create_actions(self)
        build_menus(self, self.actions)
        self._build_toolbar()
        self._build_panes()
        self._build_status_bar()
        self.ctx = WindowContext(self, workspace, self.actions, Panes(
            self.library, self.article_view, self.ledger_model, self.ledger_view,
            self.inspector, self.welcome))
        self.importer = Importer(workspace, self)
        #: Ledger files of a drop refused before its articles came in: (name, why) each.
        self.refused_ledgers: list[tuple[str, str]] = []
        self.merged_ledgers = False  # and whether one of its ledger files was merged
        self._compose()
        self._connect()
        self._restore_settings()
        self.ctx.libraryRefreshed.connect(self._open_initial_article)
        self.stack.setCurrentWidget(self.content_splitter)  # until the library says empty
        self.catalogue.refresh()
        install_window_extras(self)
        self.ctx.update_write_actions()

    # -- building -------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Main", self, objectName="mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in TOOLBAR:
            if name is None:
                toolbar.addSeparator()
            elif name in STEP_ACTIONS:
                toolbar.addAction(toolbar_stand_in(self.actions[name], toolbar))
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
        self.library_pane = titled("Library", self.library)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical, objectName="rightSplitter")
        self.right_splitter.addWidget(self.ledger_pane)
        self.right_splitter.addWidget(titled("Statement", scrolling(self.inspector)))
        self.content_splitter = QSplitter(Qt.Orientation.Horizontal,
                                          objectName="contentSplitter")
        self.content_splitter.addWidget(self.article_view)
        self.content_splitter.addWidget(self.right_splitter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.content_splitter)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.main_splitter.addWidget(self.library_pane)
        self.main_splitter.addWidget(self.stack)
        for splitter in (self.main_splitter, self.content_splitter, self.right_splitter):
            splitter.setChildrenCollapsible(False)
            splitter.setHandleWidth(HANDLE_WIDTH)  # a 1 px line with room to grab it
        self.main_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_splitter)

    def _build_status_bar(self) -> None:
        self.progress_label = SteadyLabel()  # follows every mark; never moves the bar
        self.reviewer_label = PlainLabel(f"Reviewer: {self.workspace.reviewer_name}")
        # permanent: a temporary message ("Saved: …") would hide it just as a mark
        # changes it
        self.statusBar().addPermanentWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.reviewer_label)

    def _compose(self) -> None:
        """One controller per part; the order is the order they hear each change in."""
        ctx = self.ctx
        self.writes = WriteRunner(ctx)
        self.reads = ReadRunner(self)
        self.review = ReviewController(ctx, self.writes, self.reads, self.ledger_pane)
        self.catalogue = LibraryController(ctx, self.review, self.library_pane, self.stack,
                                           self.content_splitter)
        self.editing = EditingController(ctx, self.review)
        self.evidence = EvidenceController(ctx, self.review)
        self.consensus = ConsensusController(ctx, self.review)
        self.assist = AssistController(ctx, self.review, self.content_splitter,
                                       self.importer, self._set_tab_order)
        self.identity = IdentityController(ctx, self.reviewer_label)
        self.ledger_files = LedgerFilesController(ctx)
        self.folder = FolderSyncController(ctx, self.ledger_files)
        self.hub = HubSyncController(ctx, self.ledger_files)
        self.pdf = PdfController(ctx)
        self.formats = FormatExportController(ctx)
        self.revisions = RevisionController(ctx, self.review, self.importer)
        self.backups = BackupController(ctx, self.quiet, self.resume, reopen_workspace)
        self.read_only = ReadOnlyController(ctx)
        self.crash_check = CrashCheckController(ctx)
        ctx.claimShown.connect(self.review.refresh_inspector)
        ctx.articleOpened.connect(lambda _article: self.show_progress())

    def _connect(self) -> None:
        act = self.actions
        act["import_files"].triggered.connect(self.choose_files)
        act["paste"].triggered.connect(self.paste_article)
        act["samples"].triggered.connect(self.import_samples)
        act["quit"].triggered.connect(self.close)
        act["shortcuts"].triggered.connect(self.show_shortcuts)
        self.welcome.importRequested.connect(self.choose_files)
        self.welcome.samplesRequested.connect(self.import_samples)
        self.importer.finished.connect(self._on_import_finished)
        self.importer.cancelled.connect(self._import_cancelled)

    def _set_tab_order(self) -> None:
        """Left to right as the panes read; Tab leaves the ledger and the article."""
        self.ledger_view.setTabKeyNavigation(False)
        self.article_view.setTabChangesFocus(True)
        tools, bar = self.catalogue.tools, self.review.filter_bar
        chain: list[QWidget] = [tools.filter, tools.sort, tools.show_retired, self.library,
                                self.article_view, bar.text, *bar.chips(), self.ledger_view,
                                self.inspector.tabs]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- where the reviewer is (the context holds it) ----------------------------------------

    @property
    def article_id(self) -> str | None:
        return self.ctx.article_id

    @property
    def claim_id(self) -> str | None:
        return self.ctx.claim_id

    @property
    def identity_ready(self) -> bool:
        return self.ctx.identity_ready

    def show_article_title(self, title: str) -> None:
        self.setWindowTitle(f"{title} — {workspace_title(self.workspace)}")

    def show_progress(self) -> None:
        summary = self.ctx.summaries.get(self.ctx.article_id or "")
        self.progress_label.setText(progress_words(summary) if summary else "")

    def _open_initial_article(self) -> None:
        """Once the library first arrives: the article (and claim) of the last session."""
        self.ctx.libraryRefreshed.disconnect(self._open_initial_article)
        store = preferences.store()
        remembered = store.value("session/article", "", str)
        summaries = self.ctx.summaries
        if remembered in summaries:
            self.review.open_article(remembered, store.value("session/claim", "", str) or None)
        elif summaries:
            self.review.open_article(next(iter(summaries)))
        if summaries:
            self.ledger_view.setFocus()

    # -- importing articles -------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Import Articles", "", FILE_FILTER)
        if paths:
            self.receive_files([Path(p) for p in paths])

    def receive_files(self, paths: list[Path]) -> None:
        """Files dropped or chosen: ledger files are merged, the others imported. With
        both, the articles wait for the merge, and one message names every file refused."""
        ledgers = [p for p in paths if is_ledger_file(p)]
        articles = [p for p in paths if not is_ledger_file(p)]
        if ledgers and articles:
            self.ledger_files.import_ledger_files(
                ledgers, then=lambda refused: self._import_after_merge(ledgers, articles,
                                                                       refused))
        elif ledgers:
            self.ledger_files.import_ledger_files(ledgers)
        elif articles:
            self.import_paths(articles)

    def _import_after_merge(self, ledgers: list[Path], articles: list[Path],
                            refused: list[tuple[Path, str]]) -> None:
        self.refused_ledgers += [(str(path), reason(path, why)) for path, why in refused]
        self.merged_ledgers = len(refused) < len(ledgers)
        self.import_paths(articles)

    def import_paths(self, paths: list[Path]) -> None:
        self.identity.with_key(lambda: self.importer.import_files(paths), IMPORT_NEEDS_KEY)

    def import_samples(self) -> None:
        self.import_paths(sample_articles())

    def paste_article(self) -> None:
        dialog = PasteDialog(self)
        if dialog.exec():
            text, title = dialog.article()
            self.identity.with_key(lambda: self.importer.import_text(text, title),
                                   IMPORT_NEEDS_KEY)

    def _on_import_finished(self, report: ImportReport) -> None:
        views = self.importer.views
        if views is not None and not views.changes.empty:
            self.ctx.changed.emit(views)
        if report.imported:
            self.review.open_article(report.imported[0].id)
            self.ledger_view.setFocus()  # the next J steps through what just came in
            self.statusBar().showMessage(imported_words(report), 5000)
        self._report_refused(report.failures, bool(report.imported))

    def _report_refused(self, failures: list[tuple[str, str]], some_imported: bool) -> None:
        """One message for every file refused, the drop's ledger files included."""
        failures, self.refused_ledgers = [*self.refused_ledgers, *failures], []
        some_imported, self.merged_ledgers = some_imported or self.merged_ledgers, False
        if failures:
            lines = "\n".join(f"• {Path(name).name}: {why}" for name, why in failures)
            heading = "Some files were not imported." if some_imported else \
                "Nothing was imported."
            QMessageBox.warning(self, "Import", shown(f"{heading}\n\n{lines}"))

    def _import_cancelled(self) -> None:
        self.statusBar().showMessage("Import cancelled; nothing was imported.", 5000)
        self._report_refused([], False)  # the merge that came first still has its say

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.actions.values(), self).exec()

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.receive_files(paths)

    # -- geometry -----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        store = preferences.store()
        geometry = store.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(_fitting(DEFAULT_SIZE, self.screen()))
        self._splitters_restored = all(
            splitter.restoreState(state)
            for splitter in (self.main_splitter, self.content_splitter, self.right_splitter)
            if (state := store.value(f"window/{splitter.objectName()}")) is not None
        ) and store.contains(f"window/{self.main_splitter.objectName()}")

    def _default_splitter_sizes(self) -> None:
        """Library narrow, article and ledger about equal, the ledger over the inspector."""
        width, height = self.width(), self.height()
        library = max(230, width * 2 // 11)
        self.main_splitter.setSizes([library, width - library])
        rest = width - library
        self.content_splitter.setSizes([rest * 44 // 100, rest * 56 // 100])
        self.right_splitter.setSizes([height * 50 // 100, height * 50 // 100])

    def save_settings(self) -> None:
        store = preferences.store()
        store.setValue("window/geometry", self.saveGeometry())
        for splitter in (self.main_splitter, self.content_splitter, self.right_splitter):
            store.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        if self.ctx.article_id:
            store.setValue("session/article", self.ctx.article_id)
            store.setValue("session/claim", self.ctx.claim_id or "")

    # -- starting and stopping ----------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._splitters_restored:
            self._splitters_restored = True
            self._default_splitter_sizes()
        if not self._started:  # once the window is up, never before it
            self._started = True
            QTimer.singleShot(0, self._start_background)

    def _start_background(self) -> None:
        if self.ctx.closing:
            return
        self.identity.start()
        self.assist.start()
        self.folder.start()
        self.hub.start()

    def quiet(self) -> None:
        """Stop everything that uses the workspace (before quitting or a restore)."""
        self.inspector.note_editor.commit()
        self.ctx.closing = True
        self.assist.stop()
        self.reads.stop()
        if self.importer.busy:
            self.importer.cancel_and_wait()
        self.writes.finish()
        self.pdf.stop()
        self.formats.stop()
        self.ledger_files.stop()
        self.folder.stop()
        self.hub.stop()
        self.identity.stop()

    def resume(self) -> None:
        """After a refused restore: carry on as before."""
        self.ctx.closing = False
        self.assist.runner.resume()
        self.reads.resume()
        self.folder.restart_folder_sync()
        self.hub.restart()

    def closeEvent(self, event) -> None:
        """Let running work end, write our shared-folder file once more; then the
        workspace may close. Only the first close does this."""
        if not self.ctx.closing:
            self.quiet()
            if self.persist_settings:
                self.save_settings()
        super().closeEvent(event)
