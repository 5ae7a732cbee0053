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


def history_entries(events: Iterable[Event], names: Mapping[str, str],
                    revisions: Mapping[str, tuple[str, int]] | None = None
                    ) -> list[HistoryEntry]:
    """Describe events (given oldest first) and return them newest first. `revisions`:
    for each article.revised event among them, the claim and the revision's number."""
    last: dict[str, dict] = {}
    entries = []
    for event in sorted(events, key=lambda e: e.order_key):
        who = names.get(event.author, "unknown reviewer")
        if event.kind == ev.ARTICLE_REVISED and revisions and event.id in revisions:
            what = _describe_revision(event.payload, *revisions[event.id])
        else:
            what = _describe(event, last.get(event.author))
        if event.kind == ev.VERDICT_SET:
            last[event.author] = event.payload
        entries.append(HistoryEntry(event.id, event.kind, stamp_ms(event.hlc), who, what))
    entries.reverse()
    return entries


def _describe(event: Event, previous: dict | None) -> str:
    p = event.payload
    prefix = "Undo: " if "undo_of" in p else "Redo: " if "redo_of" in p else ""
    if event.kind == ev.VERDICT_SET:
        accepted = "Accepted the suggestion: " if p.get("accepted_suggestion") else ""
        return prefix + accepted + _describe_verdict(p, previous)
    describe = _DESCRIBERS.get(event.kind)
    if describe is None:  # written by a newer Claim Ledger; kept and passed on as it is
        return f"{prefix}{event.kind} (recorded by a newer version of Claim Ledger)"
    return prefix + describe(p)


_CARRIED = {"exact": "as it was", "moved": "the statement moved",
            "changed": "its words changed; verdicts given before need a look"}


def _describe_revision(p: dict, claim_id: str, number: int) -> str:
    """What a revision of the article did to this claim."""
    anchoring = next((item[3] for item in p.get("placements", []) if item[0] == claim_id),
                     None)
    if anchoring == "orphaned":
        return (f"Not found in revision {number} of the article; it stays on the earlier "
                "version with its verdicts")
    return f"Carried into revision {number} of the article: " \
        f"{_CARRIED.get(anchoring or '', 'placed by its words')}"


def _source_label(p: dict) -> str:
    return _quote(p.get("title") or p.get("url") or p.get("file") or "a source")


def _describe_source_edit(p: dict) -> str:
    fields = p.get("fields", {})
    return "Edited a source: " + ", ".join(
        f"{name} {_quote(str(value)) if value is not None else 'cleared'}"
        for name, value in fields.items())


def _describe_consensus(p: dict) -> str:
    if p.get("status") == Status.UNREVIEWED.value:
        return "Cleared the consensus"
    reason = f" ({p['reason']})" if p.get("reason") else ""
    return f"Settled the consensus as {_label(p['status'])}{reason}"


_DESCRIBERS = {
    ev.CLAIM_CREATED: lambda p: f"Created the claim (characters {p['start']}-{p['end']})",
    ev.CLAIM_RETIRED: lambda p: "Retired the claim" if p.get("retired", True)
    else "Restored the claim",
    ev.SOURCE_ADDED: lambda p: f"Added a source, {_source_label(p)} ({p.get('stance')})",
    ev.SOURCE_EDITED: _describe_source_edit,
    ev.SOURCE_RETIRED: lambda p: "Retired a source" if p.get("retired", True)
    else "Restored a source",
    ev.CONSENSUS_SET: _describe_consensus,
    ev.SUGGESTION_DISMISSED: lambda p: "Dismissed the suggestion" if p.get("dismissed", True)
    else "Brought the suggestion back",
}


def _describe_verdict(new: dict, old: dict | None) -> str:
    old = old or {"status": Status.UNREVIEWED.value}
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
    return "; ".join(parts) or "no change"


def _label(status: str | None) -> str:
    return Status(status or "unreviewed").style.label.lower()


def _quote(text: str | None, limit: int = 80) -> str:
    text = text or ""
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"
