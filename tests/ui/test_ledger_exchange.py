"""Ledger files between two reviewers: trust on first use, disagreements, settling."""

from __future__ import annotations

import json

from exchange_helpers import (
    ana_and_ben,
    open_files_returning,
    real_claims,
    save_file_returning,
    shot,
)
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QInputDialog
from window_helpers import HARBOUR, activate, import_through_window, press, settle, shown

from claimledger.domain.status import Status
from claimledger.ui.shell.settings_dialog import SettingsDialog
from claimledger.ui.views.ledger_model import CONSENSUS
from claimledger.workspace import Workspace

CTRL = Qt.KeyboardModifier.ControlModifier


def consensus_cell(window, claim_id: str) -> str:
    model = window.ledger_model
    return model.data(model.index(model.row_of(claim_id), CONSENSUS))


def import_and_trust(qtbot, window, monkeypatch, path):
    open_files_returning(monkeypatch, [path])
    window.actions["import_ledger"].trigger()
    qtbot.waitUntil(lambda: window.ledger_files.trust_dialog is not None, timeout=20_000)
    dialog = window.ledger_files.trust_dialog
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(window.ledger_files.sync_runner.finished, timeout=20_000):
        dialog.trust_button.click()
    return dialog


def test_import_asks_trust_then_shows_the_disagreement(qtbot, window, workspace, tmp_path,
                                                       monkeypatch, artifacts):
    ben, (first, second), path = ana_and_ben(qtbot, window, tmp_path)
    assert window.ledger_view.isColumnHidden(CONSENSUS)  # one reviewer: no column yet

    open_files_returning(monkeypatch, [path])
    window.actions["import_ledger"].trigger()
    qtbot.waitUntil(lambda: window.ledger_files.trust_dialog is not None, timeout=20_000)
    dialog = window.ledger_files.trust_dialog
    text = dialog.text()
    assert "Ben Ode" in text and "SHA256:" in text
    assert "over the phone or in person" in text
    assert dialog.fields[0].isReadOnly()
    assert not workspace.verdicts(window.article_id).get(first, [])[1:]  # nothing merged
    qtbot.waitExposed(dialog)
    shot(dialog, artifacts / "trust_dialog.png")
    with qtbot.waitSignal(window.ledger_files.sync_runner.finished, timeout=20_000):
        dialog.trust_button.click()

    assert "ben.cledger: " in window.statusBar().currentMessage()
    assert "new events" in window.statusBar().currentMessage()
    assert not window.ledger_view.isColumnHidden(CONSENSUS)
    assert consensus_cell(window, first) == "≠ Disagree"
    assert consensus_cell(window, second) == "✓ Agree"

    window.review.select_claim(first)
    window.actions["reviewers_tab"].trigger()
    shown(qtbot, window)
    panel = window.consensus.reviewers_panel
    cards = panel.card_texts()
    assert cards[0].startswith("Ana Ruiz: Sourced")
    assert cards[1] == ("Ben Ode: Disputed, Contradicted by the record. "
                        "Note: The inspection report says 4.2, not 5.1.")
    assert panel.cards[1].status_label.text() == "D Disputed"
    assert "Disagree" in panel.consensus_label.text()
    assert window.inspector.tabs.tabText(window.consensus.reviewers_tab) == "Reviewers ≠"
    shot(window, artifacts / "reviewers_tab_disagreement.png")
    shot(window.inspector, artifacts / "reviewers_tab_inspector.png")
    ben.close()


def test_disagreements_chip_then_settle_and_undo(qtbot, window, workspace, tmp_path,
                                                 monkeypatch, artifacts):
    ben, (first, _second), path = ana_and_ben(qtbot, window, tmp_path)
    import_and_trust(qtbot, window, monkeypatch, path)
    chip = window.review.filter_bar.flag_chips["disagreements"]
    assert chip.text().endswith(" 1")
    chip.click()
    model = window.ledger_model
    assert model.total_rows() == 1 and model.claim_at(0).id == first
    shot(window.review.filter_bar, artifacts / "filter_bar_disagreements.png")

    window.review.select_claim(first)
    window.actions["settle"].trigger()
    qtbot.waitUntil(lambda: window.consensus.settle_dialog is not None, timeout=10_000)
    dialog = window.consensus.settle_dialog
    dialog.status_buttons[Status.DISPUTED].setChecked(True)
    dialog.reason.setEditText("Contradicted by the record")
    dialog.note.setPlainText("The desk read the inspection report.")
    qtbot.waitExposed(dialog)
    shot(dialog, artifacts / "settle_dialog.png")
    dialog.accept()
    settle(qtbot, window)

    settled = workspace.consensus(window.article_id)[first]
    assert settled.status is Status.DISPUTED and settled.settled_by == "Ana Ruiz"
    assert consensus_cell(window, first) == "⚖ Disputed"
    assert chip.text().endswith(" 0")
    window.review.filter_bar.clear()
    window.actions["reviewers_tab"].trigger()
    shown(qtbot, window)
    assert window.consensus.reviewers_panel.consensus_label.text() == "⚖ Settled: Disputed"
    assert "by Ana Ruiz" in window.consensus.reviewers_panel.meaning_label.text()
    shot(window.right_splitter, artifacts / "ledger_settled.png")

    activate(qtbot, window)
    window.ledger_view.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    undone = workspace.consensus(window.article_id)[first]
    assert undone.settled_by is None and undone.state == "disagree"
    assert consensus_cell(window, first) == "≠ Disagree"
    ben.close()


