"""File ▸ Export Verification PDF…: the dialog, the worker, cancel, errors, Open PDF."""

from __future__ import annotations

import threading

from exchange_helpers import real_claims, save_file_returning, shot
from pypdf import PdfReader
from window_helpers import HARBOUR, import_through_window, settle

from claimledger.domain.status import Status
from claimledger.ui.controllers.pdf_export import file_stem
from claimledger.ui.kit import preferences


def click_cancel(progress) -> None:
    """Press the progress dialog's Cancel button, as the user does."""
    from PySide6.QtWidgets import QPushButton

    button = progress.findChild(QPushButton)
    assert button.text() == "Cancel"
    button.click()


def open_dialog(window):
    window.actions["export_pdf"].trigger()
    dialog = window.pdf.pdf_dialog
    assert dialog is not None
    return dialog


def test_export_through_the_dialog_writes_the_pdf(qtbot, window, workspace, tmp_path,
                                                  monkeypatch, artifacts):
    preferences.save_paper("Letter")
    import_through_window(qtbot, window, [HARBOUR])
    claim_id = real_claims(window, 1)[0]
    window.review.select_claim(claim_id)
    window.review.mark(Status.DISPUTED)
    settle(qtbot, window)
    out = tmp_path / "report.pdf"
    save_file_returning(monkeypatch, out)

    dialog = open_dialog(window)
    assert dialog.paper.currentText() == "Letter"
    assert dialog.scope.current.isChecked()
    dialog.audit.setChecked(True)
    qtbot.waitExposed(dialog)
    shot(dialog, artifacts / "export_pdf_dialog.png")
    with qtbot.waitSignal(window.pdf.pdf_runner.finished, timeout=60_000):
        dialog.accept()

    assert out.exists()
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    words = workspace.claim(claim_id).text.split()[:4]
    assert " ".join(words[1:4]) in " ".join(text.split())
    message = window.statusBar().currentMessage()
    assert message.startswith("Exported report.pdf: ") and "pages" in message
    assert f"sha256:{window.pdf.last_pdf.digest}" in message
    assert window.pdf.open_pdf_link.isVisible()
    assert preferences.paper() == "Letter"

    opened = []
    monkeypatch.setattr("claimledger.ui.controllers.pdf_export.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    window.pdf.open_pdf_link.linkActivated.emit("open")
    assert opened == [str(out)]


def test_cancel_through_the_progress_dialog_leaves_the_old_file(qtbot, window, workspace,
                                                                tmp_path, monkeypatch):
    import_through_window(qtbot, window, [HARBOUR])
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the earlier report")
    save_file_returning(monkeypatch, out)
    gate = threading.Event()
    real_export = workspace.export_pdf

    def export_after_cancel(*args, **kwargs):
        gate.wait(10)
        return real_export(*args, **kwargs)

    monkeypatch.setattr(workspace, "export_pdf", export_after_cancel)
    dialog = open_dialog(window)
    dialog.accept()
    progress = window.pdf.pdf_runner.dialog
    assert progress is not None
    with qtbot.waitSignal(window.pdf.pdf_runner.finished, timeout=60_000):
        click_cancel(progress)
        gate.set()
    assert out.read_bytes() == b"the earlier report"
    assert "cancelled" in window.statusBar().currentMessage()
    assert not window.pdf.open_pdf_link.isVisible()


def test_cancel_leaves_no_file_when_there_was_none(qtbot, window, workspace, tmp_path,
                                                   monkeypatch):
    import_through_window(qtbot, window, [HARBOUR])
    out = tmp_path / "new.pdf"
    gate = threading.Event()
    real_export = workspace.export_pdf
    monkeypatch.setattr(workspace, "export_pdf",
                        lambda *a, **k: (gate.wait(10), real_export(*a, **k))[1])
    with qtbot.waitSignal(window.pdf.pdf_runner.finished, timeout=60_000):
        window.pdf.start_pdf_export([window.article_id], out, False, "A4")
        click_cancel(window.pdf.pdf_runner.dialog)
        gate.set()
    assert not out.exists()
    assert not list(tmp_path.glob("new*"))


def test_unwritable_folder_is_one_message(qtbot, window, tmp_path):
    import_through_window(qtbot, window, [HARBOUR])
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x")  # a folder nobody can write into, root included
    with qtbot.waitSignal(window.pdf.pdf_runner.finished, timeout=60_000):
        window.pdf.start_pdf_export([window.article_id], not_a_folder / "r.pdf", False, "A4")
    box = window.last_message
    assert box is not None and box.isVisible()
    assert box.text() == "The PDF could not be written."
    assert "plain-file" in box.informativeText()
    assert not window.pdf.open_pdf_link.isVisible()
    box.close()


def test_default_file_name_comes_from_the_title(qtbot, window, tmp_path, monkeypatch):
    import_through_window(qtbot, window, [HARBOUR])
    seen = {}

    def fake_save(_parent, _caption, start, _filter):
        seen["start"] = start
        return "", ""

    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    open_dialog(window).accept()
    title = window.ctx.summaries[window.article_id].title
    assert seen["start"].endswith(f"{file_stem(title, 'x')}.pdf")
    assert seen["start"].endswith("port-averill-council-splits-5-4-over-212-million-plan-to.pdf")
    assert "-to-reb" not in seen["start"]
    assert window.pdf.pdf_runner.busy is False


def test_the_desk_named_in_settings_signs_the_pdf(qtbot, window, tmp_path, monkeypatch):
    from claimledger.ui.shell.settings_pages import ReportPage

    page = ReportPage()
    qtbot.addWidget(page)
    page.desk.setText("Metro desk, The Carrowfield Examiner")
    page.desk.editingFinished.emit()
    assert preferences.desk() == "Metro desk, The Carrowfield Examiner"
    import_through_window(qtbot, window, [HARBOUR])
    out = tmp_path / "signed.pdf"
    save_file_returning(monkeypatch, out)
    dialog = open_dialog(window)
    with qtbot.waitSignal(window.pdf.pdf_runner.finished, timeout=60_000):
        dialog.accept()
    cover = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "VERIFICATION REPORT · METRO DESK, THE CARROWFIELD EXAMINER" in cover
