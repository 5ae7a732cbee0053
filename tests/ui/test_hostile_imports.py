"""Unusual and hostile article files given to the window (File ▸ Import Articles…, or
dropped on it): UTF-16 and Markdown show clean statements; every bad file is named in
one message, with its reason on one line, and the workspace stays exactly as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from window_helpers import shown

from claimledger.ui.kit.messages import as_text

ARTICLE = """\
Council votes 6-3 to close Linden Street library branch

By Marta Okonkwo-Reyes

The city council voted 6-3 on Tuesday to close the Linden Street branch library by the \
end of June, saving an estimated $410,000 a year.
"""

MARKDOWN = """\
# Harbour tunnel toll *approved* by council

**By Henrike Saarinen-Blake**

![Traffic at the tunnel entrance](file:///etc/passwd)

Drivers will pay a **$4** toll from September after the [council](https://example.invalid/)
backed the charge by six votes to three on Tuesday.

<script>document.write("SCRIPT-TEXT")</script>

## What drivers say

* Some 42,000 vehicles use the tunnel every day, the transport department said.
"""


def drop_now(window, paths: list[Path]) -> None:
    """Drop files on the window as a file manager does (without waiting for anything)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    window.dropEvent(QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def drop(qtbot, window, paths: list[Path]) -> None:
    """Drop files on the window; wait for the import to report."""
    with qtbot.waitSignal(window.importer.finished, timeout=30_000):
        drop_now(window, paths)
    shown(qtbot, window)


def choose(qtbot, window, monkeypatch, paths: list[Path]) -> None:
    """File ▸ Import Articles…, with the file dialog answering `paths`."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(p) for p in paths], ""))
    with qtbot.waitSignal(window.importer.finished, timeout=30_000):
        window.choose_files()
    shown(qtbot, window)


def statements(window) -> list[tuple[str, str]]:
    return [(c.text, c.role) for c in window.ledger_model.all_claims()]


def shown_text(window) -> str:
    return window.article_view.toPlainText().replace("\u2029", "\n")


def workspace_state(workspace) -> str:
    conn = sqlite3.connect(workspace.path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture
def give(qtbot, window, monkeypatch):
    """give(how, paths): import through the file dialog or by a drop."""
    def _give(how: str, paths: list[Path]) -> None:
        if how == "drop":
            drop(qtbot, window, paths)
        else:
            choose(qtbot, window, monkeypatch, paths)
    return _give


@pytest.mark.parametrize("how", ["drop", "dialog"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_without_a_mark_shows_clean_statements(window, give, tmp_path, how,
                                                            encoding):
    path = tmp_path / "council.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    give(how, [path])
    assert window.article_id is not None
    assert shown_text(window) == ARTICLE.strip("\n")
    found = statements(window)
    assert found[0] == ("Council votes 6-3 to close Linden Street library branch", "headline")
    assert ("By Marta Okonkwo-Reyes", "byline") in found
    assert all("\x00" not in text for text, _role in found)


@pytest.mark.parametrize("how", ["drop", "dialog"])
def test_a_markdown_file_shows_clean_statements(window, give, tmp_path, how):
    path = tmp_path / "tunnel.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    give(how, [path])
    text = shown_text(window)
    for markup in ("#", "*", "](", "<", "file:", "SCRIPT-TEXT", "example.invalid"):
        assert markup not in text, markup
    found = statements(window)
    assert found[0] == ("Harbour tunnel toll approved by council", "headline")
    assert ("By Henrike Saarinen-Blake", "byline") in found
    assert ("Traffic at the tunnel entrance", "caption") in found
    assert ("What drivers say", "heading") in found
    assert ("Drivers will pay a $4 toll from September after the council backed the charge "
            "by six votes to three on Tuesday.", "body") in found
    assert window.windowTitle().startswith("Harbour tunnel toll approved by council")


def _bad_files(folder: Path) -> dict[str, Path]:
    files = {
        "empty.txt": b"",
        "counts.txt": b"".join(n.to_bytes(2, "little") for n in range(1, 300)) * 8,
        "only-html.md": b"<script>alert(1)</script>\n\n<div>x</div>\n",
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    huge = paths["huge.txt"] = folder / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(40 * 1024 * 1024)  # sparse: never read, refused by its size
    paths["a folder"] = folder / "a folder"
    paths["a folder"].mkdir()
    paths["gone.txt"] = folder / "gone.txt"  # dropped, then deleted before it was read
    if hasattr(os, "mkfifo"):
        paths["pipe.txt"] = folder / "pipe.txt"
        os.mkfifo(paths["pipe.txt"])
    return paths


@pytest.mark.parametrize("how", ["drop", "dialog"])
def test_bad_files_are_each_named_once_and_change_nothing(window, workspace, give, tmp_path,
                                                          monkeypatch, how):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(as_text(text)))
    folder = tmp_path / "bad"
    folder.mkdir()
    bad = _bad_files(folder)
    before, listing = workspace_state(workspace), sorted(os.listdir(tmp_path))

    give(how, list(bad.values()))

    assert len(shown) == 1
    heading, _blank, *lines = shown[0].split("\n")
    assert heading == "Nothing was imported."
    assert len(lines) == len(bad)  # one line per file, each with its reason
    for name in bad:
        assert sum(line.startswith(f"• {name}: ") for line in lines) == 1, (name, lines)
    assert "40 MB" in next(line for line in lines if "huge.txt" in line)
    assert workspace.articles() == []
    assert workspace_state(workspace) == before
    assert sorted(os.listdir(tmp_path)) == listing
    assert window.welcome.isVisible()


@pytest.mark.parametrize("how", ["Import Ledger", "drop"])
def test_bad_ledger_files_are_refused_in_one_message_and_change_nothing(
        qtbot, window, workspace, tmp_path, monkeypatch, how):
    from exchange_helpers import open_files_returning
    from window_helpers import import_through_window

    article = tmp_path / "council.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    import_through_window(qtbot, window, [article])
    folder = tmp_path / "ledgers"
    folder.mkdir()
    bad = {"empty.cledger": b"", "notes.cledger": b"Call the ministry back.\n",
           "other.cledger": b'{"format": "something else"}',
           "photo.cledger": b"\x89PNG\r\n\x1a\n" + bytes(range(256))}
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    paths = [folder / name for name in bad] + [folder / "gone.cledger"]
    before, listing = workspace_state(workspace), sorted(os.listdir(tmp_path))

    with qtbot.waitSignal(window.ledger_files.sync_runner.finished, timeout=20_000):
        if how == "drop":
            drop_now(window, paths)
        else:
            open_files_returning(monkeypatch, paths)
            window.actions["import_ledger"].trigger()
    box = window.last_message
    assert box is not None and box.text().startswith("Nothing was imported from")
    reasons = box.informativeText().split("\n\n")
    assert sorted(line.split(":")[0] for line in reasons) == sorted(p.name for p in paths)
    assert all("\n" not in line for line in reasons)
    box.close()
    assert workspace_state(workspace) == before
    assert sorted(os.listdir(tmp_path)) == listing  # no backups folder either


CHINESE = ("市议会以六比三票通过关闭林登街图书馆分馆\n\n"
           "市议会周二以六比三的投票结果决定在六月底前关闭分馆，每年预计节省四十一万美元。\n")


@pytest.mark.parametrize("how", ["drop", "dialog"])
def test_chinese_utf16_without_a_mark_is_imported(window, give, tmp_path, how):
    path = tmp_path / "council-zh.txt"
    path.write_bytes(CHINESE.encode("utf-16-be"))
    give(how, [path])
    assert shown_text(window) == CHINESE.strip("\n")


def test_a_hidden_element_opened_in_one_paragraph_leaves_nothing(window, give, tmp_path):
    path = tmp_path / "tunnel.md"
    path.write_text("# Tunnel toll approved\n\nThe council agreed <script>\n\n"
                    "document.write('SCRIPT-TEXT')\n\n</script>\n\nDrivers will pay $4.\n",
                    encoding="utf-8")
    give("drop", [path])
    assert "SCRIPT-TEXT" not in shown_text(window)
    assert ("Drivers will pay $4.", "body") in statements(window)


def test_a_ledger_file_chosen_in_import_articles_is_merged_not_imported(
        qtbot, window, workspace, tmp_path, monkeypatch):
    """Through "All files" a ledger file reaches Import Articles: it goes where a dropped
    one goes, and never becomes an article of JSON."""
    ledger = tmp_path / "notes.cledger"
    ledger.write_text("Call the ministry back.\n", encoding="utf-8")
    before = workspace_state(workspace)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(ledger)], ""))
    with qtbot.waitSignal(window.ledger_files.sync_runner.finished, timeout=20_000):
        window.actions["import_files"].trigger()
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=20_000)
    box = window.last_message
    assert box.text() == "Nothing was imported from notes.cledger."
    assert not box.informativeText().startswith("notes.cledger")  # named once
    assert workspace_state(workspace) == before


def test_a_ledger_file_of_any_name_is_refused_as_an_article(window, workspace, give,
                                                            tmp_path, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: said.append(as_text(text)))
    path = tmp_path / "ledger-backup.txt"
    path.write_text('{\n  "format": "claim-ledger/ledger",\n  "version": 2\n}\n',
                    encoding="utf-8")
    before = workspace_state(workspace)
    give("drop", [path])
    assert len(said) == 1 and "is a Claim Ledger ledger file" in said[0]
    assert workspace_state(workspace) == before


def test_files_dropped_while_an_import_runs_are_imported_after_it(qtbot, window, tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE.replace("Linden Street", "Elm Row"), encoding="utf-8")
    reports = []
    window.importer.finished.connect(reports.append)
    for path in (first, second):
        drop_now(window, [path])
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=30_000)
    assert [len(report.imported) for report in reports] == [1, 1]
    assert {summary.title for summary in window.ctx.summaries.values()} >= {
        "Council votes 6-3 to close Linden Street library branch",
        "Council votes 6-3 to close Elm Row library branch"}


def test_a_drop_of_articles_and_ledger_files_names_every_refusal_in_one_message(
        qtbot, window, workspace, tmp_path, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: said.append(as_text(text)))
    good, photo, notes = tmp_path / "good.txt", tmp_path / "photo.png", tmp_path / "notes.cledger"
    good.write_text(ARTICLE, encoding="utf-8")
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    notes.write_text("Call the ministry back.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=30_000):
        drop_now(window, [notes, photo, good])
    assert len(said) == 1 and window.last_message is None  # no second box for the ledger
    heading, _blank, *lines = said[0].split("\n")
    assert heading == "Some files were not imported."
    assert sorted(line.split(":")[0] for line in lines) == ["• notes.cledger", "• photo.png"]
    assert "notes.cledger: notes.cledger" not in said[0]
    assert any(s.title.startswith("Council votes 6-3") for s in window.ctx.summaries.values())


def test_a_ledger_file_dropped_while_a_merge_runs_is_merged_after_it(qtbot, window, tmp_path):
    first, second = tmp_path / "first.cledger", tmp_path / "second.cledger"
    first.write_text("not a ledger\n", encoding="utf-8")
    second.write_text("not one either\n", encoding="utf-8")
    merges = []
    window.ledger_files.sync_runner.finished.connect(lambda *_: merges.append(1))
    for path in (first, second):
        drop_now(window, [path])
    qtbot.waitUntil(lambda: len(merges) == 2 and window.last_message is not None
                    and "second.cledger" in window.last_message.text(), timeout=30_000)
    assert not window.ledger_files.waiting
