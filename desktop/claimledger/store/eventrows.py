"""Events as table rows: conversion both ways, and the indexed look-ups projections need."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from claimledger.domain.events import Event
from claimledger.store.tables import event_t


def events_of_kind(conn: Connection, kind: str, *, article_id: str | None = None,
                   claim_id: str | None = None) -> list[Event]:
    """Events of one kind about one article or claim (uses the event indexes)."""
    query = select(event_t).where(event_t.c.kind == kind)
    if article_id is not None:
        query = query.where(event_t.c.article_id == article_id)
    if claim_id is not None:
        query = query.where(event_t.c.claim_id == claim_id)
    return [from_row(row) for row in conn.execute(query)]


def to_row(event: Event) -> dict:
    payload = event.payload
    return {
        "id": event.id,
        "kind": event.kind,
        "author": event.author,
        "hlc": event.hlc,
        "article_id": payload.get("article"),
        "claim_id": payload.get("claim"),
        "payload": payload_text(payload),
        "signature": event.signature,
    }


def payload_text(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def same_payload(stored: str, payload: dict) -> bool:
    """Whether a stored payload text holds exactly this payload."""
    return payload_text(payload) == stored or json.loads(stored) == payload


def from_row(row) -> Event:
    return Event(
        id=row.id, kind=row.kind, author=row.author, hlc=row.hlc,
        payload=json.loads(row.payload), signature=row.signature,
    )
