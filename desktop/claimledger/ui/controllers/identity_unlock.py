"""The signing key at start-up: unlocked on a worker, never on the GUI thread.

Every write is signed with the reviewer's key, and the first fetch of that key may wait
on the system keyring. So once the window shows, `workspace.unlock()` runs on a worker;
until it is done the writing actions are disabled and the status bar says why. Where no
secure keyring exists the reviewer is told so plainly and asked before the key is kept in
a file only they can read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.kit.messages import tell
from claimledger.ui.views.inspector import VERDICT_TAB
from claimledger.workspace import KeyStorageRefused

UNLOCKING = "Unlocking your signing key…"
SET_UP = "Set up your signing key first (link on the right)."


def first_sentence(message: str) -> str:
    head, dot, _rest = message.partition(". ")
    return head + "." if dot else message


class KeyFileDialog(QDialog):
    """Asks before the key goes to a 0600 file: 'Use a key file' or 'Not now'."""

    def __init__(self, message: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("No secure keyring")
        self.setObjectName("keyFileDialog")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        heading = QLabel("Claim Ledger cannot keep your signing key in a secure keyring.",
                         objectName="dialogHeading", wordWrap=True)
        heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        layout.addWidget(heading)
        self.reason = QLabel(first_sentence(message), wordWrap=True, objectName="reason")
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.reason)
        self.explanation = QLabel(
            "Every verdict you record is signed with your key, so colleagues can trust "
            "your ledger files. Without a keyring, the key can be kept in a file in your "
            "settings folder that only your user account can read (permissions 0600). "
            "Anyone who can log in as you, or read your backups, could then sign in your "
            "name.", wordWrap=True, objectName="explanation")
        layout.addWidget(self.explanation)
        later = QLabel("With “Not now” you can read everything, but cannot record verdicts "
                       "until a key is available.", wordWrap=True)
        later.setStyleSheet("color: #6a6f76;")
        layout.addWidget(later)
        buttons = QDialogButtonBox()
        self.use_file = buttons.addButton("Use a key file",
                                          QDialogButtonBox.ButtonRole.AcceptRole)
        self.not_now = buttons.addButton("Not now", QDialogButtonBox.ButtonRole.RejectRole)
        self.use_file.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(500)


class IdentityController:
    """Until the key is unlocked `ctx.identity_ready` is False and writes are refused."""

    def __init__(self, ctx: WindowContext, reviewer_label: QLabel) -> None:
        self.ctx = ctx
        self.reviewer_label = reviewer_label
        self.key_dialog: KeyFileDialog | None = None
        self.unlock_runner = Runner(ctx.window, "Signing key")
        self.key_link = QLabel('<a href="unlock">Set up your signing key…</a>',
                               objectName="keyLink")
        self.key_link.linkActivated.connect(lambda _link: self.start_unlock())
        self.key_link.hide()
        ctx.window.statusBar().addPermanentWidget(self.key_link)
        ctx.key_missing = lambda: UNLOCKING if self.unlock_runner.busy else SET_UP
        ctx.writingChanged.connect(self._lock_verdict_page)

    def start(self) -> None:
        """Once the window shows."""
        self.start_unlock()

    def start_unlock(self, allow_file_key: bool | None = None) -> None:
        """Fetch (or make) the key on a worker; consent to a key file with True."""
        ctx = self.ctx
        if ctx.closing or ctx.identity_ready or self.unlock_runner.busy:
            return
        workspace = ctx.workspace
        self.key_link.hide()
        ctx.window.statusBar().showMessage(UNLOCKING)
        self.unlock_runner.start(
            lambda _progress: workspace.unlock(allow_file_key=allow_file_key),
            self._unlocked, self._unlock_failed)

    def _unlocked(self, identity) -> None:
        ctx = self.ctx
        ctx.identity_ready = True
        if ctx.window.statusBar().currentMessage() == UNLOCKING:
            ctx.window.statusBar().clearMessage()
        self.reviewer_label.setToolTip(
            f"Your key {identity.fingerprint}\nKept in {identity.key_location}")
        ctx.update_write_actions()
        ctx.claimShown.emit()

    def _unlock_failed(self, error: BaseException) -> None:
        message = plain(error)
        if self.ctx.closing:
            return
        self.ctx.window.statusBar().showMessage(
            "Your signing key is not available; verdicts cannot be recorded yet.")
        self.key_link.show()
        self.ctx.update_write_actions()
        if isinstance(error, KeyStorageRefused):
            self.ask_for_key_file(message)
        else:
            tell(self.ctx.window, "Signing key", "Your signing key could not be unlocked.",
                 details=message)

    def ask_for_key_file(self, message: str) -> None:
        dialog = KeyFileDialog(message, self.ctx.window)
        self.key_dialog = dialog
        dialog.accepted.connect(lambda: self.start_unlock(allow_file_key=True))
        dialog.finished.connect(lambda _result: self._forget_key_dialog(dialog))
        dialog.open()

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
