"""Two and three reviewers exchange ledger files: verdicts merge, nothing is lost."""

from __future__ import annotations

import json

import pytest

from claimledger.domain.status import Status
from claimledger.workspace import UnknownReviewers
from sync_desk import claims_of_sample, state


def test_each_reviewer_sees_the_others_verdict_and_disagreements(desk):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    claims = claims_of_sample(ana)
    assert claims_of_sample(ben) == claims  # same text, same ids on both laptops
    ana.mark(claims[0], Status.SOURCED)
    ana.mark(claims[1], Status.DISPUTED, reason="Contradicted by data")
    ben.mark(claims[0], Status.SOURCED)
    ben.mark(claims[1], Status.UNVERIFIED, reason="Claimed without evidence")

    ana.sync_files([desk.export(ben, "ben")], accept_new_reviewers=True)
    ben.sync_files([desk.export(ana, "ana")], accept_new_reviewers=True)

    for ws in (ana, ben):
        article = ws.articles()[0].id
        agreed = ws.consensus(article)
        assert agreed[claims[0]].state == "agree" and agreed[claims[0]].status is Status.SOURCED
        assert agreed[claims[1]].state == "disagree" and agreed[claims[1]].status is None
        verdicts = {v.reviewer: v.status for v in ws.verdicts(article)[claims[1]]}
        assert verdicts == {"Ana Ruiz": Status.DISPUTED, "Ben Ode": Status.UNVERIFIED}
    assert ana.claim(claims[1]).status is Status.DISPUTED  # Ben never overwrote Ana
    assert state(ana) == state(ben)


def test_settling_a_disagreement_is_an_event_that_travels(desk):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    claims = claims_of_sample(ana)
    claims_of_sample(ben)
    ana.mark(claims[2], Status.DISPUTED)
    ben.mark(claims[2], Status.SOURCED)
    ana.sync_files([desk.export(ben, "ben")], accept_new_reviewers=True)
    ana.settle(claims[2], Status.DISPUTED, note="Port authority data contradicts it")
    ben.sync_files([desk.export(ana, "ana")], accept_new_reviewers=True)
    settled = ben.consensus(ben.articles()[0].id)[claims[2]]
    assert settled.status is Status.DISPUTED and settled.settled_by == "Ana Ruiz"


def test_an_unknown_reviewer_is_refused_until_accepted_then_pinned(desk):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    claims = claims_of_sample(ben)
    ben.mark(claims[0], Status.SOURCED)
    file = desk.export(ben, "ben")
    before = state(ana)
    report = ana.sync_files([file])
    assert not report.files and not report.failures
    waiting = report.unknown[0]
    assert [c.name for c in waiting.cards] == ["Ben Ode"]
    assert "Ben Ode" in str(waiting) and "SHA256:" in str(waiting)
    assert state(ana) == before
    assert ana.sync_files([file], accept_new_reviewers=True).new_events > 0
    again = ana.sync_files([file])  # now pinned: no question asked, nothing new
    assert again.files[0].new_events == 0 and not again.failures


def test_a_file_relayed_through_a_third_reviewer_still_verifies(desk):
    ana, ben, cy = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode"), desk.reviewer("Cy Lam")
    claims = claims_of_sample(ana)
    ana.mark(claims[0], Status.UNVERIFIED, reason="Declined to comment")
    ben.sync_files([desk.export(ana, "ana")], accept_new_reviewers=True)
    cy.sync_files([desk.export(ben, "ben-relay")], accept_new_reviewers=True)
    verdicts = cy.verdicts(cy.articles()[0].id)[claims[0]]
    assert [(v.reviewer, v.status) for v in verdicts] == [("Ana Ruiz", Status.UNVERIFIED)]


def test_a_changed_key_for_a_known_reviewer_is_refused_loudly(desk, tmp_path):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    claims = claims_of_sample(ben)
    ben.mark(claims[0], Status.SOURCED)
    ana.sync_files([desk.export(ben, "ben")], accept_new_reviewers=True)
    impostor = desk.reviewer("Ben Ode", db="impostor", config="impostor")  # another key
    claims_of_sample(impostor)
    impostor.mark(claims[1], Status.DISPUTED)
    data = json.loads(desk.export(impostor, "impostor").read_text())
    impostor_file = desk.folder / "impostor.cledger"
    real_ben = ben.identity.id
    data["reviewers"][0]["id"] = real_ben  # claims to be Ben, with another key
    for event in data["events"]:
        event["author"] = real_ben
    impostor_file.write_text(json.dumps(data))
    before = state(ana)
    report = ana.sync_files([impostor_file], accept_new_reviewers=True)
    assert "different key" in report.failures[0][1]
    assert state(ana) == before


@pytest.mark.parametrize("tamper", ["signature", "payload", "author"])
def test_tampered_events_refuse_the_whole_file(desk, tamper):
    ana, ben, cy = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode"), desk.reviewer("Cy Lam")
    claims = claims_of_sample(ben)
    claims_of_sample(cy)
    ben.mark(claims[0], Status.SOURCED)
    cy.mark(claims[1], Status.DISPUTED)
    ben.sync_files([desk.export(cy, "cy")], accept_new_reviewers=True)
    file = desk.export(ben, "both")
    data = json.loads(file.read_text())
    verdicts = [e for e in data["events"] if e["kind"] == "verdict.set"]
    victim = verdicts[0]
    if tamper == "signature":
        sig = victim["signature"]
        victim["signature"] = ("A" if sig[0] != "A" else "B") + sig[1:]
    elif tamper == "payload":
        victim["payload"]["status"] = "disputed" if victim["payload"]["status"] != "disputed" \
            else "sourced"
    else:
        other = next(e["author"] for e in verdicts if e["author"] != victim["author"])
        victim["author"] = other
    file.write_text(json.dumps(data))
    before = state(ana)
    report = ana.sync_files([file], accept_new_reviewers=True)
    assert report.failures and "both.cledger" in report.failures[0][1]
    assert state(ana) == before


def test_unknown_reviewers_error_names_them_with_fingerprints(desk):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    claims = claims_of_sample(ben)
    ben.mark(claims[0], Status.SOURCED)
    try:
        ana._sync_one(desk.export(ben, "ben"), False, None)
    except UnknownReviewers as error:
        assert [c.name for c in error.cards] == ["Ben Ode"]
    else:
        pytest.fail("an unknown reviewer was merged without being accepted")
