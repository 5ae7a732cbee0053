"""Consensus across reviewers (DESIGN §3): all who reviewed agree -> that status;
otherwise a disagreement for a person to settle."""

from __future__ import annotations

from collections.abc import Iterable

from claimledger.domain.status import Status

NONE, SINGLE, AGREE, DISAGREE = "none", "single", "agree", "disagree"


def consensus(statuses: Iterable[Status]) -> tuple[Status | None, str]:
    """(status or None, state) over the reviewed statuses of one claim."""
    reviewed = [s for s in statuses if s.is_reviewed]
    if not reviewed:
        return None, NONE
    distinct = set(reviewed)
    if len(distinct) > 1:
        return None, DISAGREE
    return reviewed[0], SINGLE if len(reviewed) == 1 else AGREE
