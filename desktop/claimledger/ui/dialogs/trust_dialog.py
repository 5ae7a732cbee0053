"""Trust on first use: a ledger file brings reviewers this workspace has never seen.

Each is listed with the fingerprint of their key (SHA256:…, like OpenSSH), in a
monospace, selectable field, with the advice to compare it with the reviewer in person
or over the phone before trusting. Nothing is imported unless the user says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from claimledger.exchange.keys import fingerprint
from claimledger.ui.kit.labels import PlainLabel

ADVICE = ("Compare this fingerprint with the reviewer over the phone or in person. "
          "If it differs, someone else made this file: do not trust it.")


def reviewer_rows(cards) -> list[tuple[str, str]]:
    """(name, 'SHA256:…') per card of an UnknownReviewers error."""
    return [(card.name, fingerprint(card.public_key)) for card in cards]


class TrustDialog(QDialog):
    """Lists new reviewers; accepting means 'Trust and import'."""

    def __init__(self, files: list[Path], reviewers: list[tuple[str, str]],
                 parent=None, warnings: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New reviewers")
        self.setObjectName("trustDialog")
        self.reviewers = reviewers
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        names = ", ".join(path.name for path in files)
        many = len(reviewers) != 1
        heading = PlainLabel(f"{names} contains verdicts by {'reviewers' if many else 'a reviewer'}"
                             f" you have not trusted before.", wordWrap=True,
                             objectName="dialogHeading")
        heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        layout.addWidget(heading)
        self.fields: list[QLineEdit] = []
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for name, print_ in reviewers:
            card = QFrame(objectName="reviewerCard")
            card.setStyleSheet("QFrame#reviewerCard { border: 1px solid #d8dbe0; "
                               "border-radius: 6px; background: #f9fafb; }")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(12, 8, 12, 10)
            inner.setSpacing(4)
            who = PlainLabel(name, objectName="reviewerName")
            who.setStyleSheet("font-weight: bold; border: none; background: transparent;")
            inner.addWidget(who)
            field = QLineEdit(print_, objectName="fingerprint")
            field.setReadOnly(True)
            field.setFont(mono)
            field.setAccessibleName(f"Key fingerprint of {name}")
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance(print_) + 24)
            inner.addWidget(field)
            self.fields.append(field)
            layout.addWidget(card)
        for warning in warnings or []:  # e.g. a new reviewer taking a pinned name
            layout.addWidget(PlainLabel(f"Warning: {warning}.", wordWrap=True,
                                        objectName="trustWarning"))
        advice = PlainLabel(ADVICE, wordWrap=True, objectName="advice")
        layout.addWidget(advice)
        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton("Trust and import",
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        """Everything the dialog says, for tests and screen readers."""
        parts = [w.text() for w in self.findChildren(QLabel)]
        parts += [f.text() for f in self.fields]
        return "\n".join(parts)
