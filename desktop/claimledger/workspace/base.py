"""The workspace core: one database, one reviewer identity, one clock, how verbs commit.

The reviewer's identity (uuid, name, Ed25519 key) lives in the user's config folder,
not in the workspace, so the same person is the same reviewer in every workspace. The
private key is fetched from the keyring only when the first event must be signed, or
earlier by `unlock()`, which the window calls off the GUI thread.
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection

from claimledger.domain import events as ev
from claimledger.domain.clock import HybridClock
from claimledger.domain.events import Event
from claimledger.exchange import keys
from claimledger.exchange.errors import IdentityError, InsecureKeyStorage, KeyStoreError
from claimledger.exchange.identity import Identity, IdentityStore
from claimledger.exchange.keystore import KeyStore, allow_file_key_from_env
from claimledger.exchange.validate import Known, event_problem
from claimledger.store import BackupError, Database, DatabaseBusy, DatabaseFault, log, queries
from claimledger.workspace.errors import KeyStorageRefused, WorkspaceBusy, WorkspaceError
from claimledger.workspace.profile import (
    KEY_IN_FILE,
    load_profile,
    remember_key_storage,
)

BUSY = ("The workspace is busy: another program kept it locked for writing; nothing "
        "was changed, try again in a moment.")


class WorkspaceBase:
    def __init__(self, path: Path, reviewer_name: str, *, config_dir: Path | None = None,
                 allow_file_key: bool | None = None) -> None:
        name = " ".join(reviewer_name.split())
        if not name:
            raise WorkspaceError("The reviewer needs a name.")
        self.path = Path(path)
        try:
            self.db = _Guarded(Database(self.path, allow_newer=True))
        except BackupError as error:
            raise WorkspaceError(f"{error} The workspace was not upgraded; free some space "
                                 "or make its folder writable, then open it again.") from None
        self.reviewer_name = name
        self._identities = IdentityStore(config_dir)
        profile = load_profile(config_dir)  # read once: the GUI thread asks it later
        self._key_storage_choice = profile.key_storage
        self._allow_file_key = (allow_file_key_from_env() or profile.allows_key_file
                                if allow_file_key is None else allow_file_key)
        self._identity: Identity | None = self._identities.lookup(name)
        self._private_key = None
        #: identities.json as it was when this workspace last found its key known here.
        self._key_checked: tuple | None = None
        self.reviewer_id = self._identity.id if self._identity else str(uuid.uuid4())
        self._clock = HybridClock()
        self._lock = threading.RLock()
        with self.db.read() as conn:
            latest = log.latest_hlc(conn)
        if latest:
            self._clock.observe(latest)

    def close(self) -> None:
        self.db.close()

    def holds_events(self) -> bool:
        """True once anything at all has been stored (every change is an event)."""
        with self.db.read() as conn:
            return log.latest_hlc(conn) is not None

    @property
    def read_only(self) -> bool:
        """True when the workspace can be read but not changed (a newer app's schema)."""
        return self.db.read_only

    @property
    def read_only_reason(self) -> str | None:
        """Why it is read-only, in one sentence; every writing verb raises it."""
        return self.db.read_only_reason

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def identity(self) -> Identity | None:
        """This reviewer's identity, if it exists yet (made on the first write)."""
        return self._identity

    def key_storage(self) -> str:
        """Where this reviewer's key is (or would be) kept, in words."""
        if self._identity:
            return self._identity.key_location
        try:
            return self._keystore().describe()
        except KeyStoreError as error:
            return f"not yet known ({error})"

    def unlock(self, *, allow_file_key: bool | None = None) -> Identity:
        """Load (or on first use create) this reviewer's key. May touch the keyring, so the
        window calls it on a worker thread; a refusal explains what to do."""
        if allow_file_key is not None:
            self._allow_file_key = allow_file_key
        with self._lock:
            if self._private_key is None:
                try:
                    identity, private = self._identities.get_or_create(self.reviewer_name,
                                                                       self._keystore())
                except InsecureKeyStorage as error:
                    raise KeyStorageRefused(str(error)) from None
                except (IdentityError, KeyStoreError) as error:
                    raise WorkspaceError(str(error)) from None
                self._identity, self._private_key = identity, private
                self.reviewer_id = identity.id
        return self._identity

    @property
    def key_folder(self) -> Path:
        """Where a key file would be kept (asks no keyring)."""
        return self._identities.config_dir / "keys"

    @property
    def key_storage_choice(self) -> str | None:
        """The reviewer's remembered answer where no keyring exists (see profile)."""
        return self._key_storage_choice

    def choose_key_storage(self, choice: str | None) -> None:
        """Remember where the key may go from now on, for the window and the command
        line alike; "file" also allows it for this session."""
        remember_key_storage(choice, self._identities.config_dir)
        self._key_storage_choice = choice
        if choice == KEY_IN_FILE:
            self._allow_file_key = True

    def _keystore(self) -> KeyStore:
        return KeyStore(self._identities.config_dir, allow_file_key=self._allow_file_key)

    def _event(self, kind: str, payload: dict) -> Event:
        self.unlock()
        with self._lock:
            return Event.new(kind, self.reviewer_id, self._clock.now(), payload)

    def _append(self, conn: Connection, events: list[Event]) -> list[Event]:
        """Sign and append this reviewer's events, joining the workspace on the first."""
        self.db.refuse_if_read_only()
        self.unlock()
        self._ensure_joined(conn)
        self._refuse_unknown_key(conn)
        _refuse_invalid(conn, events)
        return log.append(conn, [keys.sign_event(e, self._private_key) for e in events])

    def _refuse_unknown_key(self, conn: Connection) -> None:
        """Your key was rotated in another workspace (or window) this one has not heard
        from: the retired key signs nothing more, and the new one signs nothing here until
        this workspace has the rotation, so every colleague can check what it signs."""
        token = _file_token(self._identities.path)
        if token is not None and token == self._key_checked:
            return  # identities.json unchanged since the last check passed: one stat
        try:
            recorded = self._identities.lookup(self.reviewer_name)
        except IdentityError as error:
            raise WorkspaceError(str(error)) from None
        if recorded is not None and recorded.public_key != self._identity.public_key:
            self._private_key = None
            self.unlock()
        known = queries.key_histories(conn, [self.reviewer_id]).get(self.reviewer_id)
        if not known or self._identity.public_key in {key for _since, key in known}:
            self._key_checked = token
            return
        raise WorkspaceError(
            f"Your signing key is now {self._identity.fingerprint}, made in another "
            f"workspace, and {self.path.name} has not yet seen that change; merge that "
            "workspace's ledger file (or sync through your folder or hub) here first, so "
            "colleagues can check what you sign.")

    def _ensure_joined(self, conn: Connection) -> None:
        if queries.reviewer_key(conn, self.reviewer_id) is not None:
            return
        joined = self._event(ev.REVIEWER_JOINED, {"name": self.reviewer_name,
                                                  "public_key": self._identity.public_key})
        log.append(conn, [keys.sign_event(joined, self._private_key)])


def _file_token(path: Path) -> tuple | None:
    """What tells one version of a file from the next (identities.json is replaced whole,
    so a new inode), or None if it cannot be looked at."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_ino, found.st_mtime_ns, found.st_size


def display_names(conn: Connection) -> dict[str, str]:
    """Reviewer id -> the name to show: the name given here (a local rename), else the
    signed one. Two reviewers with one name (say an impostor who took a pinned name) both
    show the short form of their key's fingerprint with it, until one is renamed here."""
    rows = queries.reviewers_as_named_here(conn)
    counts = Counter(name.casefold() for _, name, _ in rows)
    return {rid: f"{name} ({short_fingerprint(key)})"
            if key and counts[name.casefold()] > 1 else name
            for rid, name, key in rows}


def short_fingerprint(public_key: str) -> str:
    return f"{keys.fingerprint(public_key)[:15]}…"


def _refuse_invalid(conn: Connection, events: list[Event]) -> None:
    """The rules every event obeys, whoever made it (exchange.validate): the verbs check
    first, in their own words; this is the same check a receiver will make."""
    known = Known().add_events(events)
    articles, claims, sources = log.references(conn, *known.missing(events))
    known.articles.update(articles)
    known.claims.update(claims)
    known.sources.update(sources)
    for event in events:
        rule = event_problem(event, known)
        if rule is not None:
            raise WorkspaceError(f"This change was refused ({event.kind}: {rule}); nothing "
                                 "was changed.")


class _Guarded:
    """The workspace's database: reads pass through; on a read-only workspace every
    write raises WorkspaceError with the reason, so each writing verb refuses in words."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def __getattr__(self, name: str):
        return getattr(self._db, name)

    def refuse_if_read_only(self) -> None:
        if self._db.read_only:
            raise WorkspaceError(self._db.read_only_reason)

    @contextmanager
    def write(self):
        self.refuse_if_read_only()
        try:
            with self._db.write() as conn:
                yield conn
        except DatabaseBusy:
            raise WorkspaceBusy(BUSY) from None
        except DatabaseFault as fault:
            raise WorkspaceError(str(fault)) from None

    @contextmanager
    def read(self):
        try:
            with self._db.read() as conn:
                yield conn
        except DatabaseFault as fault:
            raise WorkspaceError(str(fault)) from None
