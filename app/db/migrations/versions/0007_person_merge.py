"""Person merge: a merged person's tombstone names the person it was merged into.

Not in batch mode: on SQLite a batch operation recreates ``persons``, and with foreign keys
enforced, dropping the old table would delete every search key (``ON DELETE CASCADE``) and
fail on the visits that point at it. A nullable column with a reference is one plain
``ALTER TABLE … ADD COLUMN`` on both engines; SQLite takes the reference inline. No trigger
is on ``persons`` (0005's are on ``audit_events``), so nothing has to be re-created.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

FOREIGN_KEY = "fk_persons_merged_into_id_persons"
INDEX = "ix_persons_merged_into_id"


def upgrade() -> None:
    on_sqlite = op.get_bind().dialect.name == "sqlite"
    column = sa.Column("merged_into_id", sa.Uuid(),
                       sa.ForeignKey("persons.id", name=FOREIGN_KEY), nullable=True)
    op.add_column("persons", column, inline_references=on_sqlite)
    op.create_index(INDEX, "persons", ["merged_into_id"], unique=False)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="persons")
    if op.get_bind().dialect.name == "sqlite":  # SQLite drops a column with an inline reference
        op.execute("ALTER TABLE persons DROP COLUMN merged_into_id")
        return
    op.drop_constraint(FOREIGN_KEY, "persons", type_="foreignkey")
    op.drop_column("persons", "merged_into_id")
