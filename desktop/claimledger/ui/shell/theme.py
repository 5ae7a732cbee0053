"""Themes: System, Light and Dark, as a QPalette plus the app's stylesheet.

Dark keeps the status tints as they are (they are the same colours as in the PDF and
the ledger) and draws text on them in dark ink, so a highlighted statement reads the
same in both themes; everything around them turns dark. Chips and status buttons stay
light "badges" with dark ink.

A few painted widgets read module-level colours at paint time (the library's cards);
`_PAINTED` lists them with their light and dark values. A palette-driven look.py would
make that table unnecessary.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from claimledger.ui.kit import evidence_look
from claimledger.ui.kit import look as look_module
from claimledger.ui.kit.actions import SPECS
from claimledger.ui.kit.look import INK, PAPER, READING_FAMILY, STYLESHEET, icon
from claimledger.ui.views import library as library_module
from claimledger.ui.views import sources_column

DARK = {
    "window": "#202225", "surface": "#26292d", "alt": "#2b2e33", "line": "#3b3f45",
    "text": "#e4e6e9", "muted": "#a3a9b0", "accent": "#8ab4f8", "paper": "#1b1c1f",
    "paper_text": "#e2e0da", "selection": "#34557a", "button": "#2f3237",
    "disabled": "#6e737a",
}

DARK_ICON_STROKE = "#d5d8dc"

DARK_STYLESHEET = f"""
QMainWindow {{ background: {DARK['window']}; }}
QToolBar {{ background: {DARK['window']}; border: none; border-bottom: 1px solid {DARK['line']};
           spacing: 2px; padding: 3px 6px; }}
