"""A read-only workspace in the window (a newer app's schema, or a file we may not write).

A yellow banner across the top says why; every writing action stays off, using the same
lock that keeps writes away while the signing key unlocks (identity_unlock), and the
shared-folder sync does not start. Reading, searching and exporting work as usual.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QVBoxLayout, QWidget

from claimledger.ui.controllers.identity_unlock import WRITING_ACTIONS
from claimledger.ui.views.banners import read_only_banner

#: Besides the verbs that sign: everything that brings data into the workspace.
READ_ONLY_OFF = (*WRITING_ACTIONS, "import_files", "paste", "samples", "import_ledger",
                 "sync_folder")


class ReadOnlyMixin:
    """Mixed into MainWindow before ExchangeMixin; call install_read_only() once."""

    def install_read_only(self) -> None:
        self.read_only_banner = read_only_banner()
        self.window_column = column = QWidget(objectName="windowColumn")
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.takeCentralWidget(), 1)
        self.setCentralWidget(column)
        if self.is_read_only():
            reason = self.workspace.read_only_reason or "This workspace cannot be changed."
            self.read_only_banner.say(
                f"<b>Read-only.</b> {escape(reason)} You can read, search and export; "
                "nothing can be changed.")
        self._enforce_read_only()

    def is_read_only(self) -> bool:
        return bool(self.workspace.read_only)

    def _enforce_read_only(self) -> None:
        if not self.is_read_only() or not hasattr(self, "read_only_banner"):
            return
        for name in READ_ONLY_OFF:
            if name in self.actions:
                self.actions[name].setEnabled(False)
        self.inspector.verdict_page.setEnabled(False)  # its scroll area still scrolls
        self.welcome.setEnabled(False)

    # -- the signing-key lock, kept shut ---------------------------------------------------

    def _apply_write_lock(self) -> None:
        super()._apply_write_lock()
        self._enforce_read_only()

    def _lift_write_lock(self) -> None:
        super()._lift_write_lock()
        self._enforce_read_only()

    def _unlocked(self, identity) -> None:
        super()._unlocked(identity)
        self._enforce_read_only()

    def update_undo_actions(self) -> None:
        super().update_undo_actions()
        self._enforce_read_only()

    def after_library_refresh(self) -> None:
        super().after_library_refresh()
        self._enforce_read_only()

    def writes_locked(self) -> bool:
        if self.is_read_only():
            self.statusBar().showMessage(self.workspace.read_only_reason or "Read-only.", 8000)
            return True
        return super().writes_locked()

    def restart_folder_sync(self) -> None:
        if not self.is_read_only():
            super().restart_folder_sync()
