"""What an empty workspace shows: what the app does and the two ways to start."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.kit.look import icon


class WelcomePanel(QWidget):
    importRequested = Signal()
    samplesRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        logo = PlainLabel()
        logo.setPixmap(icon("claim-ledger.svg").pixmap(QSize(96, 96)))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = PlainLabel("Welcome to Claim Ledger", objectName="welcomeTitle")
        text = PlainLabel("Bring in a news article, and mark each of its statements sourced, "
                          "disputed or unverified, one key at a time.", objectName="welcomeText")
        text.setWordWrap(True)
        font = text.font()
        font.setPointSizeF(12)
        text.setFont(font)
        text.setFixedWidth(460)
        text.setMinimumHeight(text.heightForWidth(460) + 4)
        self.import_button = QPushButton(icon("import.svg"), "Import article…")
        self.samples_button = QPushButton(icon("samples.svg"), "Open the sample articles")
        for button in (self.import_button, self.samples_button):
            button.setMinimumHeight(34)
            button.setIconSize(QSize(18, 18))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.importRequested)
        self.samples_button.clicked.connect(self.samplesRequested)
        hint = PlainLabel("or drop .txt, .md or .html files here", objectName="welcomeHint")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (logo, title, text):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(18)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.samples_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
