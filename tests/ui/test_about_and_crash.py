"""Help ▸ About, the log file, and "Something went wrong" for unexpected errors."""

from __future__ import annotations

import logging
import sys
import threading

import PySide6
import pytest
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

import claimledger
from claimledger.ui.dialogs import crash as crash_module
from claimledger.ui.dialogs.crash import CrashDialog, crash_report, install_crash_handler
from claimledger.ui.kit.logging_setup import MAX_BYTES, configure_logging, log_path
from claimledger.ui.shell.about import AboutDialog


@pytest.fixture
def log_file(tmp_path):
    path = configure_logging(tmp_path / "logs" / "claim-ledger.log")
    yield path
    handler = next(h for h in logging.getLogger("claimledger").handlers
                   if getattr(h, "claim_ledger_log", False))
    logging.getLogger("claimledger").removeHandler(handler)
    handler.close()


@pytest.fixture
def captured_dialogs(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "open", lambda self: shown.append(self))
    reporter = install_crash_handler()
    yield shown
    reporter._closed()


def test_about_lists_versions_paths_and_key_storage(qtbot, window, log_file, artifacts):
    dialog = AboutDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    text = dialog.text
    for expected in (claimledger.__version__, qVersion(), PySide6.__version__,
                     str(window.workspace.path.resolve()), window.workspace.key_storage(),
                     str(log_file), sys.version.split()[0]):
        assert expected in text
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(artifacts / "about.png"))


def test_about_action_is_in_the_help_menu(window, monkeypatch):
    opened = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self) or 0)
    window.actions["about"].trigger()
    assert opened and "Claim Ledger" in opened[0].windowTitle()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_and_is_logged(
        qtbot, window, log_file, captured_dialogs):
    def broken_slot():
        raise RuntimeError("the ledger fell over")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(captured_dialogs))

    dialog = captured_dialogs[0]
    assert dialog.windowTitle() == "Something went wrong"
    report = dialog.text.toPlainText()
    assert "Traceback" in report and "RuntimeError: the ledger fell over" in report
    assert "broken_slot" in report
    assert dialog.text.isReadOnly()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report
    logged = log_file.read_text(encoding="utf-8")
    assert "Unexpected error" in logged and "RuntimeError: the ledger fell over" in logged
    assert window.isVisible()  # the app keeps running


@pytest.mark.qt_no_exception_capture
def test_an_error_on_a_worker_thread_reaches_the_gui_thread(
        qtbot, window, log_file, captured_dialogs):
    def worker():
        raise ValueError("bad page in the worker")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(captured_dialogs))
    assert "ValueError: bad page in the worker" in captured_dialogs[0].report
    assert "bad page in the worker" in log_file.read_text(encoding="utf-8")


def test_crash_dialog_screenshot(qtbot, log_file, artifacts):
    try:
        {}["missing claim"]
    except KeyError:
        report = crash_report(*sys.exc_info())
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert any(str(log_path()) in label.text() for label in dialog.findChildren(QLabel))
    assert dialog.grab().save(str(artifacts / "crash_dialog.png"))


def test_log_file_rotates_at_one_megabyte(log_file):
    handler = next(h for h in logging.getLogger("claimledger").handlers
                   if getattr(h, "claim_ledger_log", False))
    assert handler.maxBytes == MAX_BYTES == 1_000_000 and handler.backupCount == 3
    assert crash_module.log.name.startswith("claimledger")
