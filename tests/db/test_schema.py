"""The schema on both engines: upgrade from empty, models match the migrations, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from app.config import Settings
from app.db.base import Base
from app.db.schema import SchemaState, head_revision, inspect_schema
from app.errors import DatabaseError
from app.search.index import is_engine_index
from app.services.database import Database, open_database


def test_upgrade_creates_current_schema(database: Database) -> None:
    assert database.status.state is SchemaState.CURRENT
    assert inspect_schema(database.settings.database_url).revision == head_revision()


def test_models_and_migrations_agree(database: Database) -> None:
    """Except the engine's own search index structures, which no model describes."""
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_name": lambda name, _type, _parent: not is_engine_index(name)})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_twice_changes_nothing(database: Database) -> None:
    again = open_database(database.settings)
    assert again.status.state is SchemaState.CURRENT
    again.close()


def _stamp_future_revision(url: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()


def test_newer_schema_is_refused_and_left_alone(database: Database) -> None:
    url = database.settings.database_url
    database.close()
    _stamp_future_revision(url)
    with pytest.raises(DatabaseError) as raised:
        open_database(Settings(database_url=url))
    assert "9999_future" in raised.value.message
    assert "neueste Version" in raised.value.hint
    assert inspect_schema(url).revision == "9999_future"  # not touched
    assert inspect_schema(url).state is SchemaState.NEWER


def test_foreign_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="gehört nicht zu Lotse"):
        open_database(Settings(database_url=f"sqlite:///{path}"))
    assert path.read_bytes() == before


def test_damaged_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="keine SQLite-Datenbank"):
        open_database(Settings(database_url=f"sqlite:///{path}"))
    assert path.read_bytes() == before


def test_truncated_sqlite_file_is_refused_unchanged(tmp_path: Path, sqlite_url: str) -> None:
    open_database(Settings(database_url=sqlite_url)).close()
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    damaged = path.read_bytes()[:100] + b"\x00" * 3000
    path.write_bytes(damaged)
    with pytest.raises(DatabaseError, match="beschädigt"):
        open_database(Settings(database_url=sqlite_url))
    assert path.read_bytes() == damaged


@pytest.mark.postgres
def test_foreign_postgres_database_is_refused(pg_url: str) -> None:
    engine = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer primary key)"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="gehört nicht zu Lotse"):
        open_database(Settings(database_url=pg_url))


def test_failed_upgrade_leaves_nothing_behind(database_url: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import app.db.schema as schema

    def fail(*_args: object) -> None:
        raise RuntimeError("power cut in the middle of the upgrade")

    monkeypatch.setattr(schema, "_record_program", fail)  # runs after every table exists
    with pytest.raises(RuntimeError):
        open_database(Settings(database_url=database_url))
    assert inspect_schema(database_url).state is SchemaState.EMPTY
