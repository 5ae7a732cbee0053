"""The workspace's side of a desk hub: which local events are still to send.

Events are sent in the order of the local log (`seq`), which is the order they were
stored here, so what an event refers to is always sent before it. A marker (the last
`seq` the hub confirmed) says how far sending got.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

_COLUMNS = "seq, id, kind, author, hlc, payload, signature"


def rows_after(conn: Connection, seq: int, limit: int, before: int | None = None
               ) -> list[tuple]:
    """(seq, id, kind, author, hlc, payload text, signature) of signed events after `seq`
    (and before `before`), in log order."""
    return [tuple(r) for r in conn.execute(text(
        f"SELECT {_COLUMNS} FROM event WHERE seq > :s AND seq < :b AND signature IS NOT NULL "
        "ORDER BY seq LIMIT :n"), {"s": seq, "b": before or 2**62, "n": limit})]


def count_after(conn: Connection, seq: int) -> int:
    return conn.execute(text("SELECT count(*) FROM event WHERE seq > :s "
                             "AND signature IS NOT NULL"), {"s": seq}).scalar_one()


def last_seq(conn: Connection) -> int:
    return conn.execute(text("SELECT coalesce(max(seq), 0) FROM event")).scalar_one()
