"""After a crash: the workspace is checked before the reviewer trusts it again.

When the window takes over a lock left by a process that is gone (a crash, a power cut,
a kill), SQLite's `PRAGMA quick_check` runs on a worker (a big workspace takes seconds).
A sound file gets one line in the status bar; a damaged one a message that says what
SQLite found and offers File ▸ Restore Backup….
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.kit.messages import literal

SOUND_MS = 10_000
SOUND = ("Claim Ledger did not close properly last time; {name} was checked and is "
         "sound.")


class CrashCheckController:
    """`runner.finished` says the check is over (tests wait on it)."""

    def __init__(self, ctx: WindowContext) -> None:
        self.ctx = ctx
        self.runner = Runner(ctx.window, "Checking the workspace")
        self.message: QMessageBox | None = None

    def check_after_crash(self) -> None:
        workspace = self.ctx.workspace
        self.ctx.say(f"Claim Ledger did not close properly last time; checking "
                     f"{workspace.path.name}…", 0)
        self.runner.start(lambda _progress: workspace.integrity_problems(), self._checked,
                          lambda error: self.ctx.say(plain(error), 8000))

    def _checked(self, problems: list[str]) -> None:
        name = self.ctx.workspace.path.name
        if not problems:
            self.ctx.say(SOUND.format(name=name), SOUND_MS)
            return
        self.ctx.window.statusBar().clearMessage()
        box = QMessageBox(QMessageBox.Icon.Warning, "Workspace damaged",
                          f"Claim Ledger did not close properly last time, and {name} is "
                          f"damaged (PRAGMA quick_check: {problems[0]}).",
                          parent=self.ctx.window)
        box.setInformativeText("Restore the latest backup before you go on; what you "
                               "change now may not be kept.")
        literal(box)
        restore = box.addButton("Restore Backup…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not Now", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        restore.clicked.connect(self.ctx.actions["restore_backup"].trigger)
        box.finished.connect(lambda _result: self._forget(box))
        self.message = box
        box.open()

    def _forget(self, box: QMessageBox) -> None:
        if self.message is box:
            self.message = None
        box.deleteLater()
