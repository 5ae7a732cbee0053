"""The self-test's window check: render the main window offscreen and make sure the PNG
shows a window, not a blank or tiny image."""

from __future__ import annotations

import os
import sys
from pathlib import Path

MIN_WIDTH, MIN_HEIGHT, MIN_COLOURS = 400, 300, 8


class RenderFailed(RuntimeError):
    pass


def render_window(workspace, png: Path) -> str:
    """Render `workspace` in the main window to `png`; a short description, or
    RenderFailed saying what is wrong."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from claimledger.ui.kit.binding_check import binding_problem
    from claimledger.ui.shell.app import save_screenshot, set_up_application
    from claimledger.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if problem := binding_problem():
        raise RenderFailed(problem)
    set_up_application(app)
    if save_screenshot(MainWindow(workspace), png) != 0:
        raise RenderFailed("the window could not be rendered")
    image = QImage(str(png))
    if image.isNull() or image.width() < MIN_WIDTH or image.height() < MIN_HEIGHT:
        raise RenderFailed(f"{png.name} is not a usable screenshot")
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
               for y in range(0, image.height(), 29)}
    if len(colours) < MIN_COLOURS:
        raise RenderFailed("the window rendered blank")
    return f"{image.width()}x{image.height()} PNG, {app.platformName()}"
