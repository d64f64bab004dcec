"""Audit log append-only: the chain's sequence number, and triggers that refuse UPDATE and
DELETE of audit entries on both engines.

Any later batch migration of ``audit_events`` on SQLite recreates the table and so drops
these triggers: it must create them again (``create_append_only_triggers``);
tests/db/test_audit_schema.py checks that they exist at head.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

MESSAGE = "audit_events is append-only"
SQLITE_TRIGGERS = {
    "audit_events_no_update": "BEFORE UPDATE",
    "audit_events_no_delete": "BEFORE DELETE",
}


def upgrade() -> None:
    # Lotse wrote no audit entries before this revision; entries left by a downgrade of a
    # later database get their sequence back in the order they were written.
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
    op.execute("""
        UPDATE audit_events SET seq = (
            SELECT numbered.position FROM (
                SELECT id, ROW_NUMBER() OVER (ORDER BY occurred_at, id) AS position
                FROM audit_events) AS numbered
            WHERE numbered.id = audit_events.id)""")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_audit_events_seq"), ["seq"])
    create_append_only_triggers()


def downgrade() -> None:
    drop_append_only_triggers()
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_audit_events_seq"), type_="unique")
        batch_op.drop_column("seq")


def create_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION audit_events_append_only() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
            END $$""")
        op.execute("""
            CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
            ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()""")
        return
    for name, timing in SQLITE_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {timing} ON audit_events "
                   f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def drop_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION audit_events_append_only()")
        return
    for name in SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
