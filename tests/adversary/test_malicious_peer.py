"""Mallory, a peer with a real key, sends validly signed but malicious ledger files.

Each case: the file is refused (or its events held) in one line that names the file, the
event's position and id, its author and the rule; Carol's and Bob's workspaces are
exactly as they were; and Bob's genuine work still merges afterwards.
"""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from malicious_peer import Mallory, cards_of, claims_of_sample, events_of, state

from claimledger.domain import events as ev
from claimledger.domain.ids import article_id_for, claim_id_for
from claimledger.exchange import keys
from claimledger.exchange.ledgerfile import read_ledger_file


def refused(scene, path, *expected: str) -> str:
    """Carol syncs `path` (accepting new reviewers) and it is refused whole."""
    carol_before, bob_before = state(scene.carol), state(scene.bob)
    report = scene.carol.sync_files([path], accept_new_reviewers=True)
    assert not report.files and not report.unknown
    [(failed, message)] = report.failures
    assert failed == path and "\n" not in message
    assert message.startswith(f"{path.name}: "), message
    for part in expected:
        assert part in message, message
    assert state(scene.carol) == carol_before and state(scene.bob) == bob_before
    return message


def genuine_work_still_merges(scene) -> None:
    """Bob marks one more claim and exports; Carol gets it, with his verdict."""
    scene.bob.mark(scene.claims[2], "unverified", reason="Claimed without evidence")
    report = scene.carol.sync_files([scene.desk.export(scene.bob, "bob-later")])
    assert not report.failures and report.files[0].new_events == 1
    article = scene.carol.articles()[0].id
    verdicts = {v.reviewer: v.status.value for v in
                scene.carol.verdicts(article)[scene.claims[2]]}
    assert verdicts == {"Bob Ode": "unverified"}
    assert scene.carol.projections_match_log()


def _first(events, kind):
    return next(e for e in events if e.kind == kind)


# -- 1. squatting, replays and altered copies -------------------------------------------


def test_an_event_under_an_id_already_here_is_refused(scene):
    """Mallory signs her own verdict under the id of Bob's, which Carol holds."""
    bob_verdict = _first(events_of(scene.bob_file), ev.VERDICT_SET)
    m = scene.mallory
    squat = m.verdict(scene.claims[0], event_id=bob_verdict.id)
    path = m.write(scene.folder / "squat.cledger", [m.joined(), squat])
    refused(scene, path, "event 2 ", f"id {bob_verdict.id}", "by 'Mallory'",
            "already here with other content (here by 'Bob Ode', in the file by 'Mallory')")
    genuine_work_still_merges(scene)


def test_a_squatted_future_id_cannot_hide_bobs_event(scene):
    """Mallory squats the id of an event Bob has not sent yet (she saw it elsewhere):
    her copy is refused, and Bob's arrives intact."""
    scene.bob.mark(scene.claims[3], "sourced")
    later = scene.desk.export(scene.bob, "bob-next")
    bob_new = [e for e in events_of(later) if e.id not in {x.id for x in
                                                           events_of(scene.bob_file)}]
    m = scene.mallory
    path = m.write(scene.folder / "squat.cledger",
                   [m.joined(), m.verdict(scene.claims[3], event_id=bob_new[0].id)])
    refused(scene, path, "its id is not the hash of its content")
    report = scene.carol.sync_files([later])
    assert report.files[0].new_events == 1


def test_an_altered_copy_of_a_known_event_is_refused_naming_both_authors(scene):
    """A replay of Bob's event with Mallory as its author, signed by her, under Bob's id:
    Carol, who holds the original, says so instead of '0 new events'."""
    original = _first(events_of(scene.bob_file), ev.VERDICT_SET)
    m = scene.mallory
    replay = m.sign(original.kind, {**original.payload, "status": "disputed"},
                    hlc=original.hlc, event_id=original.id)
    path = m.write(scene.folder / "replay.cledger", [m.joined(), replay])
    refused(scene, path, f"event 2 (id {original.id}", "already here with other content",
            "here by 'Bob Ode'", "in the file by 'Mallory'")
    genuine_work_still_merges(scene)


def test_a_relayed_file_with_one_changed_note_is_refused(scene):
    events = events_of(scene.bob_file)
    index = next(i for i, e in enumerate(events) if e.kind == ev.VERDICT_SET)
    events[index] = dataclasses.replace(events[index],
                                        payload={**events[index].payload, "note": "forged"})
    path = scene.mallory.write(scene.folder / "relay.cledger", events,
                               cards=cards_of(scene.bob_file))
    refused(scene, path, f"event {index + 1} ", "by 'Bob Ode'", "already here with other "
            "content")


