"""What a published verdict says, shared by the ClaimReview, annotation and table exports.

A claim is published with the ledger's verdict (settled consensus, else what all
reviewers agree on, else the exporting reviewer's own; see workspace.exporting) unless
its reviewers disagree and nobody settled it; `reviewer=` publishes one reviewer's own
verdicts instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.domain.status import Status
from claimledger.report.model import ReportArticle, ReportClaim

PUBLISHABLE = (Status.SOURCED, Status.DISPUTED, Status.UNVERIFIED)


@dataclass(frozen=True)
class PublishedVerdict:
    claim: ReportClaim
    status: Status
    reason: str | None
    note: str | None

    @property
    def words(self) -> str:
        """The verdict and its reason in words: "Disputed: figure contradicted"."""
        label = self.status.style.label
        return f"{label}: {self.reason}" if self.reason else label

    @property
    def anchor(self) -> str:
        """The fragment that names this claim on the review page."""
        return f"claim-{self.claim.number or self.claim.claim_id[:12]}"


def published_verdicts(article: ReportArticle, reviewer: str | None = None,
                       settled: frozenset[str] = frozenset()) -> list[PublishedVerdict]:
    """The claims of `article` with a verdict fit to publish, in reading order; `settled`
    holds the ids of claims the desk settled (their disagreement is resolved)."""
    found = []
    for claim in article.claims:
        verdict = _verdict_of(claim, reviewer, claim.claim_id in settled)
        if verdict is not None and verdict.status in PUBLISHABLE:
            found.append(verdict)
    return found


def _verdict_of(claim: ReportClaim, reviewer: str | None, settled: bool
                ) -> PublishedVerdict | None:
    if reviewer is None:
        if claim.has_disagreement and not settled:
            return None
        return PublishedVerdict(claim, claim.status, claim.reason, claim.note)
    own = next((v for v in claim.verdicts if v.reviewer == reviewer), None)
    return PublishedVerdict(claim, own.status, own.reason, own.note) if own else None


def shortened(text: str, limit: int = 200) -> str:
    """`text` on one line, cut at a word boundary with an ellipsis when over `limit`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"
