"""Ctrl+Shift+F: search every article; Enter jumps to the statement that matched."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import activate, import_through_window, open_article, press, shown

from claimledger.resources import sample_articles
from claimledger.ui.dialogs.search_dialog import snippet_html

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_search(qtbot, window):
    activate(qtbot, window)
    window.ledger_view.setFocus()
    press(qtbot, Qt.Key.Key_F, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.review.search_dialog is not None
                    and window.review.search_dialog.isVisible())
    return window.review.search_dialog


def type_query(qtbot, dialog, text):
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, text)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=3000)


def test_search_finds_a_note_and_enter_jumps_there(qtbot, window, workspace, artifacts):
    import_through_window(qtbot, window, sample_articles())
    articles = workspace.articles()
    target_article = articles[-1].id
    target = workspace.claims(target_article)[3]
    workspace.set_note(target.id, "Zeppelinfield figures contradict the ministry")
    open_article(qtbot, window, articles[0].id)

    dialog = open_search(qtbot, window)
    type_query(qtbot, dialog, "zeppelinfield")
    hits = dialog.model.hits
    assert [h.claim_id for h in hits] == [target.id]
    from claimledger.ui.dialogs.search_dialog import hit_html, matched_elsewhere

    assert matched_elsewhere(hits[0]) and "Note or source:" in hit_html(hits[0])
    dialog.grab().save(str(artifacts / "search_dialog_note.png"))
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    shown(qtbot, window)

    assert not dialog.isVisible()
    assert window.article_id == target_article
    assert window.claim_id == target.id
    assert window.ledger_view.current_claim_id() == target.id
    assert window.inspector.text_label.text() == target.text


def test_search_finds_a_statement_and_arrows_move(qtbot, window, workspace, artifacts):
    import_through_window(qtbot, window, sample_articles())
    dialog = open_search(qtbot, window)
    type_query(qtbot, dialog, "bridge")
    assert dialog.model.rowCount() > 2
    assert dialog.results.currentIndex().row() == 0
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Up)
    assert dialog.results.currentIndex().row() == 1
    chosen = dialog.current_hit()
    assert "bridge" in chosen.text.lower()
    dialog.grab().save(str(artifacts / "search_dialog.png"))
    qtbot.keyClick(dialog.field, Qt.Key.Key_Enter)
    shown(qtbot, window)
    assert window.claim_id == chosen.claim_id
    assert window.article_id == chosen.article_id


def test_a_search_jump_clears_a_filter_that_hides_the_hit(qtbot, window, workspace):
    import_through_window(qtbot, window, sample_articles())
    bar = window.review.filter_bar
    from claimledger.domain.status import Status
    bar.status_chips[Status.DISPUTED].click()
    assert window.ledger_model.total_rows() == 0
    dialog = open_search(qtbot, window)
    type_query(qtbot, dialog, "bridge")
    hit = dialog.current_hit()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    shown(qtbot, window)
    assert window.ledger_view.current_claim_id() == hit.claim_id
    assert not bar.current_filter().active


def test_nothing_found_says_so(qtbot, window):
    import_through_window(qtbot, window, sample_articles())
    dialog = open_search(qtbot, window)
    qtbot.keyClicks(dialog.field, "qqqxyzzy")
    qtbot.waitUntil(lambda: "Nothing matches" in dialog.count_label.text(), timeout=3000)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    shown(qtbot, window)
    assert dialog.isVisible()
    dialog.reject()


def test_snippet_marks_become_bold_and_the_rest_is_escaped():
    assert snippet_html("a \ue000toll\ue001 [sic] <b>") == "a <b>toll</b> [sic] &lt;b&gt;"
