"""What the app remembers between runs (QSettings): the reviewer's name, the look, the
report's paper and the recent workspaces. One key per setting, read and written here only.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from PySide6.QtCore import QSettings

from claimledger.workspace import PAPERS
from claimledger.workspace.profile import load_profile, remember_reviewer

#: The same organisation and application names as main_window.settings().
ORGANISATION = APPLICATION = "Claim Ledger"
REVIEWER_ENV = "CLAIM_LEDGER_REVIEWER"
THEMES = ("System", "Light", "Dark")
FONT_SIZES = (10, 24)
DEFAULT_FONT_SIZE = 12.5
RECENT_LIMIT = 8
WORKSPACE_SUFFIX = ".claimledger"

REVIEWER_KEY = "reviewer/name"
THEME_KEY = "appearance/theme"
FONT_KEY = "appearance/articleFontSize"
PAPER_KEY = "report/paper"
DESK_KEY = "report/desk"
RECENT_KEY = "workspaces/recent"


def store() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def _text(key: str, default: str = "") -> str:
    value = store().value(key, default)
    return value if isinstance(value, str) else default


# -- the reviewer ----------------------------------------------------------------------

def saved_reviewer() -> str:
    """The name in the profile the command line reads too (older versions kept it in
    QSettings only: that name is still found)."""
    return load_profile().reviewer or " ".join(_text(REVIEWER_KEY).split())


def save_reviewer(name: str) -> None:
    """Raises WorkspaceError when the settings folder cannot be written."""
    remember_reviewer(name)
    store().setValue(REVIEWER_KEY, " ".join(name.split()))


def given_reviewer(cli_value: str | None) -> str:
    """The name given for this run: --reviewer, then $CLAIM_LEDGER_REVIEWER ('' if none)."""
    return " ".join((cli_value or os.environ.get(REVIEWER_ENV) or "").split())


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


# -- appearance and report -------------------------------------------------------------

def theme() -> str:
    value = _text(THEME_KEY, "System")
    return value if value in THEMES else "System"


def save_theme(name: str) -> None:
    store().setValue(THEME_KEY, name if name in THEMES else "System")


def article_font_size() -> float:
    try:
        size = float(store().value(FONT_KEY, DEFAULT_FONT_SIZE))
    except (TypeError, ValueError):
        return DEFAULT_FONT_SIZE
    low, high = FONT_SIZES
    return min(max(size, low), high)


def save_article_font_size(size: float) -> None:
    store().setValue(FONT_KEY, float(size))


def paper() -> str:
    value = _text(PAPER_KEY, "A4")
    return value if value in PAPERS else "A4"


def save_paper(name: str) -> None:
    store().setValue(PAPER_KEY, name if name in PAPERS else "A4")


def desk() -> str:
    """The desk that signs verification reports ("Metro desk, The Carrowfield Examiner")."""
    return _text(DESK_KEY, "")


def save_desk(name: str) -> None:
    store().setValue(DESK_KEY, " ".join(name.split())[:120])


# -- recent workspaces -----------------------------------------------------------------

def recent_workspaces() -> list[Path]:
    value = store().value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [Path(v) for v in (value or []) if isinstance(v, str) and v][:RECENT_LIMIT]


def remember_workspace(path: Path) -> None:
    path = Path(path).resolve()
    others = [p for p in recent_workspaces() if p != path]
    store().setValue(RECENT_KEY, [str(p) for p in [path, *others][:RECENT_LIMIT]])


def clear_recent_workspaces() -> None:
    store().setValue(RECENT_KEY, [])


def workspace_title(workspace) -> str:
    """The workspace's file name; Qt adds " — Claim Ledger" (the display name) itself."""
    return Path(workspace.path).name
