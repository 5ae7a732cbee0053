"""A ledger file from a newer app may carry event kinds this version does not know:
they are verified like any event, kept, passed on to others, and change nothing here."""

from __future__ import annotations

import json

from claimledger.domain.events import Event
from claimledger.domain.status import Status
from claimledger.exchange import keys
from sync_desk import claims_of_sample, state


def _add_future_event(ws, claim_id: str) -> str:
    """Ben's app is newer: it records a kind this version has never heard of."""
    ws.unlock()
    now = ws._clock.now()
    future = Event("7b1e4c1a-0000-4000-8000-00000000f00d", "claim.flagged", ws.reviewer_id,
                   now, {"claim": claim_id, "flag": "needs legal review"})
    with ws.db.write() as conn:
        from claimledger.store import log

        log.merge(conn, [keys.sign_event(future, ws._private_key)])
    return future.id


def test_an_unknown_kind_is_kept_relayed_and_changes_nothing(desk):
    ana, ben, cy = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode"), desk.reviewer("Cy Lam")
    claims = claims_of_sample(ben)
    ben.mark(claims[0], Status.DISPUTED)
    future_id = _add_future_event(ben, claims[0])

    claims_of_sample(ana)
    before = ana.claims(ana.articles()[0].id)
    report = ana.sync_files([desk.export(ben, "ben")], accept_new_reviewers=True)
    assert not report.failures and report.files[0].new_events > 0
    after = {c.id: c for c in ana.claims(ana.articles()[0].id)}
    assert [after[c.id].text for c in before] == [c.text for c in before]
    assert ana.projections_match_log()

    relayed = json.loads(desk.export(ana, "ana").read_text())
    assert future_id in {e["id"] for e in relayed["events"]}
    cy.sync_files([desk.folder / "ana.cledger"], accept_new_reviewers=True)
    with cy.db.read() as conn:
        kinds = {r[0] for r in conn.exec_driver_sql("SELECT kind FROM event")}
    assert "claim.flagged" in kinds
    assert state(cy)["events"] == state(ana)["events"]


def test_a_tampered_unknown_kind_is_refused_like_any_event(desk):
    ana, ben = desk.reviewer("Ana Ruiz"), desk.reviewer("Ben Ode")
    claims = claims_of_sample(ben)
    _add_future_event(ben, claims[0])
    file = desk.export(ben, "ben")
    data = json.loads(file.read_text())
    flagged = next(e for e in data["events"] if e["kind"] == "claim.flagged")
    flagged["payload"]["flag"] = "cleared"
    file.write_text(json.dumps(data))
    before = state(ana)
    report = ana.sync_files([file], accept_new_reviewers=True)
    assert report.failures and "signature" in report.failures[0][1]
    assert state(ana) == before


def test_history_names_an_unknown_kind_plainly(desk):
    ben = desk.reviewer("Ben Ode")
    claims = claims_of_sample(ben)
    _add_future_event(ben, claims[0])
    newest = ben.history(claims[0])[0]
    assert newest.what == "claim.flagged (recorded by a newer version of Claim Ledger)"
