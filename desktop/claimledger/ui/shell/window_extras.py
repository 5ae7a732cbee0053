"""What the main window gains from preferences: Settings, workspaces, About, the theme
and the article's font size. MainWindow calls `install_window_extras(self)` once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from claimledger.ui.kit import preferences
from claimledger.ui.shell.about import AboutDialog
from claimledger.ui.shell.settings_dialog import SettingsDialog
from claimledger.ui.shell.theme import apply_article_font, style_window
from claimledger.ui.shell.workspaces import (
    choose_new_workspace,
    choose_workspace_to_open,
    fill_recent_menu,
)


def install_window_extras(window) -> None:
    act = window.actions
    act["settings"].triggered.connect(lambda: open_settings(window))
    act["new_workspace"].triggered.connect(lambda: choose_new_workspace(window))
    act["open_workspace"].triggered.connect(lambda: choose_workspace_to_open(window))
    act["about"].triggered.connect(lambda: AboutDialog(window.workspace, window).exec())
    window.recent_menu = _add_recent_menu(window)
    style_window(window, preferences.theme())
    apply_article_font(window, preferences.article_font_size())
    if window.article_id is None:
        window.setWindowTitle(preferences.workspace_title(window.workspace))
    preferences.remember_workspace(window.workspace.path)


def _add_recent_menu(window) -> QMenu:
    """Open Recent ▸, right after Open Workspace… in the File menu."""
    anchor = window.actions["open_workspace"]
    file_menu = next(m for m in anchor.associatedObjects() if isinstance(m, QMenu))
    menu = QMenu("Open &Recent", file_menu)
    menu.setObjectName("recentMenu")
    entries = file_menu.actions()
    after = entries[entries.index(anchor) + 1] if entries.index(anchor) + 1 < len(entries) \
        else None
    if after is None:
        file_menu.addMenu(menu)
    else:
        file_menu.insertMenu(after, menu)
    menu.aboutToShow.connect(lambda: fill_recent_menu(menu, window))
    fill_recent_menu(menu, window)
    return menu


def open_settings(window, page: str | None = None) -> SettingsDialog:
    dialog = SettingsDialog(window)
    if page:
        dialog.show_page(page)
    window.settings_dialog = dialog
    dialog.exec()
    return dialog
