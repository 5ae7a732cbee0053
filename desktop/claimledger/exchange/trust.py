"""Trust on first use for ledger files (DESIGN §5, §8).

Before a file is merged:
- an event whose id is already here must be byte for byte the event held here;
- every author is one key: their card's key is the key pinned here (if any), and an author
  not pinned here brings exactly one `reviewer.joined` event with that key and the name
  their card shows (the name a trust prompt shows is the name that will be displayed);
- every new event's id is the hash of its content and its signature is its author's.
Any failure refuses the whole file (TrustError) in one line that names the file, the
event (its position in the file, from 1, and its id), its author and the rule. Reviewers
never seen here are returned for the user to accept, with their fingerprints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from claimledger.domain import events as ev
from claimledger.domain.events import Event
from claimledger.exchange import keys
from claimledger.exchange.errors import TrustError
from claimledger.exchange.ledgerfile import LedgerFile, ReviewerCard

REFUSED = "refusing the whole file; nothing was imported"


@dataclass(frozen=True)
class TrustReport:
    new_reviewers: list[ReviewerCard]
    events: list[Event]
    #: Warnings for the prompt: a new reviewer whose name another reviewer here has.
    name_clashes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Door:
    """What the receiver knows when a file arrives: pinned keys and names by reviewer id,
    and the position of each event in the file (for messages)."""

    ledger: LedgerFile
    pinned: Mapping[str, str]
    names: Mapping[str, str]
    position: Mapping[str, int]

    @classmethod
    def of(cls, ledger: LedgerFile, pinned: Mapping[str, str],
           names: Mapping[str, str] | None = None) -> Door:
        position = {e.id: i for i, e in enumerate(ledger.events, 1)}
        return cls(ledger, pinned, names or {}, position)

    def author_name(self, author: str) -> str:
        card = next((c for c in self.ledger.reviewers if c.id == author), None)
        return card.name if card else self.names.get(author, f"reviewer id {author}")

    def refuse(self, event: Event, rule: str, by: str | None = None) -> TrustError:
        """The one line that refuses the file because of `event`."""
        name = by or self.author_name(event.author)
        return TrustError(f"{self.ledger.name}: event {self.position.get(event.id, '?')} "
                          f"(id {event.id}, {event.kind}) by {name!r}: {rule}; {REFUSED}",
                          event.id)


def refuse_altered_copies(door: Door, altered: Iterable[tuple[Event, str]]) -> None:
    """An id already here must carry the very bytes held here: same id, same content.
    `altered` pairs each such copy with the author of the event held here."""
    for event, here_author in altered:
        here = door.names.get(here_author, f"reviewer id {here_author}")
        raise door.refuse(event, f"an event with this id is already here with other "
                          f"content (here by {here!r}, in the file by "
                          f"{door.author_name(event.author)!r}); the file was forged or "
                          "altered")


def check_identities(door: Door, fresh: Iterable[Event]) -> None:
    """Every author of a new event is one key, announced or already pinned."""
    fresh = list(fresh)
    cards = {card.id: card for card in door.ledger.reviewers}
    for card in door.ledger.reviewers:
        _check_pinned(door, card)
    joins: dict[str, Event] = {}
    for event in fresh:
        if event.author not in cards:
            raise door.refuse(event, f"its author (reviewer id {event.author}) has no card "
                              "among the file's reviewers")
        if event.kind == ev.REVIEWER_JOINED:
            _check_join(door, event, cards[event.author], joins)
    for event in fresh:
        if event.author not in door.pinned and event.author not in joins:
            raise door.refuse(event, "its author is not known here and the file does not "
                              "carry their reviewer.joined event")


def _check_pinned(door: Door, card: ReviewerCard) -> None:
    pinned_key = door.pinned.get(card.id)
    if pinned_key is None or pinned_key == card.public_key:
        return
    raise TrustError(
        f"{door.ledger.name}: reviewer {card.name!r} (id {card.id}) now presents a different "
        f"key ({keys.fingerprint(card.public_key)}) than the one pinned here "
        f"({_fingerprint_or_raw(pinned_key)}); a changed key is refused, {REFUSED}"
    )


def _check_join(door: Door, event: Event, card: ReviewerCard, joins: dict[str, Event]
                ) -> None:
    """A reviewer.joined must announce the card's key and name, once per reviewer."""
    announced = event.payload.get("public_key")
    pinned_key = door.pinned.get(event.author)
    if pinned_key is not None and announced != pinned_key:
        raise door.refuse(event, f"it presents a different key "
                          f"({_fingerprint_or_raw(announced)}) than the one pinned here "
                          f"({_fingerprint_or_raw(pinned_key)}); a changed key is refused")
    if announced != card.public_key:
        raise door.refuse(event, f"it announces the key {_fingerprint_or_raw(announced)}, "
                          f"not the key of the file's card ({keys.fingerprint(card.public_key)})")
    if event.author in door.pinned:
        return  # the same key again: their own signed act, nothing new is pinned
    if event.payload.get("name") != card.name:
        raise door.refuse(event, f"it joins as {str(event.payload.get('name'))[:60]!r}, but "
                          f"the file's card (what you are asked to trust) says {card.name!r}")
    first = joins.setdefault(event.author, event)
    if first is not event and first.payload.get("name") != event.payload.get("name"):
        raise door.refuse(event, "the reviewer joins twice under different names")


