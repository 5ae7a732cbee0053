"""Assisted review: dismissed suggestions (a projection) and the analysis caches.

claim_analysis, article_analysis, claim_match and match_token are derived data: they are
computed from the claims' text, have no foreign keys (so a rebuild of the projections is
never blocked by them) and can be thrown away at any time.

Revision ID: 0004_analysis
Revises: 0003_reviewer_keys_consensus
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_analysis"
down_revision = "0003_reviewer_keys_consensus"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dismissal",
        sa.Column("claim_id", sa.Text, sa.ForeignKey("claim.id"), primary_key=True),
        sa.Column("reviewer_id", sa.Text, primary_key=True),
        sa.Column("dismissed", sa.Integer, nullable=False),
        sa.Column("hlc", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("event_id", sa.Text, nullable=False),
    )
    op.create_table(
        "claim_analysis",
        sa.Column("claim_id", sa.Text, primary_key=True),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("suggestion", sa.Text, nullable=False),
        sa.Column("score", sa.REAL, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("numbers", sa.Text, nullable=False),
    )
    op.create_index("ix_claim_analysis_article", "claim_analysis", ["article_id"])
    op.create_table(
        "article_analysis",
        sa.Column("article_id", sa.Text, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "claim_match",
        sa.Column("claim_id", sa.Text, primary_key=True),
        sa.Column("other_claim_id", sa.Text, primary_key=True),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("other_article_id", sa.Text, nullable=False),
        sa.Column("similarity", sa.REAL, nullable=False),
        sa.Column("linked", sa.Integer, nullable=False),
    )
    op.create_index("ix_claim_match_article", "claim_match", ["article_id"])
    op.create_table(
        "match_token",
        sa.Column("token", sa.Text, primary_key=True),
        sa.Column("claim_id", sa.Text, primary_key=True),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("weight", sa.REAL, nullable=False),
    )
    op.create_index("ix_match_token_article", "match_token", ["article_id"])


def downgrade() -> None:
    for name in ("match_token", "claim_match", "article_analysis", "claim_analysis",
                 "dismissal"):
        op.drop_table(name)
