"""A reviewer is one key at a time: a new key is accepted only from a rotation signed
with the old one, and after it nothing signed with the old key is.

Bob rotates; Carol, who pinned his first key, takes the new one from his file and
checks each of his events with the key he held at its clock. Mallory, who holds (or
stole) Bob's old key, tries the ways around it: a rotation from a key that is not his
current one, a rotation of her own to her key, a verdict signed with the retired key
after the rotation, a rotation rewritten before an earlier one. Each is refused in one
line with nothing changed; honest work still merges.
"""

from __future__ import annotations

import dataclasses

from malicious_peer import Mallory, cards_of, claims_of_sample, events_of, state

from claimledger.domain import events as ev
from claimledger.exchange import keys
from claimledger.exchange.ledgerfile import read_ledger_file


def _bob_and_carol(desk):
    bob, carol = desk.reviewer("Bob Ode"), desk.reviewer("Carol Lam")
    claims = claims_of_sample(bob)
    bob.mark(claims[0], "sourced")
    first = desk.export(bob, "bob-1")
    assert not carol.sync_files([first], accept_new_reviewers=True).failures
    return bob, carol, claims


def _stolen(bob) -> Mallory:
    """Mallory with Bob's id and Bob's current private key (a stolen laptop)."""
    thief = Mallory("Bob Ode", reviewer_id=bob.reviewer_id)
    thief.private = bob._private_key
    thief.public = keys.public_key_b64(thief.private)
    return thief


def _refused(ws, path, *words: str) -> str:
    before = state(ws)
    report = ws.sync_files([path], accept_new_reviewers=True)
    [(_failed, message)] = report.failures
    assert "\n" not in message and message.startswith(f"{path.name}: "), message
    for part in words:
        assert part in message, message
    assert state(ws) == before
    return message


def test_a_rotation_signed_with_the_old_key_moves_everyone_to_the_new_one(desk):
    bob, carol, claims = _bob_and_carol(desk)
    old_print = bob.identity.fingerprint

    rotated = bob.rotate_key()
    bob.mark(claims[1], "disputed", reason="Contradicted by the record")

    assert rotated.old.fingerprint == old_print != rotated.new.fingerprint
    assert bob.identity.public_key == rotated.new.public_key
    again = desk.reviewer("Bob Ode", db="bob-elsewhere")  # the same person, later
    assert again.unlock().public_key == rotated.new.public_key
    second = desk.export(bob, "bob-2")
    card = next(c for c in read_ledger_file(second).reviewers if c.id == bob.reviewer_id)
    assert card.public_key == rotated.new.public_key

    merged = carol.sync_files([second])
    assert not merged.failures and not merged.unknown, merged
    assert merged.files[0].new_events == 2  # the rotation and the new verdict
    people = {r.id: r for r in carol.reviewers_here()}
    assert people[bob.reviewer_id].fingerprint == rotated.new.fingerprint
    article = carol.claim(claims[1]).article_id
    mine = [v for v in carol.verdicts(article)[claims[1]] if v.reviewer_id == bob.reviewer_id]
    assert [v.status.value for v in mine] == ["disputed"]
    assert carol.projections_match_log() and bob.projections_match_log()

    # a newcomer takes Bob's whole history: joined with the old key, then rotated
    dan = desk.reviewer("Dan Ito")
    waiting = dan.sync_files([second])
    [unknown] = waiting.unknown
    assert [c.public_key for c in unknown.cards] == [rotated.new.public_key]
    assert not dan.sync_files([second], accept_new_reviewers=True).failures
    assert dan.projections_match_log()


def test_old_events_signed_before_the_rotation_still_merge_afterwards(desk):
    bob, carol, claims = _bob_and_carol(desk)
    bob.mark(claims[2], "unverified")
    before_rotation = desk.export(bob, "bob-old")
    bob.rotate_key()
    after = desk.export(bob, "bob-new")
    dan = desk.reviewer("Dan Ito")
    assert not dan.sync_files([after], accept_new_reviewers=True).failures
    late = dan.sync_files([before_rotation])
    assert not late.failures and late.files[0].new_events == 0  # all already held


