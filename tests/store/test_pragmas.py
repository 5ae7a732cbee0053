"""Connection settings: WAL, foreign keys, a busy timeout, and writes that lock at BEGIN."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from claimledger.store.database import BUSY_TIMEOUT_MS


def _pragma(conn, name: str):
    return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_wal_foreign_keys_and_busy_timeout_are_on(db):
    with db.read() as conn:
        assert _pragma(conn, "journal_mode") == "wal"
        assert _pragma(conn, "foreign_keys") == 1
        assert _pragma(conn, "busy_timeout") == BUSY_TIMEOUT_MS > 0
    with db.write() as conn:
        assert _pragma(conn, "foreign_keys") == 1
        assert _pragma(conn, "busy_timeout") == BUSY_TIMEOUT_MS


def test_wal_is_persistent_in_the_file(db):
    other = sqlite3.connect(db.path)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError):
        with db.write() as conn:
            conn.execute(text(
                "INSERT INTO claim (id, article_id, start, \"end\", text, kind, role, origin,"
                " retired) VALUES ('c', 'no-such-article', 0, 1, 'x', 'claim', 'body', 'auto', 0)"
            ))


def _try_write_lock(path) -> None:
    """Take the write lock from a second connection without waiting (timeout=0)."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_write_takes_the_write_lock_at_begin(db):
    with db.write() as conn:
        assert conn.in_transaction()
        # no statement has run in this transaction yet: only BEGIN IMMEDIATE holds the lock
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            _try_write_lock(db.path)
    _try_write_lock(db.path)  # released on commit


def test_rollback_only_also_takes_the_write_lock(db):
    with db.rollback_only():
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            _try_write_lock(db.path)
    _try_write_lock(db.path)


def test_read_does_not_block_a_writer(db):
    with db.read() as conn:
        conn.execute(text("SELECT count(*) FROM event")).scalar_one()
        _try_write_lock(db.path)  # WAL: readers and one writer coexist


def test_a_failed_write_is_rolled_back_and_releases_the_lock(db):
    with pytest.raises(RuntimeError):
        with db.write() as conn:
            conn.execute(text("INSERT INTO setting (key, value) VALUES ('k', 'v')"))
            raise RuntimeError("boom")
    with db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM setting")).scalar_one() == 0
    _try_write_lock(db.path)


def test_rollback_only_keeps_nothing(db):
    with db.rollback_only() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('k', 'v')"))
    with db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM setting")).scalar_one() == 0
