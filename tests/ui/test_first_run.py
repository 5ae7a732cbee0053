"""First run: with no name known, ask for one before the window opens, and keep it."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from claimledger.ui.dialogs.first_run import WHY, FirstRunDialog, resolve_reviewer
from claimledger.ui.kit import preferences


@pytest.fixture
def no_name(monkeypatch):
    monkeypatch.delenv("CLAIM_LEDGER_REVIEWER", raising=False)
    monkeypatch.setattr(preferences, "os_user", lambda: "aruiz")


def test_dialog_asks_when_no_name_is_known_and_its_value_is_used(qtbot, no_name, monkeypatch):
    seen = []

    def answer(dialog):
        seen.append(dialog.name.text())
        qtbot.addWidget(dialog)
        dialog.name.setText("  Ana   Ruiz ")
        return 1

    monkeypatch.setattr(FirstRunDialog, "exec", answer)
    assert resolve_reviewer(None, ask=True) == "Ana Ruiz"
    assert seen == ["aruiz"]  # prefilled from the OS user name
    assert QSettings("Claim Ledger", "Claim Ledger").value("reviewer/name") == "Ana Ruiz"

    monkeypatch.setattr(FirstRunDialog, "exec", lambda d: pytest.fail("asked twice"))
    assert resolve_reviewer(None, ask=True) == "Ana Ruiz"


def test_dialog_says_why_and_refuses_an_empty_name(qtbot, artifacts):
    dialog = FirstRunDialog("aruiz")
    qtbot.addWidget(dialog)
    assert WHY in [label.text() for label in dialog.findChildren(QLabel)]
    assert "every verdict" in WHY and "PDF" in WHY
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name.setText("   ")
    assert not ok.isEnabled()
    dialog.name.setText("Ana Ruiz")
    assert ok.isEnabled() and ok.text() == "Continue"
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(artifacts / "first_run.png"))


def test_quitting_the_first_run_dialog_opens_nothing(no_name, monkeypatch):
    monkeypatch.setattr(FirstRunDialog, "exec", lambda d: 0)
    assert resolve_reviewer(None, ask=True) is None
    assert preferences.saved_reviewer() == ""


def test_precedence_cli_then_env_then_settings_then_os_user(no_name, monkeypatch):
    monkeypatch.setattr(FirstRunDialog, "exec", lambda d: pytest.fail("must not ask"))
    assert resolve_reviewer(None, ask=False) == "aruiz"  # screenshot mode: never asks
    assert preferences.saved_reviewer() == ""
    preferences.save_reviewer("Saved Name")
    assert resolve_reviewer(None, ask=True) == "Saved Name"
    monkeypatch.setenv("CLAIM_LEDGER_REVIEWER", "Env Name")
    assert resolve_reviewer(None, ask=True) == "Env Name"
    assert resolve_reviewer("Cli Name", ask=True) == "Cli Name"


def test_screenshot_mode_never_shows_it(qtbot, no_name, monkeypatch, tmp_path):
    from claimledger.ui.shell.app import run_window

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(FirstRunDialog, "exec", lambda d: pytest.fail("must not ask"))
    png = tmp_path / "shot.png"
    assert run_window(tmp_path / "first.claimledger", None, screenshot=png) == 0
    assert QImage(str(png)).width() > 0
