"""A compromised hub (or anyone with its editor's password) serves altered or forged
events: each desktop refuses every such row, in the one line a ledger file gets, and
merges nothing of it; the honest rows around it still merge, so no row can stop a desk
(the cursor moves past what was refused)."""

from __future__ import annotations

import time

import pytest
from malicious_peer import Mallory, state

from claimledger.domain.clock import format_stamp
from claimledger.workspace import HubError
from sync_desk import claims_of_sample


@pytest.fixture
def trusted(hub_desk):
    """Bob has marked two claims and pushed; Carol has pulled and pinned him."""
    bob, carol = hub_desk.bob, hub_desk.carol
    claims = claims_of_sample(bob)
    bob.mark(claims[0], "sourced")
    bob.sync_hub()
    carol.sync_hub(accept_new_reviewers=True)
    hub_desk.claims = claims
    return hub_desk


def refused(ws, *expected: str, honest: int = 0) -> str:
    """A sync that refuses the forged rows (and merges `honest` others); the next sync
    does not meet them again."""
    before = state(ws)
    done = ws.sync_hub(accept_new_reviewers=True)
    assert done.refused is not None and done.pulled == honest, done
    assert done.refused.startswith("desk hub: ") and "\n" not in done.refused
    assert "that event was skipped, the rest merged" in done.refused
    for words in expected:
        assert words in done.refused, done.refused
    if not honest:
        assert state(ws) == before
    again = ws.sync_hub(accept_new_reviewers=True)
    assert again.refused is None and again.pulled == 0, again
    return done.refused


def test_an_altered_row_is_refused_and_nothing_merges(trusted):
    bob, carol, hubdb = trusted.bob, trusted.carol, trusted.hub
    bob.mark(trusted.claims[1], "disputed", reason="figure is from 2019")
    bob.sync_hub()
    hubdb.sql("UPDATE hub_event SET payload = replace(payload, 'disputed', 'sourced') "
              "WHERE kind = 'verdict.set' AND payload LIKE '%disputed%'")
    refused(carol, "by 'Bob Ode'", "not the hash of its content")


def test_a_forged_event_under_a_pinned_reviewers_name_is_refused(trusted, push_as_editor):
    carol, bob = trusted.carol, trusted.bob
    mallory = Mallory("Bob Ode", reviewer_id=bob.reviewer_id)
    push_as_editor([mallory.verdict(trusted.claims[2], "disputed")])
    refused(carol, "signature")


def test_a_changed_key_is_refused(trusted, push_as_editor):
    carol, bob = trusted.carol, trusted.bob
    mallory = Mallory("Bob Ode", reviewer_id=bob.reviewer_id)
    trusted.hub.sql("DELETE FROM hub_event WHERE kind = 'reviewer.joined'")
    push_as_editor([mallory.joined(), mallory.verdict(trusted.claims[2])])
    refused(carol, "presents a different key", "than the one pinned here",
            "a changed key is refused")


def test_a_signed_but_invalid_payload_is_refused(trusted, push_as_editor):
    carol = trusted.carol
    mallory = Mallory("Mallory")
    push_as_editor([mallory.joined(),
                                 mallory.verdict(trusted.claims[2], "probably-fine")])
    refused(carol, "by 'Mallory'", "its status 'probably-fine' is not one of",
            honest=1)  # her reviewer.joined: trusted, but nothing of hers shows
    article = carol.claim(trusted.claims[2]).article_id
    assert all(v.status.value != "probably-fine"
               for vs in carol.verdicts(article).values() for v in vs)


def test_a_row_damaged_behind_everyones_cursor_is_refused_by_the_next_newcomer(trusted):
    """Rows already pulled are not read again by Carol; a reviewer who joins later reads
    them all and refuses the damaged one."""
    carol, hubdb = trusted.carol, trusted.hub
    hubdb.sql("UPDATE hub_event SET signature = overlay(signature placing 'AAAA' from 1 for 4)"
              " WHERE kind = 'verdict.set'")
    assert carol.sync_hub().refused is None
    newcomer = trusted.desk.reviewer("Dan New")
    newcomer.connect_hub(trusted.hub.reviewer_login("dan"))
    refused(newcomer, "signature", honest=3)  # Bob's join, article and statements
    article = newcomer.articles()[0].id
    assert not any(v.reviewer_id == trusted.bob.reviewer_id
                   for vs in newcomer.verdicts(article).values() for v in vs)


