"""Unexpected errors: logged with their traceback and shown in "Something went wrong".

`install_crash_handler()` replaces sys.excepthook and threading.excepthook. An error in
a slot then shows the dialog and the window keeps running; an error on a worker thread
is handed to the GUI thread first. Never a silent exit.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from claimledger import __version__
from claimledger.ui.kit.labels import PlainLabel, RichLabel
from claimledger.ui.kit.logging_setup import log_path

log = logging.getLogger("claimledger.crash")


def crash_report(exc_type, exc_value, exc_traceback) -> str:
    """The traceback with the versions a bug report needs (no keys, no article text)."""
    lines = traceback.format_exception(exc_type, exc_value, exc_traceback)
    header = (f"Claim Ledger {__version__}, Python {platform.python_version()}, "
              f"{platform.system()} {platform.release()}\n\n")
    return header + "".join(lines)


class CrashDialog(QDialog):
    def __init__(self, report: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")
        self.report = report
        heading = RichLabel("<b>Something went wrong.</b> Claim Ledger is still running; your "
                            "saved work is safe. If this happens again, send this report "
                            "to whoever supports Claim Ledger for you.")
        heading.setWordWrap(True)
        self.text = QPlainTextEdit(report, readOnly=True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setAccessibleName("Error report")
        where = PlainLabel(f"The report is also in the log file: {log_path()}")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy Report")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.resize(720, 440)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText("Copied")


class CrashReporter(QObject):
    """Lives in the GUI thread; `reported` carries a report from any thread to the dialog."""

    reported = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.show_dialog = True
        self.showing = False
        self.dialogs_shown = 0
        self.dialog: CrashDialog | None = None
        self.reported.connect(self.show_report, Qt.ConnectionType.QueuedConnection)

    def handle(self, exc_type, exc_value, exc_traceback) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc_value, exc_traceback)
            return
        report = crash_report(exc_type, exc_value, exc_traceback)
        log.error("Unexpected error\n%s", report)
        print(report, file=sys.stderr)
        app = QApplication.instance()
        if app is None or not self.show_dialog:
            return
        if QThread.currentThread() is app.thread():
            self.show_report(report)
        else:
            self.reported.emit(report)

    @Slot(str)
    def show_report(self, report: str) -> None:
        """Show the report without a nested event loop: an exception hook must never
        block, so the dialog is opened and the app carries on."""
        if self.showing:  # one dialog at a time; the rest are in the log
            return
        self.showing = True
        self.dialogs_shown += 1
        dialog = CrashDialog(report, QApplication.activeWindow())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _closed(self, _result: int = 0) -> None:
        self.showing = False
        self.dialog = None


_reporter: CrashReporter | None = None


def install_crash_handler(show_dialog: bool = True) -> CrashReporter:
    """Route uncaught errors (GUI thread and worker threads) to the log and, unless
    `show_dialog` is False (screenshot mode), the dialog."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter()
    reporter = _reporter
    reporter.show_dialog = show_dialog
    sys.excepthook = reporter.handle
    threading.excepthook = lambda args: reporter.handle(args.exc_type, args.exc_value,
                                                        args.exc_traceback)
    return reporter
