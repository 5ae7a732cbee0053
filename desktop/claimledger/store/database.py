"""The engine, its pragmas and transactions.

Writes take `BEGIN IMMEDIATE` so two writers never deadlock on a lock upgrade; reads use
a plain deferred transaction. WAL lets the window read while an import writes.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import (
    DatabaseError,
    DataError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    ProgrammingError,
)
from sqlalchemy.pool import QueuePool, StaticPool

from claimledger.store import backup, migrate

BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 64 * 1024


class SchemaTooNew(RuntimeError):
    """The database was written by a newer Claim Ledger."""


class NotAWorkspace(RuntimeError):
    """The file is not a SQLite database, or not one of ours."""


class ReadOnlyDatabase(RuntimeError):
    """A write was asked of a database opened read-only."""


class DatabaseBusy(RuntimeError):
    """Another connection held the write lock for longer than the busy timeout."""


class DatabaseFault(RuntimeError):
    """The file failed under a read or write (damaged, full disk, not writable); the
    message says so in one sentence, and the transaction was rolled back."""


def fault_sentence(name: str, error: Exception) -> str:
    """What SQLite's error means for the reviewer, in one sentence."""
    text = str(getattr(error, "orig", None) or error).splitlines()[0]
    if "full" in text:
        return (f"The disk holding {name} is full; nothing was changed. Free some space "
                "and try again.")
    if "readonly" in text or "read-only" in text:
        return (f"{name} cannot be written (the file or its folder is read-only or "
                "immutable); nothing was changed.")
    if "malformed" in text or "not a database" in text:
        return (f"{name} is damaged ({text}); nothing was changed. Restore a backup, or "
                "copy out what `verify` still reads.")
    return f"{name} failed ({text}); nothing was changed."


