"""A claim's history in words: who did what, from what to what (newest first)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

from claimledger.domain import events as ev
from claimledger.domain.clock import stamp_ms
from claimledger.domain.events import Event
from claimledger.domain.status import Status


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    event_id: str
    kind: str
    when_ms: int
    who: str
    what: str

    def as_json(self) -> dict:
        return asdict(self)


def history_entries(events: Iterable[Event], names: Mapping[str, str]) -> list[HistoryEntry]:
    """Describe events (given oldest first) and return them newest first."""
    last: dict[str, dict] = {}
    entries = []
    for event in sorted(events, key=lambda e: e.order_key):
        who = names.get(event.author, "unknown reviewer")
        what = _describe(event, last.get(event.author))
        if event.kind == ev.VERDICT_SET:
            last[event.author] = event.payload
        entries.append(HistoryEntry(event.id, event.kind, stamp_ms(event.hlc), who, what))
    entries.reverse()
    return entries


def _describe(event: Event, previous: dict | None) -> str:
    p = event.payload
    if event.kind == ev.VERDICT_SET:
        return _describe_verdict(p, previous)
    if event.kind == ev.CLAIM_CREATED:
        return f"Created the claim (characters {p['start']}-{p['end']})"
    if event.kind == ev.CLAIM_RETIRED:
        return "Retired the claim" if p.get("retired", True) else "Restored the claim"
    return event.kind


def _describe_verdict(new: dict, old: dict | None) -> str:
    old = old or {"status": Status.UNREVIEWED.value}
    prefix = "Undo: " if "undo_of" in new else "Redo: " if "redo_of" in new else ""
    parts = []
    if new["status"] != old.get("status"):
        parts.append(f"status {_label(old.get('status'))} → {_label(new['status'])}")
    for field in ("reason", "note"):
        if new.get(field) != old.get(field):
            before, after = old.get(field), new.get(field)
            if after is None:
                parts.append(f"cleared the {field} ({_quote(before)})")
            else:
                parts.append(f"{field} {_quote(after)}" + (f", was {_quote(before)}"
                                                            if before else ""))
    return prefix + ("; ".join(parts) or "no change")


def _label(status: str | None) -> str:
    return Status(status or "unreviewed").style.label.lower()


def _quote(text: str | None, limit: int = 80) -> str:
    text = text or ""
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"
