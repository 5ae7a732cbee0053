"""What goes wrong with a server: it stops mid-push, comes back from an older backup, is
set up by a newer app, takes two pushes of one reviewer at once, or is offline."""

from __future__ import annotations

import threading

import psycopg
import pytest
from hub_db import remember

from claimledger.workspace import HubError, HubOffline
from claimledger.workspace import hub as hub_verbs
from sync_desk import claims_of_sample, state


def hub_count(hubdb) -> int:
    return int(hubdb.sql("SELECT count(*) FROM hub_event"))


def local_count(ws) -> int:
    return len(state(ws)["events"])


def without_join_stamps(ledger: dict) -> dict:
    """Each workspace of one reviewer joined on its own, and the reviewer row keeps the
    stamp of whichever join it stored first (as with files); all else must agree."""
    tables = dict(ledger["tables"])
    tables["reviewer"] = [row[:2] + row[3:] for row in tables["reviewer"]]
    return {**ledger, "tables": tables}


def test_reviewers_cannot_change_or_erase_events_on_the_server(hub_desk):
    bob = hub_desk.bob
    bob.mark(claims_of_sample(bob)[0], "sourced")
    bob.sync_hub()
    url = hub_desk.hub.cluster.url(hub_desk.hub.name, f"carol_{hub_desk.hub.name}")
    with psycopg.connect(url, password="reviewer-pw") as conn:
        for statement in ("UPDATE hub_event SET payload = '{}'", "DELETE FROM hub_event",
                          "TRUNCATE hub_event"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
    assert hub_count(hub_desk.hub) == local_count(bob)


def test_an_editor_role_may_correct_the_hub(hub_desk):
    hubdb = hub_desk.hub
    hub_desk.bob.sync_hub()
    hubdb.cluster.sql(f"CREATE ROLE ed_{hubdb.name} LOGIN PASSWORD 'editor-pw' "
                      f"IN ROLE {hubdb.name}_editors")
    url = hubdb.cluster.url(hubdb.name, f"ed_{hubdb.name}")
    with psycopg.connect(url, password="editor-pw") as conn:
        assert conn.execute("DELETE FROM hub_event").rowcount == 1  # Bob's reviewer.joined
    assert hub_count(hubdb) == 0


def test_server_stopped_mid_push_holds_whole_batches_and_the_retry_sends_the_rest(
        hub_desk, monkeypatch):
    bob, cluster = hub_desk.bob, hub_desk.hub.cluster
    for claim in claims_of_sample(bob)[:5]:
        bob.mark(claim, "disputed")
    monkeypatch.setattr(hub_verbs, "PUSH_BATCH", 2)

    def stop_after_first_batch(done, total, label):
        cluster.stop("immediate")
        return True

    with pytest.raises(HubOffline) as offline:
        bob.sync_hub(progress=stop_after_first_batch)
    pending = local_count(bob) - 2
    assert f"{pending:,} events to send" in str(offline.value)
    assert "\n" not in str(offline.value)
    cluster.start()
    assert hub_count(hub_desk.hub) == 2
    assert bob.hub_pending() == pending
    again = bob.sync_hub()
    assert (again.pushed, again.pending) == (pending, 0)
    assert hub_count(hub_desk.hub) == local_count(bob)


def test_offline_work_goes_on_and_catches_up(hub_desk):
    bob, carol, cluster = hub_desk.bob, hub_desk.carol, hub_desk.hub.cluster
    claims = claims_of_sample(bob)
    cluster.stop()
    bob.mark(claims[0], "sourced")
    bob.mark(claims[1], "disputed")
    with pytest.raises(HubOffline) as offline:
        bob.sync_hub()
    assert "unreachable" in str(offline.value) and "4 events to send" in str(offline.value)
    status = bob.hub_status()
    assert not status.reachable and status.pending == 4
    cluster.start()
    assert bob.sync_hub().pending == 0
    carol.sync_hub(accept_new_reviewers=True)
    assert state(carol) == state(bob) or carol.sync_hub().pulled == 0
    bob.sync_hub(accept_new_reviewers=True)
    assert state(carol) == state(bob)


def test_a_hub_restored_from_an_older_backup_gets_back_what_it_lost(hub_desk):
    bob, carol, hubdb = hub_desk.bob, hub_desk.carol, hub_desk.hub
    claims = claims_of_sample(bob)
    bob.mark(claims[0], "sourced")
    bob.sync_hub()
    backup = hubdb.cluster.dump(hubdb.name, "before-lunch")
    bob.mark(claims[1], "disputed")
    bob.sync_hub()
    carol.sync_hub(accept_new_reviewers=True)
    carol.mark(claims[2], "unverified", reason="Claimed without evidence")
    carol.sync_hub()
    hubdb.cluster.restore(hubdb.name, backup)
    assert hub_count(hubdb) < local_count(carol)

    for ws in (bob, carol):
        done = ws.sync_hub(accept_new_reviewers=True)
        assert any("older backup" in flag for flag in done.flags), done.flags
    bob.sync_hub(accept_new_reviewers=True)  # Carol is new to Bob
    assert hub_count(hubdb) == local_count(bob) == local_count(carol)
    assert state(bob) == state(carol)


def test_two_workspaces_of_one_reviewer_push_at_once(hub_desk, monkeypatch):
    desk, hubdb = hub_desk.desk, hub_desk.hub
    laptop = desk.reviewer("Bob Ode", db="bob-laptop")
    laptop.connect_hub(hubdb.cluster.url(hubdb.name, f"bob_{hubdb.name}"))
    desktop = hub_desk.bob
    for ws, statuses in ((desktop, "sourced"), (laptop, "disputed")):
        for claim in claims_of_sample(ws)[:4]:
            ws.mark(claim, statuses)
    monkeypatch.setattr(hub_verbs, "PUSH_BATCH", 1)
    start = threading.Barrier(2)
    outcomes = []

    def push(ws):
        start.wait()
        outcomes.append(ws.sync_hub())

    threads = [threading.Thread(target=push, args=(ws,)) for ws in (desktop, laptop)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [o.refused for o in outcomes] == [None, None]
    desktop.sync_hub()
    laptop.sync_hub()
    assert without_join_stamps(state(desktop)) == without_join_stamps(state(laptop))
    assert hub_count(hubdb) == local_count(desktop)


def test_a_hub_set_up_by_a_newer_app_is_only_read(hub_desk):
    bob, carol, hubdb = hub_desk.bob, hub_desk.carol, hub_desk.hub
    bob.mark(claims_of_sample(bob)[0], "sourced")
    bob.sync_hub()
    hubdb.sql("UPDATE hub_meta SET value = '2' WHERE key = 'schema_version'")
    carol.mark(claims_of_sample(carol)[1], "disputed")
    pending = carol.hub_pending()
    done = carol.sync_hub(accept_new_reviewers=True)
    assert done.pushed == 0 and done.pending == pending and done.pulled > 0 and done.read_only
    [flag] = [f for f in done.flags if "newer Claim Ledger" in f]
    assert "hub schema 2; this app knows up to 1" in flag and "nothing is sent" in flag
    with pytest.raises(HubError, match="newer Claim Ledger"):
        carol.init_hub(hubdb.editor_url)
    assert carol.hub_status().as_json()["read_only"] is True


def test_a_wrong_address_or_a_password_in_it_is_one_line(desk, hubdb):
    ws = desk.reviewer("Ana")
    for url, words in (("postgresql://ana:secret@127.0.0.1/desk", "Leave the password out"),
                       ("mysql://ana@127.0.0.1/desk", "starts with postgresql://"),
                       ("postgresql://ana@127.0.0.1", "names no database")):
        with pytest.raises(HubError, match=words) as refused:
            ws.connect_hub(url)
        assert "secret" not in str(refused.value)
    with pytest.raises(HubError, match="holds no desk hub yet"):
        ws.connect_hub(hubdb.editor_url)
    assert ws.hub_address() is None


def test_a_server_that_never_answers_is_one_line_after_the_timeout(desk, monkeypatch):
    """Something accepts the connection and then says nothing (a hung server, a firewall
    that swallows packets): the connect timeout ends the wait."""
    import socket

    from claimledger.store import hub as hub_store

    monkeypatch.setattr(hub_store, "CONNECT_TIMEOUT_S", 1)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        with pytest.raises(HubOffline, match="did not answer in time") as offline:
            desk.reviewer("Ana").connect_hub(f"postgresql://ana@127.0.0.1:{port}/desk")
    assert "\n" not in str(offline.value)


def test_a_login_outside_the_reviewers_role_is_told_what_it_lacks(desk, hubdb):
    desk.reviewer("Edith Editor").init_hub(hubdb.editor_url)
    hubdb.cluster.sql(f"CREATE ROLE stranger_{hubdb.name} LOGIN PASSWORD 'pw'")
    url = hubdb.cluster.url(hubdb.name, f"stranger_{hubdb.name}")
    remember(url, "pw")
    with pytest.raises(HubError, match=f"belongs in the role {hubdb.name}_reviewers"):
        desk.reviewer("Sam Stranger").connect_hub(url)
