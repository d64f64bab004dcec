"""Keeping the search index in step with the persons: per person on save, in bulk for loads.

One row per person in ``person_search_keys`` holds its keys (names and birth date) and the
other spellings of its names. PostgreSQL indexes that row itself (a GIN index made by the
migration). SQLite's FTS5 table ``person_search_index`` takes its text from that row but
is written here, next to it: an external-content FTS5 table is only told about a change,
and a trigger would not survive Alembic's batch mode, which recreates tables.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, inspect, select, text
from sqlalchemy.orm import Session

from app.db.base import Base
from app.db.models import Person, PersonName, PersonSearchKey
from app.search.keys import date_keys, name_keys

FTS_TABLE = "person_search_index"  # and its shadow tables person_search_index_*
GIN_INDEX = "person_search_index_keys"
_DOCUMENTS = Base.metadata.tables[PersonSearchKey.__tablename__]
_PERSONS = Base.metadata.tables[Person.__tablename__]
_NAMES = Base.metadata.tables[PersonName.__tablename__]
CHUNK = 5000


def is_engine_index(name: str | None) -> bool:
    """True for the engine's own index structures of the search (the FTS5 table and its
    shadow tables, the GIN index): made by migration, not described by the models."""
    return bool(name) and str(name).startswith(FTS_TABLE)


def document(person_id: uuid.UUID, main: Sequence[str], others: Sequence[str],
             born: date | None, precision: str) -> dict[str, Any]:
    """The index row of a person: main names, other spellings, birth date."""
    keys = name_keys(text for text in (*main, *others) if text) | date_keys(born, precision)
    return {"person_id": person_id, "keys": " ".join(sorted(keys)),
            "names": "\n".join(text for text in others if text)}


def person_document(person: Person) -> dict[str, Any]:
    others = [text for name in person.names for text in (name.family_name, name.given_names)]
    return document(person.id, [person.family_name, person.given_names], others,
                    person.birth_date, person.birth_date_precision)


def _on_sqlite(executor: Connection | Session) -> bool:
    bind = executor.get_bind() if isinstance(executor, Session) else executor
    return bind.dialect.name == "sqlite"


def write_documents(executor: Connection | Session, rows: Sequence[dict[str, Any]]) -> int:
    """Insert index rows of persons that have none (bulk loads); returns rows written."""
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        if not _on_sqlite(executor):
            executor.execute(insert(_DOCUMENTS), chunk)
            continue
        numbers = executor.execute(insert(_DOCUMENTS).returning(
            _DOCUMENTS.c.row, _DOCUMENTS.c["keys"], sort_by_parameter_order=True), chunk)
        executor.execute(text(f"INSERT INTO {FTS_TABLE} (rowid, keys) VALUES (:row, :keys)"),
                         [{"row": row, "keys": keys} for row, keys in numbers])
    return len(rows)


def _forget(executor: Connection | Session, person_id: uuid.UUID) -> None:
    if _on_sqlite(executor):
        old = executor.execute(select(_DOCUMENTS.c.row, _DOCUMENTS.c["keys"])
                               .where(_DOCUMENTS.c.person_id == person_id)).first()
        if old is not None:  # FTS5 removes an external-content row given its old text
            executor.execute(text(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, keys) "
                                  "VALUES ('delete', :row, :keys)"),
                             {"row": old.row, "keys": old.keys})
    executor.execute(delete(_DOCUMENTS).where(_DOCUMENTS.c.person_id == person_id))


def index_person(session: Session, person: Person) -> None:
    """Rewrite one person's index row (call after the person and its names are flushed)."""
    session.flush()
    _forget(session, person.id)
    write_documents(session, [person_document(person)])


def reindex(connection: Connection, ids: Sequence[uuid.UUID]) -> int:
    """Rewrite the index rows of these stored persons (after synchronised changes)."""
    for person_id in ids:
        _forget(connection, person_id)
    return sum(write_documents(connection, _documents_of(connection, ids[start:start + CHUNK]))
               for start in range(0, len(ids), CHUNK))


def index_people(connection: Connection | Session, people: Iterable[Person]) -> int:
    """Index persons that have no index row yet (bulk loads); returns rows written."""
    return write_documents(connection, [person_document(person) for person in people])


def _documents_of(connection: Connection, ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    others: dict[uuid.UUID, list[str]] = defaultdict(list)
    query = select(_NAMES.c.person_id, _NAMES.c.family_name, _NAMES.c.given_names).where(
        _NAMES.c.person_id.in_(ids))
    for person_id, family, given in connection.execute(query):
        others[person_id] += [family, given]
    query = select(_PERSONS.c.id, _PERSONS.c.family_name, _PERSONS.c.given_names,
                   _PERSONS.c.birth_date, _PERSONS.c.birth_date_precision).where(
        _PERSONS.c.id.in_(ids))
    return [document(row.id, [row.family_name, row.given_names], others[row.id],
                     row.birth_date, row.birth_date_precision)
            for row in connection.execute(query)]


def rebuild_all_keys(connection: Connection) -> int:
    """Throw away and rebuild the whole index, in chunks (after a migration that changes
    the keys, or a repair). Older migrations call this before the index of this release
    exists; the migration that creates it rebuilds it, so then there is nothing to do."""
    if "row" not in {column["name"] for column in
                     inspect(connection).get_columns(_DOCUMENTS.name)}:
        return 0
    connection.execute(delete(_DOCUMENTS))
    if _on_sqlite(connection):
        connection.execute(text(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')"))
    ids = list(connection.scalars(select(_PERSONS.c.id).order_by(_PERSONS.c.id)))
    return sum(write_documents(connection, _documents_of(connection, ids[start:start + CHUNK]))
               for start in range(0, len(ids), CHUNK))
