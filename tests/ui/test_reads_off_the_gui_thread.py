"""The window never waits on the disk: opening an article, stepping through its ledger
with every inspector tab, and marking read the workspace on workers only; while an
article is being read the window keeps answering the keyboard."""

from __future__ import annotations

import threading
import traceback

from PySide6.QtCore import Qt
from window_helpers import activate, import_through_window, open_article, press, shown

from claimledger.resources import sample_articles
from claimledger.store import database


def reads_on_the_gui_thread(monkeypatch) -> list[str]:
    """Every database read or write made from the GUI thread, by what asked for it."""
    seen: list[str] = []
    gui = threading.main_thread()
    for name in ("read", "write"):
        original = getattr(database.Database, name)

        def spy(self, _original=original, _name=name):
            if threading.current_thread() is gui:
                callers = [f"{f.name}" for f in traceback.extract_stack()[:-1]
                           if "claimledger" in f.filename and "/store/" not in f.filename]
                seen.append(f"{_name} by {' < '.join(reversed(callers[-3:]))}")
            return _original(self)

        monkeypatch.setattr(database.Database, name, spy)
    return seen


def test_opening_stepping_and_marking_never_touch_the_disk_on_the_gui_thread(
        qtbot, window, workspace, monkeypatch):
    import_through_window(qtbot, window, sample_articles())
    activate(qtbot, window)
    articles = workspace.articles()
    seen = reads_on_the_gui_thread(monkeypatch)

    open_article(qtbot, window, articles[1].id)
    window.ledger_view.setFocus()
    for tab in range(window.inspector.tabs.count()):
        window.inspector.tabs.setCurrentIndex(tab)
        window.ledger_view.setFocus()
        press(qtbot, Qt.Key.Key_J)
        press(qtbot, Qt.Key.Key_2)
        press(qtbot, Qt.Key.Key_K)
    shown(qtbot, window)

    assert window.article_id == articles[1].id
    assert seen == []


def test_the_window_answers_while_an_article_is_read(qtbot, window, workspace, monkeypatch):
    import_through_window(qtbot, window, sample_articles())
    activate(qtbot, window)
    first, second = workspace.articles()[:2]
    open_article(qtbot, window, first.id)
    window.ledger_view.setFocus()
    start = window.claim_id
    release = threading.Event()
    slow = workspace.open_ledger

    def held(article_id, with_article=True):
        release.wait(20)
        return slow(article_id, with_article)

    monkeypatch.setattr(workspace, "open_ledger", held)
    window.review.open_article(second.id)

    qtbot.keyClick(window.ledger_view, Qt.Key.Key_J)  # the GUI thread is free meanwhile
    assert window.claim_id != start and window.article_id == first.id
    assert window.library.current_article_id() == second.id  # the click shows at once
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Opening “"),
                    timeout=5_000)
    release.set()
    shown(qtbot, window)

    assert window.article_id == second.id
    assert window.ledger_model.find(window.claim_id).article_id == second.id
    assert not window.statusBar().currentMessage().startswith("Opening")


def test_only_the_article_asked_for_last_is_shown(qtbot, window, workspace):
    import_through_window(qtbot, window, sample_articles())
    ids = [a.id for a in workspace.articles()]
    for article_id in ids:  # clicking down the library faster than it reads
        window.review.open_article(article_id)
    shown(qtbot, window)

    assert window.article_id == ids[-1]
    assert {c.article_id for c in window.ledger_model.all_claims()} == {ids[-1]}


def test_the_agreement_and_settle_dialogs_open_without_reading_on_the_gui_thread(
        qtbot, window, workspace, monkeypatch):
    import_through_window(qtbot, window, sample_articles())
    activate(qtbot, window)
    window.ledger_view.setFocus()
    press(qtbot, Qt.Key.Key_2)
    shown(qtbot, window)
    seen = reads_on_the_gui_thread(monkeypatch)

    window.actions["agreement"].trigger()
    qtbot.waitUntil(lambda: window.consensus.agreement_dialog is not None, timeout=10_000)
    window.consensus.agreement_dialog.close()
    window.actions["settle"].trigger()
    qtbot.waitUntil(lambda: window.consensus.settle_dialog is not None, timeout=10_000)
    dialog = window.consensus.settle_dialog
    assert dialog.status_buttons  # it shows the reviewer's verdict to settle from
    dialog.reject()

    assert seen == []


def test_the_compare_dialog_reads_both_texts_on_a_worker(qtbot, window, workspace,
                                                         monkeypatch):
    import_through_window(qtbot, window, sample_articles())
    activate(qtbot, window)
    qtbot.waitUntil(window.assist.assist_ready, timeout=20_000)
    text = workspace.article(window.article_id).text
    seen = reads_on_the_gui_thread(monkeypatch)

    dialog = window.assist.open_compare()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)

    assert dialog.left.view.toPlainText() == text
    dialog.close()
    assert seen == []
