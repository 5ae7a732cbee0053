"""Evidence sources per claim, and full-text search over statements, notes and excerpts.

The FTS5 index shares the claim table's rowid and is kept current by triggers, so every
path that changes a projection (a verb, a sync, a rebuild) updates it too.

Revision ID: 0002_sources_search
Revises: 0001_initial
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_sources_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

_TRIGGERS = [
    """CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
         INSERT INTO claim_fts (rowid, statement, notes, excerpts)
         VALUES (new.rowid, new.text, '', '');
       END""",
    """CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN
         DELETE FROM claim_fts WHERE rowid = old.rowid;
       END""",
    """CREATE TRIGGER verdict_fts_insert AFTER INSERT ON verdict BEGIN
         UPDATE claim_fts SET notes = (SELECT coalesce(group_concat(note, ' '), '')
             FROM verdict WHERE claim_id = new.claim_id)
         WHERE rowid = (SELECT rowid FROM claim WHERE id = new.claim_id);
       END""",
    """CREATE TRIGGER verdict_fts_update AFTER UPDATE OF note ON verdict BEGIN
         UPDATE claim_fts SET notes = (SELECT coalesce(group_concat(note, ' '), '')
             FROM verdict WHERE claim_id = new.claim_id)
         WHERE rowid = (SELECT rowid FROM claim WHERE id = new.claim_id);
       END""",
    """CREATE TRIGGER source_fts_insert AFTER INSERT ON source BEGIN
         UPDATE claim_fts SET excerpts = (SELECT coalesce(group_concat(
                 coalesce(title, '') || ' ' || coalesce(excerpt, ''), ' '), '')
             FROM source WHERE claim_id = new.claim_id AND retired = 0)
         WHERE rowid = (SELECT rowid FROM claim WHERE id = new.claim_id);
       END""",
    """CREATE TRIGGER source_fts_update AFTER UPDATE ON source BEGIN
         UPDATE claim_fts SET excerpts = (SELECT coalesce(group_concat(
                 coalesce(title, '') || ' ' || coalesce(excerpt, ''), ' '), '')
             FROM source WHERE claim_id = new.claim_id AND retired = 0)
         WHERE rowid = (SELECT rowid FROM claim WHERE id = new.claim_id);
       END""",
]


def upgrade() -> None:
    op.create_table(
        "source",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("claim_id", sa.Text, sa.ForeignKey("claim.id"), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("file", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("excerpt", sa.Text),
        sa.Column("stance", sa.Text, nullable=False),
        sa.Column("accessed", sa.Text),
        sa.Column("archived_url", sa.Text),
        sa.Column("retired", sa.Integer, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("hlc", sa.Text, nullable=False),
    )
    op.create_index("ix_source_claim", "source", ["claim_id"])
    op.execute(
        "CREATE VIRTUAL TABLE claim_fts USING fts5("
        "statement, notes, excerpts, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute("INSERT INTO claim_fts (rowid, statement, notes, excerpts) "
               "SELECT rowid, text, '', '' FROM claim")
    op.execute("UPDATE claim_fts SET notes = coalesce((SELECT group_concat(v.note, ' ') "
               "FROM verdict v JOIN claim c ON c.id = v.claim_id "
               "WHERE c.rowid = claim_fts.rowid), '')")
    for trigger in _TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    for name in ("claim_fts_insert", "claim_fts_delete", "verdict_fts_insert",
                 "verdict_fts_update", "source_fts_insert", "source_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS claim_fts")
    op.drop_table("source")
