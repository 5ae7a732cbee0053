"""Merging is a union of signed events, so it is commutative, associative and idempotent;
every import order gives the same workspace."""

from __future__ import annotations

import random
from itertools import permutations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.domain.status import Status
from claimledger.exchange.ledgerfile import read_ledger_file
from sync_desk import Desk, claims_of_sample, state

STATUSES = [s for s in Status]
ops = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 7), st.sampled_from(STATUSES),
                         st.sampled_from([None, "Note A", "Note & <b>"])),
               min_size=1, max_size=10)


def _arrived(merged: dict, files) -> None:
    """Every event of every file is in the merged workspace (a no-op merge fails here)."""
    wanted = {e.id for f in files for e in read_ledger_file(f).events}
    assert wanted and wanted <= set(merged["events"])


def _three_ledgers(desk, script):
    names = ["Ana Ruiz", "Ben Ode", "Cy Lam"]
    reviewers = [desk.reviewer(n) for n in names]
    claims = [claims_of_sample(ws) for ws in reviewers][0]
    for who, which, status, note in script:
        reviewers[who].mark(claims[which], status, note=note)
    return [desk.export(ws, f"file-{i}") for i, ws in enumerate(reviewers)]


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=ops)
def test_every_import_order_gives_the_same_workspace(tmp_path_factory, script):

    desk = Desk(tmp_path_factory.mktemp("desk"))
    try:
        files = _three_ledgers(desk, script)
        results = []
        for order in list(permutations(files))[:4]:
            observer = desk.reviewer("Observer", db=f"obs-{len(results)}")
            for file in order:
                observer.sync_files([file], accept_new_reviewers=True)
            results.append(state(observer))
        assert all(r == results[0] for r in results)
        _arrived(results[0], files)
        together = desk.reviewer("Observer", db="together")
        together.sync_files(files, accept_new_reviewers=True)
        assert state(together) == results[0]
    finally:
        desk.close()


def test_reimporting_a_file_changes_nothing(desk):
    files = _three_ledgers(desk, [(0, 1, Status.SOURCED, "n"), (1, 1, Status.DISPUTED, None)])
    observer = desk.reviewer("Observer")
    observer.sync_files(files, accept_new_reviewers=True)
    once = state(observer)
    _arrived(once, files)
    report = observer.sync_files(files)
    assert report.new_events == 0 and not report.failures
    assert state(observer) == once


def test_import_of_an_export_equals_the_original(desk):
    ana = desk.reviewer("Ana Ruiz")
    claims = claims_of_sample(ana)
    ana.mark(claims[0], Status.DISPUTED, reason="Outdated figure", note="2024 data")
    ana.add_source(claims[0], url="https://data.example.org/grain", stance="contradicts")
    ana.add_claim(ana.articles()[0].id, 0, 12)
    file = desk.export(ana, "ana")
    copy = desk.reviewer("Ana Ruiz", db="copy")  # same identity, fresh workspace
    copy.sync_files([file], accept_new_reviewers=True)
    _arrived(state(copy), [file])
    assert state(copy) == state(ana)
    assert copy.projections_match_log()


def test_merge_is_associative_and_idempotent(desk):
    files = _three_ledgers(desk, [(0, 0, Status.SOURCED, None), (1, 0, Status.UNVERIFIED, "x"),
                                  (2, 3, Status.NOT_A_CLAIM, None), (0, 0, Status.DISPUTED, None)])
    left = desk.reviewer("Observer", db="left")
    left.sync_files(files[:2], accept_new_reviewers=True)
    left_file = desk.export(left, "left")
    grouped_left = desk.reviewer("Observer", db="grouped-left")
    grouped_left.sync_files([left_file, files[2]], accept_new_reviewers=True)
    right = desk.reviewer("Observer", db="right")
    right.sync_files(files[1:], accept_new_reviewers=True)
    grouped_right = desk.reviewer("Observer", db="grouped-right")
    grouped_right.sync_files([files[0], desk.export(right, "right")], accept_new_reviewers=True)
    assert state(grouped_left) == state(grouped_right)
    _arrived(state(grouped_left), files)
    grouped_right.sync_files(files + [left_file], accept_new_reviewers=True)
    assert state(grouped_left) == state(grouped_right)


def test_the_same_article_imported_twice_merges_the_same_in_any_order(desk):
    """Two reviewers import one text from differently named files: which import's
    metadata the article keeps must not depend on the order the files arrive in."""
    from sync_desk import SAMPLE

    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    ana.import_files([SAMPLE])
    renamed = desk.folder / "wire-copy.txt"
    renamed.write_bytes(SAMPLE.read_bytes())
    ben.import_files([renamed])
    files = [desk.export(ana, "ana"), desk.export(ben, "ben")]
    forward, backward = desk.reviewer("Observer", db="fwd"), desk.reviewer("Observer", db="bwd")
    for file in files:
        forward.sync_files([file], accept_new_reviewers=True)
    for file in reversed(files):
        backward.sync_files([file], accept_new_reviewers=True)
    assert state(forward) == state(backward)
    _arrived(state(forward), files)
    assert forward.projections_match_log()


def test_five_reviewers_relaying_files_in_random_orders_converge(desk):
    """Each round a random reviewer exports and random others merge it (so files carry
    relayed work); after everyone has merged everyone's latest file, all agree."""
    rng = random.Random(11)
    names = ["Ana Ruiz", "Ben Ode", "Cy Lam", "Dee Ito", "Eli Sol"]
    reviewers = [desk.reviewer(n) for n in names]
    claims = [claims_of_sample(ws) for ws in reviewers][0]
    for round_ in range(12):
        author = rng.choice(reviewers)
        author.mark(rng.choice(claims), rng.choice(STATUSES), note=f"round {round_}")
        file = desk.export(author, f"round-{round_}")
        for other in rng.sample([r for r in reviewers if r is not author], 2):
            report = other.sync_files([file], accept_new_reviewers=True)
            assert not report.failures and not report.unknown
    for _ in range(2):  # twice around, so relays reach everyone
        latest = [desk.export(ws, f"final-{i}") for i, ws in enumerate(reviewers)]
        for ws in reviewers:
            order = latest[:]
            rng.shuffle(order)
            report = ws.sync_files(order, accept_new_reviewers=True)
            assert not report.failures and not report.unknown
    states = [state(ws) for ws in reviewers]
    assert all(s == states[0] for s in states)
    _arrived(states[0], latest)
    assert all(ws.projections_match_log() for ws in reviewers)
