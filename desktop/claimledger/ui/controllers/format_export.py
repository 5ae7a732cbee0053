"""File ▸ Export ClaimReview / Export Annotations / Export Table: a save dialog, then the
file written off the GUI thread (as the PDF is), for the article on screen.

The format follows the file's suffix: a ClaimReview page (.html) or its JSON-LD alone
(.json); W3C Web Annotations (.jsonld); a table as .xlsx or .csv. A failed export leaves
any earlier file as it was (the verbs write atomically).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.controllers.pdf_export import FOLDER_KEY, file_stem
from claimledger.ui.kit import preferences
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.kit.messages import tell
from claimledger.workspace import FormatExport

DONE_MS = 20_000


@dataclass(frozen=True)
class ExportFormat:
    title: str
    filters: str
    suffixes: tuple[str, ...]  # the first is the default
    counted: str  # what the exported items are called in the status bar


FORMATS = {
    "export_claimreview": ExportFormat(
        "Export ClaimReview", "ClaimReview page (*.html);;ClaimReview JSON-LD (*.json)",
        (".html", ".json"), "ClaimReview(s)"),
    "export_annotations": ExportFormat(
        "Export Annotations", "W3C Web Annotations (*.jsonld)", (".jsonld",), "annotations"),
    "export_table": ExportFormat(
        "Export Table", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)", (".xlsx", ".csv"),
        "rows"),
}


class FormatExportController:
    def __init__(self, ctx: WindowContext) -> None:
        self.ctx = ctx
        self.window = ctx.window
        self.runner = Runner(ctx.window, "Export")
        self.last: FormatExport | None = None
        for name in FORMATS:
            ctx.actions[name].triggered.connect(lambda _checked=False, n=name: self.export(n))

    def export(self, name: str) -> None:
        article_id = self.ctx.article_id
        if article_id is None or article_id not in self.ctx.summaries:
            self.window.statusBar().showMessage("Open an article first; its ledger is what "
                                                "is exported.", 5000)
            return
        if self.runner.busy:
            return
        spec = FORMATS[name]
        store = preferences.store()
        folder = Path(store.value(FOLDER_KEY, str(Path.home()), str))
        stem = file_stem(self.ctx.summaries[article_id].title, "claim-ledger")
        chosen, _ = QFileDialog.getSaveFileName(self.window, spec.title,
                                                str(folder / (stem + spec.suffixes[0])),
                                                spec.filters)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in spec.suffixes:
            path = path.with_name(path.name + spec.suffixes[0])
        store.setValue(FOLDER_KEY, str(path.parent))
        self.start(name, [article_id], path)

    def start(self, name: str, article_ids: list[str], path: Path) -> None:
        """Write `path` in the format of action `name`, off the GUI thread."""
        workspace, desk, spec = self.ctx.workspace, preferences.desk(), FORMATS[name]

        def job(_progress) -> FormatExport:
            if name == "export_claimreview":
                return workspace.export_claimreview(article_ids, path, desk=desk or None,
                                                    page=path.suffix.lower() == ".html")
            if name == "export_annotations":
                return workspace.export_annotations(article_ids[0], path)
            return workspace.export_table(article_ids, path)

        self.runner.start(job, lambda done: self._written(spec, done),
                          lambda error: self._failed(spec, error),
                          progress=f"Writing {path.name}…")

    def _written(self, spec: ExportFormat, done: FormatExport) -> None:
        self.last = done
        self.window.statusBar().showMessage(
            f"Exported {done.path.name}: {done.items} {spec.counted}", DONE_MS)

    def _failed(self, spec: ExportFormat, error: BaseException) -> None:
        tell(self.window, spec.title, "The file could not be written.", details=plain(error))

    def stop(self) -> None:
        """On quit or restore: let a running export end."""
        self.runner.cancel()
        self.runner.wait()
