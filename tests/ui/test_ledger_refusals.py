"""A malicious ledger file through the window (Import Ledger, and a drop): refused in one
message that names the file, the event and the rule; the workspace is unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

from exchange_helpers import ana_and_ben, open_files_returning
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "adversary"))
from malicious_peer import Mallory, state  # noqa: E402


def _bad_file(tmp_path, claim: str) -> Path:
    mallory = Mallory()
    bad = mallory.verdict(claim, status="certainly-true")
    return mallory.write(tmp_path / "mallory.cledger", [mallory.joined(), bad])


def _refusal_shown(qtbot, window) -> str:
    qtbot.waitUntil(lambda: window.last_message is not None
                    and window.last_message.isVisible(), timeout=20_000)
    box = window.last_message
    text = f"{box.text()} {box.informativeText()}"
    box.close()
    return text


def test_import_ledger_refuses_a_signed_file_that_breaks_a_rule(qtbot, window, workspace,
                                                                tmp_path, monkeypatch):
    ben, (first, _), _path = ana_and_ben(qtbot, window, tmp_path)
    path = _bad_file(tmp_path, first)
    before = state(workspace)
    open_files_returning(monkeypatch, [path])
    with qtbot.waitSignal(window.ledger_files.sync_runner.finished, timeout=20_000):
        window.actions["import_ledger"].trigger()
    text = _refusal_shown(qtbot, window)
    assert "mallory.cledger" in text and "event 2 " in text
    assert "its status 'certainly-true' is not one of" in text
    assert window.ledger_files.trust_dialog is None
    assert state(workspace) == before
    ben.close()


def test_a_dropped_malicious_file_is_refused_the_same_way(qtbot, window, workspace,
                                                          tmp_path):
    ben, (first, _), _path = ana_and_ben(qtbot, window, tmp_path)
    path = _bad_file(tmp_path, first)
    before = state(workspace)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with qtbot.waitSignal(window.ledger_files.sync_runner.finished, timeout=20_000):
        window.dropEvent(QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    text = _refusal_shown(qtbot, window)
    assert "mallory.cledger" in text and "its status 'certainly-true'" in text
    assert state(workspace) == before
    ben.close()


def test_the_trust_prompt_flags_a_name_another_reviewer_has(qtbot, window, tmp_path,
                                                           monkeypatch):
    ben, (first, _), path = ana_and_ben(qtbot, window, tmp_path)
    open_files_returning(monkeypatch, [path])
    window.actions["import_ledger"].trigger()
    qtbot.waitUntil(lambda: window.ledger_files.trust_dialog is not None, timeout=20_000)
    with qtbot.waitSignal(window.ledger_files.sync_runner.finished, timeout=20_000):
        window.ledger_files.trust_dialog.trust_button.click()
    impostor = Mallory("Ben Ode")
    fake = impostor.write(tmp_path / "ben-too.cledger",
                          [impostor.joined(), impostor.verdict(first)])
    open_files_returning(monkeypatch, [fake])
    window.actions["import_ledger"].trigger()
    qtbot.waitUntil(lambda: window.ledger_files.trust_dialog is not None, timeout=20_000)
    text = window.ledger_files.trust_dialog.text()
    assert "Warning: Ben Ode (" in text and "has the same name as another reviewer" in text
    window.ledger_files.trust_dialog.reject()
    ben.close()
