"""Help ▸ About Claim Ledger: versions and where things are, with a Copy button."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from claimledger import __version__
from claimledger.ui.kit.labels import PlainLabel, RichLabel
from claimledger.ui.kit.logging_setup import log_path
from claimledger.ui.kit.look import icon
from claimledger.ui.shell.settings_pages import key_storage_text


def about_rows(workspace) -> list[tuple[str, str]]:
    return [
        ("Version", __version__),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", f"{platform.python_version()} ({platform.system()} {platform.machine()})"),
        ("Workspace", str(workspace.path.resolve())),
        ("Reviewer", workspace.reviewer_name),
        ("Signing key", key_storage_text(workspace)),
        ("Log file", str(log_path())),
    ]


def about_text(workspace) -> str:
    return "Claim Ledger\n" + "\n".join(f"{k}: {v}" for k, v in about_rows(workspace))


class AboutDialog(QDialog):
    def __init__(self, workspace, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Claim Ledger")
        self.text = about_text(workspace)
        logo = PlainLabel()
        logo.setPixmap(icon("claim-ledger.svg").pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = RichLabel("<span style='font-size:16pt; font-weight:bold'>Claim Ledger</span>"
                          "<br>An offline ledger of claims for fact-checkers: every statement "
                          "sourced, disputed or unverified, with its evidence.", wordWrap=True)
        top = QHBoxLayout()
        top.addWidget(logo)
        top.addWidget(title, 1)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        for key, value in about_rows(workspace):
            label = PlainLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setMinimumWidth(360)
            form.addRow(f"{key}:", label)
            self.values[key] = label
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setToolTip("Copy these details, for a bug report")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.copy_button.setText("Copied")
