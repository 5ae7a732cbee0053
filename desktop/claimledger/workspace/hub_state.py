"""What the desk hub verbs remember and return, their errors, and how a hub's fault
becomes one sentence (with how many events wait to be sent, when it did not answer)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from claimledger.domain.records import Changes
from claimledger.exchange import keys
from claimledger.store import hub as hubstore
from claimledger.store.hub import HubAddress, HubFault, HubInfo, HubPasswordNeeded
from claimledger.workspace.errors import WorkspaceError
from claimledger.workspace.sync import UnknownReviewers


class HubError(WorkspaceError):
    """The hub could not be used; one sentence, and local work is untouched."""


class HubOffline(HubError):
    """The hub did not answer; `pending` events wait here to be sent."""

    def __init__(self, message: str, pending: int) -> None:
        self.pending = pending
        super().__init__(message)


class HubNeedsPassword(HubError):
    """The server wants a password that neither the keyring nor PGPASSFILE holds."""


@dataclass
class HubState:
    """What this workspace remembers of its hub (the `desk-hub` setting)."""

    url: str
    hub_id: str = ""
    pushed: int = 0          # the last local seq the hub confirmed
    cursor: int = 0          # the last hub seq merged here
    cursor_id: str = ""
    anchor: list = field(default_factory=list)  # [hub seq, id] of our last insert
    #: [first, last] local seqs merged from the hub while ours still waited to be sent:
    #: the hub has them, so they are neither sent back nor counted as waiting.
    from_hub: list = field(default_factory=list)
    last_sync: str = ""

    def skip_what_came_from_hub(self) -> int | None:
        """Move the marker past the ranges it reached; the next range's start, if any."""
        while self.from_hub and self.from_hub[0][0] <= self.pushed + 1:
            self.pushed = max(self.pushed, self.from_hub.pop(0)[1])
        return self.from_hub[0][0] if self.from_hub else None

    def came_from_hub(self, first: int, last: int) -> None:
        if first > last:
            return
        if self.from_hub and self.from_hub[-1][1] + 1 == first:
            self.from_hub[-1][1] = last
        else:
            self.from_hub.append([first, last])

    @property
    def address(self) -> HubAddress:
        return hubstore.parse_address(self.url)


@dataclass(frozen=True)
class HubSync:
    """One push and pull: counts, and what waits or was refused (one line each)."""

    pushed: int = 0
    pulled: int = 0
    held: int = 0
    pending: int = 0
    refused: str | None = None
    unknown: UnknownReviewers | None = None
    flags: list[str] = field(default_factory=list)
    #: The hub was set up by a newer app: it is read, nothing is sent.
    read_only: bool = False

    @property
    def changes(self) -> Changes:
        return Changes.everything("Merge") if self.pulled else Changes()

    def as_json(self) -> dict:
        return {"pushed": self.pushed, "pulled": self.pulled, "held_for_trust": self.held,
                "refused": self.refused, "pending": self.pending,
                "new_reviewers": [{"name": c.name, "fingerprint": keys.fingerprint(
                    c.public_key)} for c in (self.unknown.cards if self.unknown else [])],
                "flags": self.flags, "read_only": self.read_only}


@dataclass(frozen=True)
class PageMerge:
    added: int
    stopped: bool                       # some events wait: pull no further this time
    waiting: UnknownReviewers | None    # new reviewers to trust first
    held: int
    #: One line per row refused (forged, altered, invalid): skipped, never merged.
    refused: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class HubStatus:
    address: str | None
    reachable: bool = False
    problem: str | None = None
    last_sync: str | None = None
    pending: int = 0
    info: HubInfo | None = None

    def as_json(self) -> dict:
        info = self.info
        return {"hub": self.address, "reachable": self.reachable, "problem": self.problem,
                "last_sync": self.last_sync or None, "events_to_send": self.pending,
                "hub_events": info.events if info else None,
                "hub_schema_version": info.schema_version if info else None,
                "read_only": bool(info and info.newer)}


@dataclass(frozen=True)
class HubSetup:
    address: HubAddress
    info: HubInfo
    reviewer_role: str
    editor_role: str


class HubDoorbell:
    """NOTIFY as a doorbell only: a ring means "pull now"; a missed ring is caught up by
    the next pull, so nothing depends on one arriving."""

    def __init__(self, bell: hubstore.Doorbell, address: HubAddress) -> None:
        self._bell, self._address = bell, address

    def wait(self, timeout_s: float) -> bool:
        """True if someone pushed within `timeout_s`; HubOffline if the hub went away."""
        return guarded(lambda: self._bell.wait(timeout_s), self._address)

    def close(self) -> None:
        self._bell.close()


def address_of(url: str) -> HubAddress:
    try:
        return hubstore.parse_address(url)
    except HubFault as fault:
        raise HubError(str(fault)) from None


def guarded(call, address: HubAddress, offline: Callable[[], int] | None = None):
    """Run a hub call; its fault becomes one sentence (HubOffline when it did not answer,
    with how many events wait here to be sent)."""
    try:
        return call()
    except HubPasswordNeeded as fault:
        raise HubNeedsPassword(str(fault)) from None
    except hubstore.HubUnreachable as fault:
        pending = offline() if offline else 0
        tail = f" Your work is kept here; {pending:,} events to send." if offline else ""
        raise HubOffline(f"{fault}{tail}", pending) from None
    except HubFault as fault:
        raise HubError(str(fault)) from None


