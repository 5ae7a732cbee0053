"""The exchange actions are in the one table (menus, shortcuts dialog), and writes wait for
the signing key."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from claimledger.domain.records import ClaimView
from claimledger.domain.status import Status
from claimledger.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from claimledger.ui.kit.ledger_filter import DISAGREES, LedgerFilter, RowIndex


def test_exchange_actions_have_their_shortcuts_and_menus(qtbot, window):
    keys = {name: window.actions[name].shortcut().toString(
        QKeySequence.SequenceFormat.PortableText)
        for name in ("export_pdf", "export_ledger", "import_ledger", "sync_folder", "settle",
                     "reviewers_tab", "agreement")}
    assert keys == {"export_pdf": "Ctrl+E", "export_ledger": "Ctrl+Shift+E",
                    "import_ledger": "Ctrl+Shift+I", "sync_folder": "F5",
                    "settle": "Ctrl+Shift+D", "reviewers_tab": "Ctrl+Shift+R",
                    "agreement": "Ctrl+Shift+G"}
    dialog = ShortcutsDialog(window.actions.values(), window)
    qtbot.addWidget(dialog)
    rows = {(menu, action): shortcut for menu, action, shortcut in dialog.rows}
    assert rows[("File", "Export Verification PDF…")] == "Ctrl+E"
    assert rows[("View", "Agreement…")] == "Ctrl+Shift+G"
    assert rows[("Review", "Settle Consensus…")] == "Ctrl+Shift+D"
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus.index("View") == menus.index("Help") - 1


def test_writes_wait_until_the_key_is_unlocked(qtbot, workspace):
    from claimledger.ui.shell.main_window import MainWindow

    win = MainWindow(workspace)  # not shown yet: the unlock has not started
    win.persist_settings = False
    qtbot.addWidget(win)
    assert not win.identity_ready
    for name in ("mark_sourced", "undo", "settle", "add_source"):
        assert not win.actions[name].isEnabled(), name
    win.show()
    qtbot.waitUntil(lambda: win.identity_ready, timeout=10_000)
    assert not win.actions["undo"].isEnabled()  # nothing to undo yet, not locked
    assert win.inspector.tabs.widget(0).isEnabledTo(win.inspector)
    win.close()


def claim(n: int) -> ClaimView:
    return ClaimView(id=f"c{n}", article_id="a", start=n, end=n + 1, text=f"Claim {n}",
                     kind="claim", role="body", origin="auto", status=Status.SOURCED,
                     reason=None, note=None, supports=1)


def test_disagreements_flag_comes_from_the_marks():
    claims = [claim(n) for n in range(5)]
    disputed = {"c1", "c3"}
    index = RowIndex(claims, lambda c: DISAGREES if c.id in disputed else 0)
    assert index.count(DISAGREES) == 2
    assert index.rows(LedgerFilter(disagreements=True)) == [1, 3]
    disputed.discard("c3")
    assert index.remark() == [3]
    assert index.count(DISAGREES) == 1
    wanted = LedgerFilter(disagreements=True).toggled(Status.SOURCED)
    assert wanted.disagreements and index.rows(wanted) == [1]
