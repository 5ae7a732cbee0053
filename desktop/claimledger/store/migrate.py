"""Schema migrations with alembic, run when a workspace is opened.

The current revision is checked with one query first, so an up-to-date workspace opens
without importing alembic at all (it costs ~150 ms of start-up).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

HEAD = "0008_reviewer_keys"
KNOWN = ("0001_initial", "0002_sources_search", "0003_reviewer_keys_consensus",
         "0004_analysis", "0005_note_index_guards", "0007_compact_match_index",
         "0008_reviewer_keys")
_SCRIPTS = Path(__file__).with_name("migrations")


def state(conn: Connection) -> str:
    """'current', 'empty', 'older' or 'newer' than this code."""
    if not inspect(conn).has_table("alembic_version"):
        return "empty"
    version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if version == HEAD:
        return "current"
    return "older" if version in KNOWN else "newer"


def upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()
