"""Large files merge while their signatures are checked, in a transaction that commits
only when every check passed: a refused file must leave nothing behind."""

from __future__ import annotations

import json

import pytest

from claimledger.domain.status import Status
from claimledger.workspace import sync as sync_module
from sync_desk import claims_of_sample, state


@pytest.fixture(autouse=True)
def overlap_every_merge(monkeypatch):
    monkeypatch.setattr(sync_module, "OVERLAP_AT", 1)


def _ben_file(desk):
    ben = desk.reviewer("Ben Ode")
    claims = claims_of_sample(ben)
    for claim, status in zip(claims[:4], Status, strict=False):
        ben.mark(claim, status, note=f"checked {status.value}")
    return desk.export(ben, "ben")


def test_an_overlapped_merge_gives_the_same_workspace(desk):
    file = _ben_file(desk)
    overlapped = desk.reviewer("Ana Ruiz", db="overlapped")
    overlapped.sync_files([file], accept_new_reviewers=True)
    sync_module.OVERLAP_AT = 10**9
    plain = desk.reviewer("Ana Ruiz", db="plain")
    plain.sync_files([file], accept_new_reviewers=True)
    assert state(overlapped) == state(plain)
    assert overlapped.projections_match_log()


def test_a_tampered_file_leaves_nothing_behind(desk):
    file = _ben_file(desk)
    data = json.loads(file.read_text())
    last = data["events"][-1]
    last["payload"]["note"] = "slipped in"
    file.write_text(json.dumps(data))
    ana = desk.reviewer("Ana Ruiz")
    claims_of_sample(ana)
    before = state(ana)
    report = ana.sync_files([file], accept_new_reviewers=True)
    assert report.failures and "altered" in report.failures[0][1]
    assert state(ana) == before
    assert ana.backups() == []  # the backup taken before the overlapped merge went too
    ana.mark(ana.claims(ana.articles()[0].id)[5].id, Status.SOURCED)  # not locked out


def test_an_unaccepted_reviewer_leaves_nothing_behind(desk):
    file = _ben_file(desk)
    ana = desk.reviewer("Ana Ruiz")
    claims_of_sample(ana)
    before = state(ana)
    report = ana.sync_files([file])
    assert report.unknown and not report.files
    assert state(ana) == before
    assert ana.backups() == []
