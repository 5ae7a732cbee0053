"""Who is reviewing: --reviewer, then $CLAIM_LEDGER_REVIEWER, then the name saved in
Settings, then (on the very first run) a small dialog prefilled with the OS user name.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
)

from claimledger.ui.kit import preferences
from claimledger.ui.kit.labels import PlainLabel, RichLabel
from claimledger.workspace import WorkspaceError

WHY = ("Your name goes into every verdict you make and onto the verification PDF, so "
       "colleagues and editors know who checked each claim.")


class FirstRunDialog(QDialog):
    def __init__(self, suggested: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Claim Ledger")
        heading = RichLabel("<b>What name should your verdicts carry?</b>")
        why = PlainLabel(WHY)
        why.setWordWrap(True)
        self.name = QLineEdit(suggested)
        self.name.setAccessibleName("Your display name")
        self.name.setPlaceholderText("Your name as colleagues know it")
        self.name.selectAll()
        later = PlainLabel("You can change it later in Edit ▸ Settings ▸ Reviewer.",
                           wordWrap=True, objectName="settingsNote")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Continue")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Quit")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        for widget in (heading, why, self.name, later, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(440)
        self._update()

    def chosen(self) -> str:
        return " ".join(self.name.text().split())

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen()))


def resolve_reviewer(cli_value: str | None, *, ask: bool) -> str | None:
    """The reviewer's name for this run, or None when the first-run dialog was cancelled.

    With `ask` False (screenshot mode), an unknown name falls back to the OS user name
    and nothing is asked or saved.
    """
    name = preferences.given_reviewer(cli_value) or preferences.saved_reviewer()
    if name:
        return name
    suggested = preferences.os_user()
    if not ask:
        return suggested or "reviewer"
    dialog = FirstRunDialog(suggested)
    if not dialog.exec() or not dialog.chosen():
        return None
    try:
        preferences.save_reviewer(dialog.chosen())
    except WorkspaceError:
        pass  # the name still serves this session; Settings says why it cannot be kept
    return dialog.chosen()