def test_agreement_dialog_has_article_and_workspace(qtbot, window, tmp_path, monkeypatch,
                                                    artifacts):
    ben, _claims, path = ana_and_ben(qtbot, window, tmp_path)
    import_and_trust(qtbot, window, monkeypatch, path)
    window.actions["agreement"].trigger()
    qtbot.waitUntil(lambda: window.consensus.agreement_dialog is not None, timeout=10_000)
    dialog = window.consensus.agreement_dialog
    qtbot.waitExposed(dialog)
    rows = dict(dialog.article_section.rows)
    assert "Cohen's kappa, Ana Ruiz / Ben Ode" in rows
    assert "Krippendorff's alpha, all reviewers" in rows
    assert dict(dialog.workspace_section.rows).keys() == rows.keys()
    assert "chance" in dialog.meaning.text()
    shot(dialog, artifacts / "agreement_dialog.png")
    dialog.close()
    ben.close()


def test_agreement_without_a_second_reviewer_says_not_enough_data(qtbot, window):
    window.actions["agreement"].trigger()
    qtbot.waitUntil(lambda: window.consensus.agreement_dialog is not None, timeout=10_000)
    dialog = window.consensus.agreement_dialog
    assert dialog.workspace_section.rows == [("Krippendorff's alpha, all reviewers",
                                              "not enough data")]


