"""Trust on first use for ledger files (DESIGN §5, §8).

Before a file is merged:
- an event whose id is already here must be byte for byte the event held here;
- every author is one key at a time: their card's key is the key pinned here (if any),
  or the key their key rotations lead to from it, each rotation signed with the key it
  replaces; an author not pinned here brings a `reviewer.joined` event with the name
  their card shows (the name a trust prompt shows is the name that will be displayed);
- every new event's id is the hash of its content and its signature is by the key its
  author held at the event's clock: an event signed with a key they had retired by then
  is refused.
Any failure refuses the whole file (TrustError) in one line that names the file, the
event (its position in the file, from 1, and its id), its author and the rule. Reviewers
never seen here are returned for the user to accept, with their fingerprints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

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
    #: Per author, [(from_hlc, key), ...] by clock: what is known here, then (filled in
    #: by check_identities) the file's joins and key rotations.
    timelines: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, ledger: LedgerFile, pinned: Mapping[str, str],
           names: Mapping[str, str] | None = None,
           history: Mapping[str, list[tuple[str, str]]] | None = None) -> Door:
        """`history`: every key of the pinned reviewers (queries.key_histories); without
        it each has only the pinned key."""
        position = {e.id: i for i, e in enumerate(ledger.events, 1)}
        timelines = {author: list(keys_) for author, keys_ in (history or {}).items()}
        for author, key in pinned.items():
            timelines.setdefault(author, [("", key)])
        return cls(ledger, pinned, names or {}, position, timelines)

    def key_at(self, event: Event) -> str | None:
        """The key the event's author held at its clock (a rotation: just before it)."""
        held = [key for since, key in self.timelines.get(event.author, ())
                if since < event.hlc]
        return held[-1] if held else None

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
    """Every author of a new event is one key at a time, announced or already pinned,
    and moved on only by rotations signed with the key they replace."""
    fresh = list(fresh)
    cards = {card.id: card for card in door.ledger.reviewers}
    rotating = {e.author for e in fresh if e.kind == ev.REVIEWER_KEY_ROTATED}
    for card in door.ledger.reviewers:  # a changed key with no rotation: said first
        if card.id in door.pinned and card.id not in rotating:
            _check_card_key(door, card, None)
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
    _follow_rotations(door, fresh, joins)
    for card in door.ledger.reviewers:
        _check_card_key(door, card, joins.get(card.id))


def _follow_rotations(door: Door, fresh: list[Event], joins: dict[str, Event]) -> None:
    """Each author's keys by clock: what is known here, the key a newcomer joins with,
    then every rotation in the file, each from the key held just before it."""
    for author, join in joins.items():
        door.timelines.setdefault(author, [("", join.payload.get("public_key"))])
    rotations = sorted((e for e in fresh if e.kind == ev.REVIEWER_KEY_ROTATED),
                       key=lambda e: e.order_key)
    for rotation in rotations:
        line = door.timelines[rotation.author]
        new_key, old_key = (rotation.payload.get("public_key"),
                            rotation.payload.get("previous_key"))
        if rotation.hlc <= line[-1][0]:
            raise door.refuse(rotation, "it rotates a key before the reviewer's latest "
                              "rotation known here; a key's history cannot be rewritten")
        if old_key != line[-1][1]:
            raise door.refuse(rotation, f"it rotates from {_fingerprint_or_raw(old_key)}, "
                              f"not from the key the reviewer held then "
                              f"({_fingerprint_or_raw(line[-1][1])})")
        if not keys.is_public_key_b64(new_key):
            raise door.refuse(rotation, "its public key is not an Ed25519 key")
        line.append((rotation.hlc, new_key))


def _check_card_key(door: Door, card: ReviewerCard, join: Event | None) -> None:
    """The card shows a key of the reviewer's (a hub's card may predate a rotation it
    serves): no other. What is checked is each event's signature, by its own key."""
    line = door.timelines.get(card.id)
    if line is None or card.public_key in (key for _since, key in line):
        return
    if card.id not in door.pinned and join is not None:
        announced = _fingerprint_or_raw(join.payload.get("public_key"))
        raise door.refuse(join, f"it announces the key {announced}, not the key of the "
                          f"file's card ({_fingerprint_or_raw(card.public_key)})")
    raise TrustError(
        f"{door.ledger.name}: reviewer {card.name!r} (id {card.id}) now presents a different "
        f"key ({_fingerprint_or_raw(card.public_key)}) than the one pinned here "
        f"({_fingerprint_or_raw(line[-1][1])}); a changed key is refused (a new key is "
        f"accepted only from a rotation signed with the old one), {REFUSED}"
    )


