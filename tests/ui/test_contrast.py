"""Every piece of text in the window is readable in both themes: each label and button
of the main window and of every inspector tab, as painted, against the colour it is
painted on, at WCAG AA (4.5:1). Measured on the rendered pixels, so a fixed colour from
the light theme left on a dark background shows up, whatever set it."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from test_dark_theme import contrast
from window_helpers import HARBOUR, import_through_window, settle

from claimledger.domain.status import Status
from claimledger.ui.shell.theme import apply_theme, style_window

AA = 4.5


def text_widgets(root: QWidget):
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton) and widget.isVisible() \
                and widget.isEnabled() and widget.text().strip() \
                and widget.width() > 4 and widget.height() > 4:
            yield widget


def worst_contrast(image, widget: QWidget, window: QWidget) -> tuple[float, str, str]:
    """The contrast between the commonest colour of the widget's visible part (its
    background) and the pixel farthest from it (the ink of its glyphs)."""
    seen = widget.visibleRegion().boundingRect()
    origin = widget.mapTo(window, seen.topLeft())
    pixels = Counter(
        image.pixel(x, y)
        for x in range(max(0, origin.x()), min(image.width(), origin.x() + seen.width()))
        for y in range(max(0, origin.y()), min(image.height(), origin.y() + seen.height())))
    if not pixels:
        return float("inf"), "", ""  # scrolled out of sight
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    best, ink = max((contrast(background, QColor.fromRgb(p)), p) for p in pixels)
    return best, background.name(), QColor.fromRgb(ink).name()


def unreadable(window) -> list[str]:
    QApplication.processEvents()
    image = window.grab().toImage()
    found = []
    for widget in text_widgets(window):
        ratio, background, ink = worst_contrast(image, widget, window)
        if ratio < AA:
            found.append(f"{type(widget).__name__}#{widget.objectName()} "
                         f"{widget.text()[:30]!r}: {ratio:.2f} ({ink} on {background})")
    return found


@pytest.mark.parametrize("theme", ["Light", "Dark"])
def test_every_label_and_button_is_readable_in_every_tab(qtbot, window, workspace, theme,
                                                         artifacts):
    import_through_window(qtbot, window, [HARBOUR])
    claim_id = window.claim_id
    workspace.add_source(claim_id, url="https://example.org/budget.pdf", title="Budget",
                         publisher="Port Averill council", excerpt="Line 14: 5.1 million")
    window.review.mark(Status.DISPUTED)
    settle(qtbot, window)
    apply_theme(theme)
    style_window(window, theme)
    try:
        problems = []
        tabs = window.inspector.tabs
        for tab in range(tabs.count()):
            tabs.setCurrentIndex(tab)
            window.review.select_claim(claim_id)
            qtbot.waitUntil(window.assist.assist_ready, timeout=20_000)
            problems += [f"{tabs.tabText(tab)} tab: {p}" for p in unreadable(window)]
        window.grab().save(str(artifacts / f"contrast_{theme.lower()}.png"))
        assert not problems, "\n".join(sorted(set(problems)))
    finally:
        apply_theme("System")


@pytest.mark.parametrize("theme", ["Light", "Dark"])
def test_a_disabled_button_reads_unlike_an_enabled_one(qtbot, window, theme):
    """Settings' Rename… with nobody to rename, or Redo with nothing to redo: the reader
    must see it is off. Measured on the painted pixels of two identical buttons."""
    from PySide6.QtWidgets import QPushButton

    apply_theme(theme)
    try:
        on, off = QPushButton("Rename…", window), QPushButton("Rename…", window)
        off.setEnabled(False)
        for button, x in ((on, 10), (off, 140)):
            button.move(x, 10)
            button.show()
        QApplication.processEvents()
        image = window.grab().toImage()
        inks = []
        for button in (on, off):
            _ratio, _background, ink = worst_contrast(image, button, window)
            inks.append(QColor(ink))
        assert contrast(inks[0], inks[1]) > 1.5, [c.name() for c in inks]
    finally:
        apply_theme("System")
