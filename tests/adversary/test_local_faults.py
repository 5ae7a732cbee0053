"""Local faults end in one line, not a traceback: an immutable workspace, a damaged
file, a full disk, a key file open to other users."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import null
from malicious_peer import SAMPLE, claims_of_sample, state
from sqlalchemy import event

from claimledger.workspace import Workspace, WorkspaceError

LEGACY = Path(__file__).resolve().parents[1] / "data" / "legacy"


def _corrupt(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.seek(4096 * 20)
        handle.write(b"\xde\xad" * 2048)


@pytest.fixture
def immutable(tmp_path):
    """A copy of a workspace made immutable (chattr +i), made mutable again after."""
    path = tmp_path / "frozen.sqlite"
    shutil.copy(LEGACY / "v1-workspace.sqlite", path)
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    yield path
    subprocess.run(["chattr", "-i", str(path)], check=True)


def test_an_immutable_workspace_opens_read_only_and_refuses_writes_in_one_line(immutable,
                                                                                tmp_path):
    ws = Workspace(immutable, "Cy Lam", config_dir=tmp_path / "config")
    try:
        assert ws.read_only
        before = state(ws)
        claim = next(c.id for c in ws.claims(ws.articles()[0].id) if c.kind == "claim")
        for write in (lambda: ws.mark(claim, "sourced"), lambda: ws.import_files([SAMPLE])):
            with pytest.raises(WorkspaceError) as raised:
                write()
            assert str(raised.value) == ("frozen.sqlite cannot be written (operation not "
                                         "permitted), so it is open read-only.")
        assert ws.projections_match_log() and ws.integrity_problems() == []
        assert state(ws) == before
    finally:
        ws.close()


def test_a_damaged_file_fails_verify_in_one_line(tmp_path):
    path = tmp_path / "damaged.sqlite"
    shutil.copy(LEGACY / "v1-workspace.sqlite", path)
    _corrupt(path)
    ws = Workspace(path, "Cy Lam", config_dir=tmp_path / "config")
    try:
        assert ws.integrity_problems()
        with pytest.raises(WorkspaceError) as raised:
            ws.projections_match_log()
        message = str(raised.value)
        assert message.startswith("damaged.sqlite is damaged (database disk image is "
                                  "malformed); nothing was changed.") and "\n" not in message
    finally:
        ws.close()


def test_a_full_disk_during_an_import_changes_nothing(tmp_path):
    ws = Workspace(tmp_path / "full.sqlite", "Cy Lam", config_dir=tmp_path / "config")
    try:
        claims_of_sample(ws)
        before = state(ws)
        pages = ws.db.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()

        @event.listens_for(ws.db.engine, "connect")
        def cap(dbapi_conn, _record):
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

        ws.db.engine.dispose()
        big = tmp_path / "long.txt"
        big.write_text("\n\n".join(f"Paragraph {i} says the council spent {i} million on "
                                   "roads last year." for i in range(3000)))
        with pytest.raises(WorkspaceError) as raised:
            ws.import_files([big], analyse=False)
        assert str(raised.value) == ("The disk holding full.sqlite is full; nothing was "
                                     "changed. Free some space and try again.")
        event.remove(ws.db.engine, "connect", cap)
        ws.db.engine.dispose()
        assert state(ws) == before
    finally:
        ws.close()


def test_a_key_file_open_to_other_users_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.core._keyring_backend)
    keyring.set_keyring(null.Keyring())
    config = tmp_path / "config"
    first = Workspace(tmp_path / "w.sqlite", "Cy Lam", config_dir=config, allow_file_key=True)
    identity = first.unlock()
    first.close()
    key_file = config / "keys" / f"{identity.id}.key"
    assert key_file.exists()
    key_file.chmod(0o644)
    again = Workspace(tmp_path / "w.sqlite", "Cy Lam", config_dir=config, allow_file_key=True)
    try:
        with pytest.raises(WorkspaceError) as raised:
            again.unlock()
        assert str(raised.value).startswith(f"The key file {key_file} is open to other users "
                                            "(mode 0644), so it is not used")
        assert "\n" not in str(raised.value)
    finally:
        again.close()


def test_verify_on_the_command_line_reports_a_damaged_file_in_one_line(tmp_path):
    path = tmp_path / "damaged.sqlite"
    shutil.copy(LEGACY / "v1-workspace.sqlite", path)
    _corrupt(path)
    env = dict(os.environ, PYTHONPATH=str(LEGACY.parents[2] / "desktop"),
               XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    done = subprocess.run([sys.executable, "-m", "claimledger", "--db", str(path),
                           "--reviewer", "Cy Lam", "verify"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert done.stderr.startswith("claim-ledger: error: damaged.sqlite is damaged (PRAGMA "
                                  "quick_check: ")
