"""The search index on both engines: made by migration 0003, rebuilt for stored persons,
kept in step on every save through the services."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from app.config import Settings
from app.db.base import Base
from app.db.engine import unit_of_work
from app.db.schema import alembic_config
from app.search import find_persons
from app.search.index import FTS_TABLE, is_engine_index
from app.services.database import Database, open_database
from app.services.person_input import validate
from app.services.persons import register_person, update_person
from tests.actors import desk

SITE = Settings(office="NE", workstation=1, user="test")
FAMILY = [
    {"family_name": "Al-Hassan", "given_names": "Mohammed", "birth_date": "1988-03-14",
     "names": [{"family_name": "الحسن", "given_names": "محمد"}]},
    {"family_name": "Kovalenko", "given_names": "Oksana", "birth_date": "1991"},
]


def _register(database: Database, raw: dict[str, Any]) -> Any:
    with unit_of_work(database.sessions) as session:
        return register_person(session, validate(raw), actor=desk(SITE), settings=SITE).id


def _found(database: Database, typed: str) -> list[Any]:
    with database.sessions() as session:
        return [match.person_id for match in find_persons(session, typed)]


def _check_fts(database: Database) -> None:
    """SQLite: the FTS5 index holds exactly the rows of its content table."""
    if database.engine.dialect.name == "sqlite":
        with database.engine.begin() as connection:
            connection.execute(text(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) "
                                    "VALUES ('integrity-check')"))


def test_models_and_migrations_agree_apart_from_the_engine_index(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_name": lambda name, _type, _parent: not is_engine_index(name)})
        assert compare_metadata(context, Base.metadata) == []
        inspector = inspect(connection)
        names = {*inspector.get_table_names(),
                 *(index["name"] for index in inspector.get_indexes("person_search_keys"))}
    assert any(is_engine_index(name) for name in names)


def test_the_upgrade_indexes_persons_stored_before(database: Database) -> None:
    ids = [_register(database, raw) for raw in FAMILY]
    with database.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
        assert "row" not in {c["name"] for c in inspect(connection).get_columns(
            "person_search_keys")}
        command.upgrade(alembic_config(connection), "head")
    _check_fts(database)
    assert _found(database, "محمد الحسن")[0] == ids[0]
    assert _found(database, "Kowalenko 03.1991") == [ids[1]]


def test_every_save_keeps_the_index_in_step(database: Database) -> None:
    person_id = _register(database, FAMILY[0])
    with unit_of_work(database.sessions) as session:
        update_person(session, person_id, {"family_name": "Haddad", "birth_date": "1988-04"},
                      actor=desk(SITE), settings=SITE)
    _check_fts(database)
    assert _found(database, "Mohammed Haddad 04.1988") == [person_id]
    assert _found(database, "Mohammed 14.03.1988") == []
    assert _found(database, "محمد الحسن") == [person_id]  # the recorded variants stay


def test_an_index_is_rebuilt_from_nothing(sqlite_url: str) -> None:
    from app.search import rebuild_all_keys

    database = open_database(Settings(database_url=sqlite_url))
    ids = [_register(database, raw) for raw in FAMILY]
    with database.engine.begin() as connection:
        assert rebuild_all_keys(connection) == 2
        assert rebuild_all_keys(connection) == 2
    _check_fts(database)
    assert _found(database, "Oksana") == [ids[1]]
    database.close()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(max_size=120) | st.sampled_from(["Al-Hassan 1990 ال", "AND OR NOT",
                                                      "\"*:&|!()'", "x" * 10_000]))
def test_any_text_is_a_valid_index_query_on_both_engines(database: Database,
                                                         typed: str) -> None:
    with database.sessions() as session:
        assert all(0 <= m.score <= 100 for m in find_persons(session, typed))
