"""Every panel in the light and the dark theme, at 1366×768 and at 1920×1080: saved as
pictures to look at (tests/artifacts/panels/), and checked for what a reviewer would
notice first: the window fits the screen, no label or button is cut off, and the ledger's
Statement column stays readable."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from window_helpers import HARBOUR, import_through_window, settle, shown

from claimledger.domain.status import Status
from claimledger.ui.shell.theme import apply_theme, style_window
from claimledger.ui.views.ledger_model import STATEMENT

#: The window's own size on each screen (a window manager's frame and panel take the rest).
SIZES = {"1366x768": (1360, 730), "1920x1080": (1910, 1040)}


def cut_off(root: QWidget) -> list[str]:
    """Visible one-line labels and buttons narrower than their text."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text().strip()
                                           or widget.textFormat() != widget.textFormat().PlainText
                                           and "<" in widget.text()):
            continue
        if isinstance(widget, QAbstractButton) and not widget.text().strip():
            continue
        if widget.sizeHint().width() > widget.width() + 1:
            found.append(f"{type(widget).__name__} {widget.text()!r}: "
                         f"{widget.width()} px for {widget.sizeHint().width()}")
    return found


@pytest.mark.parametrize("theme", ["Light", "Dark"])
@pytest.mark.parametrize("size", list(SIZES))
def test_every_panel_fits_and_reads(qtbot, window, theme, size, artifacts):
    app = QApplication.instance()
    apply_theme(theme, app)
    style_window(window, theme)
    try:
        window.resize(*SIZES[size])
        import_through_window(qtbot, window, [HARBOUR])
        window.workspace.add_source(window.claim_id, url="https://example.org/minutes",
                                    title="Council minutes, 12 March", stance="supports",
                                    publisher="Port Averill council",
                                    excerpt="Approved 5-4, a $212 million plan.")
        window.review.mark(Status.SOURCED)
        settle(qtbot, window)
        folder = artifacts / "panels"
        folder.mkdir(exist_ok=True)
        tabs = window.inspector.tabs
        problems = []
        for tab in range(tabs.count()):
            tabs.setCurrentIndex(tab)
            shown(qtbot, window)
            name = tabs.tabText(tab).split(" ")[0].lower()
            assert window.grab().save(str(folder / f"{theme.lower()}-{size}-{name}.png"))
            problems += [f"{name} tab: {p}" for p in cut_off(window.inspector)]
        problems += cut_off(window.review.filter_bar) + cut_off(window.statusBar())

        width, height = SIZES[size]
        assert (window.width(), window.height()) == (width, height)  # nothing forced it wider
        assert window.minimumSizeHint().width() <= width
        view = window.ledger_view
        assert view.columnWidth(STATEMENT) >= 0.25 * view.viewport().width()
        assert problems == []
    finally:
        apply_theme("System", app)
        style_window(window, "System")


@pytest.mark.parametrize("theme", ["System", "Light", "Dark"])
def test_a_large_system_font_wraps_the_chips_above_the_ledger(qtbot, window, theme,
                                                              artifacts):
    app = QApplication.instance()
    normal = app.font()
    large = app.font()
    large.setPointSizeF(16)
    app.setFont(large)
    apply_theme(theme, app)
    style_window(window, theme)
    try:
        window.resize(*SIZES["1366x768"])
        import_through_window(qtbot, window, [HARBOUR])
        bar, view = window.review.filter_bar, window.ledger_view
        total = sum(window.right_splitter.sizes())
        window.right_splitter.setSizes([120, total - 120])  # the ledger dragged small
        qtbot.waitUntil(lambda: bar.height() >= bar.layout().heightForWidth(bar.width()))
        assert window.grab().save(str(artifacts / "panels" / f"large-font-{theme.lower()}.png"))
        under = view.mapTo(window, view.rect().topLeft()).y()
        label = bar.shown_label
        assert label.mapTo(window, label.rect().bottomLeft()).y() < under  # nothing covers it
        assert window.width() <= SIZES["1366x768"][0]
    finally:
        app.setFont(normal)
        apply_theme("System", app)
        style_window(window, "System")
