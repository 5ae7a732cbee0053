"""The SQL schema of a freshly migrated workspace, as text (schema/schema.sql).

    python -m claimledger.store.schema_dump > schema/schema.sql

The dump is sqlite_master's SQL for every table, index, trigger and view, sorted by type
then name, each statement ending with ";\\n" (blanks at the end of a line are dropped).
The shadow tables SQLite keeps behind a virtual table (FTS5's `_data`, `_idx`, ...) are
left out: they follow from the virtual table and vary with the SQLite version. A test
compares the dump with the committed file, so a migration that changes the schema also
shows up in review as a diff.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

_TYPES = ("table", "index", "trigger", "view")
_FTS_SHADOWS = ("data", "idx", "content", "docsize", "config")


def dump_schema(path: Path | str) -> str:
    """The schema of the SQLite database at `path` (opened read-only, never migrated)."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master "
            f"WHERE type IN ({', '.join('?' * len(_TYPES))}) AND sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
            _TYPES,
        ).fetchall()
        shadows = _shadow_tables(conn)
    finally:
        conn.close()
    return "".join(f"{_tidy(sql)};\n" for _type, name, sql in rows if name not in shadows)


def _shadow_tables(conn: sqlite3.Connection) -> set[str]:
    try:
        return {row[1] for row in conn.execute("PRAGMA table_list") if row[2] == "shadow"}
    except sqlite3.DatabaseError:  # SQLite < 3.37: guess from the virtual tables' names
        virtual = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
        return {f"{name}_{suffix}" for name in virtual for suffix in _FTS_SHADOWS}


def _tidy(sql: str) -> str:
    """The statement without blanks at the ends of its lines (SQLAlchemy's DDL ends column
    lines with ", "), so editors that strip trailing whitespace keep the file intact."""
    return "\n".join(line.rstrip() for line in sql.strip().splitlines())


def fresh_schema() -> str:
    """Migrate a new, empty workspace in a temporary folder and dump its schema."""
    from claimledger.store import Database

    with tempfile.TemporaryDirectory(prefix="claimledger-schema-") as folder:
        path = Path(folder) / "fresh.sqlite"
        Database(path).close()
        return dump_schema(path)


def main() -> int:
    sys.stdout.write(fresh_schema())
    return 0


if __name__ == "__main__":
    sys.exit(main())