class Database:
    """One workspace file. An older schema is backed up (store/backup.py) and migrated.

    A schema newer than this code raises SchemaTooNew, unless `allow_newer`: then the
    file is opened read-only (`read_only`, with `read_only_reason` in words) and writes
    raise ReadOnlyDatabase. `read_only=True` opens any workspace read-only.
    """

    def __init__(self, path: Path, *, read_only: bool = False,
                 allow_newer: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.read_only_reason: str | None = (f"{self.path.name} is open read-only."
                                             if read_only else None)
        existed = self.path.exists()
        if self.path.is_dir():
            raise NotAWorkspace(f"{self.path} is a folder; name the workspace file in it "
                                f"(such as {self.path / 'workspace.sqlite'}).")
        if not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise NotAWorkspace(f"A workspace cannot be created at {self.path} "
                                    f"({error.strerror or error}: {error.filename}).") from None
        # an existing file is looked at read-only first, so a newer one is never touched
        self.engine = _make_engine(self.path, read_only or existed)
        try:
            with self.engine.connect() as conn:
                state = migrate.state(conn)
                version = _revision(conn) if state in ("older", "newer") else None
        except DatabaseError as error:
            self.engine.dispose()
            if not existed:
                raise NotAWorkspace(f"A workspace cannot be created at {self.path} "
                                    f"({getattr(error, 'orig', error)}).") from None
            raise NotAWorkspace(f"{self.path} is not a Claim Ledger workspace.") from None
        if state == "newer":
            too_new = (f"{self.path} was written by a newer version of Claim Ledger "
                       f"(schema {version})")
            if not allow_newer and not read_only:
                self.engine.dispose()
                raise SchemaTooNew(f"{too_new}; update the app to open it.")
            self.read_only = True
            self.read_only_reason = (f"{too_new}, so it is open read-only; update the app "
                                     "to change it.")
            return
        if read_only:
            return
        unwritable = _unwritable(self.path)
        if unwritable is not None:
            self.read_only = True
            self.read_only_reason = (f"{self.path.name} cannot be written ({unwritable}), "
                                     "so it is open read-only.")
            return
        self.engine.dispose()
        self.engine = _make_engine(self.path, False)
        if state == "older":  # a brand-new (empty) file has nothing to lose
            try:
                backup.make_backup(self.path, f"before-upgrade-from-{version[:4]}")
            except backup.BackupError:
                self.engine.dispose()
                raise
        if state != "current":
            migrate.upgrade(self.engine)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One IMMEDIATE transaction: committed on success, rolled back on any error."""
        if self.read_only:
            raise ReadOnlyDatabase(self.read_only_reason)
        with self.engine.connect() as conn:
            conn.info["begin"] = "BEGIN IMMEDIATE"
            try:
                with conn.begin():
                    yield conn
            except OperationalError as error:
                if _is_busy(error):
                    raise DatabaseBusy(f"{self.path.name} is busy: another program is "
                                       "writing to it.") from None
                raise DatabaseFault(fault_sentence(self.path.name, error)) from None
            except DatabaseError as error:
                raise fault_or_bug(self.path.name, error) from None

    @contextmanager
    def write_transaction(self) -> Iterator[tuple[Connection, object]]:
        """An IMMEDIATE transaction the caller commits or rolls back itself (see
        store/pending.py); left undecided, it is rolled back."""
        if self.read_only:
            raise ReadOnlyDatabase(self.read_only_reason)
        with self.engine.connect() as conn:
            conn.info["begin"] = "BEGIN IMMEDIATE"
            transaction = conn.begin()
            try:
                yield conn, transaction
            finally:
                if transaction.is_active:
                    transaction.rollback()

    def pending_write(self, work):
        """Start `work(conn)` in a write transaction on another thread; see PendingWrite."""
        from claimledger.store.pending import PendingWrite

        return PendingWrite(self, work)

    @contextmanager
    def rollback_only(self) -> Iterator[Connection]:
        """A write transaction that is always rolled back: for checks that replay. On a
        read-only database it runs on a private in-memory copy."""
        if self.read_only:
            with _memory_copy(self.path) as conn:
                yield conn
            return
        try:
            with self.engine.connect() as conn:
                conn.info["begin"] = "BEGIN IMMEDIATE"
                trans = conn.begin()
                try:
                    yield conn
                finally:
                    trans.rollback()
        except DatabaseError as error:
            raise fault_or_bug(self.path.name, error) from None

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                with conn.begin():
                    yield conn
        except OperationalError as error:
            if _is_busy(error):
                raise
            raise DatabaseFault(fault_sentence(self.path.name, error)) from None
        except DatabaseError as error:
            raise fault_or_bug(self.path.name, error) from None

    def quick_check(self) -> list[str]:
        """SQLite's PRAGMA quick_check: [] when the file is sound, else its first problems."""
        try:
            with self.engine.connect() as conn:
                rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check(5)")]
        except DatabaseError as error:
            return [str(getattr(error, "orig", error)).splitlines()[0]]
        return [] if rows == ["ok"] else rows

    def close(self) -> None:
        self.engine.dispose()


def fault_or_bug(name: str, error: DatabaseError) -> Exception:
    """A fault of the file (damaged, unreadable) as DatabaseFault; a broken constraint or
    bad SQL is a bug and stays what it is."""
    if isinstance(error, IntegrityError | ProgrammingError | InterfaceError | DataError):
        return error
    return DatabaseFault(fault_sentence(name, error))


def _unwritable(path: Path) -> str | None:
    """Why the existing file cannot be opened for writing (immutable, read-only), or None."""
    if not path.exists():
        return None
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError as error:
        return error.strerror.lower() if error.strerror else "not writable"
    return None


def _make_engine(path: Path, read_only: bool = False) -> Engine:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        engine = create_engine("sqlite://", poolclass=QueuePool, creator=lambda: sqlite3.connect(
            uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000))
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={
            "check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect_read_only if read_only else _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


@contextmanager
def _memory_copy(path: Path) -> Iterator[Connection]:
    """A write transaction on an in-memory copy of the file, thrown away afterwards."""
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        source.backup(memory)
    finally:
        source.close()
    engine = create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool)
    event.listen(engine, "connect", _on_connect_read_only)
    event.listen(engine, "begin", _on_begin)
    try:
        with engine.connect() as conn:
            with conn.begin():
                yield conn
    finally:
        engine.dispose()
        memory.close()


def _on_connect_read_only(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    _stand_in_for_reviewer_keys(cur)
    cur.close()


def _stand_in_for_reviewer_keys(cur) -> None:
    """A workspace of a schema before 0008 that cannot be upgraded (read-only, immutable)
    is still read: a temporary reviewer_key table holds each reviewer's one key, as the
    migration would have."""
    tables = {row[0] for row in cur.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "reviewer" not in tables or "reviewer_key" in tables:
        return
    if "public_key" not in {row[1] for row in cur.execute("PRAGMA table_info(reviewer)")}:
        return  # before 0003 reviewers had no keys: such a file is upgraded, not read
    cur.execute("CREATE TEMP TABLE IF NOT EXISTS reviewer_key (reviewer_id TEXT NOT NULL, "
                "from_hlc TEXT NOT NULL, public_key TEXT NOT NULL, "
                "PRIMARY KEY (reviewer_id, from_hlc))")
    cur.execute("INSERT OR IGNORE INTO reviewer_key SELECT id, '', public_key FROM reviewer "
                "WHERE public_key IS NOT NULL")


def _is_busy(error: OperationalError) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED: the lock stayed taken for the whole busy timeout."""
    message = str(error.orig).lower()
    return "locked" in message or "busy" in message


def _revision(conn: Connection) -> str:
    return str(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar())


def _on_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    # 64 MB of page cache: a merge inserts into indexes keyed by random UUIDs, which the
    # default 2 MB cache turns into constant page reloads.
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _on_begin(conn: Connection) -> None:
    conn.exec_driver_sql(conn.info.pop("begin", "BEGIN"))
