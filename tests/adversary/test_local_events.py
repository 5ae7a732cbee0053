"""The validator guards local events too: whatever reaches the log through a verb's
internals obeys the same rules a received event must (the verbs check first)."""

from __future__ import annotations

import pytest
from malicious_peer import claims_of_sample, state

from claimledger.domain import events as ev
from claimledger.workspace import WorkspaceError


@pytest.mark.parametrize(("kind", "payload", "rule"), [
    (ev.VERDICT_SET, {"status": "certainly-true"}, "its status 'certainly-true' is not one of"),
    (ev.VERDICT_SET, {"note": "n" * 20_001}, "its note has 20,001 characters"),
    (ev.CLAIM_RETIRED, {"claim": "f" * 24}, "its claim ffffffffffffffffffffffff is neither "
                                            "here nor in the file"),
])
def test_a_local_event_breaking_a_rule_is_refused_and_changes_nothing(desk, kind, payload,
                                                                      rule):
    ws = desk.reviewer("Ana Ruiz")
    claims = claims_of_sample(ws)
    before = state(ws)
    base = {"claim": claims[0], "status": "sourced", "reason": None, "note": None} \
        if kind == ev.VERDICT_SET else {"claim": claims[0], "retired": True}
    event = ws._event(kind, {**base, **payload})
    with pytest.raises(WorkspaceError) as raised:
        with ws.db.write() as conn:
            ws._append(conn, [event])
    assert str(raised.value).startswith(f"This change was refused ({kind}: {rule}")
    assert state(ws) == before


def test_the_verbs_own_events_pass_the_validator(desk):
    ws = desk.reviewer("Ana Ruiz")
    claims = claims_of_sample(ws)
    ws.mark(claims[0], "disputed", reason="Outdated figure", note="2024 data")
    ws.add_source(claims[0], url="https://data.example.org/x", stance="contradicts")
    claim_id, _ = ws.add_claim(ws.articles()[0].id, 0, 12)
    ws.retire_claim(claim_id)
    ws.undo()
    ws.settle(claims[0], "disputed")
    ws.edit_article(ws.articles()[0].id, title="New title")
    assert ws.projections_match_log()
