"""Opening workspaces: up to date without alembic, too new refused with a clear message."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claimledger.store import Database, SchemaTooNew, migrate

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def _run(code: str, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(DESKTOP), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


OPEN_AND_REPORT = """
    import sys
    from claimledger.workspace import Workspace
    with Workspace(sys.argv[1], "Ana") as ws:
        ws.articles()
    print("alembic" in sys.modules, "alembic.command" in sys.modules)
"""


def _version(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_a_new_workspace_is_migrated_to_head(tmp_path):
    Database(tmp_path / "new.sqlite").close()
    assert _version(tmp_path / "new.sqlite") == migrate.HEAD


def test_opening_an_up_to_date_workspace_does_not_import_alembic(tmp_path):
    path = tmp_path / "ws.sqlite"
    # the first open creates and migrates the file: that one does need alembic
    assert _run(OPEN_AND_REPORT, str(path)) == "True True"
    assert _run(OPEN_AND_REPORT, str(path)) == "False False"


def test_state_reports_each_case(tmp_path):
    db = Database(tmp_path / "ws.sqlite")
    try:
        with db.write() as conn:
            assert migrate.state(conn) == "current"
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
            assert migrate.state(conn) == "newer"
            conn.exec_driver_sql("DROP TABLE alembic_version")
            assert migrate.state(conn) == "empty"
            conn.rollback()
    finally:
        db.close()


def _make_too_new(path: Path) -> None:
    Database(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0042_from_the_future'")
    conn.close()


def test_a_workspace_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "newer.sqlite"
    _make_too_new(path)
    with pytest.raises(SchemaTooNew) as raised:
        Database(path)
    message = str(raised.value)
    assert str(path) in message
    assert "newer version of Claim Ledger" in message
    assert "update" in message.lower()
    assert "\n" not in message
    assert _version(path) == "0042_from_the_future"  # not touched, not "downgraded"


def test_the_workspace_opens_it_read_only(tmp_path):
    from claimledger.workspace import Workspace, WorkspaceError

    path = tmp_path / "newer.sqlite"
    _make_too_new(path)
    with Workspace(path, "Ana") as ws:
        assert ws.read_only
        assert "newer version of Claim Ledger" in ws.read_only_reason
        assert ws.articles() == []
        with pytest.raises(WorkspaceError, match="read-only"):
            ws.import_text("The council met on Tuesday. It voted 6-3.", "Council")
    assert _version(path) == "0042_from_the_future"
