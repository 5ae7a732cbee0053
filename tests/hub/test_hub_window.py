"""The window on a desk hub: a colleague's verdict shows up by itself, a new colleague is
trusted through the dialog, the status bar tells offline from up to date, and Settings
connects and disconnects."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from claimledger.domain.status import Status
from claimledger.resources import resource

HARBOUR = resource("samples", "harbour-bridge-funding.txt")


@pytest.fixture(autouse=True)
def _private_qsettings(tmp_path_factory):
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


def open_window(qtbot, workspace):
    from PySide6.QtWidgets import QApplication

    from claimledger.ui.shell.app import set_up_application
    from claimledger.ui.shell.main_window import MainWindow

    set_up_application(QApplication.instance())
    win = MainWindow(workspace)
    win.persist_settings = False
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.identity_ready, timeout=10_000)
    return win


def hub_label(window) -> str:
    return window.hub.label.text()


@pytest.fixture
def ana_window(qtbot, hub_desk):
    """Ana's window on the hub; Bob has imported the harbour article and pushed it, and
    Ana pinned him at her first sync."""
    bob = hub_desk.bob
    bob.import_files([HARBOUR])
    bob.sync_hub()
    ana = hub_desk.desk.reviewer("Ana Ruiz")
    ana.connect_hub(hub_desk.hub.reviewer_login("ana"))
    ana.sync_hub(accept_new_reviewers=True)
    window = open_window(qtbot, ana)
    qtbot.waitUntil(lambda: hub_label(window) == "Desk hub: up to date", timeout=20_000)
    yield window
    window.close()


def open_first_article(qtbot, window) -> list[str]:
    """Open the (only) article; the ids of its claims."""
    article = window.workspace.articles()[0].id
    window.review.open_article(article)
    qtbot.waitUntil(lambda: window.article_id == article, timeout=10_000)
    return [c.id for c in window.ledger_model.all_claims() if c.kind == "claim"]


def reviewers_cell(window, claim_id: str) -> str:
    from claimledger.ui.views.ledger_model import REVIEWERS

    model = window.ledger_model
    row = model.row_of(claim_id)
    return model.data(model.index(row, REVIEWERS), Qt.ItemDataRole.ToolTipRole) or ""


def test_a_colleagues_verdict_appears_in_the_window(qtbot, ana_window, hub_desk):
    window, bob = ana_window, hub_desk.bob
    claim = open_first_article(qtbot, window)[0]

    bob.mark(claim, Status.DISPUTED, reason="Contradicted by the record")
    bob.sync_hub()

    qtbot.waitUntil(lambda: "Bob Ode: Disputed" in reviewers_cell(window, claim),
                    timeout=10_000)
    assert hub_label(window) == "Desk hub: up to date"


def test_a_mark_here_is_sent_and_offline_is_counted(qtbot, ana_window, hub_desk):
    window, cluster = ana_window, hub_desk.hub.cluster
    first, second = open_first_article(qtbot, window)[:2]
    window.review.select_claim(first)
    window.review.mark(Status.SOURCED)
    qtbot.waitUntil(lambda: not window.writes.busy, timeout=20_000)
    qtbot.waitUntil(lambda: window.workspace.hub_pending() == 0, timeout=20_000)
    hub_desk.bob.sync_hub(accept_new_reviewers=True)
    assert [v.reviewer for v in hub_desk.bob.verdicts(window.article_id)[first]] == \
        ["Ana Ruiz"]

    cluster.stop()
    window.review.select_claim(second)
    window.review.mark(Status.DISPUTED)
    qtbot.waitUntil(lambda: hub_label(window) == "Desk hub: offline, 1 events to send",
                    timeout=20_000)
    assert "unreachable" in window.hub.label.toolTip()
    cluster.start()
    qtbot.waitUntil(lambda: hub_label(window) == "Desk hub: up to date", timeout=30_000)


def test_a_new_colleague_waits_for_the_trust_dialog(qtbot, ana_window, hub_desk):
    window, carol = ana_window, hub_desk.carol
    claim = open_first_article(qtbot, window)[0]
    carol.import_files([HARBOUR])
    carol.mark(claim, Status.SOURCED)
    carol.sync_hub(accept_new_reviewers=True)
    files = window.ledger_files
    qtbot.waitUntil(lambda: files.trust_dialog is not None, timeout=20_000)
    assert hub_label(window) == "Desk hub: waiting for you to trust Carol Lam"
    files.trust_dialog.trust_button.click()
    qtbot.waitUntil(lambda: hub_label(window) == "Desk hub: up to date", timeout=20_000)
    qtbot.waitUntil(lambda: "Carol Lam: Sourced" in reviewers_cell(window, claim),
                    timeout=10_000)


def test_settings_connects_and_disconnects(qtbot, desk, hubdb):
    from claimledger.ui.shell.settings_dialog import SettingsDialog

    editor = desk.reviewer("Edith Editor")
    editor.init_hub(hubdb.editor_url)
    url = hubdb.reviewer_login("dan")
    dan = desk.reviewer("Dan New")
    window = open_window(qtbot, dan)
    dialog = SettingsDialog(window)
    page = dialog.show_page("Desk hub")
    page.address.setText(url)
    with qtbot.waitSignal(page.hubChanged, timeout=20_000):
        page.connect_button.click()
    assert page.state.text() == f"Connected to {dan.hub_address()}"
    qtbot.waitUntil(lambda: hub_label(window) == "Desk hub: up to date", timeout=20_000)

    page.address.setText(url.replace("postgresql://", "postgresql://x:leak@"))
    page.connect_button.click()
    qtbot.waitUntil(lambda: not page.error.isHidden(), timeout=20_000)
    assert "Leave the password out" in page.error.text() and "leak" not in page.error.text()

    with qtbot.waitSignal(page.hubChanged, timeout=20_000):
        page.disconnect_button.click()
    assert dan.hub_address() is None and not window.hub.label.isVisible()
    dialog.close()
    window.close()


def test_a_password_typed_in_settings_goes_to_the_keyring_only(qtbot, desk, hubdb):
    import keyring

    from claimledger.exchange.hubsecret import SERVICE
    from claimledger.store.hub import parse_address
    from claimledger.ui.shell.settings_dialog import SettingsDialog

    desk.reviewer("Edith Editor").init_hub(hubdb.editor_url)
    role = f"eve_{hubdb.name}"
    hubdb.cluster.sql(f"CREATE ROLE {role} LOGIN PASSWORD 'typed-once' "
                      f"IN ROLE {hubdb.name}_reviewers")
    url = hubdb.cluster.url(hubdb.name, role)
    eve = desk.reviewer("Eve Typed")
    window = open_window(qtbot, eve)
    page = SettingsDialog(window).show_page("Desk hub")
    page.address.setText(url)
    page.connect_button.click()
    qtbot.waitUntil(lambda: not page.error.isHidden(), timeout=20_000)
    assert "asks for" in page.error.text() and eve.hub_address() is None

    page.password.setText("typed-once")
    with qtbot.waitSignal(page.hubChanged, timeout=20_000):
        page.connect_button.click()
    assert page.password.text() == ""
    assert keyring.get_password(SERVICE, parse_address(url).keyring_name) == "typed-once"
    assert "typed-once" not in (eve.hub_address() or "")
    qtbot.waitUntil(lambda: hub_label(window) == "Desk hub: up to date", timeout=20_000)
    window.close()
