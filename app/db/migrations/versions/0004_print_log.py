"""Print log: who printed (the account name, also without a users row), through which
channel (print or PDF), in which letter language; print events found by visit (route sheets).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 23:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Server defaults fill the rows printed before this revision; the program always writes
    # the values itself.
    with op.batch_alter_table("print_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("username", sa.String(length=100), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("channel", sa.String(length=10), nullable=False,
                                      server_default="print"))
        batch_op.add_column(sa.Column("language", sa.String(length=10), nullable=False,
                                      server_default="de"))
        batch_op.create_index(batch_op.f("ix_print_events_visit_id"), ["visit_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_events_visit_id"))
        batch_op.drop_column("language")
        batch_op.drop_column("channel")
        batch_op.drop_column("username")
