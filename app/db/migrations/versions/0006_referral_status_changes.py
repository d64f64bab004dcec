"""Referral lifecycle: every status change of a referral with its reason, who and when.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "referral_status_changes",
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=False),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.Uuid(), nullable=True),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("workstation", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["changed_by"], ["users.id"],
                                name=op.f("fk_referral_status_changes_changed_by_users")),
        sa.ForeignKeyConstraint(["referral_id"], ["referrals.id"],
                                name=op.f("fk_referral_status_changes_referral_id_referrals")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_status_changes")),
    )
    with op.batch_alter_table("referral_status_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_status_changes_referral_id"),
                              ["referral_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_status_changes_to_status"),
                              ["to_status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("referral_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_status_changes_to_status"))
        batch_op.drop_index(batch_op.f("ix_referral_status_changes_referral_id"))
    op.drop_table("referral_status_changes")
