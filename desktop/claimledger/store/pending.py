"""A write that starts now and is committed (or rolled back) later.

A large merge overlaps its database work with the signature checks that decide whether
it may happen at all: SQLite releases the GIL inside executemany, so the two run on both
cores. Nothing is visible to other connections until `finish(commit=True)`; any failure,
or `finish(commit=False)`, rolls the whole transaction back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import DatabaseError

from claimledger.store.database import fault_or_bug

T = TypeVar("T")



class PendingWrite(Generic[T]):
    def __init__(self, database, work: Callable[[Connection], T]) -> None:
        self._name = database.path.name
        self._decided = threading.Event()
        self._commit = False
        self._result: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(database, work),
                                        name="claim-ledger-pending-write", daemon=True)
        self._thread.start()

    def finish(self, *, commit: bool) -> T | None:
        """Commit or roll back once the work is done; re-raise its error on commit."""
        self._commit = commit
        self._decided.set()
        self._thread.join()
        if commit and self._error is not None:
            if isinstance(self._error, DatabaseError):  # a full disk, a damaged file
                raise fault_or_bug(self._name, self._error) from None
            raise self._error
        return self._result if commit else None

    def _run(self, database, work: Callable[[Connection], T]) -> None:
        try:
            with database.write_transaction() as (conn, transaction):
                try:
                    self._result = work(conn)
                except BaseException as error:  # kept for finish(); nothing is committed
                    self._error = error
                    transaction.rollback()
                    return
                self._decided.wait()
                if self._commit:
                    transaction.commit()
                else:
                    transaction.rollback()
        except BaseException as error:  # the commit itself failed (disk full...)
            self._error = self._error or error
