"""File ▸ Restore Backup…: the workspace's automatic backups, newest first, and going
back to one after a confirmation (the current state is backed up first)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.kit.look import mute
from claimledger.workspace import BackupInfo

PathRole = int(Qt.ItemDataRole.UserRole) + 5
REASONS = {
    "manual": "Made by hand",
    "before-sync": "Before merging other reviewers' ledger files",
    "before-restore": "Before restoring another backup",
}


def reason_words(reason: str) -> str:
    """'before-upgrade-from-0003' -> 'Before upgrading the app (schema 0003)'."""
    if reason in REASONS:
        return REASONS[reason]
    if reason.startswith("before-upgrade-from-"):
        return f"Before an upgrade (from schema {reason.removeprefix('before-upgrade-from-')})"
    return reason.replace("-", " ").capitalize()


def size_words(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{size:,.1f} GB"


def when_words(when: datetime) -> str:
    return when.strftime("%d %b %Y, %H:%M:%S").lstrip("0")


def confirm_restore(parent, info: BackupInfo) -> bool:
    """Ask before going back; True to restore."""
    answer = QMessageBox.question(
        parent, "Restore Backup",
        f"Go back to the backup of {when_words(info.when)}?\n\n"
        "The current state is backed up first, so you can come back to it with "
        "File ▸ Restore Backup….",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


class BackupDialog(QDialog):
    """Emits restoreRequested(BackupInfo) once the reviewer confirmed."""

    restoreRequested = Signal(object)

    def __init__(self, backups: list[BackupInfo], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle("Restore Backup")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        intro = PlainLabel("Claim Ledger backs the workspace up by itself before upgrades, "
                           "before merging ledger files and before a restore. Pick the state "
                           "to go back to.", wordWrap=True)
        layout.addWidget(intro)
        self.list = QTreeWidget(objectName="backupList")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(["When", "Why", "Size"])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for info in backups:
            item = QTreeWidgetItem([when_words(info.when), reason_words(info.reason),
                                    size_words(info.size)])
            item.setData(0, PathRole, info)
            item.setToolTip(0, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight
                                  | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        layout.addWidget(self.list, 1)
        self.empty = PlainLabel("There are no backups of this workspace yet.")
        mute(self.empty)
        self.empty.setVisible(not backups)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton("Restore…",
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.itemSelectionChanged.connect(self._update_button)
        if backups:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._update_button()
        self.resize(620, 380)

    def chosen(self) -> BackupInfo | None:
        item = self.list.currentItem()
        return item.data(0, PathRole) if item else None

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def _restore(self) -> None:
        info = self.chosen()
        if info is not None and confirm_restore(self, info):
            self.accept()
            self.restoreRequested.emit(info)
