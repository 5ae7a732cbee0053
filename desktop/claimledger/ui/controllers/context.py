"""What the window's controllers share: the workspace, the panes, where the reviewer is,
one change signal and one runner for writes.

Controllers never call each other's private parts and never override each other: each
subscribes to the signals here and refreshes only what it owns. The window builds the
context, hands it to every controller, and wires the few calls between them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from claimledger.domain.records import ArticleSummary, ClaimView
from claimledger.ui.kit.actions import STATUS_ACTIONS, menu_of
from claimledger.ui.views.article_view import ArticleView
from claimledger.ui.views.inspector import Inspector
from claimledger.ui.views.ledger_model import LedgerModel
from claimledger.ui.views.ledger_view import LedgerView
from claimledger.ui.views.library import LibraryView
from claimledger.ui.views.welcome import WelcomePanel
from claimledger.workspace import Workspace

STATUS_MS = 5000
#: Actions that write (and so sign): off until the key is unlocked, and for good on a
#: read-only workspace. Imports run on a worker, so they may wait for the key there.
WRITING_ACTIONS = (*STATUS_ACTIONS, "reason", "note", "add_source", "make_claim",
                   "split_claim", "merge_next", "retire_claim", "settle", "undo", "redo",
                   "edit_article", "retire_article", "accept_suggestion",
                   "dismiss_suggestion", "cut_tail", "confirm_wording")
#: Besides the verbs that sign: everything that brings data into the workspace.
READ_ONLY_OFF = (*WRITING_ACTIONS, "import_files", "paste", "samples", "import_ledger",
                 "sync_folder")


@dataclass
class Panes:
    library: LibraryView
    article_view: ArticleView
    ledger_model: LedgerModel
    ledger_view: LedgerView
    inspector: Inspector
    welcome: WelcomePanel


class WindowContext(QObject):
    """Signals: changed(ChangedViews) after every write or merge, in the order the writes
    ran; articleOpened(article_id); claimShown() when the current claim (or what is
    known of it) changed; libraryRefreshed() after the library list was replaced;
    writingChanged() when writing became possible or impossible."""

    changed = Signal(object)
    articleOpened = Signal(str)
    claimShown = Signal()
    libraryRefreshed = Signal()
    writingChanged = Signal()

    def __init__(self, window: QMainWindow, workspace: Workspace, actions: dict[str, QAction],
                 panes: Panes) -> None:
        super().__init__(window)
        self.window = window
        self.workspace = workspace
        self.actions = actions
        self.panes = panes
        self.article_id: str | None = None
        self.claim_id: str | None = None
        self.summaries: dict[str, ArticleSummary] = {}
        self.identity_ready = False
        self.closing = False
        #: Why the key is not there yet, for writes_locked() (set by the identity part).
        self.key_missing: Callable[[], str] = lambda: "Unlocking your signing key…"
        #: Writing actions that also need an article to act on (Review and Article menus).
        self._need_article = {name for name in WRITING_ACTIONS if name in actions
                              and menu_of(actions[name]) in ("Review", "Article")}
        for name in ("undo", "redo"):  # the toolbar keeps its word; the menu names the step
            actions[name].setIconText(name.capitalize())
        self._actions_state: tuple | None = None
        self._steps_state: tuple | None = None

    # -- where the reviewer is ------------------------------------------------------------

    def current_claim(self) -> ClaimView | None:
        """The selected claim, even when the ledger's filter hides its row."""
        return self.panes.ledger_model.find(self.claim_id) if self.claim_id else None

    def shows(self, claim_ids) -> bool:
        """True if any of these claims is in the open ledger."""
        model = self.panes.ledger_model
        return any(model.find(c) is not None for c in claim_ids)

    # -- saying things --------------------------------------------------------------------

    def say(self, text: str, ms: int = STATUS_MS) -> None:
        self.window.statusBar().showMessage(text, ms)

    # -- may we write? -------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return bool(self.workspace.read_only)

    def write_refusal(self) -> str | None:
        """Why nothing can be written right now, or None."""
        if self.read_only:
            return self.workspace.read_only_reason or "This workspace is read-only."
        if not self.identity_ready:
            return self.key_missing()
        return None

    def writes_locked(self) -> bool:
        """True, after saying why in the status bar, when nothing can be written."""
        refusal = self.write_refusal()
        if refusal:
            self.say(refusal, 8000)
        return refusal is not None

    def update_write_actions(self, force: bool = False) -> None:
        """Every writing action on or off, from one rule: writable, a key, something to
        act on; undo and redo follow their stacks. Only what changed is touched: after
        most marks that is the undo and redo labels alone, and writingChanged is not
        emitted. `force`: an action was changed by hand, set them all again."""
        allowed = self.write_refusal() is None
        state = (allowed, bool(self.summaries), self.read_only)
        steps = (allowed, self.workspace.undo_label, self.workspace.redo_label)
        if steps != self._steps_state or force:
            self._steps_state = steps
            self._show_steps(allowed)
        if state == self._actions_state and not force:
            return
        self._actions_state = state
        self._enable_writing(allowed, state[1])
        self.writingChanged.emit()

    def _enable_writing(self, allowed: bool, has_articles: bool) -> None:
        for name in READ_ONLY_OFF:
            action = self.actions.get(name)
            if action is None or name in ("undo", "redo"):  # see _show_steps
                continue
            if name not in WRITING_ACTIONS:
                action.setEnabled(not self.read_only)
                continue
            action.setEnabled(allowed and (has_articles or name not in self._need_article))

    def _show_steps(self, allowed: bool) -> None:
        for name, label in (("undo", self.workspace.undo_label),
                            ("redo", self.workspace.redo_label)):
            action = self.actions[name]
            word = name.capitalize()
            action.setText(f"&{word} {label}" if label else f"&{word}")
            action.setEnabled(allowed and label is not None)
