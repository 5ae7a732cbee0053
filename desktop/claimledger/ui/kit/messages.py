"""One message box that never blocks the caller."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


def tell(parent, title: str, text: str, icon=QMessageBox.Icon.Warning,
         details: str = "", modal: bool = True) -> QMessageBox:
    """One message box that does not block the caller (tests find it in
    `parent.last_message`); window-modal unless `modal` is False."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if details:
        box.setInformativeText(details)
    box.setWindowModality(Qt.WindowModality.WindowModal if modal
                          else Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    parent.last_message = box
    box.open()
    return box
