"""File ▸ Export Verification PDF…: dialog, save dialog, the PDF written off the GUI thread.

A cancelled or failed export leaves any earlier file as it was (the verb writes to a
temporary file and renames it). Success is a status-bar message with the page count and
the ledger digest, and an "Open PDF" link that opens the file only when clicked.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.dialogs.export_pdf_dialog import ExportPdfDialog
from claimledger.ui.kit import preferences
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.kit.labels import RichLabel
from claimledger.ui.kit.messages import tell
from claimledger.workspace import PdfExport

FOLDER_KEY = "report/folder"
DONE_MS = 20_000
OPEN_LINK_MS = 120_000


def file_stem(title: str, fallback: str, limit: int = 60) -> str:
    """'Port Averill council splits 5-4 over…' -> 'port-averill-council-splits-5-4-over',
    whole words up to `limit` characters."""
    stem = ""
    for word in re.findall(r"\w+", title.lower()):
        if stem and len(stem) + 1 + len(word) > limit:
            break
        stem = f"{stem}-{word}" if stem else word[:limit]
    return stem or fallback


class PdfController:
    def __init__(self, ctx: WindowContext) -> None:
        self.ctx = ctx
        self.window = window = ctx.window
        self.pdf_dialog: ExportPdfDialog | None = None
        self.last_pdf: PdfExport | None = None
        self.pdf_runner = Runner(window, "Export Verification PDF")
        self.open_pdf_link = RichLabel('<a href="open">Open PDF</a>', objectName="openPdf")
        self.open_pdf_link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.open_pdf_link.linkActivated.connect(lambda _link: self.open_last_pdf())
        self.open_pdf_link.hide()
        self._hide_link = QTimer(window, singleShot=True, interval=OPEN_LINK_MS)
        self._hide_link.timeout.connect(self.open_pdf_link.hide)
        window.statusBar().addPermanentWidget(self.open_pdf_link)
        ctx.actions["export_pdf"].triggered.connect(self.export_pdf)

    def export_pdf(self) -> None:
        if not self.ctx.summaries:
            self.window.statusBar().showMessage("Import an article first; there is nothing to "
                                         "export yet.", 5000)
            return
        if self.pdf_runner.busy:
            return
        current = self.ctx.summaries.get(self.ctx.article_id or "")
        dialog = ExportPdfDialog(current.title if current else None, len(self.ctx.summaries),
                                 self.window)
        dialog.accepted.connect(lambda: self._choose_pdf_file(dialog))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.pdf_dialog = dialog
        dialog.open()

    def _choose_pdf_file(self, dialog: ExportPdfDialog) -> None:
        self.pdf_dialog = None
        whole, audit, paper = dialog.choice()
        ids = list(self.ctx.summaries) if whole or not self.ctx.article_id \
            else [self.ctx.article_id]
        title = "verification-report" if len(ids) > 1 else \
            file_stem(self.ctx.summaries[ids[0]].title, "verification-report")
        store = preferences.store()
        folder = Path(store.value(FOLDER_KEY, str(Path.home()), str))
        chosen, _ = QFileDialog.getSaveFileName(self.window, "Export Verification PDF",
                                                str(folder / f"{title}.pdf"),
                                                "PDF documents (*.pdf)")
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        store.setValue(FOLDER_KEY, str(path.parent))
        self.start_pdf_export(ids, path, audit, paper)

    def start_pdf_export(self, article_ids: list[str], path: Path, audit: bool,
                         paper: str) -> None:
        workspace = self.ctx.workspace
        desk = preferences.desk()

        def job(progress) -> PdfExport:
            return workspace.export_pdf(article_ids, path, audit=audit, paper=paper,
                                        desk=desk or None,
                                        progress=lambda done, total: progress(done, total, ""))

        self.pdf_runner.start(job, self._pdf_written, self._pdf_failed, self._pdf_cancelled,
                              progress=f"Writing {path.name}…")

    def _pdf_written(self, done: PdfExport) -> None:
        self.last_pdf = done
        pages = f"{done.pages} page{'' if done.pages == 1 else 's'}"
        self.window.statusBar().showMessage(
            f"Exported {done.path.name}: {pages}, {done.claims} statements, "
            f"ledger digest sha256:{done.digest}", DONE_MS)
        self.open_pdf_link.setToolTip(f"Open {done.path} in your PDF viewer")
        self.open_pdf_link.show()
        self._hide_link.start()

    def _pdf_failed(self, error: BaseException) -> None:
        tell(self.window, "Export Verification PDF", "The PDF could not be written.",
             details=plain(error))

    def _pdf_cancelled(self) -> None:
        self.window.statusBar().showMessage("Export cancelled; no file was written.", 5000)

    def open_last_pdf(self) -> None:
        if self.last_pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf.path)))
        self.open_pdf_link.hide()

    def stop(self) -> None:
        """On quit or restore: cancel a running export and let it end."""
        self.pdf_runner.cancel()
        self.pdf_runner.wait()
