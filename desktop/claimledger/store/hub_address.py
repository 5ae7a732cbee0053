"""Where a desk hub is (a postgresql:// address, never with a password in it) and its
faults, each one sentence for the reviewer."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError


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


def fault_of(error: Exception, address: HubAddress) -> HubFault:
    """The driver's error as one sentence (never the password: libpq does not echo it)."""
    orig = getattr(error, "orig", None) or error
    message = first_line(orig)
    lowered = str(orig).lower()
    where = f"Desk hub {address.label}"
    if "no password supplied" in lowered:
        return HubPasswordNeeded(f"{where} asks for {address.user or 'your'} password; keep "
                                 "it in the keyring (hub connect asks for it) or a PGPASSFILE.")
    if "password authentication failed" in lowered:
        return HubDenied(f"{where} refused the password of {address.user!r}.")
    if "permission denied" in lowered or "must be owner" in lowered:
        return HubDenied(f"{where} refused {address.user or 'this role'}: {message}; a "
                         f"reviewer's login belongs in the role {address.url.database}"
                         "_reviewers, and setting up a hub needs one that may create roles.")
    if "does not exist" in lowered and "database" in lowered:
        return HubNotSetUp(f"{where}: {message}; an editor creates the database first.")
    if "timeout" in lowered or "canceling statement" in lowered:
        return HubUnreachable(f"{where} did not answer in time ({message}).")
    return HubUnreachable(f"{where} is unreachable ({message}).")


def first_line(error: BaseException) -> str:
    """libpq's first line, without its "connection to server at … failed:" preamble."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    if not lines:
        return error.__class__.__name__
    first = lines[0]
    if "failed:" in first:
        first = first.rsplit("failed:", 1)[1].strip() or first
    return (first[:1].lower() + first[1:]).rstrip(".")
