"""A malicious peer: a reviewer with a real key who crafts validly signed ledger files.

Mallory signs whatever she likes with her own key, copies events out of other people's
files, and writes files in the exact format the app writes. Nothing here forges a
signature: every attack is one a real peer could mount.
"""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

from claimledger.domain import events as ev
from claimledger.domain.clock import format_stamp
from claimledger.domain.events import Event
from claimledger.exchange import keys
from claimledger.exchange.ledgerfile import (
    Chain,
    ReviewerCard,
    read_ledger_file,
    write_ledger_file,
)
from claimledger.store.verify import snapshot
from claimledger.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "grain-export-figures.txt"


class Mallory:
    """A peer with her own key pair and reviewer id (or someone else's id, if she likes)."""

    def __init__(self, name: str = "Mallory", reviewer_id: str | None = None) -> None:
        self.name = name
        self.id = reviewer_id or str(uuid.uuid4())
        self.private = keys.generate_private_key()
        self.public = keys.public_key_b64(self.private)
        self._tick = 0

    @property
    def card(self) -> ReviewerCard:
        return ReviewerCard(self.id, self.name, self.public)

    def stamp(self) -> str:
        self._tick += 1
        return format_stamp(1_700_000_000_000 + self._tick, 0)

    def sign(self, kind: str, payload: dict, *, hlc: str | None = None,
             event_id: str | None = None, author: str | None = None) -> Event:
        """A validly signed event; `event_id` makes her claim an id (a legacy UUID, or
        someone else's content id)."""
        event = Event.new(kind, author or self.id, hlc or self.stamp(), payload)
        if event_id is not None:
            event = dataclasses.replace(event, id=event_id)
        return keys.sign_event(event, self.private)

    def joined(self, name: str | None = None, public_key: str | None = None) -> Event:
        return self.sign(ev.REVIEWER_JOINED, {"name": name or self.name,
                                              "public_key": public_key or self.public})

    def verdict(self, claim: str, status: str = "disputed", *, hlc: str | None = None,
                event_id: str | None = None, **fields) -> Event:
        """A verdict.set; `fields` add to or replace its payload's fields."""
        payload = {"claim": claim, "status": status, "reason": None, "note": None, **fields}
        return self.sign(ev.VERDICT_SET, payload, hlc=hlc, event_id=event_id)

    def write(self, path: Path, events: list[Event], cards: list[ReviewerCard] | None = None,
              chains: dict[str, Chain] | None = None) -> Path:
        """A file in the app's own format (relayed cards go in `cards`)."""
        write_ledger_file(path, events=events, reviewers=cards or [self.card],
                          exporter_name=self.name, chains=chains)
        return path


def events_of(path: Path) -> list[Event]:
    return read_ledger_file(path).events


def cards_of(path: Path) -> list[ReviewerCard]:
    return read_ledger_file(path).reviewers


def state(ws: Workspace) -> dict:
    """Everything a refused file must leave as it was: projections and the event log."""
    with ws.db.read() as conn:
        tables = snapshot(conn)
        events = sorted(tuple(r) for r in conn.exec_driver_sql(
            "SELECT id, kind, author, hlc, payload, signature FROM event"))
    return {"tables": tables, "events": events}


def claims_of_sample(ws: Workspace) -> list[str]:
    report = ws.import_files([SAMPLE], analyse=False)
    return [c.id for c in ws.claims(report.imported[0].id) if c.kind == "claim"]
