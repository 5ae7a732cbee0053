"""Edit ▸ Settings: a sidebar of pages. Changes apply as they are made (Reasons on Save)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from claimledger.ui.dialogs.reasons_editor import ReasonsPage
from claimledger.ui.kit.labels import PlainLabel
from claimledger.ui.shell.colleagues_page import ColleaguesPage
from claimledger.ui.shell.settings_pages import (
    AppearancePage,
    HubPage,
    ReportPage,
    ReviewerPage,
    SyncPage,
)
from claimledger.ui.shell.theme import apply_article_font, apply_theme

PAGES = ("Reviewer", "Colleagues", "Appearance", "Reasons", "Report", "Sync folder",
         "Desk hub")


class SettingsDialog(QDialog):
    def __init__(self, window, parent=None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        workspace = window.workspace
        self.setWindowTitle("Settings")
        self.reviewer = ReviewerPage(workspace, run=window.review.run)
        self.colleagues = ColleaguesPage(window)
        self.appearance = AppearancePage()
        self.reasons = ReasonsPage(workspace)
        self.report = ReportPage()
        self.sync = SyncPage(workspace)
        self.hub = HubPage(workspace)
        self.pages = dict(zip(PAGES, (self.reviewer, self.colleagues, self.appearance,
                                      self.reasons, self.report, self.sync, self.hub),
                              strict=True))
        self.sidebar = QListWidget(objectName="settingsSidebar")
        self.sidebar.setAccessibleName("Settings pages")
        self.sidebar.addItems(PAGES)
        self.sidebar.setFixedWidth(150)
        self.sidebar.setIconSize(QSize(16, 16))
        self.stack = QStackedWidget()
        self.title = PlainLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        for page in self.pages.values():
            self.stack.addWidget(page)
        self.sidebar.currentRowChanged.connect(self._show_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.addWidget(self.sidebar)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._connect(window)
        self.sidebar.setCurrentRow(0)
        self.resize(760, 480)

    def _connect(self, window) -> None:
        self.appearance.themeChanged.connect(lambda name: apply_theme(name))
        self.appearance.fontSizeChanged.connect(lambda size: apply_article_font(window, size))
        self.reasons.saved.connect(window.ctx.claimShown.emit)
        self.sync.folderChanged.connect(lambda: window.folder.restart_folder_sync())
        self.hub.hubChanged.connect(lambda: window.hub.restart())

    def show_page(self, name: str) -> QWidget:
        self.sidebar.setCurrentRow(PAGES.index(name))
        return self.pages[name]

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            self.title.setText(PAGES[row])

    def reject(self) -> None:
        if self.reasons.dirty and not self._reasons_settled():
            return
        super().reject()

    def _reasons_settled(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, "Reasons", "Save your changes to the reasons?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.reasons.save()
        return answer == QMessageBox.StandardButton.Discard
