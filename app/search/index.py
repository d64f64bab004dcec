"""Keeping the search keys in step with the names: per person on save, in bulk for loads."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.orm import Session

from app.db.base import Base
from app.db.models import Person, PersonName, PersonSearchKey
from app.search.keys import name_keys

_KEYS = Base.metadata.tables[PersonSearchKey.__tablename__]
_PERSONS = Base.metadata.tables[Person.__tablename__]
_NAMES = Base.metadata.tables[PersonName.__tablename__]
CHUNK = 5000


def person_names(person: Person) -> list[str]:
    """Every name text of a person: the main name and all variants."""
    texts = [person.family_name, person.given_names]
    for variant in person.names:
        texts += [variant.family_name, variant.given_names]
    return [text for text in texts if text]


def index_person(session: Session, person: Person) -> None:
    """Rewrite one person's keys (call after the person and its names are flushed)."""
    session.flush()
    session.execute(delete(_KEYS).where(_KEYS.c.person_id == person.id))
    rows = [{"key": key, "person_id": person.id} for key in name_keys(person_names(person))]
    if rows:
        session.execute(insert(_KEYS), rows)


def index_people(connection: Connection | Session, people: Iterable[Person]) -> int:
    """Insert the keys of persons that have none yet (bulk loads); returns rows written."""
    rows = [{"key": key, "person_id": person.id}
            for person in people for key in name_keys(person_names(person))]
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(_KEYS), rows[start:start + CHUNK])
    return len(rows)


def _names_by_person(
    connection: Connection, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[str]]:
    names: dict[uuid.UUID, list[str]] = defaultdict(list)
    query = select(_PERSONS.c.id, _PERSONS.c.family_name, _PERSONS.c.given_names).where(
        _PERSONS.c.id.in_(ids))
    for person_id, family, given in connection.execute(query):
        names[person_id] += [family, given]
    query = select(_NAMES.c.person_id, _NAMES.c.family_name, _NAMES.c.given_names).where(
        _NAMES.c.person_id.in_(ids))
    for person_id, family, given in connection.execute(query):
        names[person_id] += [family, given]
    return names


def rebuild_all_keys(connection: Connection) -> int:
    """Throw away and rebuild every key, in chunks (after a migration or a repair)."""
    connection.execute(delete(_KEYS))
    ids = list(connection.scalars(select(_PERSONS.c.id).order_by(_PERSONS.c.id)))
    written = 0
    for start in range(0, len(ids), CHUNK):
        names = _names_by_person(connection, ids[start:start + CHUNK])
        rows = [{"key": key, "person_id": person_id}
                for person_id, texts in names.items()
                for key in name_keys(text for text in texts if text)]
        if rows:
            connection.execute(insert(_KEYS), rows)
        written += len(rows)
    return written
