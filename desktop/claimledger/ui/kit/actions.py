"""Every window action in one table: text, shortcuts, icon and menu.

Actions are window-level (Qt.WindowShortcut), so J/K/1-4/0 work whether the ledger or
the article has the focus; the keyboard-shortcuts dialog is generated from this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from claimledger.domain.status import Status
from claimledger.ui.kit.look import icon, status_icon


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    menu: str
    shortcuts: tuple[str, ...] = ()
    icon: str | None = None
    status: Status | None = None
    tip: str = ""
    checkable: bool = False


MENUS = ("File", "Edit", "Article", "Review", "View", "Help")

SPECS = (
    ActionSpec("new_workspace", "&New Workspace…", "File", ("Ctrl+Shift+N",),
               tip="Start an empty workspace in a new file"),
    ActionSpec("open_workspace", "&Open Workspace…", "File", ("Ctrl+Shift+O",),
               tip="Open another workspace in this window"),
    ActionSpec("import_files", "&Import Article…", "File", ("Ctrl+O",), "import.svg",
               tip="Import .txt, .md or .html articles"),
    ActionSpec("paste", "&Paste Article…", "File", ("Ctrl+Shift+V",), "paste.svg",
               tip="Import an article from pasted text"),
    ActionSpec("samples", "Open &Sample Articles", "File", (), "samples.svg",
               tip="Import the bundled sample articles"),
    ActionSpec("import_ledger", "Import &Ledger…", "File", ("Ctrl+Shift+I",),
               tip="Merge other reviewers' ledger files (.cledger)"),
    ActionSpec("export_ledger", "E&xport Ledger…", "File", ("Ctrl+Shift+E",),
               tip="Write a signed ledger file (.cledger) for a colleague"),
    ActionSpec("sync_folder", "S&ync with Shared Folder", "File", ("F5",),
               tip="Write your ledger file to the shared folder and merge the others'"),
    ActionSpec("export_pdf", "Export &Verification PDF…", "File", ("Ctrl+E",),
               "export-pdf.svg", tip="Write the verification PDF for the editor"),
    ActionSpec("export_claimreview", "Export &ClaimReview…", "File",
               tip="Publish the verdicts as schema.org ClaimReview (a page or JSON-LD)"),
    ActionSpec("export_annotations", "Export &Annotations…", "File",
               tip="Write the ledger as W3C Web Annotations for annotation tools"),
    ActionSpec("export_table", "Export &Table…", "File",
               tip="Write the ledger as a spreadsheet (.xlsx or .csv) for editors"),
    ActionSpec("restore_backup", "Restore &Backup…", "File",
               tip="Go back to one of the workspace's automatic backups"),
    ActionSpec("quit", "&Quit", "File", ("Ctrl+Q",)),
    ActionSpec("undo", "&Undo", "Edit", ("Ctrl+Z",), "undo.svg"),
    ActionSpec("redo", "&Redo", "Edit", ("Ctrl+Shift+Z",), "redo.svg"),
    ActionSpec("find", "&Find in All Articles…", "Edit", ("Ctrl+Shift+F",), "search.svg",
               tip="Search statements, notes and source excerpts in every article"),
    ActionSpec("filter_ledger", "Filter &Ledger", "Edit", ("Ctrl+F",),
               tip="Type to filter the ledger's statements"),
    ActionSpec("clear_filter", "Show &All Statements", "Edit", ("Ctrl+Shift+L",),
               tip="Clear the ledger's filter"),
    ActionSpec("settings", "&Settings…", "Edit", ("Ctrl+,",),
               tip="Your name, the look, reasons, paper size and the sync folder"),
    ActionSpec("edit_article", "Edit Article &Details…", "Article",
               tip="Title, outlet, author, URL and published date"),
    ActionSpec("import_revision", "Import Re&vision of This Article…", "Article",
               tip="A new version of this article: its claims move onto it with their "
               "verdicts"),
    ActionSpec("retire_article", "&Retire Article", "Article",
               tip="Hide the article from the library (undo or Restore brings it back)"),
    ActionSpec("show_retired", "Show Retired &Articles", "Article", checkable=True,
               tip="List retired articles in the library, to restore them"),
    ActionSpec("cut_tail", "Cut Page &Tail", "Article",
               tip="Take the web-page tail (related articles, share links) out of the "
                   "ledger"),
    ActionSpec("mark_sourced", "&Sourced", "Review", ("1",), status=Status.SOURCED),
    ActionSpec("mark_disputed", "&Disputed", "Review", ("2",), status=Status.DISPUTED),
    ActionSpec("mark_unverified", "U&nverified", "Review", ("3",), status=Status.UNVERIFIED),
    ActionSpec("mark_not_a_claim", "N&ot a Claim", "Review", ("4",),
               status=Status.NOT_A_CLAIM),
    ActionSpec("mark_clear", "&Clear", "Review", ("0",), status=Status.UNREVIEWED,
               tip="Set the statement back to unreviewed"),
    ActionSpec("accept_suggestion", "&Accept Suggestion", "Review", ("A",),
               tip="Mark the statement with the suggested status and reason"),
    ActionSpec("dismiss_suggestion", "Dismiss Su&ggestion", "Review", ("Shift+A",),
               tip="Put the suggestion away for this statement"),
    ActionSpec("confirm_wording", "Con&firm Verdict on the New Wording", "Review",
               tip="Your verdict stands for the statement's words in this revision"),
    ActionSpec("next", "&Next Statement", "Review", ("J", "Down")),
    ActionSpec("previous", "&Previous Statement", "Review", ("K", "Up")),
    ActionSpec("reason", "&Reason…", "Review", ("R",), "reason.svg",
               tip="Pick a reason for the verdict"),
    ActionSpec("note", "No&te…", "Review", ("N",), "note.svg", tip="Write a note"),
    ActionSpec("add_source", "Add Source…", "Review", ("E",),
               tip="Add evidence: a link or document, its stance and an excerpt"),
    ActionSpec("make_claim", "Make a Claim from Se&lection", "Review", ("C",),
               tip="Make the words selected in the article a claim of their own"),
    ActionSpec("split_claim", "Spl&it Statement at Cursor", "Review", ("Ctrl+Shift+S",),
               tip="Split the statement where the text cursor is in the article"),
    ActionSpec("merge_next", "&Merge with Next Statement", "Review", ("Ctrl+Shift+M",)),
    ActionSpec("retire_claim", "Retire Claim", "Review", ("Ctrl+Del",),
               tip="Take the statement out of the ledger (undo brings it back)"),
    ActionSpec("settle", "Settle Co&nsensus…", "Review", ("Ctrl+Shift+D",),
               tip="Record the desk's verdict where reviewers disagree"),
    ActionSpec("reviewers_tab", "Reviewers' &Verdicts", "View", ("Ctrl+Shift+R",),
               tip="Every reviewer's verdict on the statement, side by side"),
    ActionSpec("agreement", "&Agreement…", "View", ("Ctrl+Shift+G",),
               tip="How often reviewers agree: Cohen's kappa and Krippendorff's alpha"),
    ActionSpec("elsewhere_tab", "Same Claim &Elsewhere", "View",
               tip="The statement said again in other articles"),
    ActionSpec("revisions", "Revisi&ons…", "View",
               tip="This article beside its earlier revision: what moved, changed or was "
               "removed"),
    ActionSpec("compare", "&Compare Articles…", "View", ("Ctrl+Shift+K",),
               tip="This article and another side by side, with the claims they share"),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "Help", ("F1",)),
    ActionSpec("about", "&About Claim Ledger", "Help"),
)

STATUS_ACTIONS = {spec.name: spec.status for spec in SPECS if spec.status is not None}
TOOLBAR = ("import_files", "paste", None, "mark_sourced", "mark_disputed", "mark_unverified",
           "mark_not_a_claim", "mark_clear", None, "reason", "note", None, "undo", "redo",
           None, "find", "export_pdf")
SEPARATE_AFTER = {"open_workspace", "samples", "export_table", "restore_backup", "redo",
                  "confirm_wording", "previous", "note", "retire_article", "cut_tail",
                  "clear_filter", "agreement"}
ICON_TEXT = {"import_files": "Import", "paste": "Paste", "undo": "Undo", "redo": "Redo",
             "reason": "Reason", "note": "Note", "mark_not_a_claim": "Not a claim",
             "find": "Find", "export_pdf": "PDF"}


#: The action's own name, kept while its text changes ("Undo Add claim"): what the
#: shortcuts sheet lists.
PLAIN_NAME = "plainName"
#: Actions whose text names the step they would take ("Undo Mark disputed"): on the
#: toolbar they appear through a stand-in that keeps its word (see toolbar_stand_in).
STEP_ACTIONS = ("undo", "redo")


def create_actions(window: QMainWindow) -> dict[str, QAction]:
    """The window's actions by name, added to the window so their shortcuts are live."""
    actions = {}
    for spec in SPECS:
        action = QAction(spec.text, window)
        action.setObjectName(spec.name)
        action.setProperty(PLAIN_NAME, spec.text.replace("&", ""))
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(spec.checkable)
        if spec.status is not None:
            action.setIcon(status_icon(spec.status))
        elif spec.icon:
            action.setIcon(icon(spec.icon))
        action.setIconText(ICON_TEXT.get(spec.name, action.text().replace("&", "")))
        shortcut_hint = f" ({spec.shortcuts[0]})" if spec.shortcuts else ""
        action.setToolTip((spec.tip or action.iconText()) + shortcut_hint)
        window.addAction(action)
        actions[spec.name] = action
    return actions


