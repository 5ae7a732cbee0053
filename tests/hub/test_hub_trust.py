"""A compromised hub (or anyone with its editor's password) serves altered or forged
events: each desktop refuses the whole pull in the one line a ledger file gets, its
workspace stays exactly as it was, and honest work merges again once the row is gone."""

from __future__ import annotations

import pytest
from malicious_peer import Mallory, state

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


def refused(ws, *expected: str) -> str:
    before = state(ws)
    done = ws.sync_hub(accept_new_reviewers=True)
    assert done.refused is not None and done.pulled == 0, done
    assert done.refused.startswith("desk hub: ") and "\n" not in done.refused
    for words in expected:
        assert words in done.refused, done.refused
    assert state(ws) == before
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
    refused(carol, "now presents a different key", "a changed key is refused")


def test_a_signed_but_invalid_payload_is_refused(trusted, push_as_editor):
    carol = trusted.carol
    mallory = Mallory("Mallory")
    push_as_editor([mallory.joined(),
                                 mallory.verdict(trusted.claims[2], "probably-fine")])
    refused(carol, "by 'Mallory'", "its status 'probably-fine' is not one of")


def test_a_row_damaged_behind_everyones_cursor_is_refused_by_the_next_newcomer(trusted):
    """Rows already pulled are not read again by Carol; a reviewer who joins later reads
    them all and refuses the damaged one."""
    carol, hubdb = trusted.carol, trusted.hub
    hubdb.sql("UPDATE hub_event SET signature = overlay(signature placing 'AAAA' from 1 for 4)"
              " WHERE kind = 'verdict.set'")
    assert carol.sync_hub().refused is None
    newcomer = trusted.desk.reviewer("Dan New")
    newcomer.connect_hub(trusted.hub.reviewer_login("dan"))
    refused(newcomer, "signature")


def test_honest_work_merges_again_once_the_editor_removes_the_forgery(trusted, push_as_editor):
    carol, bob, hubdb = trusted.carol, trusted.bob, trusted.hub
    mallory = Mallory("Bob Ode", reviewer_id=bob.reviewer_id)
    forged = mallory.verdict(trusted.claims[2], "disputed")
    push_as_editor([forged])
    refused(carol, "signature")
    hubdb.sql(f"DELETE FROM hub_event WHERE id = '{forged.id}'")
    bob.mark(trusted.claims[3], "unverified", reason="Claimed without evidence")
    bob.sync_hub()
    assert carol.sync_hub().pulled == 1


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
