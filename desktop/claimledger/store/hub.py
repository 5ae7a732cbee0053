"""The desk hub's side in PostgreSQL: push, pull, the doorbell (the schema and its
migrations are in hub_schema, addresses and faults in hub_address).

The hub stores the very rows a workspace's event log holds (id, kind, author, clock,
payload text, signature) and is trusted for nothing but keeping them: every desktop
verifies what it pulls (workspace/hub.py). `seq` numbers rows in the order they were
committed, because every push takes one advisory lock for its transaction: a reader who
sees row N sees every row before it, so a cursor (the last seq pulled) never skips one.

Reviewers' roles may only INSERT and SELECT events (append-only, enforced by the server);
the role that ran `hub init` owns the tables and is the editor's.
"""

from __future__ import annotations

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
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from claimledger.store import hub_schema
from claimledger.store.hub_address import (
    HubAddress,
    HubDenied,
    HubFault,
    HubNotSetUp,
    HubPasswordNeeded,
    HubSchemaNewer,
    HubUnreachable,
    fault_of,
    first_line,
    parse_address,
)
from claimledger.store.hub_schema import SCHEMA_VERSION, HubInfo, newer_schema_message

__all__ = ["SCHEMA_VERSION", "Doorbell", "Hub", "HubAddress", "HubDenied", "HubFault",
           "HubInfo", "HubNotSetUp", "HubPasswordNeeded", "HubSchemaNewer", "HubUnreachable",
           "Pushed", "newer_schema_message", "parse_address"]

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


@dataclass(frozen=True)
class Pushed:
    """(seq, id) of the rows a push inserted, in order; `adjacent` when no one else's row
    lies between the pusher's cursor and them (the cursor may then move past them)."""

    inserted: list[tuple[int, str]]
    adjacent: bool


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
            raise HubUnreachable(f"Desk hub {self.address.label}: {first_line(error)}."
                                 ) from None

    # -- schema ------------------------------------------------------------------------

    def init(self) -> HubInfo:
        """Create or upgrade the schema (idempotent); refuse a newer one."""
        with self._conn() as conn:
            return hub_schema.migrate(conn, self.address)

    def info(self) -> HubInfo:
        with self._conn() as conn:
            if hub_schema.schema_version(conn) == 0:
                raise HubNotSetUp(f"{self.address.label} holds no desk hub yet; an editor "
                                  f"creates it with: claim-ledger hub init {self.address}")
            return hub_schema.hub_info(conn)

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


