"""Every key a reviewer has signed with, for key rotation.

A reviewer may move to a new key by a `reviewer.key_rotated` event signed with the old
one; each of their events is then checked with the key they held at its clock. The
key each reviewer joined with is the first row.

Revision ID: 0008_reviewer_keys
Revises: 0007_compact_match_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_reviewer_keys"
down_revision = "0007_compact_match_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reviewer_key",
        sa.Column("reviewer_id", sa.Text, primary_key=True),
        sa.Column("from_hlc", sa.Text, primary_key=True),
        sa.Column("public_key", sa.Text, nullable=False),
    )
    op.execute("INSERT INTO reviewer_key (reviewer_id, from_hlc, public_key) "
               "SELECT id, '', public_key FROM reviewer WHERE public_key IS NOT NULL")


def downgrade() -> None:
    op.drop_table("reviewer_key")