QToolBar QToolButton {{ padding: 3px 7px; border-radius: 5px; color: {DARK['text']}; }}
QToolBar QToolButton:hover {{ background: #363a40; }}
QToolBar QToolButton:disabled {{ color: {DARK['disabled']}; }}
QStatusBar {{ background: {DARK['window']}; border-top: 1px solid {DARK['line']};
             color: {DARK['text']}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QSplitter::handle {{ background: {DARK['line']}; }}
QSplitter::handle:horizontal {{ border-left: 3px solid {DARK['window']};
                               border-right: 3px solid {DARK['window']}; }}
QSplitter::handle:vertical {{ border-top: 3px solid {DARK['window']};
                             border-bottom: 3px solid {DARK['window']}; }}
QSplitter::handle:hover {{ background: {DARK['accent']}; }}
QTableView {{ border: none; gridline-color: #30343a; selection-background-color:
             {DARK['selection']}; selection-color: {DARK['text']};
             alternate-background-color: {DARK['alt']}; }}
QHeaderView::section {{ background: {DARK['window']}; border: none;
                       border-bottom: 1px solid {DARK['line']}; padding: 4px 6px;
                       color: {DARK['muted']}; font-weight: bold; }}
QListView#library {{ border: none; background: #232528; }}
QLabel#paneTitle {{ color: {DARK['muted']}; font-weight: bold; padding: 8px 10px 4px 10px; }}
QWidget#inspector {{ background: {DARK['surface']}; }}
QLabel#claimText {{ font-family: "{READING_FAMILY}"; font-size: 11.5pt;
                    color: {DARK['text']}; }}
QLabel#kindLine, QLabel#claimId {{ color: {DARK['muted']}; }}
QToolButton#statusButton {{ border: 1px solid {DARK['line']}; border-radius: 6px;
                           padding: 4px 8px; background: #ffffff; color: {INK}; }}
QToolButton#filterChip {{ color: {INK}; }}
QWidget#welcome {{ background: {DARK['paper']}; }}
QLabel#welcomeTitle {{ font-size: 22pt; color: {DARK['accent']}; font-weight: bold; }}
QLabel#welcomeText {{ color: {DARK['text']}; }}
QLabel#welcomeHint {{ color: {DARK['muted']}; }}
"""

#: Rules for this app's own dialogs, in both themes ({muted} differs).
DIALOG_RULES = """
QLabel#settingsNote {{ color: {muted}; }}
QLabel[muted="true"] {{ color: {muted}; }}
QListWidget#settingsSidebar {{ font-size: 10.5pt; }}
QListWidget#settingsSidebar::item {{ padding: 5px 8px; }}
"""
LIGHT_EXTRA = DIALOG_RULES.format(muted="#5c6167")
DARK_EXTRA = DIALOG_RULES.format(muted=DARK["muted"])

#: (module, name, light value, dark value) for colours read while painting.
_PAINTED = (
    (library_module, "INK", INK, DARK["text"]),
    (library_module, "MUTED", library_module.MUTED, DARK["muted"]),
    (library_module, "SELECTED", library_module.SELECTED, DARK["selection"]),
    (library_module, "UNREVIEWED_BAR", library_module.UNREVIEWED_BAR, "#454a51"),
    (look_module, "MUTED", look_module.MUTED, DARK["muted"]),
    (sources_column, "INK", sources_column.INK, DARK["text"]),
    (sources_column, "MUTED", sources_column.MUTED, DARK["muted"]),
    (evidence_look, "STANCE_TEXT_COLOURS", evidence_look.STANCE_TEXT_COLOURS,
     evidence_look.DARK_STANCE_COLOURS),
)


def dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: DARK["window"], role.WindowText: DARK["text"], role.Base: DARK["surface"],
        role.AlternateBase: DARK["alt"], role.ToolTipBase: DARK["button"],
        role.ToolTipText: DARK["text"], role.PlaceholderText: DARK["muted"],
        role.Text: DARK["text"], role.Button: DARK["button"], role.ButtonText: DARK["text"],
        role.BrightText: "#ff8a80", role.Highlight: DARK["selection"],
        role.HighlightedText: "#ffffff", role.Link: DARK["accent"],
        role.LinkVisited: "#c58af9", role.Light: "#45494f", role.Midlight: "#383c41",
        role.Mid: "#2c2f33", role.Dark: "#17181a", role.Shadow: "#000000",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText, role.HighlightedText):
        p.setColor(group.Disabled, r, QColor(DARK["disabled"]))
    p.setColor(group.Disabled, role.Highlight, QColor("#3a3d42"))
    return p


#: Disabled text in the light theme: plainly grey, still readable on the window colour.
LIGHT_DISABLED = "#8a8f96"


def light_palette() -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, colour in {role.Window: "#f4f5f7", role.WindowText: INK, role.Base: "#ffffff",
                      role.AlternateBase: "#f8f9fa", role.Text: INK, role.Button: "#f0f1f3",
                      role.ButtonText: INK, role.Highlight: "#cfe0f3",
                      role.HighlightedText: INK, role.ToolTipBase: "#ffffdc",
                      role.ToolTipText: INK, role.Link: "#1f4e79"}.items():
        p.setColor(r, QColor(colour))
    # setColor(role, …) sets every group, the disabled one too: without these a disabled
    # button, menu item or field would read exactly like an enabled one
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor(LIGHT_DISABLED))
    return p


def is_dark(name: str) -> bool:
    return name == "Dark"


def apply_theme(name: str, app: QApplication | None = None) -> None:
    """Set the palette and stylesheet for `name`, and restyle every open window."""
    app = app or QApplication.instance()
    dark = is_dark(name)
    if name == "System":
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(dark_palette() if dark else light_palette())
    app.setStyleSheet(DARK_STYLESHEET + DARK_EXTRA if dark else STYLESHEET + LIGHT_EXTRA)
    for module, attribute, light, dark_value in _PAINTED:
        setattr(module, attribute, dark_value if dark else light)
    for widget in app.topLevelWidgets():
        if hasattr(widget, "article_view"):
            style_window(widget, name)


def style_window(window: QWidget, name: str) -> None:
    """The parts of a main window that carry their own stylesheet."""
    dark = is_dark(name)
    paper, ink = (DARK["paper"], DARK["paper_text"]) if dark else (PAPER, INK)
    window.article_view.setStyleSheet(f"QTextEdit {{ background: {paper}; color: {ink}; }}")
    window.library.viewport().update()
    stroke = DARK_ICON_STROKE if dark else None
    for spec in SPECS:
        if spec.icon and spec.status is None and spec.name in window.actions:
            window.actions[spec.name].setIcon(icon(spec.icon, stroke))


def apply_article_font(window, size: float) -> None:
    """The article's reading size, live; the line height and column follow."""
    document = window.article_view.document()
    font = document.defaultFont()
    if font.pointSizeF() != size:
        font.setPointSizeF(size)
        document.setDefaultFont(font)
