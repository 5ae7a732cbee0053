"""Clocks that run ahead, and a shared folder that sync tools write conflict copies into."""

from __future__ import annotations

import time

import pytest
from sync_desk import claims_of_sample

from claimledger.domain.clock import parse_stamp
from claimledger.domain.status import Status
from claimledger.workspace import WorkspaceError

THREE_DAYS_MS = 3 * 24 * 3600 * 1000


def test_a_clock_far_ahead_is_accepted_flagged_and_cannot_win_forever(desk):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    claims = claims_of_sample(ana)
    claims_of_sample(ben)
    ben._clock.wall_ms = lambda: time.time_ns() // 1_000_000 + THREE_DAYS_MS
    ben.mark(claims[0], Status.SOURCED)
    ben.settle(claims[0], Status.SOURCED)
    report = ana.sync_files([desk.export(ben, "ben")], accept_new_reviewers=True)
    assert report.files[0].new_events > 0
    assert any("Ben Ode" in flag and "3 days ahead" in flag for flag in report.files[0].flags)
    ana.settle(claims[0], Status.DISPUTED)  # made now, yet ordered after Ben's stamp
    article = ana.articles()[0].id
    assert ana.consensus(article)[claims[0]].status is Status.DISPUTED
    with ana.db.read() as conn:
        stamps = [r[0] for r in conn.exec_driver_sql(
            "SELECT hlc FROM event WHERE kind = 'consensus.set' ORDER BY hlc")]
    assert parse_stamp(stamps[-1]) > parse_stamp(stamps[0])


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
