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


def test_a_newcomer_waits_for_trust_while_the_desk_keeps_flowing(hub_desk):
    """Dan is new to Carol: his events (and what builds on them) wait for her trust;
    Bob's verdict made after Dan's still reaches her."""
    bob, carol, desk = hub_desk.bob, hub_desk.carol, hub_desk.desk
    claims = claims_of_sample(bob)
    bob.sync_hub()
    carol.sync_hub(accept_new_reviewers=True)
    dan = desk.reviewer("Dan New")
    dan.connect_hub(hub_desk.hub.reviewer_login("dan"))
    claims_of_sample(dan)
    dan.mark(claims[0], "disputed")
    dan.sync_hub(accept_new_reviewers=True)
    bob.mark(claims[1], "sourced")
    bob.sync_hub()

    done = carol.sync_hub()
    assert done.unknown is not None and [c.name for c in done.unknown.cards] == ["Dan New"]
    assert done.pulled == 1 and done.held == 3  # Bob's verdict; Dan's join, article, verdict
    verdicts = carol.verdicts(carol.articles()[0].id)
    assert [v.reviewer for v in verdicts[claims[1]]] == ["Bob Ode"]
    assert claims[0] not in verdicts

    trusted = carol.sync_hub(accept_new_reviewers=True)
    assert trusted.unknown is None and trusted.pulled == 3
    assert [v.reviewer for v in carol.verdicts(carol.articles()[0].id)[claims[0]]] == \
        ["Dan New"]


def test_pages_bounded_by_bytes_still_bring_everything(hub_desk, monkeypatch):
    from claimledger.store import hub as hub_store

    bob, carol = hub_desk.bob, hub_desk.carol
    for claim in claims_of_sample(bob)[:3]:
        bob.mark(claim, "sourced")
    bob.sync_hub()
    monkeypatch.setattr(hub_store, "PAGE_BYTES", 1)  # one row a page
    done = carol.sync_hub(accept_new_reviewers=True)
    assert done.pulled == 5  # Bob's join, the article, three verdicts
    carol.sync_hub(accept_new_reviewers=True)
    bob.sync_hub(accept_new_reviewers=True)
    assert state(bob) == state(carol)