def test_a_legacy_id_already_here_with_other_bytes_is_refused(scene):
    """Old (format 1) events have random ids; a copy under the same id with other bytes
    is refused whole, naming both authors."""
    m = scene.mallory
    legacy_id = str(uuid.uuid4())
    first = m.verdict(scene.claims[0], event_id=legacy_id)
    merged = scene.carol.sync_files([m.write(scene.folder / "m1.cledger", [m.joined(), first])],
                                    accept_new_reviewers=True)
    assert merged.files[0].new_events == 2
    other = Mallory("Mel")
    second = other.verdict(scene.claims[0], "sourced", event_id=legacy_id)
    path = other.write(scene.folder / "m2.cledger", [other.joined(), second])
    refused(scene, path, "already here with other content", "here by 'Mallory'",
            "in the file by 'Mel'")


# -- 2. forged article text ------------------------------------------------------------


def test_an_article_whose_id_is_not_the_hash_of_its_text_is_refused(scene):
    bob_import = _first(events_of(scene.bob_file), ev.ARTICLE_IMPORTED)
    forged = {**bob_import.payload, "text": bob_import.payload["text"].replace("grain", "gold")}
    m = scene.mallory
    path = m.write(scene.folder / "forged.cledger",
                   [m.joined(), m.sign(ev.ARTICLE_IMPORTED, forged)])
    refused(scene, path, "event 2 ", "by 'Mallory'",
            f"its article id {bob_import.payload['article']} is not the hash of its text")
    genuine_work_still_merges(scene)


def test_an_article_with_text_that_is_not_normalised_is_refused(scene):
    text = "Headline\r\n\r\nThe council spent 4 million.  "
    m = scene.mallory
    payload = {"article": article_id_for(text), "text": text, "statements": [[0, 8, "claim",
                                                                             "headline"]]}
    path = m.write(scene.folder / "raw.cledger", [m.joined(), m.sign(ev.ARTICLE_IMPORTED,
                                                                      payload)])
    refused(scene, path, "its text is not normalised")


# -- 3. payloads validated like local input ----------------------------------------------


@pytest.mark.parametrize(("payload", "rule"), [
    ({"status": "certainly-true"}, "its status 'certainly-true' is not one of unreviewed"),
    ({"note": "x" * 20_001}, "its note has 20,001 characters; at most 20,000 are allowed"),
    ({"reason": "r" * 201}, "its reason has 201 characters; at most 200 are allowed"),
    ({"status": "unreviewed", "reason": "Outdated"}, "an unreviewed statement takes no reason"),
    ({"claim": None}, "its claim is not text"),
    ({"claim": "f" * 24}, "its claim ffffffffffffffffffffffff is neither here nor in the file"),
    ({"colour": "red"}, "it has an unknown field 'colour'"),
])
def test_a_verdict_breaking_a_verb_rule_is_refused(scene, payload, rule):
    m = scene.mallory
    bad = m.sign(ev.VERDICT_SET, {"claim": scene.claims[0], "status": "disputed",
                                  "reason": None, "note": None, **payload})
    path = m.write(scene.folder / "bad.cledger", [m.joined(), bad])
    refused(scene, path, f"event 2 (id {bad.id}, verdict.set) by 'Mallory': {rule}")


def test_a_verdict_without_a_claim_field_is_refused_in_words(scene):
    m = scene.mallory
    bad = m.sign(ev.VERDICT_SET, {"status": "sourced"})
    path = m.write(scene.folder / "bad.cledger", [m.joined(), bad])
    refused(scene, path, "it has no 'claim' field")
    genuine_work_still_merges(scene)


def test_a_fifty_megabyte_note_is_refused(scene):
    m = scene.mallory
    path = m.write(scene.folder / "huge.cledger",
                   [m.joined(), m.verdict(scene.claims[0], note="n" * 50_000_000)])
    refused(scene, path, "its note has 50,000,000 characters; at most 20,000 are allowed")


def test_a_claim_with_offsets_outside_its_article_is_refused(scene):
    article = scene.carol.articles()[0].id
    m = scene.mallory
    payload = {"article": article, "claim": "c" * 24, "start": 10, "end": 10**6}
    path = m.write(scene.folder / "offsets.cledger",
                   [m.joined(), m.sign(ev.CLAIM_CREATED, payload)])
    refused(scene, path, "its offsets 10-1000000 are outside the article")


