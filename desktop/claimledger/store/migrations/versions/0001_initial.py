"""Initial schema: the event log and its first projections.

Revision ID: 0001_initial
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("id", sa.Text, nullable=False, unique=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("hlc", sa.Text, nullable=False),
        sa.Column("article_id", sa.Text),
        sa.Column("claim_id", sa.Text),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("signature", sa.Text),
    )
    op.create_index("ix_event_claim", "event", ["claim_id"])
    op.create_index("ix_event_article", "event", ["article_id"])
    op.create_table(
        "reviewer",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("joined_hlc", sa.Text, nullable=False),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "article",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("outlet", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("retrieved", sa.Text, nullable=False),
        sa.Column("filename", sa.Text),
        sa.Column("encoding", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("retired", sa.Integer, nullable=False),
    )
    op.create_table(
        "claim",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("article_id", sa.Text, sa.ForeignKey("article.id"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("retired", sa.Integer, nullable=False),
        sa.UniqueConstraint("article_id", "start", "end", name="uq_claim_span"),
    )
    op.create_index("ix_claim_article_start", "claim", ["article_id", "start"])
    op.create_table(
        "verdict",
        sa.Column("claim_id", sa.Text, sa.ForeignKey("claim.id"), primary_key=True),
        sa.Column("reviewer_id", sa.Text, primary_key=True),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("hlc", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
    )
    op.create_index("ix_verdict_reviewer", "verdict", ["reviewer_id", "status"])


def downgrade() -> None:
    for name in ("verdict", "claim", "article", "setting", "reviewer", "event"):
        op.drop_table(name)
