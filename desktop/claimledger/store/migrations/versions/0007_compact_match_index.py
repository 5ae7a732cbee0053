"""A match index that stays small and bounded: integer tokens and claim keys in a table
WITHOUT ROWID, article frequencies kept per token.

match_token held each posting as text (token, 24-character claim and article ids, a
weight nothing read) in a rowid table with two indexes: about 140 bytes a posting, half
of a large workspace. match_posting holds two integers. The analysis tables are derived
data, so they are recreated empty and every article is analysed again when next shown
(or by the background catch-up).

Revision ID: 0007_compact_match_index
Revises: 0005_note_index_guards
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_compact_match_index"
down_revision = "0005_note_index_guards"
branch_labels = None
depends_on = None


def _drop_analysis() -> None:
    op.execute("DELETE FROM claim_match")
    op.execute("DELETE FROM setting WHERE key = 'analysis.generation'")
    op.drop_table("claim_analysis")
    op.drop_table("article_analysis")


def upgrade() -> None:
    _drop_analysis()
    op.drop_table("match_token")
    op.create_table(
        "claim_analysis",
        sa.Column("key", sa.Integer, primary_key=True),
        sa.Column("claim_id", sa.Text, nullable=False, unique=True),
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
        sa.Column("tokens", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "match_posting",
        sa.Column("token", sa.Integer, primary_key=True),
        sa.Column("claim", sa.Integer, primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "match_frequency",
        sa.Column("token", sa.Integer, primary_key=True),
        sa.Column("articles", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    _drop_analysis()
    op.drop_table("match_posting")
    op.drop_table("match_frequency")
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
        "match_token",
        sa.Column("token", sa.Text, primary_key=True),
        sa.Column("claim_id", sa.Text, primary_key=True),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("weight", sa.REAL, nullable=False),
    )
    op.create_index("ix_match_token_article", "match_token", ["article_id"])