def test_a_source_with_a_script_link_is_refused(scene):
    m = scene.mallory
    payload = {"claim": scene.claims[0], "source": "s" * 24, "url": "javascript:alert(1)",
               "kind": "web", "stance": "supports"}
    path = m.write(scene.folder / "link.cledger", [m.joined(), m.sign(ev.SOURCE_ADDED, payload)])
    refused(scene, path, "its url: Links must be http, https or doi")


def test_references_may_arrive_in_the_same_file(scene):
    """A claim made in the file and a verdict on it (listed before it) merge together."""
    article = scene.carol.articles()[0].id
    claim = claim_id_for(article, 0, 5)
    m = scene.mallory
    made = m.sign(ev.CLAIM_CREATED, {"article": article, "claim": claim, "start": 0, "end": 5,
                                      "kind": "claim", "role": "body", "origin": "manual"})
    path = m.write(scene.folder / "ok.cledger", [m.verdict(claim), made, m.joined()])
    report = scene.carol.sync_files([path], accept_new_reviewers=True)
    assert not report.failures and report.files[0].new_events == 3


# -- 4. a reviewer is one key ------------------------------------------------------------


def test_an_author_without_a_reviewer_joined_is_refused(scene):
    m = scene.mallory
    path = m.write(scene.folder / "nojoin.cledger", [m.verdict(scene.claims[0])])
    refused(scene, path, "event 1 ", "by 'Mallory'", "its author is not known here and the "
            "file does not carry their reviewer.joined event")
    genuine_work_still_merges(scene)


def test_a_second_key_for_bobs_reviewer_id_is_refused_with_both_fingerprints(scene):
    bob_id = scene.bob.identity.id
    m = Mallory("Bob Ode", reviewer_id=bob_id)
    path = m.write(scene.folder / "bob-again.cledger",
                   [m.joined(), m.verdict(scene.claims[0])])
    refused(scene, path, f"reviewer 'Bob Ode' (id {bob_id}) now presents a different key "
            f"({keys.fingerprint(m.public)}) than the one pinned here "
            f"({keys.fingerprint(scene.bob.identity.public_key)})")
    genuine_work_still_merges(scene)
    assert scene.carol.export_ledger(scene.folder / "carol.cledger").events > 0


def test_a_join_announcing_another_key_than_the_card_is_refused(scene):
    """The reviewer.joined key check: remove it and this file merges."""
    m = scene.mallory
    other = keys.public_key_b64(keys.generate_private_key())
    path = m.write(scene.folder / "join.cledger",
                   [m.joined(public_key=other), m.verdict(scene.claims[0])])
    refused(scene, path, "event 1 ", "reviewer.joined) by 'Mallory'",
            f"it announces the key {keys.fingerprint(other)}, not the key of the file's card "
            f"({keys.fingerprint(m.public)})")


# -- 5. names ---------------------------------------------------------------------------


def test_a_join_under_another_name_than_the_prompt_shows_is_refused(scene):
    m = scene.mallory
    path = m.write(scene.folder / "names.cledger",
                   [m.joined(name="Carol Lam"), m.verdict(scene.claims[0])])
    refused(scene, path, "it joins as 'Carol Lam', but the file's card (what you are asked "
            "to trust) says 'Mallory'")


def test_a_new_reviewer_taking_a_pinned_name_is_flagged_in_the_prompt(scene):
    m = Mallory("Bob Ode")
    path = m.write(scene.folder / "bob2.cledger", [m.joined(), m.verdict(scene.claims[0])])
    before = state(scene.carol)
    report = scene.carol.sync_files([path])
    [waiting] = report.unknown
    assert waiting.clashes and str(waiting).count("\n") == 0
    assert (f"Bob Ode ({keys.fingerprint(m.public)}) has the same name as another reviewer "
            f"({keys.fingerprint(scene.bob.identity.public_key)})") in str(waiting)
    assert state(scene.carol) == before
    accepted = scene.carol.sync_files([path], accept_new_reviewers=True)
    assert any("has the same name as another reviewer" in f for f in accepted.files[0].flags)
    article = scene.carol.articles()[0].id
    shown = sorted(v.reviewer for v in scene.carol.verdicts(article)[scene.claims[0]])
    assert shown == sorted([f"Bob Ode ({keys.fingerprint(scene.bob.identity.public_key)[:15]}…)",
                            f"Bob Ode ({keys.fingerprint(m.public)[:15]}…)"])

    # Carol names the newcomer herself: both then show plainly, each as Carol knows them,
    # and nothing of it leaves her workspace.
    newcomer = scene.carol.resolve_reviewer(keys.fingerprint(m.public)[:20])
    scene.carol.rename_reviewer(newcomer, "Bob Ode (the other one)")
    shown = sorted(v.reviewer for v in scene.carol.verdicts(article)[scene.claims[0]])
    assert shown == ["Bob Ode", "Bob Ode (the other one)"]
    people = {r.id: r for r in scene.carol.reviewers_here()}
    assert people[newcomer].signed_name == "Bob Ode"
    assert people[newcomer].local_name == "Bob Ode (the other one)"
    assert scene.carol.projections_match_log()  # a local name is no event
    carol_file = scene.desk.export(scene.carol, "carol")
    assert "the other one" not in carol_file.read_text(encoding="utf-8")
    scene.carol.rename_reviewer(newcomer, None)
    shown = sorted(v.reviewer for v in scene.carol.verdicts(article)[scene.claims[0]])
    assert shown[0].startswith("Bob Ode (SHA256:")


