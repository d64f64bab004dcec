"""Person search keys: one row per name key, built for the persons already stored.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 18:51:23.627682
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_search_keys",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_person_search_keys_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "person_id", name=op.f("pk_person_search_keys")),
    )
    with op.batch_alter_table("person_search_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_search_keys_person_id"), ["person_id"], unique=False
        )
    _build_keys_for_stored_persons()


def _build_keys_for_stored_persons() -> None:
    # Uses the key functions of this release; a later change of the key scheme comes with
    # its own migration that rebuilds the table.
    from app.search.index import rebuild_all_keys

    rebuild_all_keys(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("person_search_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_search_keys_person_id"))

    op.drop_table("person_search_keys")
