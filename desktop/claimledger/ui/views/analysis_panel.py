"""The inspector's Analysis tab: how check-worthy the statement is and why, the figures
found in it (value, unit, what it counts) and the statements whose figures clash with
them (a click jumps there, in this article or another)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from claimledger.domain.records import ClaimAssist
from claimledger.ui.kit.assist_look import (
    CHECK_WORTHY_AT,
    figure_row,
    score_of,
    worth_reasons,
)
from claimledger.ui.kit.labels import PlainLabel, RichLabel, plain_tip
from claimledger.ui.kit.look import mute
from claimledger.ui.kit.quiet import set_style_sheet

BAR_WORTHY = "#1f4e79"
BAR_LOW = "#9aa3ad"


class AnalysisPanel(QWidget):
    """Emits flagChosen(claim_id) when a clash is clicked."""

    flagChosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("analysisPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        self.worth_label = RichLabel(objectName="worthLabel")
        self.bar = QProgressBar(objectName="worthBar", textVisible=False)
        self.bar.setRange(0, 100)
        self.bar.setFixedHeight(6)
        self.reasons = PlainLabel(objectName="worthReasons", wordWrap=True)
        mute(self.reasons)
        self.figures_title = RichLabel("<b>Figures</b>")
        self.figures_title.setContentsMargins(0, 6, 0, 0)
        self.figures = QTreeWidget(objectName="figuresTable")
        self.figures.setColumnCount(3)
        self.figures.setHeaderLabels(["Figure", "Unit", "Counts"])
        self.figures.setRootIsDecorated(False)
        self.figures.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.figures.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.figures.setAccessibleName("Figures in the statement")
        header = self.figures.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.clashes = RichLabel(objectName="clashLinks", wordWrap=True)
        self.clashes.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.clashes.linkActivated.connect(self.flagChosen)
        self.empty = PlainLabel(objectName="analysisEmpty", wordWrap=True)
        mute(self.empty)
        for widget in (self.worth_label, self.bar, self.reasons, self.clashes,
                       self.figures_title):
            layout.addWidget(widget)
        layout.addWidget(self.figures, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)
        self.show_analysis(None, [], reading=False)

    def show_analysis(self, assist: ClaimAssist | None, flag_lines: list[tuple[str, str]],
                      reading: bool) -> None:
        score = score_of(assist)
        known = assist is not None and score is not None
        for widget in (self.worth_label, self.bar, self.reasons):
            widget.setVisible(known)
        if known:
            points = round(score * 100)
            word = "check-worthy" if score >= CHECK_WORTHY_AT else "less worth checking"
            self.worth_label.setText(f"<b>Worth checking: {points} / 100</b> · {word}")
            self.bar.setValue(points)
            colour = BAR_WORTHY if score >= CHECK_WORTHY_AT else BAR_LOW
            set_style_sheet(self.bar, f"QProgressBar {{ background: #e6e8eb; border: none; "
                                      f"border-radius: 3px; }} QProgressBar::chunk "
                                      f"{{ background: {colour}; border-radius: 3px; }}")
            reasons = worth_reasons(assist)
            self.reasons.setText("Because it has " + "; ".join(reasons) + "."
                                 if reasons else "Nothing in it makes it worth checking.")
        links = [f'⚠ <a href="{escape(cid)}">{escape(words)}</a>' for cid, words in flag_lines]
        self.clashes.setText("<br>".join(links))
        self.clashes.setVisible(bool(links))
        self.figures.clear()
        numbers = assist.numbers if assist else []
        for number in numbers:
            item = QTreeWidgetItem(list(figure_row(number)))
            item.setToolTip(0, plain_tip(number.get("text") or ""))
            item.setToolTip(2, plain_tip(number.get("text") or ""))
            self.figures.addTopLevelItem(item)
        self.figures_title.setVisible(bool(numbers))
        self.figures.setVisible(bool(numbers))
        if reading:
            self.empty.setText("Reading the article…")
        elif assist is None:
            self.empty.setText("No analysis for this statement.")
        else:
            self.empty.setText("" if numbers else "No figures in this statement.")
        self.empty.setVisible(bool(self.empty.text()))
