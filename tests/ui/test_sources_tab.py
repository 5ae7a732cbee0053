"""Evidence: add a source through its dialog; the Sources tab, the ledger's Sources
column and the database agree; a bad link is refused inline and nothing is saved."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCursor, QHelpEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolTip
from window_helpers import HARBOUR, activate, apply_changes, import_through_window, settle, shown

from claimledger.domain.records import ClaimView
from claimledger.ui.kit.evidence_look import counts_sentence, counts_text
from claimledger.ui.views.inspector import HISTORY_TAB, SOURCES_TAB, VERDICT_TAB
from claimledger.ui.views.ledger_model import SOURCES
from claimledger.ui.views.sources_panel import source_html


def open_dialog(qtbot, window):
    window.ledger_view.setFocus()
    qtbot.keyClick(window.ledger_view, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: window.evidence.source_dialog is not None
                    and window.evidence.source_dialog.isVisible())
    return window.evidence.source_dialog


def press_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def sources_cell(window, claim_id):
    model = window.ledger_model
    return model.data(model.index(model.row_of(claim_id), SOURCES))


def hover_tooltip(qtbot, window, claim_id) -> str:
    """The tooltip a reviewer sees resting the pointer on the claim's Sources cell."""
    view, model = window.ledger_view, window.ledger_model
    cell = view.visualRect(model.index(model.row_of(claim_id), SOURCES))
    where = view.viewport().mapToGlobal(cell.center())
    QCursor.setPos(where)
    QApplication.sendEvent(view.viewport(),
                           QHelpEvent(QEvent.Type.ToolTip, cell.center(), where))
    qtbot.waitUntil(QToolTip.isVisible, timeout=10_000)
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def test_add_a_source_through_the_dialog(qtbot, window, workspace, artifacts):
    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.review.step(2)
    claim_id = window.claim_id
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.url, "https://example.org/minutes/2026-03-12")
    qtbot.keyClicks(dialog.title, "Council minutes, 12 March")
    qtbot.keyClicks(dialog.publisher, "Port Averill Council")
    qtbot.keyClicks(dialog.excerpt, "Approved a capital envelope of $180 million.")
    dialog.stance_buttons["contradicts"].click()
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: window.evidence.source_dialog is None)
    shown(qtbot, window)

    stored = workspace.sources(claim_id)
    assert len(stored) == 1
    source = stored[0]
    assert (source.url, source.title, source.publisher, source.stance) == (
        "https://example.org/minutes/2026-03-12", "Council minutes, 12 March",
        "Port Averill Council", "contradicts")
    assert source.accessed  # today, by default
    assert workspace.claim(claim_id).contradicts == 1

    assert sources_cell(window, claim_id) == "1 ✗"
    tip = hover_tooltip(qtbot, window, claim_id)
    assert tip.splitlines()[0] == counts_sentence(workspace.claim(claim_id))
    assert "• Contradicts: Council minutes, 12 March — Port Averill Council" in tip
    tabs = window.inspector.tabs
    assert tabs.currentIndex() == SOURCES_TAB
    assert tabs.tabText(SOURCES_TAB) == "Sources (1)"
    panel = window.inspector.sources_panel
    assert [s.id for s in panel.sources] == [source.id]
    assert "Council minutes, 12 March" in source_html(source)
    assert panel.open_button.isEnabled()
    window.inspector.grab().save(str(artifacts / "inspector_sources_tab.png"))
    tabs.setCurrentIndex(VERDICT_TAB)
    window.inspector.grab().save(str(artifacts / "inspector_verdict_tab.png"))
    tabs.setCurrentIndex(HISTORY_TAB)
    window.inspector.grab().save(str(artifacts / "inspector_history_tab.png"))


