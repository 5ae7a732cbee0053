"""The desk hub's side in PostgreSQL: its schema and migrations, push, pull, the doorbell.

The hub stores the very rows a workspace's event log holds (id, kind, author, clock,
payload text, signature) and is trusted for nothing but keeping them: every desktop
verifies what it pulls (workspace/hub.py). `seq` numbers rows in the order they were
committed, because every push takes one advisory lock for its transaction: a reader who
sees row N sees every row before it, so a cursor (the last seq pulled) never skips one.

Reviewers' roles may only INSERT and SELECT events (append-only, enforced by the server);
the role that ran `hub init` owns the tables and is the editor's.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Identity,
    MetaData,
    Table,
    Text,
    create_engine,
    select,
    text,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

SCHEMA_VERSION = 1
CHANNEL = "claimledger_hub"
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 30_000
LOCK_TIMEOUT_MS = 10_000
#: One number every pusher locks for its transaction (pg_advisory_xact_lock).
PUSH_LOCK = 0x434C4855  # "CLHU"

_ROW_KEYS = ("id", "kind", "author", "hlc", "payload", "signature")
_ROW = ", ".join(_ROW_KEYS)
_INCOMING = ("CREATE TEMPORARY TABLE IF NOT EXISTS hub_incoming (ord integer, id text, "
             "kind text, author text, hlc text, payload text, signature text) "
             "ON COMMIT DELETE ROWS")

#: A pull's page holds about this much payload; one row at most ROW_BYTES (an article of
#: the largest size accepted, in four-byte characters, with its statements).
PAGE_BYTES = 64 * 1024 * 1024
ROW_BYTES = 128 * 1024 * 1024
_PULL = ("SELECT seq, id, kind, author, hlc, left(payload, :row) AS payload, signature FROM "
         "(SELECT *, sum(octet_length(payload)) OVER (ORDER BY seq) AS upto FROM hub_event "
         "WHERE seq > :after ORDER BY seq LIMIT :limit) page "
         "WHERE upto - octet_length(payload) < :page ORDER BY seq")

metadata = MetaData()
hub_meta_t = Table("hub_meta", metadata, Column("key", Text, primary_key=True),
                   Column("value", Text, nullable=False))
hub_event_t = Table(
    "hub_event", metadata,
    Column("seq", BigInteger, Identity(always=True), primary_key=True),
    Column("id", Text, nullable=False, unique=True),
    Column("kind", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("hlc", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("signature", Text, nullable=False),
)


class HubFault(RuntimeError):
    """The hub could not be used; the message is one sentence for the reviewer."""


class HubUnreachable(HubFault):
    """The server did not answer, refused the connection or went away mid-way."""


class HubPasswordNeeded(HubFault):
    """The server asks for a password and none was given (keyring, PGPASSFILE)."""


class HubDenied(HubFault):
    """The server refused this role something (a wrong password, no privilege)."""


class HubNotSetUp(HubFault):
    """The database holds no hub (nobody ran `hub init` on it)."""


class HubSchemaNewer(HubFault):
    """A newer Claim Ledger set the hub up; this app only reads it."""


@dataclass(frozen=True)
class HubAddress:
    """Where a hub is, without any password: what the workspace remembers."""

    url: URL

    @property
    def label(self) -> str:
        port = f":{self.url.port}" if self.url.port else ""
        return f"{self.url.host or 'localhost'}{port}/{self.url.database}"

    @property
    def user(self) -> str | None:
        return self.url.username

    @property
    def keyring_name(self) -> str:
        return f"{self.url.username or ''}@{self.label}"

    def __str__(self) -> str:
        return self.url.render_as_string(hide_password=True)


def parse_address(raw: str) -> HubAddress:
    """A postgresql:// URL with a database and no password (a password in a URL ends up
    in shell history and logs)."""
    try:
        url = make_url(raw.strip())
    except ArgumentError:
        raise HubFault(f"{raw.strip()[:80]!r} is not a hub address; write it as "
                       "postgresql://user@host:5432/database.") from None
    if url.get_backend_name() not in ("postgresql", "postgres"):
        raise HubFault("A desk hub address starts with postgresql:// (for example "
                       "postgresql://user@host:5432/desk).")
    if url.password is not None:
        raise HubFault("Leave the password out of the hub address: it would end up in shell "
                       "history and logs. Keep it in the keyring or a PGPASSFILE, or type it "
                       "when asked.")
    if not url.database:
        raise HubFault("The hub address names no database (postgresql://user@host/desk).")
    return HubAddress(url.set(drivername="postgresql+psycopg"))


@dataclass(frozen=True)
class Pushed:
    """(seq, id) of the rows a push inserted, in order; `adjacent` when no one else's row
    lies between the pusher's cursor and them (the cursor may then move past them)."""

    inserted: list[tuple[int, str]]
    adjacent: bool


