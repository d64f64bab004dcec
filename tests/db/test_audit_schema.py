"""The database itself keeps the audit log append-only (migration 0005) on both engines – and
the triggers that do it survive the upgrade to head (an SQLite batch migration of
audit_events would drop them: it must create them again)."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from app.db.engine import build_engine, unit_of_work
from app.db.schema import alembic_config
from app.security.audit import AuditAction, record
from app.services.database import Database

TRIGGERS = {"sqlite": {"audit_events_no_update", "audit_events_no_delete"},
            "postgresql": {"audit_events_append_only"}}


def triggers(engine: Engine) -> set[str]:
    query = ("SELECT name FROM sqlite_master WHERE type = 'trigger' "
             "AND tbl_name = 'audit_events'" if engine.dialect.name == "sqlite" else
             "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass "
             "AND NOT tgisinternal")
    with engine.connect() as connection:
        return set(connection.scalars(text(query)))


def test_the_append_only_triggers_exist_at_head(database: Database) -> None:
    assert triggers(database.engine) == TRIGGERS[database.engine.dialect.name]


@pytest.mark.parametrize("statement", [
    "UPDATE audit_events SET details = '{}'",
    "UPDATE audit_events SET username = 'niemand' WHERE seq = 1",
    "DELETE FROM audit_events WHERE seq = 1",
    "DELETE FROM audit_events",
])
def test_the_database_refuses_to_change_or_delete_entries(database: Database,
                                                          statement: str) -> None:
    with unit_of_work(database.sessions) as session:
        record(session, AuditAction.SIGN_IN, username="empfang", details={"a": 1})
    with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as connection:
        connection.execute(text(statement))
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT username FROM audit_events")).all()
    assert [row.username for row in rows] == ["empfang"]


def test_downgrade_removes_and_upgrade_restores_the_triggers(database: Database) -> None:
    url = database.settings.database_url
    database.close()
    engine = build_engine(url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0004")
    assert triggers(engine) == set()
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    assert triggers(engine) == TRIGGERS[engine.dialect.name]
    engine.dispose()
