"""The engine, its pragmas and transactions.

Writes take `BEGIN IMMEDIATE` so two writers never deadlock on a lock upgrade; reads use
a plain deferred transaction. WAL lets the window read while an import writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError

from claimledger.store import migrate

BUSY_TIMEOUT_MS = 5000


class SchemaTooNew(RuntimeError):
    """The database was written by a newer Claim Ledger."""


class NotAWorkspace(RuntimeError):
    """The file is not a SQLite database, or not one of ours."""


class Database:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = _make_engine(self.path)
        try:
            with self.engine.connect() as conn:
                state = migrate.state(conn)
        except DatabaseError:
            self.engine.dispose()
            raise NotAWorkspace(f"{self.path} is not a Claim Ledger workspace.") from None
        if state == "newer":
            self.engine.dispose()
            raise SchemaTooNew(
                f"{self.path} was written by a newer version of Claim Ledger; "
                "update the app to open it."
            )
        if state != "current":
            migrate.upgrade(self.engine)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One IMMEDIATE transaction: committed on success, rolled back on any error."""
        with self.engine.connect() as conn:
            conn.info["begin"] = "BEGIN IMMEDIATE"
            with conn.begin():
                yield conn

    @contextmanager
    def rollback_only(self) -> Iterator[Connection]:
        """A write transaction that is always rolled back: for checks that replay."""
        with self.engine.connect() as conn:
            conn.info["begin"] = "BEGIN IMMEDIATE"
            trans = conn.begin()
            try:
                yield conn
            finally:
                trans.rollback()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            with conn.begin():
                yield conn

    def close(self) -> None:
        self.engine.dispose()


def _make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _on_begin(conn: Connection) -> None:
    conn.exec_driver_sql(conn.info.pop("begin", "BEGIN"))