# -- 6. clocks --------------------------------------------------------------------------


def test_an_event_at_the_clocks_maximum_is_held_and_poisons_nothing(scene):
    m = scene.mallory
    path = m.write(scene.folder / "future.cledger",
                   [m.joined(), m.verdict(scene.claims[0], hlc="999999999999999.999999")])
    before = state(scene.carol)
    report = scene.carol.sync_files([path], accept_new_reviewers=True)
    assert not report.failures
    [done] = report.files
    assert done.new_events == 1  # Mallory's card; her far-future verdict is held
    assert any(f.startswith("held back 1 event(s) by Mallory stamped up to 31,6")
               and "years ahead of this computer's clock: not merged" in f for f in done.flags)
    assert state(scene.carol)["tables"]["verdict"] == before["tables"]["verdict"]
    scene.carol.mark(scene.claims[4], "sourced")
    bob = scene.bob.sync_files([scene.desk.export(scene.carol, "carol")],
                               accept_new_reviewers=True)
    assert not bob.failures and bob.files[0].new_events > 0
    genuine_work_still_merges(scene)


# -- 7. omissions -----------------------------------------------------------------------


def test_a_file_cut_short_of_what_its_cards_state_is_refused(scene):
    text = scene.bob_file.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    verdict_line = next(i for i, line in enumerate(lines) if '"verdict.set"' in line)
    del lines[verdict_line]
    path = scene.folder / "cut.cledger"
    path.write_text("".join(lines), encoding="utf-8")
    refused(scene, path, "reviewer 1 (Bob Ode) is said to have", "the file was cut or altered")


def test_a_part_of_bobs_work_is_merged_and_said_to_be_incomplete(desk):
    bob, dan = desk.reviewer("Bob Ode"), desk.reviewer("Dan Ito")
    claims = claims_of_sample(bob)
    bob.mark(claims[0], "sourced")
    full = events_of(desk.export(bob, "bob"))
    bob.mark(claims[0], "disputed")
    latest = desk.export(bob, "bob-latest")
    fresh = [e for e in events_of(latest) if e.id not in {x.id for x in full}]
    assert len(fresh) == 1
    relay = Mallory("Relay")
    chains = read_ledger_file(latest).chains
    path = relay.write(desk.folder / "part.cledger", full, cards=cards_of(latest),
                       chains={a: dataclasses.replace(c, events=len(full)) for a, c in
                               chains.items()})
    report = dan.sync_files([path], accept_new_reviewers=True)
    [done] = report.files
    assert done.new_events == len(full)
    assert any(f.startswith("Bob Ode's view here is incomplete") for f in done.flags), done
    # the receiver keeps knowing it, where Bob's verdicts are shown, until they arrive
    bob_id = bob.identity.id
    people = {r.id: r for r in dan.reviewers_here()}
    held = len(full) + 1
    assert people[bob_id].incomplete == (
        f"{len(full):,} of their {held:,} events are here (part.cledger held {held:,}); "
        "their latest verdicts may not show yet")
    [shown] = [v for v in dan.claim_verdicts(claims[0]) if v.reviewer_id == bob_id]
    assert shown.status.value == "sourced" and shown.incomplete == people[bob_id].incomplete
    caught_up = dan.sync_files([latest])
    assert caught_up.files[0].new_events == 1 and not caught_up.files[0].flags
    assert {r.id: r for r in dan.reviewers_here()}[bob_id].incomplete is None
    [shown] = [v for v in dan.claim_verdicts(claims[0]) if v.reviewer_id == bob_id]
    assert shown.status.value == "disputed" and shown.incomplete is None