def test_a_javascript_link_is_refused_inline_and_nothing_is_saved(qtbot, window, workspace):
    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    claim_id = window.claim_id
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.url, "javascript:alert(1)")
    qtbot.keyClicks(dialog.title, "Trap")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.isVisible()
    assert "Links must be http, https or doi" in dialog.error.text()
    assert workspace.sources(claim_id) == []
    assert sources_cell(window, claim_id) == ""

    dialog.url.clear()
    qtbot.keyClicks(dialog.url, "ftp://files.example.org/x")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "ftp:" in dialog.error.text())
    assert dialog.isVisible()
    dialog.url.clear()
    press_ok(qtbot, dialog)
    assert dialog.error.text() == "A source needs a link or a local file."
    assert workspace.sources(claim_id) == []
    dialog.reject()


def test_edit_and_retire_a_source_from_the_tab(qtbot, window, workspace):
    import_through_window(qtbot, window, [HARBOUR])
    claim_id = window.claim_id
    source_id, changes = workspace.add_source(claim_id, url="https://example.org/a",
                                              title="First title", stance="supports")
    apply_changes(window, changes)
    window.inspector.tabs.setCurrentIndex(SOURCES_TAB)
    shown(qtbot, window)
    panel = window.inspector.sources_panel
    assert [s.title for s in panel.sources] == ["First title"]
    assert sources_cell(window, claim_id) == "1 ✓"

    panel.edit_button.click()
    qtbot.waitUntil(lambda: window.evidence.source_dialog is not None)
    dialog = window.evidence.source_dialog
    assert dialog.url.text() == "https://example.org/a"
    dialog.title.clear()
    qtbot.keyClicks(dialog.title, "Better title")
    dialog.stance_buttons["context"].click()
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: window.evidence.source_dialog is None)
    shown(qtbot, window)
    assert workspace.sources(claim_id)[0].title == "Better title"
    assert [s.title for s in panel.sources] == ["Better title"]
    assert sources_cell(window, claim_id) == "1 ○"

    panel.retire_button.click()
    settle(qtbot, window)
    assert workspace.sources(claim_id) == []
    assert panel.sources == []
    assert sources_cell(window, claim_id) == ""
    assert source_id


def test_counts_text_and_sentence():
    claim = ClaimView("c", "a", 0, 1, "x", "claim", "body", "auto", supports=2,
                      contradicts=1)
    assert counts_text(claim) == "2 ✓  1 ✗"
    assert counts_sentence(claim) == "3 sources: 2 supporting, 1 contradicting"


def test_links_open_only_when_asked_and_only_safe_ones(qtbot, window, workspace, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString())
                        or True)
    import_through_window(qtbot, window, [HARBOUR])
    claim_id = window.claim_id
    _sid, changes = workspace.add_source(claim_id, url="doi:10.1234/bridge.2026",
                                         title="Survey", stance="supports")
    apply_changes(window, changes)
    window.inspector.tabs.setCurrentIndex(SOURCES_TAB)
    shown(qtbot, window)
    panel = window.inspector.sources_panel
    assert opened == []  # showing sources fetches and opens nothing
    label = panel.list.itemWidget(panel.list.item(0))
    assert 'href="https://doi.org/10.1234/bridge.2026"' in label.text()
    panel.open_button.click()
    assert opened == ["https://doi.org/10.1234/bridge.2026"]
    label.linkActivated.emit("https://doi.org/10.1234/bridge.2026")
    assert len(opened) == 2


def test_sourced_with_nothing_attached_says_so_until_a_source_is_added(qtbot, window,
                                                                      workspace, tmp_path):
    """"Sourced" with no source is a claim nobody can check: the inspector and the PDF
    say so, and the note goes once a source is attached."""
    from pypdf import PdfReader
    from window_helpers import press

    import_through_window(qtbot, window, [HARBOUR])
    activate(qtbot, window)
    window.ledger_view.setFocus()
    note = window.inspector.no_source
    press(qtbot, Qt.Key.Key_1)
    assert note.isVisible()
    pdf = tmp_path / "report.pdf"
    workspace.export_pdf([window.article_id], pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "No source attached" in text

    dialog = open_dialog(qtbot, window)
    dialog.url.setText("https://example.org/minutes.pdf")
    press_ok(qtbot, dialog)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: not note.isVisible())
    workspace.export_pdf([window.article_id], pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "No source attached" not in text
