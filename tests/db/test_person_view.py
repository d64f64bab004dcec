"""Opening a person file for display: the person comes back and the view is on the record,
once per view, under the acting account and workstation – or neither happens."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from app.codes import Role
from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import AuditEvent, User
from app.errors import NotFoundError
from app.security.audit import PERSON, AuditAction
from app.security.permissions import Actor
from app.services.database import Database
from app.services.person_input import validate
from app.services.person_view import view_person
from app.services.persons import register_person

SITE = Settings(office="NE", workstation=2, user="m.weber")
AMIRA = {"family_name": "Haddad", "given_names": "Amira", "birth_date": "1994-07-02"}


def desk(database: Database) -> Actor:
    with unit_of_work(database.sessions) as session:
        user = User(username="m.weber", role=Role.FRONT_DESK.value)
        session.add(user)
        session.flush()
        return Actor(user.id, "m.weber", Role.FRONT_DESK, "NE-2")


def register(database: Database, actor: Actor) -> tuple[uuid.UUID, str]:
    with unit_of_work(database.sessions) as session:
        person = register_person(session, validate(AMIRA), actor=actor, settings=SITE)
        return person.id, person.person_number


def views(database: Database) -> list[AuditEvent]:
    with database.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(
            AuditEvent.action == AuditAction.VIEW_PERSON.value).order_by(AuditEvent.seq)))


def test_each_view_returns_the_person_and_records_one_entry(database: Database) -> None:
    actor = desk(database)
    person_id, number = register(database, actor)
    for key in (person_id, number):  # by id from the search, by number from a letter
        with unit_of_work(database.sessions) as session:
            assert view_person(session, key, actor=actor).family_name == "Haddad"
    first, second = views(database)
    for entry in (first, second):
        assert (entry.username, entry.user_id, entry.workstation) == ("m.weber", actor.user_id,
                                                                      "NE-2")
        assert (entry.entity_type, entry.entity_id) == (PERSON, person_id)
        assert entry.details == {"person_number": number}
    assert second.seq > first.seq


def test_a_view_that_is_rolled_back_leaves_no_entry(database: Database) -> None:
    actor = desk(database)
    person_id, _number = register(database, actor)
    with pytest.raises(RuntimeError), unit_of_work(database.sessions) as session:
        view_person(session, person_id, actor=actor)
        raise RuntimeError("the file never reached the screen")
    assert views(database) == []


def test_an_unknown_person_is_not_found_and_not_recorded(database: Database) -> None:
    actor = desk(database)
    with pytest.raises(NotFoundError), unit_of_work(database.sessions) as session:
        view_person(session, uuid.uuid4(), actor=actor)
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 0
