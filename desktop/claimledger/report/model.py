"""What a verification report is made of: plain, frozen dataclasses.

The workspace layer builds these from the database; the report layer only reads them.
All text fields hold raw user text (never markup): the report escapes everything itself.
Offsets (`ReportClaim.start`/`end`) are Python code-point indexes into
`ReportArticle.text`, so `article.text[claim.start:claim.end] == claim.text`.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.domain.status import Status

STANCES = ("supports", "contradicts", "context")


@dataclass(frozen=True)
class ReportSource:
    """A piece of evidence attached to a claim.

    `stance` is one of "supports", "contradicts" or "context". `url` may be any string:
    only http(s) and doi links become clickable; anything else prints as plain text.
    A stored file prints its SHA-256 and the date it was attached.
    """

    title: str
    publisher: str | None
    url: str | None
    stance: str
    excerpt: str | None
    #: What the article itself cites or whom it quotes (an accepted suggestion).
    cited_in_article: bool = False
    file_sha256: str | None = None  # a local file stored in the workspace by its hash
    attached: str | None = None  # the date it was attached (YYYY-MM-DD)


@dataclass(frozen=True)
class ReportVerdict:
    """One reviewer's verdict on a claim (used to show disagreements)."""

    reviewer: str
    status: Status
    reason: str | None
    note: str | None


@dataclass(frozen=True)
class ReportEvent:
    """One line of a claim's history, for the audit appendix. `when` is preformatted."""

    when: str
    who: str
    what: str


@dataclass(frozen=True)
class ReportClaim:
    """A statement of the article and its current (consensus) verdict.

    `kind` is "claim" for a check-worthy statement, or what the classifier called it
    otherwise ("not-a-claim", "caption", "credit", ...). `status`, `reason` and `note`
    are the verdict shown in the ledger; `verdicts` holds each reviewer's own verdict
    (two or more that differ make a disagreement). `consensus_state` is "agree",
    "disagree", "single" or None when unknown. `history` feeds the audit appendix.
    """

    claim_id: str
    start: int
    end: int
    text: str
    kind: str
    status: Status
    reason: str | None
    note: str | None
    reviewers: tuple[str, ...]
    sources: tuple[ReportSource, ...] = ()
    verdicts: tuple[ReportVerdict, ...] = ()
    consensus_state: str | None = None
    history: tuple[ReportEvent, ...] = ()
    number: str = ""  # the statement's number in the window ("12", "12a"; see numbering)

    @property
    def is_highlighted(self) -> bool:
        """Reviewed as sourced, disputed or unverified: tinted and numbered in the report."""
        return self.status.is_reviewed and self.status is not Status.NOT_A_CLAIM

    @property
    def in_ledger(self) -> bool:
        """A row of the ledger table: every claim, plus anything a reviewer looked at."""
        return self.kind == "claim" or self.status.is_reviewed

    @property
    def has_disagreement(self) -> bool:
        """Two or more reviewers gave different statuses (or consensus says so)."""
        if self.consensus_state == "disagree":
            return True
        by_reviewer = {v.reviewer: v.status for v in self.verdicts}
        return len(by_reviewer) >= 2 and len(set(by_reviewer.values())) >= 2


@dataclass(frozen=True)
class ReportArticle:
    """An article with its claims, sorted by `start`. Metadata fields may be None.

    `revision` names the revision of the story this text is ("Revision 2 of 3"), None
    for an article never revised; `revision_changes` says, one line each, what changed
    from the earlier revision and in any later one.
    """

    article_id: str
    title: str
    outlet: str | None
    author: str | None
    url: str | None
    published: str | None
    retrieved: str | None
    text: str
    claims: tuple[ReportClaim, ...]
    revision: str | None = None
    revision_changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportReviewer:
    """A reviewer named on the cover, with their key fingerprint ("SHA256:...") if known."""

    name: str
    fingerprint: str | None = None


@dataclass(frozen=True)
class Agreement:
    """An inter-reviewer agreement figure, e.g. ("Cohen's kappa, Ana / Ben", 0.71).

    `value` None prints as "not enough data".
    """

    label: str
    value: float | None


@dataclass(frozen=True)
class ReportInput:
    """Everything one export needs.

    `generated_at` is preformatted; `ledger_digest` is the short SHA-256 printed in every
    footer; `paper` is "A4" or "Letter"; `include_audit` adds the history appendix.
    """

    articles: tuple[ReportArticle, ...]
    reviewers: tuple[ReportReviewer, ...]
    generated_at: str
    desk: str | None = None
    ledger_digest: str = ""
    paper: str = "A4"
    include_audit: bool = False
    agreement: tuple[Agreement, ...] = ()

    @property
    def title(self) -> str:
        """The export's title: the single article's title, else a count of articles."""
        if len(self.articles) == 1 and self.articles[0].title:
            return self.articles[0].title
        if self.articles:
            return f"Verification report: {len(self.articles)} articles"
        return "Verification report"

    @property
    def kicker(self) -> str:
        """The line above the title, with the desk that signs the report when named."""
        return f"VERIFICATION REPORT · {self.desk.upper()}" if self.desk else \
            "VERIFICATION REPORT"

    @property
    def footer_label(self) -> str:
        return f"{self.desk} · {self.title}" if self.desk else f"Claim Ledger · {self.title}"
