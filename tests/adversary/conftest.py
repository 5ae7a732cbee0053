"""A desk of honest reviewers (Bob writes, Carol receives) and Mallory, who attacks."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from malicious_peer import Mallory, claims_of_sample

from sync_desk import Desk


@pytest.fixture
def desk(tmp_path):
    made = Desk(tmp_path)
    yield made
    made.close()


@pytest.fixture
def scene(desk):
    """Bob has reviewed the sample and exported it; Carol has merged Bob's file and
    pinned him; Mallory has a key of her own."""
    bob, carol = desk.reviewer("Bob Ode"), desk.reviewer("Carol Lam")
    claims = claims_of_sample(bob)
    bob.mark(claims[0], "sourced", note="checked")
    bob.mark(claims[1], "disputed")
    bob_file = desk.export(bob, "bob")
    merged = carol.sync_files([bob_file], accept_new_reviewers=True)
    assert merged.files[0].new_events > 0 and not merged.failures
    return SimpleNamespace(desk=desk, bob=bob, carol=carol, claims=claims, bob_file=bob_file,
                           mallory=Mallory(), folder=desk.folder)
