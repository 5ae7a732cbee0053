"""The desk hub's schema: versioned migrations run by `hub init` (idempotent, under an
advisory lock), the group roles they make, and what a hub says of itself."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, text

from claimledger.store.hub_address import HubAddress, HubSchemaNewer

SCHEMA_VERSION = 1
MIGRATION_LOCK = 0x434C4856


@dataclass(frozen=True)
class HubInfo:
    hub_id: str
    schema_version: int
    events: int
    last_seq: int

    @property
    def newer(self) -> bool:
        return self.schema_version > SCHEMA_VERSION


def _roles(conn: Connection) -> tuple[str, str]:
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    return f"{database}_reviewers", f"{database}_editors"


def _schema_1(conn: Connection) -> list[str]:
    reviewers, editors = (_quoted(conn, r) for r in _roles(conn))
    create_role = ("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {name}) "
                   "THEN CREATE ROLE {role} NOLOGIN; END IF; END $$")
    return [
        *(create_role.format(name=_literal(conn, role), role=_quoted(conn, role))
          for role in _roles(conn)),
        "CREATE TABLE IF NOT EXISTS hub_event (seq bigint GENERATED ALWAYS AS IDENTITY "
        "PRIMARY KEY, id text NOT NULL UNIQUE, kind text NOT NULL, author text NOT NULL, "
        "hlc text NOT NULL, payload text NOT NULL, signature text NOT NULL, "
        "received_at timestamptz NOT NULL DEFAULT now())",
        "CREATE INDEX IF NOT EXISTS ix_hub_event_joined ON hub_event (author) "
        "WHERE kind = 'reviewer.joined'",
        "REVOKE ALL ON hub_event, hub_meta FROM PUBLIC",
        f"GRANT SELECT, INSERT ON hub_event TO {reviewers}",
        f"GRANT SELECT ON hub_meta TO {reviewers}",
        f"GRANT {reviewers} TO {editors}",
        f"GRANT UPDATE, DELETE, TRUNCATE ON hub_event TO {editors}",
        "INSERT INTO hub_meta (key, value) VALUES ('hub_id', "
        f"'{uuid.uuid4()}') ON CONFLICT (key) DO NOTHING",
    ]


#: (version, the statements that bring a hub from version - 1 to it).
MIGRATIONS = ((1, _schema_1),)


def migrate(conn: Connection, address: HubAddress) -> HubInfo:
    """Create or upgrade the schema in the caller's transaction; refuse a newer one."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
    conn.execute(text("CREATE TABLE IF NOT EXISTS hub_meta (key text PRIMARY KEY, "
                      "value text NOT NULL)"))
    conn.execute(text("INSERT INTO hub_meta VALUES ('schema_version', '0') "
                      "ON CONFLICT DO NOTHING"))
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise HubSchemaNewer(newer_schema_message(address, version))
    for number, steps in MIGRATIONS:
        if number > version:
            for step in steps(conn):
                conn.execute(text(step))
    conn.execute(text("UPDATE hub_meta SET value = :v WHERE key = 'schema_version'"),
                 {"v": str(SCHEMA_VERSION)})
    return hub_info(conn)


def schema_version(conn: Connection) -> int:
    """0 where no hub was set up."""
    if conn.execute(text("SELECT to_regclass('hub_meta')")).scalar() is None:
        return 0
    value = conn.execute(text("SELECT value FROM hub_meta WHERE key = 'schema_version'")
                         ).scalar()
    return int(value) if value and value.isdigit() else 0


def hub_info(conn: Connection) -> HubInfo:
    meta = dict(conn.execute(text("SELECT key, value FROM hub_meta")).all())
    events, last = conn.execute(text("SELECT count(*), coalesce(max(seq), 0) FROM hub_event")
                                ).one()
    return HubInfo(meta.get("hub_id", ""), int(meta.get("schema_version", "0")), int(events),
                   int(last))


def newer_schema_message(address: HubAddress, version: int) -> str:
    return (f"The desk hub {address.label} was set up by a newer Claim Ledger "
                          f"(hub schema {version}; this app knows up to {SCHEMA_VERSION}): "
                          "it is read here but nothing is sent to it; update the app.")


def _quoted(conn: Connection, name: str) -> str:
    return conn.execute(text("SELECT quote_ident(:n)"), {"n": name}).scalar_one()


def _literal(conn: Connection, name: str) -> str:
    return conn.execute(text("SELECT quote_literal(:n)"), {"n": name}).scalar_one()