def toolbar_stand_in(action: QAction, parent) -> QAction:
    """A toolbar button for `action` that follows its state and icon but not its text.
    A tool button resizes and relays out the whole toolbar on every change of its
    action, and undo's text changes with every mark; the stand-in keeps its word and
    tip and triggers the real action, whose shortcut stays the only one."""
    stand_in = QAction(action.icon(), action.iconText(), parent)
    stand_in.setObjectName(f"{action.objectName()}_toolbar")
    stand_in.setToolTip(action.toolTip())
    stand_in.setEnabled(action.isEnabled())
    stand_in.triggered.connect(action.trigger)
    action.enabledChanged.connect(stand_in.setEnabled)

    def follow_icon() -> None:  # a theme re-tints the icons
        if action.icon().cacheKey() != stand_in.icon().cacheKey():
            stand_in.setIcon(action.icon())

    action.changed.connect(follow_icon)
    return stand_in


def build_menus(window: QMainWindow, actions: dict[str, QAction]) -> None:
    bar = window.menuBar()
    for title in MENUS:
        menu = bar.addMenu(f"&{title}")
        for spec in SPECS:
            if spec.menu == title:
                menu.addAction(actions[spec.name])
                if spec.name in SEPARATE_AFTER:
                    menu.addSeparator()


def menu_of(action: QAction) -> str:
    return next((s.menu for s in SPECS if s.name == action.objectName()), "")
