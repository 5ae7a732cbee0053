"""Reviewers' pinned public keys, and settled consensus per claim.

Revision ID: 0003_reviewer_keys_consensus
Revises: 0002_sources_search
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_reviewer_keys_consensus"
down_revision = "0002_sources_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reviewer", sa.Column("public_key", sa.Text))
    op.create_table(
        "consensus",
        sa.Column("claim_id", sa.Text, sa.ForeignKey("claim.id"), primary_key=True),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("hlc", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("consensus")
    with op.batch_alter_table("reviewer") as batch:
        batch.drop_column("public_key")