@dataclass(frozen=True)
class HubInfo:
    hub_id: str
    schema_version: int
    events: int
    last_seq: int

    @property
    def newer(self) -> bool:
        return self.schema_version > SCHEMA_VERSION


class Hub:
    """One hub, connected on first use; every call raises HubFault in one sentence."""

    def __init__(self, address: HubAddress, password: str | None = None) -> None:
        self.address = address
        args = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "claim-ledger",
                "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS} "
                           f"-c lock_timeout={LOCK_TIMEOUT_MS} "
                           "-c idle_in_transaction_session_timeout=60000",
                "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5,
                "keepalives_count": 3}
        if password is not None:
            args["password"] = password
        self._args = args
        self.engine: Engine = create_engine(address.url, connect_args=args,
                                            pool_pre_ping=True, pool_size=2, max_overflow=2)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _conn(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except HubFault:
            raise
        except DBAPIError as error:
            raise fault_of(error, self.address) from None
        except SQLAlchemyError as error:
            raise HubUnreachable(f"Desk hub {self.address.label}: {_first_line(error)}."
                                 ) from None

    # -- schema ------------------------------------------------------------------------

    def init(self) -> HubInfo:
        """Create or upgrade the schema (idempotent); refuse a newer one."""
        with self._conn() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PUSH_LOCK + 1})
            conn.execute(text("CREATE TABLE IF NOT EXISTS hub_meta (key text PRIMARY KEY, "
                              "value text NOT NULL)"))
            conn.execute(text("INSERT INTO hub_meta VALUES ('schema_version', '0') "
                              "ON CONFLICT DO NOTHING"))
            version = _version(conn)
            if version > SCHEMA_VERSION:
                raise _newer(self.address, version)
            for number, steps in MIGRATIONS:
                if number > version:
                    for step in steps(conn):
                        conn.execute(text(step))
            conn.execute(text("UPDATE hub_meta SET value = :v WHERE key = 'schema_version'"),
                         {"v": str(SCHEMA_VERSION)})
            return _info(conn)

    def info(self) -> HubInfo:
        with self._conn() as conn:
            if _version(conn) == 0:
                raise HubNotSetUp(f"{self.address.label} holds no desk hub yet; an editor "
                                  f"creates it with: claim-ledger hub init {self.address}")
            return _info(conn)

    # -- events ------------------------------------------------------------------------

    def push(self, rows: Sequence[dict], after: int = 0) -> Pushed:
        """Insert the rows the hub lacks in one transaction, in their order. The rows
        travel by COPY into a temporary table, then one INSERT … ON CONFLICT DO NOTHING
        keeps what is new (reviewers may INSERT, nothing more). `after`: the pusher's
        cursor, to tell whether anyone else's rows lie between it and these."""
        if not rows:
            return Pushed([], False)
        with self._conn() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PUSH_LOCK})
            conn.execute(text(_INCOMING))
            cursor = conn.connection.driver_connection.cursor()
            with cursor.copy(f"COPY hub_incoming (ord, {_ROW}) FROM STDIN") as copy:
                for order, row in enumerate(rows):
                    copy.write_row((order, *(row[k] for k in _ROW_KEYS)))
            inserted = conn.execute(text(
                f"INSERT INTO hub_event ({_ROW}) SELECT {_ROW} FROM hub_incoming ORDER BY ord "
                "ON CONFLICT (id) DO NOTHING RETURNING seq, id")).all()
            inserted = sorted((seq, event_id) for seq, event_id in inserted)
            if not inserted:
                return Pushed([], False)
            conn.execute(text("SELECT pg_notify(:c, :s)"),
                         {"c": CHANNEL, "s": str(inserted[-1][0])})
            others = conn.execute(text("SELECT count(*) FROM hub_event WHERE seq > :a AND "
                                       "seq < :f"), {"a": after, "f": inserted[0][0]}).scalar()
        return Pushed(inserted, others == 0)

    def pull(self, after: int, limit: int) -> list[tuple]:
        """Rows after seq `after`, in seq order: (seq, id, kind, author, hlc, payload,
        signature); at most `limit` rows and about PAGE_BYTES of payload (always at least
        one row), each payload cut at ROW_BYTES, so a hostile hub cannot make a pull hold
        more than that in memory (a cut payload is not JSON, and is refused)."""
        with self._conn() as conn:
            return [tuple(r) for r in conn.execute(text(_PULL), {
                "after": after, "limit": limit, "page": PAGE_BYTES, "row": ROW_BYTES})]

    def joins_of(self, authors: Iterable[str]) -> list[tuple]:
        """Every reviewer.joined row of these authors, in seq order (rows as pull's)."""
        authors = list(authors)
        if not authors:
            return []
        query = (select(hub_event_t.c.seq, hub_event_t.c.id, hub_event_t.c.kind,
                        hub_event_t.c.author, hub_event_t.c.hlc, hub_event_t.c.payload,
                        hub_event_t.c.signature)
                 .where((hub_event_t.c.kind == "reviewer.joined")
                        & hub_event_t.c.author.in_(authors))
                 .order_by(hub_event_t.c.seq))
        with self._conn() as conn:
            return [tuple(r) for r in conn.execute(query)]

    def ids_at(self, seqs: Iterable[int]) -> dict[int, str]:
        """seq -> id of the rows at these positions (to notice a hub restored from an
        older backup: a position we saw no longer holds the event we saw there)."""
        seqs = list(seqs)
        if not seqs:
            return {}
        with self._conn() as conn:
            rows = conn.execute(select(hub_event_t.c.seq, hub_event_t.c.id)
                                .where(hub_event_t.c.seq.in_(seqs)))
            return dict(rows.all())

    def doorbell(self) -> Doorbell:
        """A connection that listens for pushes (NOTIFY); it only wakes a puller."""
        import psycopg

        try:
            conn = psycopg.connect(self.address.url.set(drivername="postgresql")
                                   .render_as_string(hide_password=False),
                                   autocommit=True, **self._args)
            conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as error:
            raise fault_of(error, self.address) from None
        return Doorbell(conn, self.address)


