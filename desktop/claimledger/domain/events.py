"""Events: the immutable facts every projection is built from (DESIGN §3).

An event's canonical bytes are what its author signs; they exclude the signature.

Events are content-addressed: an event's id is the SHA-256 (64 hex digits) of its
canonical bytes, which are the canonical JSON of its author, kind, clock and payload.
So one id always means one content, and nobody can publish their own event under
someone else's id. Events made before this (ledger format 1) have random UUIDs, and
their signed bytes include that id; they stay readable as they are ("legacy ids").
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

ARTICLE_IMPORTED = "article.imported"
ARTICLE_EDITED = "article.edited"
CLAIM_CREATED = "claim.created"
CLAIM_RETIRED = "claim.retired"
VERDICT_SET = "verdict.set"
SOURCE_ADDED = "source.added"
SOURCE_EDITED = "source.edited"
SOURCE_RETIRED = "source.retired"
CONSENSUS_SET = "consensus.set"
REVIEWER_JOINED = "reviewer.joined"
#: A reviewer moves to a new key ({public_key: the new one, previous_key: the one it
#: replaces}), signed with the previous key; their later events are signed with the new.
REVIEWER_KEY_ROTATED = "reviewer.key_rotated"
#: A reviewer dismissed the suggestion on a claim ({claim, dismissed}); undo sends false.
SUGGESTION_DISMISSED = "suggestion.dismissed"
#: A new version of an article ({article: the new one, revision_of: the earlier one,
#: placements: [[claim, old_start, old_end, anchoring, start, end], ...]}): each claim of
#: the earlier text moves onto the new one where it was found (start/end null: orphaned).
ARTICLE_REVISED = "article.revised"

KINDS = frozenset(
    {
        ARTICLE_IMPORTED,
        ARTICLE_EDITED,
        CLAIM_CREATED,
        CLAIM_RETIRED,
        VERDICT_SET,
        SOURCE_ADDED,
        SOURCE_EDITED,
        SOURCE_RETIRED,
        CONSENSUS_SET,
        REVIEWER_JOINED,
        REVIEWER_KEY_ROTATED,
        SUGGESTION_DISMISSED,
        ARTICLE_REVISED,
    }
)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    kind: str
    author: str
    hlc: str
    payload: dict[str, Any] = field(default_factory=dict)
    signature: str | None = None

    @classmethod
    def new(cls, kind: str, author: str, hlc: str, payload: dict[str, Any]) -> Event:
        if kind not in KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        return cls(id=content_id(kind, author, hlc, payload), kind=kind, author=author,
                   hlc=hlc, payload=payload)

    @property
    def order_key(self) -> tuple[str, str, str]:
        """Total order used wherever 'the last event wins'."""
        return (self.hlc, self.author, self.id)

    def canonical_bytes(self) -> bytes:
        """What the author signs: for a content id, the content alone (the id is its hash);
        for a legacy UUID id, the content together with that id."""
        if is_content_id(self.id):
            return content_bytes(self.kind, self.author, self.hlc, self.payload)
        body = {
            "id": self.id,
            "kind": self.kind,
            "author": self.author,
            "hlc": self.hlc,
            "payload": self.payload,
        }
        return canonical_json(body)


CONTENT_ID_HEX = 64


def content_bytes(kind: str, author: str, hlc: str, payload: dict[str, Any]) -> bytes:
    return canonical_json({"author": author, "hlc": hlc, "kind": kind, "payload": payload})


def content_id(kind: str, author: str, hlc: str, payload: dict[str, Any]) -> str:
    return hashlib.sha256(content_bytes(kind, author, hlc, payload)).hexdigest()


def is_content_id(event_id: str) -> bool:
    """A 64-hex-digit id (content-addressed) rather than a legacy UUID."""
    return len(event_id) == CONTENT_ID_HEX


def canonical_json(value: Any) -> bytes:
    """Deterministic JSON: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")