def verify_signatures(door: Door, events: Iterable[Event]) -> None:
    """Each event's id is the hash of its content and its signature its author's key."""
    for refusal in signature_refusals(door, events, first_only=True):
        raise refusal


def signature_refusals(door: Door, events: Iterable[Event], first_only: bool = False
                       ) -> list[TrustError]:
    """The refusal of every event whose id or signature is wrong (a hub skips each)."""
    checkers = _checkers(door)
    found = []
    for event in events:
        problem = checkers[event.author](event)
        if problem is not None:
            found.append(door.refuse(event, f"{problem}; the file was altered or damaged"))
            if first_only:
                break
    return found


def new_reviewers(door: Door, fresh: Iterable[Event]) -> TrustReport:
    """The cards of authors of new events who are not pinned here, with name clashes."""
    authors = {e.author for e in fresh}
    new = [c for c in door.ledger.reviewers if c.id not in door.pinned and c.id in authors]
    return TrustReport(new, [], name_clashes(new, door))


def name_clashes(new: list[ReviewerCard], door: Door) -> list[str]:
    """A new reviewer whose name another reviewer (here, or new in the file) already has."""
    clashes = []
    taken = {name.casefold(): rid for rid, name in door.names.items()}
    for card in new:
        other = taken.get(card.name.casefold())
        if other is not None and other != card.id:
            key = door.pinned.get(other)
            other_print = f" ({keys.fingerprint(key)})" if key else ""
            clashes.append(f"{card.name} ({keys.fingerprint(card.public_key)}) has the same name "
                           f"as another reviewer{other_print}; check it is who you think")
        taken.setdefault(card.name.casefold(), card.id)
    return clashes


def check_events(ledger: LedgerFile, pinned: Mapping[str, str]) -> TrustReport:
    """Check a whole file as if nothing of it were here (tests and simple callers)."""
    door = Door.of(ledger, pinned)
    check_identities(door, ledger.events)
    verify_signatures(door, ledger.events)
    report = new_reviewers(door, ledger.events)
    return TrustReport(report.new_reviewers, list(ledger.events), report.name_clashes)


def _checkers(door: Door) -> dict[str, Callable[[Event], str | None]]:
    """One bound checker per author: the pinned key if known, else the file's card."""
    checkers = {}
    for card in door.ledger.reviewers:
        key = door.pinned.get(card.id, card.public_key)
        try:
            checkers[card.id] = keys.problem_checker(key)
        except (ValueError, TypeError):
            raise TrustError(f"{door.ledger.name}: reviewer {card.name!r} (id {card.id}) has "
                             f"an unusable public key; {REFUSED}") from None
    return checkers


def _fingerprint_or_raw(public_b64: object) -> str:
    try:
        return keys.fingerprint(public_b64)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return "an unreadable key"