def test_tampered_file_is_refused_whole_with_one_message(qtbot, window, workspace, tmp_path,
                                                         monkeypatch, artifacts):
    ben, (first, _second), path = ana_and_ben(qtbot, window, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    event = next(e for e in data["events"] if e["kind"] == "verdict.set")
    signature = event["signature"]
    event["signature"] = ("A" if signature[0] != "A" else "B") + signature[1:]
    path.write_text(json.dumps(data), encoding="utf-8")
    before = workspace.verdicts(window.article_id)

    open_files_returning(monkeypatch, [path])
    with qtbot.waitSignal(window.ledger_files.sync_runner.finished, timeout=20_000):
        window.actions["import_ledger"].trigger()
    box = window.last_message
    assert box is not None and box.isVisible()
    assert "ben.cledger" in box.text() and "Nothing was imported" in box.text()
    assert box.informativeText()
    assert window.ledger_files.trust_dialog is None
    assert workspace.verdicts(window.article_id) == before
    shot(box, artifacts / "tampered_file_message.png")
    box.close()
    ben.close()


def test_export_ledger_through_the_menu(qtbot, window, tmp_path, monkeypatch):
    ben, _claims, _path = ana_and_ben(qtbot, window, tmp_path)
    out = tmp_path / "out" / "ana"
    out.parent.mkdir()
    save_file_returning(monkeypatch, out)
    window.actions["export_ledger"].trigger()
    dialog = window.ledger_files.ledger_scope_dialog
    assert dialog.scope.current.isChecked()
    with qtbot.waitSignal(window.ledger_files.ledger_export_runner.finished, timeout=20_000):
        dialog.accept()
    written = out.with_name("ana.cledger")
    assert written.exists()
    assert window.statusBar().currentMessage().startswith("Exported ana.cledger: ")
    report = ben.sync_files([written], accept_new_reviewers=True)
    assert report.files[0].new_events > 0 and not report.failures
    ben.close()


def test_dropping_a_ledger_file_imports_it(qtbot, window, tmp_path):
    ben, _claims, path = ana_and_ben(qtbot, window, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.ledger_files.trust_dialog is not None, timeout=20_000)
    assert window.importer.busy is False  # not taken for an article
    window.ledger_files.trust_dialog.reject()
    assert "not trusted" in window.statusBar().currentMessage()
    ben.close()


def test_a_colleagues_verdicts_show_at_once_without_marking_here(qtbot, window, workspace,
                                                                  tmp_path, monkeypatch,
                                                                  artifacts):
    """Ana has marked nothing: once Ben's file is merged each row shows his verdict in
    the Reviewers column (and a later mark of hers joins it there), not an unreviewed
    ledger that looks as if nothing had arrived."""
    from exchange_helpers import ben_workspace, real_claims
    from window_helpers import HARBOUR, import_through_window

    from claimledger.ui.views.ledger_model import REVIEWERS

    import_through_window(qtbot, window, [HARBOUR])
    first, second = real_claims(window)
    ben = ben_workspace(tmp_path)
    ben.import_files([HARBOUR])
    ben.mark(first, Status.DISPUTED, reason="Contradicted by the record")
    path = tmp_path / "ben.cledger"
    ben.export_ledger(path)
    model, view = window.ledger_model, window.ledger_view
    assert view.isColumnHidden(REVIEWERS)

    import_and_trust(qtbot, window, monkeypatch, path)

    def cell(claim_id, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(model.row_of(claim_id), REVIEWERS), role)

    assert not view.isColumnHidden(REVIEWERS)
    assert cell(first) == "BO D"
    assert cell(first, Qt.ItemDataRole.ToolTipRole) == \
        "Ben Ode: Disputed (Contradicted by the record)"
    assert cell(second) == ""
    window.review.select_claim(first)
    window.review.mark(Status.SOURCED)
    settle(qtbot, window)
    assert sorted(cell(first).split("  ")) == ["AR S", "BO D"]
    shot(window, artifacts / "reviewers_column.png")
    ben.close()


def test_a_namesake_is_shown_by_key_until_renamed_in_settings(qtbot, window, workspace,
                                                              tmp_path, monkeypatch):
    """Another reviewer who signed the window's reviewer's own name: both show with
    their key until the reviewer names the other one in Settings > Colleagues."""
    import_through_window(qtbot, window, [HARBOUR])
    first = real_claims(window, 1)[0]
    window.review.select_claim(first)
    window.review.mark(Status.SOURCED)
    settle(qtbot, window)
    namesake = Workspace(tmp_path / "other.sqlite", workspace.reviewer_name,
                         config_dir=tmp_path / "other-config")
    namesake.import_files([HARBOUR])
    namesake.mark(first, Status.DISPUTED)
    path = tmp_path / "other.cledger"
    namesake.export_ledger(path)
    import_and_trust(qtbot, window, monkeypatch, path)
    settle(qtbot, window)
    mine = workspace.reviewer_name
    names = sorted(v.reviewer for v in window.ledger_model.verdicts(first))
    assert len(names) == 2 and all(n.startswith(f"{mine} (SHA256:") for n in names)

    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    page = dialog.show_page("Colleagues")
    qtbot.waitUntil(lambda: page.list.topLevelItemCount() == 2, timeout=10_000)
    assert page.list.topLevelItem(0).text(0).endswith("…) (you)")
    assert not page.rename_button.isEnabled()
    page.list.setCurrentItem(page.list.topLevelItem(1))
    assert page.rename_button.isEnabled() and not page.signed_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("Ana Ruiz (Lisbon desk)", True)))
    page.rename_button.click()
    qtbot.waitUntil(lambda: page.list.topLevelItem(1).text(0)
                    == f"Ana Ruiz (Lisbon desk) · signed “{mine}”", timeout=10_000)
    assert page.list.topLevelItem(0).text(0) == f"{mine} (you)"
    settle(qtbot, window)
    names = sorted(v.reviewer for v in window.ledger_model.verdicts(first))
    assert names == sorted([mine, "Ana Ruiz (Lisbon desk)"])
    assert page.signed_button.isEnabled()
    dialog.close()
    namesake.close()


def test_a_reviewer_whose_view_is_incomplete_is_marked_on_their_card(qtbot, window,
                                                                     workspace, tmp_path,
                                                                     monkeypatch):
    ben, (first, _second), path = ana_and_ben(qtbot, window, tmp_path)
    import_and_trust(qtbot, window, monkeypatch, path)
    why = "12 of their 14 events are here (relay.cledger held 14); their latest " \
          "verdicts may not show yet"
    monkeypatch.setattr(workspace, "incomplete_views", lambda: {ben.identity.id: why})
    window.review.select_claim(first)
    window.actions["reviewers_tab"].trigger()
    shown(qtbot, window)
    panel = window.consensus.reviewers_panel
    qtbot.waitUntil(lambda: len(panel.cards) == 2, timeout=10_000)
    mine, bens = panel.cards
    assert mine.incomplete_label is None
    assert bens.incomplete_label.text() == "View here may be out of date"
    assert bens.incomplete_label.toolTip() == f"Ben Ode: {why}."
    assert panel.card_texts()[1].endswith(f"Their view here may be out of date: {why}")
    ben.close()
