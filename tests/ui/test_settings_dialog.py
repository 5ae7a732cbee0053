"""Edit ▸ Settings: reviewer, appearance, reasons, report paper and the sync folder."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from window_helpers import HARBOUR, import_through_window, settle

from claimledger.domain.status import Status
from claimledger.ui.dialogs.reason_picker import ReasonPicker
from claimledger.ui.kit import preferences
from claimledger.ui.kit.messages import as_text
from claimledger.ui.shell.settings_dialog import PAGES, SettingsDialog


@pytest.fixture
def settings(qtbot, window):
    dialog = SettingsDialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.reasons.dirty = False  # no "save your changes?" question at teardown
    dialog.close()
    dialog.deleteLater()


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(as_text(text)))
    return shown


def unverified_claim(qtbot, window):
    import_through_window(qtbot, window, [HARBOUR])
    window.review.mark(Status.UNVERIFIED)
    settle(qtbot, window)
    return window.ctx.current_claim()


def combo_items(window) -> list[str]:
    combo = window.inspector.reason_combo
    return [combo.itemText(i) for i in range(combo.count())]


def test_settings_action_opens_the_dialog_on_ctrl_comma(window, monkeypatch):
    opened = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self) or 0)
    action = window.actions["settings"]
    assert action.shortcut().toString() == "Ctrl+,"
    action.trigger()
    assert opened and [opened[0].sidebar.item(i).text() for i in range(len(PAGES))] == list(PAGES)


def test_article_font_size_applies_live_and_is_remembered(qtbot, window, settings):
    import_through_window(qtbot, window, [HARBOUR])
    settings.show_page("Appearance")
    settings.appearance.font_size.setValue(18)
    assert window.article_view.document().defaultFont().pointSizeF() == 18
    assert preferences.article_font_size() == 18
    assert settings.appearance.font_size.minimum() == 10
    assert settings.appearance.font_size.maximum() == 24


def test_font_size_is_applied_to_a_new_window(qtbot, workspace):
    from claimledger.ui.shell.main_window import MainWindow

    preferences.save_article_font_size(20)
    win = MainWindow(workspace)
    win.persist_settings = False
    qtbot.addWidget(win)
    assert win.article_view.document().defaultFont().pointSizeF() == 20


def test_added_reason_is_offered_in_the_inspector_and_picker(qtbot, window, settings):
    claim = unverified_claim(qtbot, window)
    page = settings.reasons
    settings.show_page("Reasons")
    page.status_box.setCurrentIndex(page.status_box.findData(Status.UNVERIFIED))
    assert "Embargoed data" not in combo_items(window)

    page.add("Embargoed data")
    assert page.dirty and page.buttons["save"].isEnabled()
    assert page.save()

    assert "Embargoed data" in [r.label for r in window.workspace.reasons_for(Status.UNVERIFIED)]
    assert "Embargoed data" in combo_items(window)
    picker = ReasonPicker(claim.status, window.workspace.reasons_for(claim.status), None, window)
    qtbot.addWidget(picker)
    offered = [picker.presets.item(i).text() for i in range(picker.presets.count())]
    assert any(text.endswith("Embargoed data") for text in offered)


def test_a_retired_reason_is_no_longer_offered(qtbot, window, settings, artifacts):
    unverified_claim(qtbot, window)
    page = settings.reasons
    settings.show_page("Reasons")
    first = page.list.item(0).text()
    assert first in combo_items(window)
    page.list.setCurrentRow(0)
    page.toggle_retired()
    assert page.buttons["retire"].text() == "Restore"
    assert page.save()

    assert first not in [r.label for r in window.workspace.reasons_for(Status.UNVERIFIED)]
    assert first not in combo_items(window)
    kept = window.workspace.taxonomy.for_status(Status.UNVERIFIED, include_retired=True)
    assert [r.label for r in kept if r.retired] == [first]
    assert page.list.item(0).text() == first  # still listed, shown struck through
    settings.grab().save(str(artifacts / "settings_reasons_retired.png"))


def test_rename_and_reorder_keep_the_ids(qtbot, settings, window):
    page = settings.reasons
    before = window.workspace.reasons_for(Status.UNVERIFIED)
    page.list.item(0).setText("Said without any evidence")
    page.list.setCurrentRow(0)
    page.move(1)
    assert page.save()
    after = window.workspace.reasons_for(Status.UNVERIFIED)
    assert after[1].id == before[0].id and after[1].label == "Said without any evidence"
    assert after[0].id == before[1].id


def test_duplicate_label_is_refused_with_the_verbs_message(qtbot, settings, window, warnings):
    page = settings.reasons
    before = window.workspace.reasons_for(Status.UNVERIFIED)
    page.add(before[0].label.upper())
    assert not page.save()
    assert warnings and "cannot be saved" in warnings[0]
    assert window.workspace.reasons_for(Status.UNVERIFIED) == before


def test_export_and_import_round_trip(qtbot, settings, window, tmp_path, monkeypatch):
    page = settings.reasons
    page.add("Embargoed data")
    assert page.save()
    target = tmp_path / "desk-reasons.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export()
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert any(r["label"] == "Embargoed data" for r in exported["reasons"]["unverified"])

    page.list.setCurrentRow(page.list.count() - 1)
    page.toggle_retired()
    assert page.save()
    assert "Embargoed data" not in [r.label for r in window.workspace.reasons_for(
        Status.UNVERIFIED)]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    page.import_()
    assert "Embargoed data" in [r.label for r in window.workspace.reasons_for(
        Status.UNVERIFIED)]
    assert "Embargoed data" in page.labels(include_retired=False)


def test_a_bad_import_shows_the_message_and_changes_nothing(
        qtbot, settings, window, tmp_path, monkeypatch, warnings):
    bad = tmp_path / "broken.json"
    bad.write_text('{"reasons": {"unverified": [{"id": "x"}]}}', encoding="utf-8")
    before = window.workspace.taxonomy
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    settings.reasons.import_()
    assert len(warnings) == 1
    assert "broken.json is not a reason list" in warnings[0] and "has no label" in warnings[0]
    assert window.workspace.taxonomy == before


def test_sync_folder_holding_the_database_is_refused_inline(
        qtbot, settings, window, monkeypatch):
    page = settings.sync
    settings.show_page("Sync folder")
    holder = window.workspace.path.resolve().parent
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(holder))
    page.choose()
    assert page.error.isVisible()
    assert "database is inside that folder" in page.error.text()
    assert window.workspace.sync_folder() is None
    assert page.own_file.text() == "—"


def test_sync_folder_is_set_and_cleared(qtbot, settings, window, tmp_path, monkeypatch):
    window.workspace.unlock()  # the file name carries the reviewer's id
    restarted = []
    window.folder.restart_folder_sync = lambda: restarted.append(True)
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(shared))
    page = settings.sync
    page.choose()
    assert window.workspace.sync_folder() == shared.resolve()
    assert not page.error.isVisible()
    assert page.own_file.text() == window.workspace.own_sync_file().name
    assert page.own_file.text().endswith(".cledger")
    page.clear_button.click()
    assert window.workspace.sync_folder() is None
    assert restarted == [True, True]


def test_paper_size_is_stored_for_the_pdf_export(settings):
    assert settings.report.paper() == "A4"
    settings.report.choose("Letter")
    assert QSettings("Claim Ledger", "Claim Ledger").value("report/paper") == "Letter"
    assert preferences.paper() == "Letter"


def test_reviewer_name_is_saved_for_next_time(qtbot, settings, window, monkeypatch):
    monkeypatch.delenv("CLAIM_LEDGER_REVIEWER")
    page = settings.reviewer
    page.name.setText("Ana María Ruiz")
    page.save_name()
    assert QSettings("Claim Ledger", "Claim Ledger").value("reviewer/name") == "Ana María Ruiz"
    assert "next time" in page.saved_note.text()
    assert window.workspace.reviewer_name == "Ana Ruiz"  # this session keeps its name


def test_reviewer_page_shows_fingerprint_and_key_storage(qtbot, settings, window):
    page = settings.reviewer
    assert page.storage.text() == window.workspace.key_storage()
    window.workspace.unlock()
    from claimledger.ui.shell.settings_pages import ReviewerPage

    fresh = ReviewerPage(window.workspace)
    qtbot.addWidget(fresh)
    assert fresh.fingerprint.text().startswith("SHA256:")
    fresh.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == window.workspace.identity.fingerprint


def test_screenshots_of_every_page(qtbot, window, settings, artifacts):
    import_through_window(qtbot, window, [HARBOUR])
    window.workspace.unlock()
    settings.close()
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for name in PAGES:
        dialog.show_page(name)
        QApplication.processEvents()
        slug = name.lower().replace(" ", "_")
        assert dialog.grab().save(str(artifacts / f"settings_{slug}.png"))


def test_inline_rename_is_limited_to_the_longest_reason(qtbot, settings):
    from claimledger.domain.reasons import MAX_REASON

    page = settings.reasons
    settings.show_page("Reasons")
    page.list.setCurrentRow(0)
    page.rename()
    editor = page.list.findChild(QLineEdit)
    assert editor is not None and editor.maxLength() == MAX_REASON
    assert editor.text() == page.list.item(0).text()  # no "(retired)" or other decoration


def test_a_new_signing_key_from_settings(qtbot, window, monkeypatch):
    import_through_window(qtbot, window, [HARBOUR])
    window.review.mark(Status.SOURCED)
    settle(qtbot, window)
    old = window.workspace.identity.fingerprint
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    page = dialog.show_page("Reviewer")
    assert page.fingerprint.text() == old and page.new_key_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    page.new_key_button.click()
    qtbot.waitUntil(lambda: page.fingerprint.text() != old, timeout=10_000)
    assert page.fingerprint.text() == window.workspace.identity.fingerprint
    assert f"it replaces {old}" in page.key_note.text()
    window.review.mark(Status.DISPUTED)  # signed with the new key, and checked
    settle(qtbot, window)
    assert window.workspace.projections_match_log()
    people = {r.id: r for r in window.workspace.reviewers_here()}
    assert people[window.workspace.reviewer_id].fingerprint == page.fingerprint.text()
    dialog.close()
