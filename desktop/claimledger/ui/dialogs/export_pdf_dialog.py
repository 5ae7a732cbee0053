"""Export Verification PDF: which articles, the audit appendix, and the paper.

The library selects one article at a time, so the scope is the open article or the
whole workspace. The paper starts from the Settings choice and is remembered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from claimledger.ui.kit import preferences
from claimledger.ui.kit.labels import PlainLabel, plain_tip
from claimledger.workspace import PAPERS

TITLE_CHARS = 44


def short(title: str, limit: int = TITLE_CHARS) -> str:
    return title if len(title) <= limit else title[:limit - 1].rstrip() + "…"


class ScopeBox(QWidget):
    """Two choices: the open article, or every article in the workspace."""

    def __init__(self, current_title: str | None, article_count: int, noun: str,
                 parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.current = QRadioButton(f"This article: {short(current_title or '')}")
        self.current.setToolTip(plain_tip(current_title or ""))
        self.everything = QRadioButton(
            f"Every article in the workspace ({article_count} {noun}"
            f"{'' if article_count == 1 else 's'})")
        self.group = QButtonGroup(self)
        for button in (self.current, self.everything):
            self.group.addButton(button)
            layout.addWidget(button)
        self.current.setEnabled(current_title is not None)
        (self.current if current_title is not None else self.everything).setChecked(True)

    @property
    def whole_workspace(self) -> bool:
        return self.everything.isChecked()


class ExportPdfDialog(QDialog):
    """Asks what to export; `choice()` gives (whole_workspace, audit, paper)."""

    def __init__(self, current_title: str | None, article_count: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Verification PDF")
        self.setObjectName("exportPdfDialog")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        intro = PlainLabel("The report lists every statement with its verdict, reason, note and "
                           "sources, the reviewers' keys and a digest of the ledger.",
                           wordWrap=True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)
        self.scope = ScopeBox(current_title, article_count, "article")
        form.addRow("Articles:", self.scope)
        self.audit = QCheckBox("Include the audit appendix")
        self.audit.setToolTip("Each statement's history: who changed what, and when")
        audit_box = QWidget()
        audit_layout = QVBoxLayout(audit_box)
        audit_layout.setContentsMargins(0, 0, 0, 0)
        audit_layout.setSpacing(2)
        audit_layout.addWidget(self.audit)
        hint = PlainLabel("Every change to each statement: who, what and when. Longer, "
                          "for the record.", wordWrap=True, objectName="hint")
        hint.setStyleSheet("color: #6a6f76;")
        audit_layout.addWidget(hint)
        form.addRow("Appendix:", audit_box)
        self.paper = QComboBox()
        self.paper.addItems(PAPERS)
        self.paper.setCurrentText(preferences.paper())
        self.paper.setAccessibleName("Paper size")
        form.addRow("Paper:", self.paper)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("Export…",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def choice(self) -> tuple[bool, bool, str]:
        return self.scope.whole_workspace, self.audit.isChecked(), self.paper.currentText()

    def accept(self) -> None:
        preferences.save_paper(self.paper.currentText())
        super().accept()
