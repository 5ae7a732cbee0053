"""A private PostgreSQL server for the whole session, a fresh hub database per test.

Tests are skipped (with the reason) only where no PostgreSQL binaries exist; CI installs
them (.ci/run). The server listens on 127.0.0.1 and a socket in its temporary folder.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hub_db import HubDb
from pg_cluster import SUPERUSER, SUPERUSER_PASSWORD, Cluster, binaries

from claimledger.store.hub import parse_address
from sync_desk import Desk

#: The adversarial suite's Mallory (tests/adversary/malicious_peer.py) attacks hubs too.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "adversary"))


@pytest.fixture(scope="session")
def cluster():
    bin_dir = binaries()
    if bin_dir is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) found under "
                    "/usr/lib/postgresql/*/bin or on PATH; install the postgresql package")
    made = Cluster(bin_dir)
    made.start()
    yield made
    made.remove()


@pytest.fixture
def running(cluster):
    """The session's server, started again if a test stopped it."""
    if not cluster.running():
        cluster.start()
    return cluster


@pytest.fixture
def hubdb(running):
    return HubDb(running)


@pytest.fixture
def desk(tmp_path):
    made = Desk(tmp_path)
    yield made
    made.close()


@pytest.fixture
def hub_desk(desk, hubdb):
    """A hub set up by the editor; Bob and Carol connected to it."""
    editor = desk.reviewer("Edith Editor")
    editor.init_hub(hubdb.editor_url)
    bob, carol = desk.reviewer("Bob Ode"), desk.reviewer("Carol Lam")
    bob.connect_hub(hubdb.reviewer_login("bob"))
    carol.connect_hub(hubdb.reviewer_login("carol"))
    return SimpleNamespace(desk=desk, hub=hubdb, bob=bob, carol=carol, user=SUPERUSER)


@pytest.fixture
def push_as_editor(hubdb):
    """Rows written straight into the hub with the editor's rights, as a compromised
    server (or anyone with its password) could."""
    from claimledger.store.eventrows import payload_text
    from claimledger.store.hub import Hub

    def push(events) -> None:
        hub = Hub(parse_address(hubdb.editor_url), SUPERUSER_PASSWORD)
        try:
            hub.push([{"id": e.id, "kind": e.kind, "author": e.author, "hlc": e.hlc,
                       "payload": payload_text(e.payload), "signature": e.signature}
                      for e in events])
        finally:
            hub.close()

    return push
