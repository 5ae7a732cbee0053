"""The workspace core: one database, one reviewer, one clock, and how verbs commit."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

from sqlalchemy import Connection

from claimledger.domain import events as ev
from claimledger.domain.clock import HybridClock
from claimledger.domain.events import Event
from claimledger.store import Database, log, queries
from claimledger.workspace.errors import WorkspaceError


class WorkspaceBase:
    def __init__(self, path: Path, reviewer_name: str) -> None:
        name = reviewer_name.strip()
        if not name:
            raise WorkspaceError("The reviewer needs a name.")
        self.path = Path(path)
        self.db = Database(self.path)
        self.reviewer_name = name
        self._clock = HybridClock()
        self._lock = threading.RLock()
        with self.db.read() as conn:
            latest = log.latest_hlc(conn)
            self.reviewer_id = queries.setting(conn, self._reviewer_key) or str(uuid.uuid4())
        if latest:
            self._clock.observe(latest)

    @property
    def _reviewer_key(self) -> str:
        return f"local-reviewer:{self.reviewer_name}"

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _event(self, kind: str, payload: dict) -> Event:
        with self._lock:
            return Event.new(kind, self.reviewer_id, self._clock.now(), payload)

    def _append(self, conn: Connection, events: list[Event]) -> list[Event]:
        """Append this reviewer's events, joining the workspace on the first write."""
        self._ensure_reviewer(conn)
        return log.append(conn, events)

    def _ensure_reviewer(self, conn: Connection) -> None:
        if queries.setting(conn, self._reviewer_key) == self.reviewer_id:
            return
        queries.put_setting(conn, self._reviewer_key, self.reviewer_id)
        joined = self._event(ev.REVIEWER_JOINED, {"name": self.reviewer_name})
        log.append(conn, [joined])
