"""The empty workspace welcomes; imports run off the GUI thread; failures are listed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from window_helpers import HARBOUR, import_through_window, shown

from claimledger.resources import sample_articles
from claimledger.ui.kit.messages import as_text


def test_welcome_panel_until_the_first_import(qtbot, window):
    assert window.welcome.isVisible()
    assert not window.ledger_view.isVisible()
    import_through_window(qtbot, window, [HARBOUR])
    assert not window.welcome.isVisible()
    assert window.ledger_view.isVisible()
    assert window.ledger_model.rowCount() > 10
    assert window.windowTitle().startswith("Port Averill council")


def test_open_the_sample_articles_imports_them_all(qtbot, window, workspace):
    with qtbot.waitSignal(window.importer.finished, timeout=30_000):
        window.welcome.samples_button.click()
    shown(qtbot, window)
    assert len(workspace.articles()) == len(sample_articles())
    assert window.library.model().rowCount() == len(sample_articles())
    assert window.article_id is not None


def test_bad_files_are_listed_in_one_message_and_nothing_is_imported(
        qtbot, window, workspace, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(as_text(text)))
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "missing-article.txt"

    import_through_window(qtbot, window, [binary, missing])

    assert len(shown) == 1
    assert "photo.txt" in shown[0] and "missing-article.txt" in shown[0]
    assert "Nothing was imported" in shown[0]
    assert workspace.articles() == []
    assert window.welcome.isVisible()


def test_paste_dialog_import_button_waits_for_text(qtbot):
    from claimledger.ui.dialogs.paste_dialog import PasteDialog

    dialog = PasteDialog(prefill_from_clipboard=False)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    dialog.text_edit.setPlainText("The bridge is 94 years old.")
    assert dialog.import_button.isEnabled()
    dialog.title_edit.setText("  Bridge  ")
    assert dialog.article() == ("The bridge is 94 years old.", "Bridge")
