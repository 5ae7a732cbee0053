"""Rows served by a desk hub, read as a ledger file is read.

A hub is trusted for storage only, so what it serves goes through the very reader that
checks a .cledger file (strict JSON, every field, duplicates) and then the same trust
and validation path. The rows become the document a file would hold: each payload text
must first be one strict JSON object on its own, so no row can reach into its
neighbours' fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from claimledger.domain.events import Event
from claimledger.exchange.errors import LedgerFileError
from claimledger.exchange.ledgerfile import (
    APP_NAME,
    FORMAT,
    VERSION,
    ReviewerCard,
    parse_ledger_bytes,
)
from claimledger.exchange.strictjson import Problem, parse_json

#: How messages name what the hub served ("desk hub: event 3 (id …) by 'Bob': …").
HUB_NAME = "desk hub"

#: (id, kind, author, hlc, payload text, signature), as the hub and the event log hold them.
Row = tuple[str, str, str, str, str, str]


def ledger_of_rows(rows: Sequence[Row], cards: Iterable[ReviewerCard], exporter: str):
    """The rows as a LedgerFile named HUB_NAME; LedgerFileError in one line if any row is
    not what a ledger file may carry."""
    for index, (event_id, _kind, _author, _hlc, payload, _sig) in enumerate(rows, 1):
        try:
            value = parse_json(payload)
        except Problem as problem:
            raise LedgerFileError(f"{HUB_NAME}: event {index} (id {str(event_id)[:64]}): its "
                                  f"payload is not valid ({problem}); nothing was "
                                  "imported", event_id) from None
        if not isinstance(value, dict):
            raise LedgerFileError(f"{HUB_NAME}: event {index} (id {str(event_id)[:64]}): its "
                                  "payload is not an object; nothing was imported", event_id)
    chains = _chains(rows)
    reviewers = [{"id": c.id, "name": c.name, "public_key": c.public_key, **chains[c.id]}
                 for c in cards if c.id in chains]
    head = {"format": FORMAT, "version": VERSION,
            "exporter": {"app": APP_NAME, "version": "hub", "reviewer": exporter},
            "exported_at": "2000-01-01T00:00:00+00:00", "reviewers": reviewers}
    lines = ",\n".join(_event_text(row) for row in rows)
    document = json.dumps(head, ensure_ascii=False)[:-1] + f', "events": [\n{lines}\n]}}'
    try:
        return parse_ledger_bytes(document.encode("utf-8"), Path(HUB_NAME))
    except LedgerFileError as error:  # name the row, so a pull can skip just it
        index = error.event_index
        if index is not None and 0 < index <= len(rows):
            error.event_id = rows[index - 1][0]
        raise


def row_of(event: Event, payload_text: str) -> Row:
    return (event.id, event.kind, event.author, event.hlc, payload_text, event.signature)


def _event_text(row: Row) -> str:
    event_id, kind, author, hlc, payload, signature = row
    fields = ", ".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in
                       (("id", event_id), ("kind", kind), ("author", author), ("hlc", hlc),
                        ("signature", signature)))
    return f"{{{fields}, \"payload\": {payload}}}"


def _chains(rows: Sequence[Row]) -> dict[str, dict]:
    counts: dict[str, int] = {}
    heads: dict[str, tuple] = {}
    for event_id, _kind, author, hlc, _payload, _sig in rows:
        counts[author] = counts.get(author, 0) + 1
        heads[author] = max(heads.get(author, ("", "", "")), (hlc, author, event_id))
    return {a: {"events": n, "held": n, "head": heads[a][2]} for a, n in counts.items()}
