"""Consensus and agreement across reviewers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from itertools import combinations

from claimledger.domain import events as ev
from claimledger.domain.agreement import cohen_kappa, krippendorff_alpha_nominal
from claimledger.domain.consensus import consensus
from claimledger.domain.records import Changes, Kind, Verdict
from claimledger.domain.status import Status
from claimledger.store import changed, queries
from claimledger.workspace.base import display_names
from claimledger.workspace.errors import WorkspaceError
from claimledger.workspace.reviewing import ReviewVerbs
from claimledger.workspace.undo import UndoStep


@dataclass(frozen=True, slots=True)
class ReviewerVerdict:
    reviewer_id: str
    reviewer: str
    status: Status
    reason: str | None
    note: str | None
    #: Why this reviewer's view here may be out of date (a file held more of their
    #: events than this workspace has), or None.
    incomplete: str | None = None

    def as_json(self) -> dict:
        return {"reviewer": self.reviewer, "reviewer_id": self.reviewer_id,
                "status": self.status.value, "reason": self.reason, "note": self.note,
                "incomplete": self.incomplete}


@dataclass(frozen=True, slots=True)
class Consensus:
    """The desk's view of a claim: `state` is how the reviewers' verdicts relate (agree,
    disagree, single, none); `status` is the agreed or settled one; a settled claim
    also carries who settled it and why."""

    status: Status | None
    state: str
    settled_by: str | None = None
    reason: str | None = None
    note: str | None = None

    def as_json(self) -> dict:
        return {"status": self.status.value if self.status else None, "state": self.state,
                "settled_by": self.settled_by, "reason": self.reason, "note": self.note}


@dataclass(frozen=True, slots=True)
class PairAgreement:
    first: str
    second: str
    claims: int
    kappa: float | None


@dataclass(frozen=True)
class AgreementReport:
    scope: str
    pairs: list[PairAgreement]
    alpha: float | None
    claims: int

    def as_json(self) -> dict:
        return {"scope": self.scope, "alpha": self.alpha, "claims": self.claims,
                "pairs": [asdict(p) for p in self.pairs]}


def named_verdicts(rows: list, names: dict[str, str]) -> list[ReviewerVerdict]:
    """(reviewer id, Verdict) rows as ReviewerVerdicts, with the reviewers' names."""
    return [ReviewerVerdict(rid, names.get(rid, "unknown reviewer"), *_fields(v))
            for rid, v in rows]


def consensus_from(found: dict[str, list], settled: dict[str, tuple]) -> dict[str, Consensus]:
    """Per claim: the settled verdict if a person settled it, else what the reviewers'
    statuses add up to (from `verdicts_of_*` and `consensus_of_*` rows)."""
    result = {}
    for claim_id in set(found) | set(settled):
        status, state = consensus(v.status for _, v in found.get(claim_id, []))
        if claim_id in settled and settled[claim_id][0] != Status.UNREVIEWED.value:
            status_value, reason, note, by = settled[claim_id]
            result[claim_id] = Consensus(Status(status_value), state, by, reason, note)
        else:
            result[claim_id] = Consensus(status, state)
    return result


class ConsensusVerbs(ReviewVerbs):
    def verdicts(self, article_id: str) -> dict[str, list[ReviewerVerdict]]:
        """Every reviewer's verdict per claim of the article."""
        with self.db.read() as conn:
            names = display_names(conn)
            found = queries.verdicts_of_article(conn, article_id)
        return {cid: named_verdicts(rows, names) for cid, rows in found.items()}

    def claim_verdicts(self, claim_id: str) -> list[ReviewerVerdict]:
        """Every reviewer's verdict on one claim (read by that claim's rows only)."""
        with self.db.read() as conn:
            names = display_names(conn)
            rows = changed.verdicts_of_claims(conn, [claim_id]).get(claim_id, [])
        lacking = self.incomplete_views()
        return [replace(v, incomplete=lacking.get(v.reviewer_id))
                for v in named_verdicts(rows, names)]

    def consensus(self, article_id: str) -> dict[str, Consensus]:
        with self.db.read() as conn:
            settled = queries.consensus_of_article(conn, article_id)
            found = queries.verdicts_of_article(conn, article_id)
        return consensus_from(found, settled)

    def settle(self, claim_id: str, status: Status | str, reason: str | None = None,
               note: str | None = None) -> Changes:
        """Record the desk's consensus verdict on a claim (an event of its own)."""
        status = Status.parse(status) if isinstance(status, str) else status
        with self.db.read() as conn:
            span = queries.claim_span(conn, claim_id)
            if span is None or span[3]:
                raise WorkspaceError(f"No live claim with id {claim_id}.")
            before = queries.consensus_of_article(conn, span[0]).get(claim_id)
        after = self._validated(Verdict(status, reason, note))
        payload = {"claim": claim_id, "status": after.status.value, "reason": after.reason,
                   "note": after.note}
        undo = {"claim": claim_id, "status": before[0] if before else "unreviewed",
                "reason": before[1] if before else None, "note": before[2] if before else None}
        event = self._event(ev.CONSENSUS_SET, payload)
        with self.db.write() as conn:
            self._append(conn, [event])
        changes = Changes.of("Settle consensus", Kind.CONSENSUS, articles={span[0]},
                             claims={claim_id})
        return self._record(UndoStep("Settle consensus", changes, [(ev.CONSENSUS_SET, undo)],
                                     [(ev.CONSENSUS_SET, payload)], event.id))

    def agreement(self, article_id: str | None = None) -> AgreementReport:
        """Cohen's kappa per pair of reviewers and Krippendorff's alpha over all."""
        with self.db.read() as conn:
            rows = queries.all_reviewed_verdicts(conn, article_id)
            names = display_names(conn)
        by_claim: dict[str, dict[str, str]] = defaultdict(dict)
        for _, claim_id, reviewer_id, status in rows:
            by_claim[claim_id][reviewer_id] = status
        reviewers = sorted({r for ratings in by_claim.values() for r in ratings},
                           key=lambda r: names.get(r, r))
        pairs = []
        for a, b in combinations(reviewers, 2):
            both = [(r[a], r[b]) for r in by_claim.values() if a in r and b in r]
            kappa = cohen_kappa([x for x, _ in both], [y for _, y in both]) if both else None
            pairs.append(PairAgreement(names.get(a, a), names.get(b, b), len(both), kappa))
        units = [list(r.values()) for r in by_claim.values() if len(r) >= 2]
        alpha = krippendorff_alpha_nominal(units) if units else None
        return AgreementReport(article_id or "workspace", pairs, alpha, len(units))


def _fields(verdict: Verdict) -> tuple:
    return verdict.status, verdict.reason, verdict.note
