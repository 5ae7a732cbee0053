"""View ▸ Agreement…: how often reviewers agree, for the open article and the workspace.

Cohen's kappa for each pair of reviewers and Krippendorff's alpha over all of them; a
figure that cannot be computed (too few shared verdicts, or no variation) reads
"not enough data" rather than a number that means nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.kit.look import MUTED, mute
from claimledger.workspace import AgreementReport

NOT_ENOUGH = "not enough data"
MEANING = ("Both figures run from 1 (reviewers always agree) through 0 (they agree no more "
           "often than chance would) to below 0 (less often than chance); above about 0.8 "
           "is usually read as reliable, below 0.67 as too unreliable to draw conclusions.")


def figure(value: float | None) -> str:
    return NOT_ENOUGH if value is None else f"{value:.2f}"


def reading(value: float | None) -> str:
    if value is None:
        return ""
    if value >= 0.8:
        return "reliable"
    if value >= 0.67:
        return "tentative"
    if value > 0:
        return "weak"
    return "no better than chance"


def statements(count: int) -> str:
    return f"{count} statement{'' if count == 1 else 's'}"


class AgreementSection(QGroupBox):
    def __init__(self, title: str, report: AgreementReport | None, parent=None) -> None:
        super().__init__(title, parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 14, 12, 12)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        self.rows: list[tuple[str, str]] = []
        if report is None:
            grid.addWidget(self._muted("No article is open."), 0, 0)
            return
        for column, word in enumerate(("Measure", "Statements", "Value", "Reading")):
            heading = PlainLabel(word)
            heading.setStyleSheet(f"color: {MUTED}; font-weight: bold;")
            grid.addWidget(heading, 0, column)
        row = 1
        for pair in report.pairs:
            self._add(grid, row, f"Cohen's kappa, {pair.first} / {pair.second}",
                      statements(pair.claims), pair.kappa)
            row += 1
        if not report.pairs:
            grid.addWidget(self._muted("Only one reviewer has given verdicts here."), row, 0,
                           1, 4)
            row += 1
        self._add(grid, row, "Krippendorff's alpha, all reviewers",
                  statements(report.claims), report.alpha)
        grid.setColumnStretch(0, 1)

    def _add(self, grid: QGridLayout, row: int, label: str, count: str,
             value: float | None) -> None:
        name = PlainLabel(label, wordWrap=True)
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(name, row, 0)
        grid.addWidget(PlainLabel(count), row, 1)
        number = PlainLabel(figure(value))
        number.setStyleSheet("font-weight: bold;" if value is not None else f"color: {MUTED};")
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(number, row, 2)
        grid.addWidget(self._muted(reading(value), wrap=False), row, 3)
        self.rows.append((label, figure(value)))

    @staticmethod
    def _muted(text: str, wrap: bool = True) -> QLabel:
        label = PlainLabel(text, wordWrap=wrap)
        mute(label)
        return label


class AgreementDialog(QDialog):
    def __init__(self, article_title: str | None, article: AgreementReport | None,
                 workspace: AgreementReport, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Agreement between reviewers")
        self.setObjectName("agreementDialog")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        title = article_title or "No article open"
        if len(title) > 70:
            title = title[:69].rstrip() + "…"
        self.article_section = AgreementSection(f"This article: {title}", article)
        self.workspace_section = AgreementSection("The whole workspace", workspace)
        layout.addWidget(self.article_section)
        layout.addWidget(self.workspace_section)
        self.meaning = PlainLabel(MEANING, wordWrap=True, objectName="meaning")
        mute(self.meaning)
        layout.addWidget(self.meaning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(720)

    def sections(self) -> list[QWidget]:
        return [self.article_section, self.workspace_section]
