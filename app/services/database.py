"""Opening the database the settings name: check it, upgrade it, hand out sessions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.db.connect import check_connection
from app.db.engine import build_engine, mask, session_factory
from app.db.schema import SchemaState, SchemaStatus, inspect_schema, require_current, upgrade
from app.sync.capture import install as capture_changes


@dataclass
class Database:
    """An open, schema-checked database and where the program runs."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    status: SchemaStatus

    @property
    def display_url(self) -> str:
        return mask(self.engine.url)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def open_database(settings: Settings, *, upgrade_schema: bool = True) -> Database:
    """Open the configured database. With ``upgrade_schema`` an older schema is brought up
    to date (the app does this before its first window); a newer, foreign or damaged
    database raises DatabaseError and is left untouched."""
    # Read-only first: a foreign, damaged or newer database is refused before anything writes.
    found = inspect_schema(settings.database_url)
    engine = build_engine(settings.database_url)
    try:
        check_connection(engine)
        status = upgrade(engine, found) if upgrade_schema else require_current(engine, found)
    except Exception:
        engine.dispose()
        raise
    sessions = session_factory(engine)
    if status.state is SchemaState.CURRENT:  # an older schema has no change log to fill
        capture_changes(sessions)
    return Database(settings, engine, sessions, status)
