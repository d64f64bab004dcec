"""Synchronisation of branch replicas: the hub's change log and what it received, the
replica's outbox and base, and the conflicts to review.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "sync_log",
        sa.Column("seq", SEQ, autoincrement=True, nullable=False),
        sa.Column("txid", sa.BigInteger(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_log")),
    )
    op.create_index("ix_sync_log_txid_seq", "sync_log", ["txid", "seq"], unique=False)
    op.create_table(
        "sync_received",
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_sync_received")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("seq", SEQ, autoincrement=True, nullable=False),
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("change_id", name=op.f("uq_sync_outbox_change_id")),
    )
    op.create_table(
        "sync_base",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_base")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("hub_value", sa.JSON(), nullable=True),
        sa.Column("replica_value", sa.JSON(), nullable=True),
        sa.Column("kept_value", sa.JSON(), nullable=True),
        sa.Column("hub_origin", sa.String(length=40), nullable=False),
        sa.Column("replica_origin", sa.String(length=40), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=100), nullable=False),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index("ix_sync_conflicts_open", "sync_conflicts", ["resolved_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_sync_conflicts_open", table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_table("sync_base")
    op.drop_table("sync_outbox")
    op.drop_table("sync_received")
    op.drop_index("ix_sync_log_txid_seq", table_name="sync_log")
    op.drop_table("sync_log")
