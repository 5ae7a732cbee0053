"""Themes: Dark turns the window dark and keeps every status highlight readable."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from window_helpers import HARBOUR, import_through_window, settle

from claimledger.domain.status import Status
from claimledger.ui.kit import preferences
from claimledger.ui.shell.settings_dialog import SettingsDialog
from claimledger.ui.shell.theme import apply_theme


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def dark():
    preferences.save_theme("Dark")
    apply_theme("Dark")
    yield
    apply_theme("System")


def marked_window(qtbot, window):
    import_through_window(qtbot, window, [HARBOUR])
    for status in (Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED, Status.NOT_A_CLAIM):
        window.review.mark(status)
        settle(qtbot, window)
        window.review.step(1)
    window.review.step(1)
    QApplication.processEvents()
    return window.ledger_model


def test_dark_theme_keeps_status_highlights_readable(qtbot, window, dark, artifacts):
    model = marked_window(qtbot, window)
    view = window.article_view
    page = view.palette().color(QPalette.ColorRole.Base)
    assert luminance(page) < 0.05  # a dark page
    assert luminance(QApplication.palette().color(QPalette.ColorRole.Window)) < 0.05
    for row in range(4):
        claim = model.claim_at(row)
        start = view.offsets.to_utf16(claim.start)
        fmt = view.format_at(start)
        text, tint = fmt.foreground().color(), fmt.background().color()
        assert tint == QColor(claim.status.style.tint)
        minimum = 3.0 if claim.status is Status.NOT_A_CLAIM else 4.5
        assert contrast(text, tint) >= minimum, claim.status
    window.review.select_claim(model.claim_at(5).id)  # an unreviewed statement, outlined
    selections = view.extraSelections()
    outline = selections[-1].format
    assert contrast(outline.foreground().color(), outline.background().color()) >= 4.5
    assert window.grab().save(str(artifacts / "dark_main_window.png"))


def test_theme_change_in_settings_applies_at_once(qtbot, window):
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    try:
        dialog.appearance.theme.setCurrentText("Dark")
        assert preferences.theme() == "Dark"
        assert luminance(QApplication.palette().color(QPalette.ColorRole.Window)) < 0.05
        dialog.appearance.theme.setCurrentText("Light")
        assert luminance(QApplication.palette().color(QPalette.ColorRole.Window)) > 0.8
    finally:
        apply_theme("System")


def test_dark_settings_pages_screenshots(qtbot, window, dark, artifacts):
    import_through_window(qtbot, window, [HARBOUR])
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for name in ("Reviewer", "Reasons"):
        dialog.show_page(name)
        QApplication.processEvents()
        assert dialog.grab().save(str(artifacts / f"dark_settings_{name.lower()}.png"))
