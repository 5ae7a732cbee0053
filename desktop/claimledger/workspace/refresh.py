"""What the window needs after a verb, read in the verb's own worker: exactly the rows
its `Changes` name, so the GUI thread applies them without touching the disk.

The cost follows the change, not the workspace: a mark reads one claim, its consensus and
its suggestion state. Only a change of shape reads the open article again, and only a
change to the set of articles (an import, a retire, a merge) reads the whole library.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimledger.domain.records import (
    ArticleDetail,
    ArticleSummary,
    Changes,
    ClaimView,
    Kind,
)
from claimledger.store import changed, revisions
from claimledger.workspace.base import WorkspaceBase, display_names
from claimledger.workspace.consensus import (
    Consensus,
    ReviewerVerdict,
    consensus_from,
    named_verdicts,
)
from claimledger.workspace.revisions import ChangedWording


@dataclass(frozen=True)
class OpenLedger:
    """Everything the window shows of one article's ledger, read together on a worker:
    its statements with their numbers, the consensus and every reviewer's verdicts, and
    (when it is being opened) the article itself."""

    article_id: str
    claims: list[ClaimView]
    numbers: dict[str, str]
    consensus: dict[str, Consensus]
    verdicts: dict[str, list[ReviewerVerdict]]
    detail: ArticleDetail | None = None
    #: The statements whose words changed since this reviewer's verdict (a revision).
    wording: ChangedWording | None = None


@dataclass(frozen=True)
class ChangedViews:
    """The fresh rows for one `Changes`. A claim id in `claims` mapped to None is gone
    (retired or merged away); `ledger` is the open article's whole ledger, read only
    when its shape changed; `library` the whole library, read only when articles came or
    went."""

    changes: Changes
    claims: dict[str, ClaimView | None] = field(default_factory=dict)
    consensus: dict[str, Consensus] = field(default_factory=dict)
    verdicts: dict[str, list[ReviewerVerdict]] = field(default_factory=dict)
    suggestion_states: dict[str, tuple[bool, bool]] = field(default_factory=dict)
    #: This reviewer's verdict clock per changed claim (confirms a changed wording).
    verdict_clocks: dict[str, str] = field(default_factory=dict)
    summaries: dict[str, ArticleSummary | None] = field(default_factory=dict)
    ledger: OpenLedger | None = None
    library: list[ArticleSummary] | None = None


class RefreshVerbs(WorkspaceBase):
    def open_ledger(self, article_id: str, with_article: bool = True) -> OpenLedger:
        """The article's ledger as the window opens it (NotFound if it is gone)."""
        detail = self.article(article_id) if with_article else None
        return OpenLedger(article_id, self.claims(article_id),
                          self.statement_numbers(article_id),
                          self.consensus(article_id), self.verdicts(article_id), detail,
                          self.changed_wording(article_id))

    def changed_views(self, changes: Changes, open_article: str | None) -> ChangedViews:
        """The rows `changes` touched, as the window shows them; `open_article` is the
        article whose ledger is on screen."""
        if changes.empty:
            return ChangedViews(changes)
        everything = Kind.EVERYTHING in changes.kinds
        reshaped = open_article is not None and changes.touches(Kind.SHAPE) and (
            everything or open_article in changes.articles)
        ledger = self.open_ledger(open_article, with_article=False) if reshaped else None
        with self.db.read() as conn:
            claims = changed.claims_by_id(conn, changes.claims, self.reviewer_id)
            ids = list(changes.claims)
            settled = changed.settled_of_claims(conn, ids)
            verdicts = changed.verdicts_of_claims(conn, ids)
            names = display_names(conn) if verdicts else {}
            states = changed.suggestion_states(conn, ids, self.reviewer_id)
            clocks = revisions.verdict_clocks(conn, ids, self.reviewer_id) \
                if changes.touches(Kind.VERDICTS) else {}
            # the open article's row is counted from its open ledger by the window
            rows = {} if everything else {
                a: changed.article_summary(conn, a, self.reviewer_id)
                for a in changes.articles if changes.library and a != open_article}
        library = self.articles() if everything or Kind.ARTICLES in changes.kinds else None
        return ChangedViews(
            changes,
            claims={c: claims.get(c) for c in changes.claims},
            consensus=consensus_from(verdicts, settled),
            verdicts={c: named_verdicts(verdicts.get(c, []), names) for c in changes.claims},
            suggestion_states=states,
            verdict_clocks=clocks,
            summaries=rows,
            ledger=ledger,
            library=library,
        )
