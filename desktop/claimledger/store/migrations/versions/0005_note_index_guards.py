"""Touch the search index only when a note really changes.

A sync merges thousands of verdicts, most without a note; the 0002 triggers rewrote the
claim's index row for every one of them. Same behaviour, far less work.

Revision ID: 0005_note_index_guards
Revises: 0004_analysis
"""

from alembic import op

revision = "0005_note_index_guards"
down_revision = "0004_analysis"
branch_labels = None
depends_on = None

_REFRESH_NOTES = """
    UPDATE claim_fts SET notes = (SELECT coalesce(group_concat(note, ' '), '')
        FROM verdict WHERE claim_id = new.claim_id)
    WHERE rowid = (SELECT rowid FROM claim WHERE id = new.claim_id);
"""


def _create(guarded: bool) -> None:
    insert_when = "WHEN new.note IS NOT NULL " if guarded else ""
    update_when = "WHEN new.note IS NOT old.note " if guarded else ""
    op.execute(f"CREATE TRIGGER verdict_fts_insert AFTER INSERT ON verdict {insert_when}"
               f"BEGIN {_REFRESH_NOTES} END")
    op.execute(f"CREATE TRIGGER verdict_fts_update AFTER UPDATE OF note ON verdict "
               f"{update_when}BEGIN {_REFRESH_NOTES} END")


def upgrade() -> None:
    op.execute("DROP TRIGGER verdict_fts_insert")
    op.execute("DROP TRIGGER verdict_fts_update")
    _create(guarded=True)


def downgrade() -> None:
    op.execute("DROP TRIGGER verdict_fts_insert")
    op.execute("DROP TRIGGER verdict_fts_update")
    _create(guarded=False)