class Doorbell:
    def __init__(self, conn, address: HubAddress) -> None:
        self._conn, self._address = conn, address

    def wait(self, timeout_s: float) -> bool:
        """True if someone pushed within `timeout_s` (extra rings are drained)."""
        import psycopg

        try:
            rang = False
            for _ in self._conn.notifies(timeout=timeout_s, stop_after=1):
                rang = True
            return rang
        except psycopg.Error as error:
            raise fault_of(error, self._address) from None

    def close(self) -> None:
        try:
            self._conn.close()
        except Exception:  # noqa: BLE001 - a connection that broke is closed all the same
            pass


# -- migrations ----------------------------------------------------------------------------


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


def _version(conn: Connection) -> int:
    if conn.execute(text("SELECT to_regclass('hub_meta')")).scalar() is None:
        return 0
    value = conn.execute(text("SELECT value FROM hub_meta WHERE key = 'schema_version'")
                         ).scalar()
    return int(value) if value and value.isdigit() else 0


def _info(conn: Connection) -> HubInfo:
    meta = dict(conn.execute(select(hub_meta_t.c.key, hub_meta_t.c.value)).all())
    events, last = conn.execute(text("SELECT count(*), coalesce(max(seq), 0) FROM hub_event")
                                ).one()
    return HubInfo(meta.get("hub_id", ""), int(meta.get("schema_version", "0")), int(events),
                   int(last))


def newer_schema_message(address: HubAddress, version: int) -> str:
    return (f"The desk hub {address.label} was set up by a newer Claim Ledger "
                          f"(hub schema {version}; this app knows up to {SCHEMA_VERSION}): "
                          "it is read here but nothing is sent to it; update the app.")


def _newer(address: HubAddress, version: int) -> HubSchemaNewer:
    return HubSchemaNewer(newer_schema_message(address, version))


def _quoted(conn: Connection, name: str) -> str:
    return conn.execute(text("SELECT quote_ident(:n)"), {"n": name}).scalar_one()


def _literal(conn: Connection, name: str) -> str:
    return conn.execute(text("SELECT quote_literal(:n)"), {"n": name}).scalar_one()


# -- errors --------------------------------------------------------------------------------


def fault_of(error: Exception, address: HubAddress) -> HubFault:
    """The driver's error as one sentence (never the password: libpq does not echo it)."""
    orig = getattr(error, "orig", None) or error
    message = _first_line(orig)
    lowered = str(orig).lower()
    where = f"Desk hub {address.label}"
    if "no password supplied" in lowered:
        return HubPasswordNeeded(f"{where} asks for {address.user or 'your'} password; keep "
                                 "it in the keyring (hub connect asks for it) or a PGPASSFILE.")
    if "password authentication failed" in lowered:
        return HubDenied(f"{where} refused the password of {address.user!r}.")
    if "permission denied" in lowered or "must be owner" in lowered:
        return HubDenied(f"{where} refused: {message}.")
    if "does not exist" in lowered and "database" in lowered:
        return HubNotSetUp(f"{where}: {message}; an editor creates the database first.")
    if "timeout" in lowered or "canceling statement" in lowered:
        return HubUnreachable(f"{where} did not answer in time ({message}).")
    return HubUnreachable(f"{where} is unreachable ({message}).")


def _first_line(error: BaseException) -> str:
    """libpq's first line, without its "connection to server at … failed:" preamble."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    if not lines:
        return error.__class__.__name__
    first = lines[0]
    if "failed:" in first:
        first = first.rsplit("failed:", 1)[1].strip() or first
    return (first[:1].lower() + first[1:]).rstrip(".")
