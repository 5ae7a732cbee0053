"""Events: the immutable facts every projection is built from (DESIGN §3).

An event's canonical bytes are what its author signs; they exclude the signature.
"""

from __future__ import annotations

import json
import uuid
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
#: A reviewer dismissed the suggestion on a claim ({claim, dismissed}); undo sends false.
SUGGESTION_DISMISSED = "suggestion.dismissed"

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
        SUGGESTION_DISMISSED,
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
        return cls(id=str(uuid.uuid4()), kind=kind, author=author, hlc=hlc, payload=payload)

    @property
    def order_key(self) -> tuple[str, str, str]:
        """Total order used wherever 'the last event wins'."""
        return (self.hlc, self.author, self.id)

    def canonical_bytes(self) -> bytes:
        body = {
            "id": self.id,
            "kind": self.kind,
            "author": self.author,
            "hlc": self.hlc,
            "payload": self.payload,
        }
        return canonical_json(body)


def canonical_json(value: Any) -> bytes:
    """Deterministic JSON: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")