def _check_join(door: Door, event: Event, card: ReviewerCard, joins: dict[str, Event]
                ) -> None:
    """A reviewer.joined must announce a key of the reviewer's and the card's name,
    once per reviewer."""
    announced = event.payload.get("public_key")
    known = [key for _since, key in door.timelines.get(event.author, ())]
    if event.author in door.pinned:
        if announced not in known:
            raise door.refuse(event, f"it presents a different key "
                              f"({_fingerprint_or_raw(announced)}) than the one pinned here "
                              f"({_fingerprint_or_raw(known[-1])}); a changed key is "
                              "refused")
        return  # a key of theirs again: their own signed act, nothing new is pinned
    if event.payload.get("name") != card.name:
        raise door.refuse(event, f"it joins as {str(event.payload.get('name'))[:60]!r}, but "
                          f"the file's card (what you are asked to trust) says {card.name!r}")
    first = joins.setdefault(event.author, event)
    if first is not event and first.payload.get("name") != event.payload.get("name"):
        raise door.refuse(event, "the reviewer joins twice under different names")
    if first is not event and first.payload.get("public_key") != announced:
        raise door.refuse(event, "the reviewer joins twice with different keys")


def verify_signatures(door: Door, events: Iterable[Event]) -> None:
    """Each event's id is the hash of its content and its signature its author's key."""
    for refusal in signature_refusals(door, events, first_only=True):
        raise refusal


def signature_refusals(door: Door, events: Iterable[Event], first_only: bool = False
                       ) -> list[TrustError]:
    """The refusal of every event whose id or signature is wrong (a hub skips each):
    each is checked with the key its author held at its clock."""
    checkers: dict[str, Callable[[Event], str | None]] = {}
    found = []
    for event in events:
        key = door.key_at(event)
        problem = _checker(door, checkers, event, key)(event) if key else keys.BAD_SIGNATURE
        if problem is not None:
            found.append(door.refuse(event, _signature_rule(door, event, problem)))
            if first_only:
                break
    return found


def _checker(door: Door, checkers: dict, event: Event, key: str):
    if key not in checkers:
        try:
            checkers[key] = keys.problem_checker(key)
        except (ValueError, TypeError):
            raise door.refuse(event, "its author's key is unusable") from None
    return checkers[key]


def _signature_rule(door: Door, event: Event, problem: str) -> str:
    """Why the signature fails, naming a key the author had retired when it matches."""
    if problem == keys.BAD_SIGNATURE:
        line = [(s, k) for s, k in door.timelines.get(event.author, ()) if s < event.hlc]
        for (_since, key), (replaced, _next) in zip(line, line[1:], strict=False):
            if keys.verify_event(event, key):
                return (f"it is signed with a key the reviewer had retired by then "
                        f"({_fingerprint_or_raw(key)}, replaced at {replaced}); the file was "
                        "altered or forged")
    return f"{problem}; the file was altered or damaged"


def new_reviewers(door: Door, fresh: Iterable[Event]) -> TrustReport:
    """The cards of authors of new events who are not pinned here, with name clashes;
    each with the key that will be pinned (the one their rotations lead to)."""
    authors = {e.author for e in fresh}
    new = [replace(c, public_key=door.timelines[c.id][-1][1]) if c.id in door.timelines
           else c
           for c in door.ledger.reviewers if c.id not in door.pinned and c.id in authors]
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


def check_events(ledger: LedgerFile, pinned: Mapping[str, str],
                 history: Mapping[str, list[tuple[str, str]]] | None = None) -> TrustReport:
    """Check a whole file as if nothing of it were here (tests and simple callers)."""
    door = Door.of(ledger, pinned, history=history)
    check_identities(door, ledger.events)
    verify_signatures(door, ledger.events)
    report = new_reviewers(door, ledger.events)
    return TrustReport(report.new_reviewers, list(ledger.events), report.name_clashes)


def _fingerprint_or_raw(public_b64: object) -> str:
    try:
        return keys.fingerprint(public_b64)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return "an unreadable key"
