"""Two reviewers through one hub: the same events, trust as for files, counts."""

from __future__ import annotations

from sync_desk import claims_of_sample, state


def test_init_is_idempotent_and_says_what_it_made(desk, hubdb):
    editor = desk.reviewer("Edith Editor")
    first = editor.init_hub(hubdb.editor_url)
    again = editor.init_hub(hubdb.editor_url)
    assert (first.info.schema_version, again.info.schema_version) == (1, 1)
    assert first.info.hub_id == again.info.hub_id
    assert first.reviewer_role == f"{hubdb.name}_reviewers"
    assert hubdb.sql("SELECT count(*) FROM hub_event") == "0"


def test_a_verdict_travels_and_a_new_reviewer_waits_for_trust(hub_desk):
    bob, carol = hub_desk.bob, hub_desk.carol
    claims = claims_of_sample(bob)
    bob.mark(claims[0], "disputed", reason="figure is from 2019")
    sent = bob.sync_hub()
    assert (sent.pushed, sent.pending, sent.refused) == (3, 0, None)  # joined, article, verdict

    waiting = carol.sync_hub()
    assert waiting.pulled == 0 and waiting.unknown is not None
    assert "Bob Ode" in str(waiting.unknown) and "--accept-new-reviewers" in str(waiting.unknown)
    assert len(state(carol)["events"]) == 1  # her own reviewer.joined: nothing merged

    merged = carol.sync_hub(accept_new_reviewers=True)
    assert merged.pulled > 0 and merged.unknown is None
    carol.mark(claims[1], "sourced")
    carol.sync_hub()
    back = bob.sync_hub(accept_new_reviewers=True)
    assert back.pulled > 0
    assert state(bob) == state(carol)
    assert bob.hub_pending() == carol.hub_pending() == 0


def test_sync_again_moves_nothing(hub_desk):
    bob = hub_desk.bob
    bob.mark(claims_of_sample(bob)[0], "sourced")
    bob.sync_hub()
    again = bob.sync_hub()
    assert (again.pushed, again.pulled, again.pending) == (0, 0, 0)
