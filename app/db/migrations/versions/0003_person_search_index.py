"""Person search index: one row of keys per person, indexed by each engine's full-text index
(SQLite FTS5, PostgreSQL GIN over a tsvector); replaces the key-per-row table of 0002.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 21:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Names as in app/search/index.py (FTS_TABLE, GIN_INDEX); written out so that this
# migration keeps its meaning when that module changes.
FTS_TABLE = "person_search_index"
GIN_INDEX = "person_search_index_keys"


def upgrade() -> None:
    with op.batch_alter_table("person_search_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_search_keys_person_id"))
    op.drop_table("person_search_keys")
    op.create_table(
        "person_search_keys",
        sa.Column("row", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("keys", sa.Text(), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_person_search_keys_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("row", name=op.f("pk_person_search_keys")),
        sa.UniqueConstraint("person_id", name=op.f("uq_person_search_keys_person_id")),
    )
    _create_engine_index()
    _build_index_for_stored_persons()


def _create_engine_index() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # detail=none: no positions (no phrase search needed); prefix: ready-made lists for
        # the short prefixes typed first (kind letter + 1 to 5 letters).
        op.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(keys, "
                   "content='person_search_keys', content_rowid='row', detail=none, "
                   "columnsize=0, tokenize='ascii', prefix='2 3 4 5 6')")
    else:
        # fastupdate=off: a save updates the index at once instead of queueing it in a
        # pending list that every search would have to read until the next vacuum.
        op.execute(f"CREATE INDEX {GIN_INDEX} ON person_search_keys "
                   "USING gin (to_tsvector('simple', keys)) WITH (fastupdate = off)")


def _build_index_for_stored_persons() -> None:
    # Uses the key functions of this release; a later change of the keys comes with its own
    # migration that rebuilds the index.
    from app.search.index import rebuild_all_keys

    rebuild_all_keys(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TABLE {FTS_TABLE}")
    op.drop_table("person_search_keys")
    # The keys of 0002 are left empty: only the release that wrote them can rebuild them.
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
