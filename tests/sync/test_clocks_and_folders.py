"""Clocks that run ahead, and a shared folder that sync tools write conflict copies into."""

from __future__ import annotations

import time

import pytest

from claimledger.domain.clock import parse_stamp
from claimledger.domain.status import Status
from claimledger.workspace import WorkspaceError
from claimledger.workspace import sync as sync_module
from sync_desk import claims_of_sample, state

THREE_DAYS_MS = 3 * 24 * 3600 * 1000


def test_events_far_ahead_are_held_back_and_cannot_poison_later_merges(desk, monkeypatch):
    ana, ben, cy = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode"), desk.reviewer("Cy Lam")
    claims = claims_of_sample(ana)
    ben._clock.wall_ms = lambda: time.time_ns() // 1_000_000 + THREE_DAYS_MS
    claims_of_sample(ben)
    ben.mark(claims[0], Status.SOURCED)
    ben_file = desk.export(ben, "ben")
    before = state(ana)
    report = ana.sync_files([ben_file], accept_new_reviewers=True)
    assert not report.failures and report.files[0].new_events == 0
    assert any(flag.startswith("held back 3 event(s) by Ben Ode stamped up to 3 days ahead")
               for flag in report.files[0].flags)
    assert state(ana) == before  # nothing merged, and Ana's clock did not move ahead
    ana.settle(claims[0], Status.DISPUTED)
    assert parse_stamp(ana._clock.now())[0] < time.time_ns() // 1_000_000 + 60_000
    done = cy.sync_files([desk.export(ana, "ana")], accept_new_reviewers=True)
    assert not done.failures and done.files[0].new_events == len(state(ana)["events"])
    later = time.time_ns() // 1_000_000 + THREE_DAYS_MS + 60_000
    monkeypatch.setattr(sync_module, "_now_ms", lambda: later)  # the clock caught up
    again = ana.sync_files([ben_file], accept_new_reviewers=True)
    assert again.files[0].new_events == 3 and not again.files[0].flags


def test_the_folder_imports_others_files_and_conflict_copies_harmlessly(desk, tmp_path):
    shared = tmp_path / "Shared Ledgers"
    shared.mkdir()
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    claims = claims_of_sample(ana)
    claims_of_sample(ben)
    ben.mark(claims[1], Status.DISPUTED)
    ben.set_sync_folder(shared)
    ben.sync_with_folder()
    ben_file = ben.own_sync_file()
    assert ben_file.exists() and ben_file.parent == shared.resolve()
    ben.mark(claims[2], Status.SOURCED)
    copy = shared / f"{ben_file.stem}.sync-conflict-20261121-101500-ABC1234.cledger"
    copy.write_bytes(ben_file.read_bytes())
    ben.sync_with_folder()  # the real file moves on; the conflict copy is older
    ana.set_sync_folder(shared)
    done = ana.sync_with_folder(accept_new_reviewers=True)
    assert not done.report.failures and len(done.report.files) == 2
    article = ana.articles()[0].id
    verdicts = {v.reviewer: v.status for v in ana.verdicts(article).get(claims[2], [])}
    assert verdicts == {"Ben Ode": Status.SOURCED}
    assert ana.own_sync_file().exists()
    again = ana.sync_with_folder()
    assert not again.report.files  # nothing changed since: nothing imported again


def test_the_database_never_lives_in_the_shared_folder(desk):
    ana = desk.reviewer("Ana Ruiz")
    with pytest.raises(WorkspaceError, match="would corrupt it"):
        ana.set_sync_folder(desk.folder)
    assert ana.sync_folder() is None
