"""Content-derived identities (DESIGN §3): two reviewers who import the same article
independently get the same article and statement ids, so their ledgers line up."""

from __future__ import annotations

import hashlib

ID_HEX = 24


def article_id_for(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_HEX]


def claim_id_for(article_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{article_id}:{start}:{end}".encode()).hexdigest()[:ID_HEX]
