"""Names from outside (a file's, a reviewer's, an article's) are shown as they are: a
name that looks like HTML never draws as a heading, in a message box, a label or a
tooltip, so nobody can pass for someone else by markup."""

from __future__ import annotations

import sys
from pathlib import Path

from exchange_helpers import open_files_returning
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel

from claimledger.ui.kit.labels import plain_tip

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "adversary"))
from malicious_peer import Mallory  # noqa: E402

HOSTILE = "<h1>Ben <font color=red>Ode"


def _drop_ledger(qtbot, window, path: Path) -> None:
    """Drop one ledger file on the window and wait for its merge to end."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with qtbot.waitSignal(window.ledger_files.sync_runner.finished, timeout=20_000):
        window.dropEvent(QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def test_a_refused_file_with_a_markup_name_is_named_literally(qtbot, window, tmp_path):
    path = tmp_path / "<h1>HUGE<font color=red>notes.cledger"
    path.write_bytes(b"nope")
    _drop_ledger(qtbot, window, path)
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=20_000)
    box = window.last_message
    assert box.text() == "Nothing was imported from <h1>HUGE<font color=red>notes.cledger."
    assert box.textFormat() == Qt.TextFormat.PlainText
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label.textFormat() == Qt.TextFormat.PlainText and label.wordWrap()
    box.close()


def test_a_long_file_name_wraps_in_the_message_box(qtbot, window, tmp_path):
    path = tmp_path / ("x" * 200 + ".cledger")
    path.write_bytes(b"Call the ministry back.\n")
    _drop_ledger(qtbot, window, path)
    qtbot.waitUntil(lambda: window.last_message is not None
                    and window.last_message.isVisible(), timeout=20_000)
    box = window.last_message
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label.text().replace("\u200b", "") == f"Nothing was imported from {path.name}."
    assert label.width() <= box.width() < window.screen().availableGeometry().width()
    assert label.heightForWidth(label.width()) > label.fontMetrics().height()  # wrapped
    box.close()


def test_a_reviewer_named_in_markup_is_shown_by_that_name_in_the_trust_dialog(
        qtbot, window, tmp_path, monkeypatch):
    mallory = Mallory(HOSTILE)
    path = mallory.write(tmp_path / "ben.cledger", [mallory.joined()])
    open_files_returning(monkeypatch, [path])
    window.actions["import_ledger"].trigger()
    qtbot.waitUntil(lambda: window.ledger_files.trust_dialog is not None, timeout=20_000)
    dialog = window.ledger_files.trust_dialog
    named = [label for label in dialog.findChildren(QLabel) if HOSTILE in label.text()]
    assert named and all(label.textFormat() == Qt.TextFormat.PlainText for label in named)
    dialog.reject()


def test_a_tooltip_that_looks_like_markup_is_escaped_and_others_are_left_alone():
    assert plain_tip("Council votes 6-3") == "Council votes 6-3"
    assert plain_tip(f"{HOSTILE}\nsecond line") == (
        "<qt>&lt;h1&gt;Ben &lt;font color=red&gt;Ode<br>second line</qt>")
