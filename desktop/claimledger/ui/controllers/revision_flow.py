"""Article ▸ Import Revision of This Article… and View ▸ Revisions…: a new version of the
open article takes over its claims (written off the GUI thread), and the Revisions
dialog shows both texts with what became of each claim, where a changed statement's
verdict can be confirmed. An import whose headline or address matches an article
already here is proposed as its revision."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.controllers.review import ReviewController
from claimledger.ui.dialogs.revisions_dialog import RevisionsDialog
from claimledger.ui.kit import preferences
from claimledger.ui.kit.background import plain
from claimledger.ui.kit.messages import literal

FOLDER_KEY = "import/folder"
FILTER = "Articles (*.txt *.md *.markdown *.html *.htm)"
SAID_MS = 12_000
REVISIONS_SLOT = "revisions"  # the Revisions dialog's two texts and rows
PROPOSAL_SLOT = "revision-proposal"  # an import's look-alike articles


class RevisionController:
    def __init__(self, ctx: WindowContext, review: ReviewController, importer) -> None:
        self.ctx = ctx
        self.review = review
        self.dialog: RevisionsDialog | None = None
        self.proposal: QMessageBox | None = None
        ctx.actions["import_revision"].triggered.connect(self.choose_revision)
        ctx.actions["revisions"].triggered.connect(self.open_revisions)
        importer.finished.connect(self._propose)

    def _propose(self, report) -> None:
        """After an import: an article with the headline or address of one already here
        is probably its new version; ask (without blocking) whether it is."""
        if self.ctx.read_only:
            return
        created = [i.id for i in report.imported if i.created]
        if not created:
            return
        workspace = self.ctx.workspace

        def candidates():
            return next(((i, found[0]) for i in created
                         if (found := workspace.revision_candidates(i))), None)

        self.review.reads.read(PROPOSAL_SLOT, candidates,
                               lambda pair: pair and self._ask(*pair),
                               lambda _error: None)

    def _ask(self, article_id: str, earlier_id: str) -> None:
        summaries = self.ctx.summaries
        title = summaries[earlier_id].title if earlier_id in summaries else "an article"
        box = QMessageBox(QMessageBox.Icon.Question, "A New Version?",
                          f"The article you imported has the headline or address of "
                          f"\u201c{title}\u201d, already here. Is it a new version of it?",
                          parent=self.ctx.window)
        box.setInformativeText("As a revision, that article's claims move onto the new "
                               "text with their verdicts, notes and sources; statements "
                               "that changed are flagged and removed ones are kept.")
        literal(box)
        revise = box.addButton("Make It a &Revision", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Keep &Separate", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(revise)
        box.finished.connect(lambda _result: self._answered(box, revise, article_id,
                                                            earlier_id))
        self.proposal = box
        box.open()

    def _answered(self, box: QMessageBox, revise, article_id: str, earlier_id: str) -> None:
        self.proposal = None
        box.deleteLater()
        if box.clickedButton() is not revise:
            return
        workspace = self.ctx.workspace

        def verb():
            report = workspace.make_revision(article_id, earlier_id)
            return report, report.changes

        self.review.run(verb, then=lambda outcome: self._imported(outcome[0]),
                        refused=lambda why: self.ctx.say(why, SAID_MS))

    def choose_revision(self) -> None:
        article_id = self.ctx.article_id
        if article_id is None:
            self.ctx.say("Open the article first; the file you choose is its new version.")
            return
        store = preferences.store()
        folder = store.value(FOLDER_KEY, str(Path.home()), str)
        chosen, _ = QFileDialog.getOpenFileName(self.ctx.window, "Import Revision", folder,
                                                FILTER)
        if chosen:
            store.setValue(FOLDER_KEY, str(Path(chosen).parent))
            self.import_revision(article_id, Path(chosen))

    def import_revision(self, article_id: str, path: Path) -> bool:
        workspace = self.ctx.workspace

        def verb():
            report = workspace.import_revision(path, article_id)
            return report, report.changes

        return self.review.run(verb, then=lambda outcome: self._imported(outcome[0]),
                               refused=lambda why: self.ctx.say(why, SAID_MS))

    def _imported(self, report) -> None:
        counts = ", ".join(f"{report.count(k)} {k}" for k in ("moved", "changed", "orphaned"))
        self.ctx.say(f"Imported revision {report.revision} of the article: {counts}; every "
                     "unchanged statement kept its verdicts.", SAID_MS)
        self.review.open_article(report.article.id)
        self.open_revisions(report.article.id)

    def open_revisions(self, article_id: str | None = None) -> None:
        """Read the article beside its earlier revision on the reader worker, then show
        the Revisions dialog (the open article's, unless another is named)."""
        article_id = article_id or self.ctx.article_id
        if article_id is None:
            self.ctx.say("Open an article first.")
            return
        workspace = self.ctx.workspace
        self.review.reads.read(REVISIONS_SLOT, lambda: workspace.revision_view(article_id),
                               lambda view: self._show(article_id, view),
                               lambda error: self.ctx.say(plain(error), SAID_MS))

    def _show(self, article_id: str, view) -> None:
        if view is None:
            self.ctx.say("This article has no earlier revision; use Article ▸ Import "
                         "Revision of This Article… to add one.")
            return
        if self.dialog is not None and self.dialog.isVisible() \
                and self.dialog.article_id == article_id:
            self.dialog.show_view(view)
            return
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = dialog = RevisionsDialog(view, self.ctx.window)
        dialog.confirmRequested.connect(lambda claim_id: self.confirm(article_id, claim_id))
        dialog.show()

    def confirm(self, article_id: str, claim_id: str) -> bool:
        workspace = self.ctx.workspace
        return self.review.run(lambda: workspace.confirm_verdict(claim_id),
                               then=lambda _changes: self._refresh(article_id),
                               refused=lambda why: self.ctx.say(why, SAID_MS))

    def _refresh(self, article_id: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.open_revisions(article_id)
