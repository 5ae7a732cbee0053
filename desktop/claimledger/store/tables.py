"""Table definitions. `event` is the source of truth; the rest are projections of it.

Bulk writes and hot reads go through SQLAlchemy Core on these tables' `__table__`
(sqlmodel's ORM path measured ~55x slower than sqlite3 for bulk inserts).
"""

from __future__ import annotations

from sqlalchemy import (
    REAL,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel


class EventRow(SQLModel, table=True):
    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_claim", "claim_id"),
        Index("ix_event_article", "article_id"),
    )
    seq: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    id: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    kind: str = Field(sa_column=Column(Text, nullable=False))
    author: str = Field(sa_column=Column(Text, nullable=False))
    hlc: str = Field(sa_column=Column(Text, nullable=False))
    article_id: str | None = Field(default=None, sa_column=Column(Text))
    claim_id: str | None = Field(default=None, sa_column=Column(Text))
    payload: str = Field(sa_column=Column(Text, nullable=False))
    signature: str | None = Field(default=None, sa_column=Column(Text))


class ReviewerRow(SQLModel, table=True):
    __tablename__ = "reviewer"
    id: str = Field(sa_column=Column(Text, primary_key=True))
    name: str = Field(sa_column=Column(Text, nullable=False))
    joined_hlc: str = Field(sa_column=Column(Text, nullable=False))
    public_key: str | None = Field(default=None, sa_column=Column(Text))


class ReviewerKeyRow(SQLModel, table=True):
    """Every key a reviewer has signed with: the one they joined with (from_hlc "") and
    each one a key rotation moved them to, from that rotation's clock on."""

    __tablename__ = "reviewer_key"
    reviewer_id: str = Field(sa_column=Column(Text, primary_key=True))
    from_hlc: str = Field(sa_column=Column(Text, primary_key=True))
    public_key: str = Field(sa_column=Column(Text, nullable=False))


class SettingRow(SQLModel, table=True):
    """Local, per-workspace settings; not a projection, never synced."""

    __tablename__ = "setting"
    key: str = Field(sa_column=Column(Text, primary_key=True))
    value: str = Field(sa_column=Column(Text, nullable=False))


class ArticleRow(SQLModel, table=True):
    __tablename__ = "article"
    id: str = Field(sa_column=Column(Text, primary_key=True))
    title: str = Field(sa_column=Column(Text, nullable=False))
    outlet: str | None = Field(default=None, sa_column=Column(Text))
    author: str | None = Field(default=None, sa_column=Column(Text))
    url: str | None = Field(default=None, sa_column=Column(Text))
    published: str | None = Field(default=None, sa_column=Column(Text))
    retrieved: str = Field(sa_column=Column(Text, nullable=False))
    filename: str | None = Field(default=None, sa_column=Column(Text))
    encoding: str | None = Field(default=None, sa_column=Column(Text))
    text: str = Field(sa_column=Column(Text, nullable=False))
    retired: int = Field(default=0, sa_column=Column(Integer, nullable=False, default=0))


