"""The signing key at start-up: unlocked on a worker, never on the GUI thread.

Every write is signed with the reviewer's key, and the first fetch of that key may wait
on the system keyring. So once the window shows, `workspace.unlock()` runs on a worker;
until it is done the writing actions are disabled and the status bar says why. Where no
secure keyring exists the reviewer is told so plainly and asked before the key is kept in
a file only they can read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.kit.labels import PlainLabel, RichLabel
from claimledger.ui.kit.messages import tell
from claimledger.ui.views.inspector import VERDICT_TAB
from claimledger.workspace import KeyStorageRefused
from claimledger.workspace.profile import KEY_IN_FILE, READ_ONLY

UNLOCKING = "Unlocking your signing key…"
SET_UP = "Set up your signing key first (link on the right)."
READ_ONLY_NOTE = ("Read only: you chose to keep no signing key on this computer. "
                  "Set it up to record verdicts.")


class KeyFileDialog(QDialog):
    """Where no secure keyring exists: keep the key in a file only this user can read,
    or go on read-only. `purpose` says what the key is needed for right now."""

    def __init__(self, key_folder: Path, purpose: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your signing key")
        self.setObjectName("keyFileDialog")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        heading = PlainLabel("This computer has no secure keyring for your signing key.",
                             objectName="dialogHeading", wordWrap=True)
        heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        layout.addWidget(heading)
        if purpose:
            layout.addWidget(PlainLabel(purpose, wordWrap=True, objectName="purpose"))
        self.explanation = PlainLabel(
            "Every verdict and every article you import is signed with your key, so "
            "colleagues can trust your ledger files. Claim Ledger can keep the key in a "
            "file that only your user account can read:", wordWrap=True,
            objectName="explanation")
        layout.addWidget(self.explanation)
        self.where = PlainLabel(str(key_folder), objectName="keyFolder", wordWrap=True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.where)
        risk = PlainLabel("Anyone who can log in as you, or read your backups, could then sign "
                          "in your name. Read-only, you can open and read everything, but "
                          "record and import nothing. You can change this in Settings ▸ "
                          "Reviewer.", wordWrap=True, objectName="settingsNote")
        layout.addWidget(risk)
        buttons = QDialogButtonBox()
        self.use_file = buttons.addButton("Keep the key in a file",
                                          QDialogButtonBox.ButtonRole.AcceptRole)
        self.read_only = buttons.addButton("Continue read-only",
                                           QDialogButtonBox.ButtonRole.RejectRole)
        self.use_file.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)


class IdentityController:
    """Until the key is unlocked `ctx.identity_ready` is False and writes are refused."""

    def __init__(self, ctx: WindowContext, reviewer_label: QLabel) -> None:
        self.ctx = ctx
        self.reviewer_label = reviewer_label
        self.key_dialog: KeyFileDialog | None = None
        self.unlock_runner = Runner(ctx.window, "Signing key")
        self.choice_runner = Runner(ctx.window, "Signing key")
        self._then: Callable[[], None] | None = None
        self._no_keyring = False
        self.key_link = RichLabel('<a href="unlock">Set up your signing key…</a>',
                                  objectName="keyLink")
        self.key_link.linkActivated.connect(lambda _link: self.set_up_key())
        self.key_link.hide()
        ctx.window.statusBar().addPermanentWidget(self.key_link)
        ctx.key_missing = lambda: UNLOCKING if self.unlock_runner.busy else SET_UP
        ctx.writingChanged.connect(self._lock_verdict_page)

    def start(self) -> None:
        """Once the window shows."""
        self.start_unlock()

    def start_unlock(self, allow_file_key: bool | None = None,
                     then: Callable[[], None] | None = None) -> None:
        """Fetch (or make) the key on a worker; consent to a key file with True (the
        answer is remembered there too). `then` runs once the key is there."""
        ctx = self.ctx
        if ctx.closing or ctx.identity_ready or self.unlock_runner.busy:
            return
        workspace = ctx.workspace
        self._then = then
        self.key_link.hide()
        ctx.window.statusBar().showMessage(UNLOCKING)

        def unlock(_progress):
            if allow_file_key:
                workspace.choose_key_storage(KEY_IN_FILE)
            return workspace.unlock(allow_file_key=allow_file_key)

        self.unlock_runner.start(unlock, self._unlocked, self._unlock_failed)

    def set_up_key(self) -> None:
        """The status bar's link: ask where to keep the key when no keyring exists,
        else try the keyring again."""
        if self._no_keyring:
            self.ask_for_key_file()
        else:
            self.start_unlock()

    def with_key(self, then: Callable[[], None], purpose: str) -> None:
        """Run `then` (an import: it signs what it brings in) now if the key is there or
        on its way, else once the reviewer has agreed to a key file; "Continue
        read-only" leaves everything as it is."""
        if self.ctx.identity_ready or self.unlock_runner.busy or self.ctx.read_only:
            then()
            return
        self.ask_for_key_file(purpose, then)

    def _unlocked(self, identity) -> None:
        ctx = self.ctx
        ctx.identity_ready = True
        if ctx.window.statusBar().currentMessage() == UNLOCKING:
            ctx.window.statusBar().clearMessage()
        self.reviewer_label.setToolTip(
            f"Your key {identity.fingerprint}\nKept in {identity.key_location}")
        ctx.update_write_actions()
        ctx.claimShown.emit()
        then, self._then = self._then, None
        if then is not None:
            then()

    def _unlock_failed(self, error: BaseException) -> None:
        then, self._then = self._then, None
        self._no_keyring = isinstance(error, KeyStorageRefused)
        if self.ctx.closing:
            return
        self.key_link.show()
        self.ctx.update_write_actions()
        if not isinstance(error, KeyStorageRefused):
            self.ctx.window.statusBar().showMessage(
                "Your signing key is not available; verdicts cannot be recorded yet.")
            tell(self.ctx.window, "Signing key", "Your signing key could not be unlocked.",
                 details=plain(error))
        elif self.ctx.workspace.key_storage_choice == READ_ONLY:
            self.ctx.window.statusBar().showMessage(READ_ONLY_NOTE)
        else:
            self.ctx.window.statusBar().showMessage(
                "Your signing key is not set up; verdicts cannot be recorded yet.")
            self.ask_for_key_file("", then)

    def ask_for_key_file(self, purpose: str = "",
                         then: Callable[[], None] | None = None) -> None:
        if self.key_dialog is not None:
            self.key_dialog.raise_()
            return
        dialog = KeyFileDialog(self.ctx.workspace.key_folder, purpose, self.ctx.window)
        self.key_dialog = dialog
        dialog.accepted.connect(lambda: self.start_unlock(allow_file_key=True, then=then))
        dialog.rejected.connect(self._stay_read_only)
        dialog.finished.connect(lambda _result: self._forget_key_dialog(dialog))
        dialog.open()

    def _stay_read_only(self) -> None:
        """Remembered (on a worker: it is a file write), so the next start asks nothing."""
        workspace = self.ctx.workspace
        self.ctx.window.statusBar().showMessage(READ_ONLY_NOTE)
        self.choice_runner.start(lambda _p: workspace.choose_key_storage(READ_ONLY),
                                 lambda _r: None,
                                 lambda error: self.ctx.say(plain(error), 8000))

    def _forget_key_dialog(self, dialog: KeyFileDialog) -> None:
        if self.key_dialog is dialog:
            self.key_dialog = None
        dialog.deleteLater()

    def _lock_verdict_page(self) -> None:
        """The verdict buttons follow the same rule as the writing actions."""
        page = self.ctx.panes.inspector.tabs.widget(VERDICT_TAB)
        page.setEnabled(self.ctx.identity_ready or self.ctx.read_only)

    def stop(self) -> None:
        """On quit: let a running unlock finish before the workspace closes."""
        self.unlock_runner.wait()