def test_honest_work_around_a_forgery_still_merges(trusted, push_as_editor):
    """A forged row between two of Bob's genuine ones: both of his merge in the same
    pull, the forgery never does, and it stops nobody's later pulls."""
    carol, bob = trusted.carol, trusted.bob
    bob.mark(trusted.claims[1], "disputed")
    bob.sync_hub()
    mallory = Mallory("Bob Ode", reviewer_id=bob.reviewer_id)
    forged = mallory.verdict(trusted.claims[2], "disputed")
    push_as_editor([forged])
    bob.mark(trusted.claims[3], "unverified", reason="Claimed without evidence")
    bob.sync_hub()
    refused(carol, f"(id {forged.id}, verdict.set) by 'Bob Ode'", "signature", honest=2)
    article = carol.claim(trusted.claims[3]).article_id
    mine = {c: [v.status.value for v in vs if v.reviewer_id == bob.reviewer_id]
            for c, vs in carol.verdicts(article).items()}
    assert mine[trusted.claims[1]] == ["disputed"]
    assert mine[trusted.claims[3]] == ["unverified"]
    assert mine.get(trusted.claims[2], []) == []  # the forgery is nowhere
    bob.mark(trusted.claims[4], "sourced")
    bob.sync_hub()
    later = carol.sync_hub()
    assert later.pulled == 1 and later.refused is None


def test_an_oversized_row_is_cut_at_the_limit_and_refused(trusted, monkeypatch):
    from claimledger.store import hub as hub_store

    carol, bob = trusted.carol, trusted.bob
    bob.mark(trusted.claims[1], "disputed", note="n" * 500)
    bob.sync_hub()
    monkeypatch.setattr(hub_store, "ROW_BYTES", 300)
    refused(carol, "payload is not valid")


def test_an_export_of_a_hub_holding_a_forgery_is_refused(trusted, push_as_editor, tmp_path):
    carol, bob = trusted.carol, trusted.bob
    mallory = Mallory("Bob Ode", reviewer_id=bob.reviewer_id)
    push_as_editor([mallory.verdict(trusted.claims[2], "disputed")])
    target = tmp_path / "desk.cledger"
    with pytest.raises(HubError, match="signature"):
        carol.export_hub(target)
    assert not target.exists()


def test_a_key_rotation_through_the_hub_moves_the_desk_to_the_new_key(trusted,
                                                                       push_as_editor):
    carol, bob = trusted.carol, trusted.bob
    stolen = Mallory("Bob Ode", reviewer_id=bob.reviewer_id)
    stolen.private = bob._private_key  # his old laptop
    rotated = bob.rotate_key()
    bob.mark(trusted.claims[1], "disputed")
    bob.sync_hub()
    done = carol.sync_hub()
    assert done.refused is None and done.pulled == 2, done
    people = {r.id: r for r in carol.reviewers_here()}
    assert people[bob.reviewer_id].fingerprint == rotated.new.fingerprint
    late = stolen.verdict(trusted.claims[2], "not-a-claim",
                          hlc=format_stamp(time.time_ns() // 1_000_000 + 1000, 0))
    push_as_editor([late])
    refused(carol, "signed with a key the reviewer had retired by then")
    assert carol.projections_match_log()


def test_a_row_the_reader_refuses_is_skipped_and_names_its_id(trusted, push_as_editor):
    """A row not even shaped like an event (a clock that is no clock) is skipped like a
    forged one, not left in the way of every later pull."""
    carol, bob = trusted.carol, trusted.bob
    bad = Mallory("Bob Ode", reviewer_id=bob.reviewer_id).verdict(
        trusted.claims[2], "disputed", hlc="9000000000000000.000001")
    push_as_editor([bad])
    bob.mark(trusted.claims[3], "sourced")
    bob.sync_hub()
    refused(carol, f"(id {bad.id})", "is not a clock stamp", honest=1)