class ClaimRow(SQLModel, table=True):
    __tablename__ = "claim"
    __table_args__ = (
        Index("ix_claim_article_start", "article_id", "start"),
        UniqueConstraint("article_id", "start", "end", name="uq_claim_span"),
    )
    id: str = Field(sa_column=Column(Text, primary_key=True))
    article_id: str = Field(sa_column=Column(Text, ForeignKey("article.id"), nullable=False))
    start: int = Field(sa_column=Column(Integer, nullable=False))
    end: int = Field(sa_column=Column(Integer, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(sa_column=Column(Text, nullable=False))
    role: str = Field(sa_column=Column(Text, nullable=False))
    origin: str = Field(sa_column=Column(Text, nullable=False))
    retired: int = Field(default=0, sa_column=Column(Integer, nullable=False, default=0))


class VerdictRow(SQLModel, table=True):
    __tablename__ = "verdict"
    __table_args__ = (Index("ix_verdict_reviewer", "reviewer_id", "status"),)
    claim_id: str = Field(sa_column=Column(Text, ForeignKey("claim.id"), primary_key=True))
    reviewer_id: str = Field(sa_column=Column(Text, primary_key=True))
    status: str = Field(sa_column=Column(Text, nullable=False))
    reason: str | None = Field(default=None, sa_column=Column(Text))
    note: str | None = Field(default=None, sa_column=Column(Text))
    event_id: str = Field(sa_column=Column(Text, nullable=False))
    hlc: str = Field(sa_column=Column(Text, nullable=False))
    author: str = Field(sa_column=Column(Text, nullable=False))


class SourceRow(SQLModel, table=True):
    """A piece of evidence attached to a claim; `author` is the reviewer who added it."""

    __tablename__ = "source"
    __table_args__ = (Index("ix_source_claim", "claim_id"),)
    id: str = Field(sa_column=Column(Text, primary_key=True))
    claim_id: str = Field(sa_column=Column(Text, ForeignKey("claim.id"), nullable=False))
    kind: str = Field(sa_column=Column(Text, nullable=False))
    url: str | None = Field(default=None, sa_column=Column(Text))
    file: str | None = Field(default=None, sa_column=Column(Text))
    title: str | None = Field(default=None, sa_column=Column(Text))
    publisher: str | None = Field(default=None, sa_column=Column(Text))
    excerpt: str | None = Field(default=None, sa_column=Column(Text))
    stance: str = Field(sa_column=Column(Text, nullable=False))
    accessed: str | None = Field(default=None, sa_column=Column(Text))
    archived_url: str | None = Field(default=None, sa_column=Column(Text))
    retired: int = Field(default=0, sa_column=Column(Integer, nullable=False, default=0))
    author: str = Field(sa_column=Column(Text, nullable=False))
    hlc: str = Field(sa_column=Column(Text, nullable=False))


class ConsensusRow(SQLModel, table=True):
    """A settled disagreement: the last consensus.set per claim wins, whoever wrote it."""

    __tablename__ = "consensus"
    claim_id: str = Field(sa_column=Column(Text, ForeignKey("claim.id"), primary_key=True))
    status: str = Field(sa_column=Column(Text, nullable=False))
    reason: str | None = Field(default=None, sa_column=Column(Text))
    note: str | None = Field(default=None, sa_column=Column(Text))
    event_id: str = Field(sa_column=Column(Text, nullable=False))
    hlc: str = Field(sa_column=Column(Text, nullable=False))
    author: str = Field(sa_column=Column(Text, nullable=False))


class DismissalRow(SQLModel, table=True):
    """A reviewer dismissed (or took back dismissing) the suggestion on a claim; the last
    suggestion.dismissed event wins per (claim, reviewer), as for verdicts."""

    __tablename__ = "dismissal"
    claim_id: str = Field(sa_column=Column(Text, ForeignKey("claim.id"), primary_key=True))
    reviewer_id: str = Field(sa_column=Column(Text, primary_key=True))
    dismissed: int = Field(sa_column=Column(Integer, nullable=False))
    hlc: str = Field(sa_column=Column(Text, nullable=False))
    author: str = Field(sa_column=Column(Text, nullable=False))
    event_id: str = Field(sa_column=Column(Text, nullable=False))


# --- derived data: analysis caches, rebuilt from the claims at will (not projections) ---


class ClaimAnalysisRow(SQLModel, table=True):
    """Suggestion, check-worthiness and figures of one claim (JSON), as the rules of
    article_analysis.version computed them. ``key`` is the claim in match_posting: an
    article's claims get consecutive keys, so "not this article" is a range."""

    __tablename__ = "claim_analysis"
    __table_args__ = (Index("ix_claim_analysis_article", "article_id"),)
    key: int = Field(sa_column=Column(Integer, primary_key=True))
    claim_id: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    article_id: str = Field(sa_column=Column(Text, nullable=False))
    suggestion: str = Field(sa_column=Column(Text, nullable=False))
    score: float = Field(sa_column=Column(REAL, nullable=False))
    reasons: str = Field(sa_column=Column(Text, nullable=False))
    numbers: str = Field(sa_column=Column(Text, nullable=False))


class ArticleAnalysisRow(SQLModel, table=True):
    """Which articles are analysed, with which version of the rules; ``tokens`` are the
    article's distinct index tokens (packed 32-bit keys), to take its postings out."""

    __tablename__ = "article_analysis"
    article_id: str = Field(sa_column=Column(Text, primary_key=True))
    version: int = Field(sa_column=Column(Integer, nullable=False))
    tokens: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class ClaimMatchRow(SQLModel, table=True):
    """The same claim in another article; every match is stored both ways."""

    __tablename__ = "claim_match"
    __table_args__ = (Index("ix_claim_match_article", "article_id"),)
    claim_id: str = Field(sa_column=Column(Text, primary_key=True))
    other_claim_id: str = Field(sa_column=Column(Text, primary_key=True))
    article_id: str = Field(sa_column=Column(Text, nullable=False))
    other_article_id: str = Field(sa_column=Column(Text, nullable=False))
    similarity: float = Field(sa_column=Column(REAL, nullable=False))
    linked: int = Field(sa_column=Column(Integer, nullable=False))


class MatchPostingRow(SQLModel, table=True):
    """The inverted index of claim matching: a token (text.matching.token_key) and the
    key of a claim that has it (claim_analysis.key). Some tokens name a group of figures
    that could clash (text.matching.clash_keys). Integers in a table WITHOUT ROWID: the
    primary key is the whole row and the look-up by token, newest claims last."""

    __tablename__ = "match_posting"
    __table_args__ = {"sqlite_with_rowid": False}
    token: int = Field(sa_column=Column(Integer, primary_key=True))
    claim: int = Field(sa_column=Column(Integer, primary_key=True))


class MatchFrequencyRow(SQLModel, table=True):
    """How many analysed articles carry each index token (for the document-frequency
    cut-off of matching, read without counting postings)."""

    __tablename__ = "match_frequency"
    token: int = Field(sa_column=Column(Integer, primary_key=True))
    articles: int = Field(sa_column=Column(Integer, nullable=False))


event_t = EventRow.__table__
reviewer_t = ReviewerRow.__table__
reviewer_key_t = ReviewerKeyRow.__table__
article_t = ArticleRow.__table__
claim_t = ClaimRow.__table__
verdict_t = VerdictRow.__table__
setting_t = SettingRow.__table__
source_t = SourceRow.__table__
consensus_t = ConsensusRow.__table__
dismissal_t = DismissalRow.__table__
claim_analysis_t = ClaimAnalysisRow.__table__
article_analysis_t = ArticleAnalysisRow.__table__
claim_match_t = ClaimMatchRow.__table__
match_posting_t = MatchPostingRow.__table__
match_frequency_t = MatchFrequencyRow.__table__

PROJECTIONS = (reviewer_t, reviewer_key_t, article_t, claim_t, verdict_t, source_t,
               consensus_t, dismissal_t)
