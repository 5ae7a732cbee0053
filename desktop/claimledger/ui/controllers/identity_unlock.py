"""The signing key at start-up: unlocked on a worker, never on the GUI thread.

Every write is signed with the reviewer's key, and the first fetch of that key may wait
on the system keyring. So once the window shows, `workspace.unlock()` runs on a worker;
until it is done the writing actions are disabled and the status bar says why. Where no
secure keyring exists the reviewer is told so plainly and asked before the key is kept in
a file only they can read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from claimledger.ui.controllers.pdf_export import tell
from claimledger.ui.kit.actions import STATUS_ACTIONS, menu_of
from claimledger.ui.kit.background import Runner, plain
from claimledger.ui.views.inspector import VERDICT_TAB
from claimledger.workspace import KeyStorageRefused

UNLOCKING = "Unlocking your signing key…"
#: Actions that write (and so sign) on the GUI thread: off until the key is unlocked.
#: Imports run on a worker, so they may wait for the key there.
WRITING_ACTIONS = (*STATUS_ACTIONS, "reason", "note", "add_source", "make_claim",
                   "split_claim", "merge_next", "retire_claim", "settle", "undo", "redo",
                   "edit_article", "retire_article", "accept_suggestion",
                   "dismiss_suggestion", "cut_tail")


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


class IdentityMixin:
    """Mixed into MainWindow; `identity_ready` is False until the key is unlocked."""

    identity_ready = False
    key_dialog: KeyFileDialog | None = None
    _closing = False

    def _install_identity(self) -> None:
        self.unlock_runner = Runner(self, "Signing key")
        self.key_link = QLabel('<a href="unlock">Set up your signing key…</a>',
                               objectName="keyLink")
        self.key_link.linkActivated.connect(lambda _link: self.start_unlock())
        self.key_link.hide()
        self.statusBar().addPermanentWidget(self.key_link)
        self._unlock_started = False
        self._apply_write_lock()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._unlock_started:
            self._unlock_started = True
            QTimer.singleShot(0, self.start_unlock)

    def start_unlock(self, allow_file_key: bool | None = None) -> None:
        """Fetch (or make) the key on a worker; consent to a key file with True."""
        if self._closing or self.identity_ready or self.unlock_runner.busy:
            return
        workspace = self.workspace
        self.key_link.hide()
        self.statusBar().showMessage(UNLOCKING)
        self.unlock_runner.start(
            lambda _progress: workspace.unlock(allow_file_key=allow_file_key),
            self._unlocked, self._unlock_failed)

    def _unlocked(self, identity) -> None:
        self.identity_ready = True
        if self.statusBar().currentMessage() == UNLOCKING:
            self.statusBar().clearMessage()
        self.reviewer_label.setToolTip(
            f"Your key {identity.fingerprint}\nKept in {identity.key_location}")
        for name in WRITING_ACTIONS:
            if name in self.actions and menu_of(self.actions[name]) in ("Review", "Article"):
                self.actions[name].setEnabled(bool(self.summaries))
        self._lift_write_lock()
        self.update_undo_actions()
        self._refresh_inspector()

    def _unlock_failed(self, error: BaseException) -> None:
        message = plain(error)
        if self._closing:
            return
        self.statusBar().showMessage("Your signing key is not available; verdicts cannot "
                                     "be recorded yet.")
        self.key_link.show()
        if isinstance(error, KeyStorageRefused):
            self.ask_for_key_file(message)
        else:
            tell(self, "Signing key", "Your signing key could not be unlocked.",
                 details=message)

    def ask_for_key_file(self, message: str) -> None:
        dialog = KeyFileDialog(message, self)
        self.key_dialog = dialog
        dialog.accepted.connect(lambda: self.start_unlock(allow_file_key=True))
        dialog.finished.connect(lambda _result: self._forget_key_dialog(dialog))
        dialog.open()

    def _forget_key_dialog(self, dialog: KeyFileDialog) -> None:
        if self.key_dialog is dialog:
            self.key_dialog = None
        dialog.deleteLater()

    # -- keeping writes away until the key is there --------------------------------------

    def _apply_write_lock(self) -> None:
        if self.identity_ready:
            return
        for name in WRITING_ACTIONS:
            if name in self.actions:
                self.actions[name].setEnabled(False)
        self.inspector.tabs.widget(VERDICT_TAB).setEnabled(False)

    def _lift_write_lock(self) -> None:
        self.inspector.tabs.widget(VERDICT_TAB).setEnabled(True)

    def writes_locked(self) -> bool:
        """True (and says why in the status bar) while the key is not unlocked."""
        if self.identity_ready:
            return False
        waiting = self.unlock_runner.busy
        self.statusBar().showMessage(UNLOCKING if waiting else
                                     "Set up your signing key first (link on the right).",
                                     5000)
        return True

    def after_library_refresh(self) -> None:
        super().after_library_refresh()
        if self.identity_ready:
            self._lift_write_lock()
        else:
            self._apply_write_lock()

    def update_undo_actions(self) -> None:
        super().update_undo_actions()
        self._apply_write_lock()

    def run_verb(self, verb, navigate: bool = False, word: str = "Saved") -> None:
        if not self.writes_locked():
            super().run_verb(verb, navigate=navigate, word=word)

    def try_verb(self, verb):
        return None if self.writes_locked() else super().try_verb(verb)

    def edit_article_details(self, article_id: str | None = None) -> None:
        if not self.writes_locked():
            super().edit_article_details(article_id)

    def _open_source_dialog(self, dialog) -> None:
        if self.writes_locked():
            dialog.deleteLater()
            return
        super()._open_source_dialog(dialog)

    def wait_for_unlock(self) -> None:
        """On quit: let a running unlock finish before the workspace closes."""
        self._closing = True
        self.unlock_runner.wait()