def test_the_retired_key_signs_nothing_after_the_rotation(desk):
    bob, carol, claims = _bob_and_carol(desk)
    thief = _stolen(bob)
    bob.rotate_key()
    rotation = next(e for e in events_of(desk.export(bob, "bob-2"))
                    if e.kind == ev.REVIEWER_KEY_ROTATED)
    assert not carol.sync_files([desk.folder / "bob-2.cledger"]).failures
    late = thief.verdict(claims[1], "not-a-claim", hlc=_after(rotation.hlc))
    path = thief.write(desk.folder / "stolen.cledger", [late],
                       cards=[dataclasses.replace(thief.card, public_key=bob.identity.public_key)])
    _refused(carol, path, "signed with a key the reviewer had retired by then",
             rotation.hlc)


def test_a_rotation_from_a_key_that_is_not_the_current_one_is_refused(desk):
    bob, carol, claims = _bob_and_carol(desk)
    mallory = Mallory("Bob Ode", reviewer_id=bob.reviewer_id)
    grab = mallory.sign(ev.REVIEWER_KEY_ROTATED, {"public_key": mallory.public,
                                                  "previous_key": mallory.public[:-4] + "AAA="})
    path = mallory.write(desk.folder / "grab.cledger", [grab, mallory.verdict(claims[1])])
    _refused(carol, path, "rotates from", "not from the key the reviewer held then")


def test_a_rotation_signed_by_someone_else_is_refused(desk):
    bob, carol, claims = _bob_and_carol(desk)
    mallory = Mallory("Bob Ode", reviewer_id=bob.reviewer_id)
    grab = mallory.sign(ev.REVIEWER_KEY_ROTATED, {"public_key": mallory.public,
                                                  "previous_key": bob.identity.public_key})
    path = mallory.write(desk.folder / "grab.cledger", [grab, mallory.verdict(claims[1])])
    _refused(carol, path, "reviewer.key_rotated", "its signature does not match")


def test_a_stolen_key_cannot_rewrite_a_rotation_before_the_last_one(desk):
    bob, carol, claims = _bob_and_carol(desk)
    thief = _stolen(bob)
    bob.rotate_key()
    second = desk.export(bob, "bob-2")
    assert not carol.sync_files([second]).failures
    rotation = next(e for e in events_of(second) if e.kind == ev.REVIEWER_KEY_ROTATED)
    other = Mallory()
    backdated = thief.sign(ev.REVIEWER_KEY_ROTATED, {"public_key": other.public,
                                                     "previous_key": thief.public},
                           hlc=_before(rotation.hlc))
    path = thief.write(desk.folder / "rewrite.cledger", [backdated],
                       cards=cards_of(second))
    _refused(carol, path, "cannot be rewritten")


def test_a_changed_key_without_a_rotation_is_still_refused(desk):
    bob, carol, claims = _bob_and_carol(desk)
    mallory = Mallory("Bob Ode", reviewer_id=bob.reviewer_id)
    path = mallory.write(desk.folder / "swap.cledger", [mallory.verdict(claims[1])])
    _refused(carol, path, "now presents a different key", "a changed key is refused",
             "only from a rotation signed with the old one")


def _after(hlc: str) -> str:
    wall, counter = hlc.split(".")
    return f"{int(wall) + 1:0{len(wall)}d}.{counter}"


def _before(hlc: str) -> str:
    wall, counter = hlc.split(".")
    return f"{int(wall) - 1:0{len(wall)}d}.{counter}"


def test_another_workspace_of_the_same_reviewer_signs_nothing_until_it_learns_the_new_key(
        desk):
    bob, carol, claims = _bob_and_carol(desk)
    laptop = desk.reviewer("Bob Ode", db="bob-laptop")  # the same identity, another file
    assert not laptop.sync_files([desk.folder / "bob-1.cledger"],
                                 accept_new_reviewers=True).failures
    laptop.mark(claims[2], "sourced")  # signed with the key both know
    rotated = bob.rotate_key()
    before = state(laptop)
    try:
        laptop.mark(claims[3], "disputed")
        raise AssertionError("the laptop signed with a key it does not know")
    except Exception as refused:  # noqa: BLE001 - the message is what the reviewer reads
        message = str(refused)
    assert message.startswith(f"Your signing key is now {rotated.new.fingerprint}, made in "
                              "another workspace") and "\n" not in message
    assert state(laptop) == before
    assert not laptop.sync_files([desk.export(bob, "bob-rotated")]).failures
    laptop.mark(claims[3], "disputed")
    assert not carol.sync_files([desk.export(laptop, "laptop")]).failures
