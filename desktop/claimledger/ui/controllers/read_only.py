"""A read-only workspace in the window (a newer app's schema, or a file we may not write).

A yellow banner across the top says why. The writing actions stay off by the window's
one rule (`WindowContext.update_write_actions`), the verdict page and the welcome
panel's import buttons are disabled, and the shared-folder sync does not start.
Reading, searching and exporting work as usual.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QVBoxLayout, QWidget

from claimledger.ui.controllers.context import WindowContext
from claimledger.ui.views.banners import read_only_banner


class ReadOnlyController:
    def __init__(self, ctx: WindowContext) -> None:
        self.ctx = ctx
        window = ctx.window
        self.read_only_banner = read_only_banner()
        self.window_column = column = QWidget(objectName="windowColumn")
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(window.takeCentralWidget(), 1)
        window.setCentralWidget(column)
        if ctx.read_only:
            reason = ctx.workspace.read_only_reason or "This workspace cannot be changed."
            self.read_only_banner.say(
                f"<b>Read-only.</b> {escape(reason)} You can read, search and export; "
                "nothing can be changed.")
            ctx.panes.inspector.verdict_page.setEnabled(False)  # its scroll area scrolls
            ctx.panes.welcome.setEnabled(False)
