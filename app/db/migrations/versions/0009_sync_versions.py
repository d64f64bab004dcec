"""Synchronisation by row version: the hub's log names each row's version after the change,
and a replica's base the hub version it holds, so an entry written by a transaction that
started earlier but committed later can never overwrite a newer state, and a replica skips
the rows it pushed itself when they come back unchanged.

Plain ``ADD COLUMN`` of nullable columns on both engines; no trigger is on these tables.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sync_log", sa.Column("row_version", sa.Integer(), nullable=True))
    op.add_column("sync_base", sa.Column("hub_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("sync_base", "hub_version")
    op.drop_column("sync_log", "row_version")
