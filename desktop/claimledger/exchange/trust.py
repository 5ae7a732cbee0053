"""Trust on first use for ledger files (DESIGN §5).

Before a file is merged, every event must be signed by its author, every author must
have a card in the file, and a reviewer we already pinned must present the same key.
Any failure refuses the whole file (TrustError); reviewers we have never seen are
returned for the user to accept, with their fingerprints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from claimledger.domain.events import Event
from claimledger.exchange import keys
from claimledger.exchange.errors import TrustError
from claimledger.exchange.ledgerfile import LedgerFile, ReviewerCard


@dataclass(frozen=True)
class TrustReport:
    new_reviewers: list[ReviewerCard]
    events: list[Event]


def check_events(ledger: LedgerFile, pinned: Mapping[str, str]) -> TrustReport:
    """Verify a file's events; `pinned` maps reviewer id -> base64 public key."""
    cards = {card.id: card for card in ledger.reviewers}
    for card in ledger.reviewers:
        _check_pinned(ledger, card, pinned.get(card.id))
    verifiers = _verifiers(ledger, cards, pinned)
    for index, event in enumerate(ledger.events, 1):
        verify = verifiers.get(event.author)
        if verify is None:
            raise TrustError(
                f"{ledger.name}: event {index} (id {event.id}) is by reviewer id "
                f"{event.author}, who is not among the file's reviewers; refusing the "
                "whole file"
            )
        if not verify(event):
            raise TrustError(
                f"{ledger.name}: event {index} (id {event.id}, {event.kind}): signature "
                f"does not match the key of {cards[event.author].name!r}; the file was altered "
                "or damaged, refusing the whole file"
            )
    new = [card for card in ledger.reviewers if card.id not in pinned]
    return TrustReport(new_reviewers=new, events=list(ledger.events))


def _check_pinned(ledger: LedgerFile, card: ReviewerCard, pinned_key: str | None) -> None:
    if pinned_key is None or pinned_key == card.public_key:
        return
    raise TrustError(
        f"{ledger.name}: reviewer {card.name!r} (id {card.id}) now presents a different "
        f"key ({keys.fingerprint(card.public_key)}) than the one pinned "
        f"({_fingerprint_or_raw(pinned_key)}); refusing the whole file"
    )


def _verifiers(
    ledger: LedgerFile, cards: Mapping[str, ReviewerCard], pinned: Mapping[str, str]
) -> dict[str, Callable[[Event], bool]]:
    """One bound verifier per author: the pinned key if known, else the file's card."""
    verifiers = {}
    for reviewer_id, card in cards.items():
        key = pinned.get(reviewer_id, card.public_key)
        try:
            verifiers[reviewer_id] = keys.verifier(key)
        except (ValueError, TypeError):
            raise TrustError(
                f"{ledger.name}: reviewer {card.name!r} (id {reviewer_id}) has an "
                "unusable public key; refusing the whole file"
            ) from None
    return verifiers


def _fingerprint_or_raw(public_b64: str) -> str:
    try:
        return keys.fingerprint(public_b64)
    except (ValueError, TypeError):
        return "an unreadable key"
