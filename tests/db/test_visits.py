"""Recording visits on both engines: one visit with its concern rows, linked to this site,
in the caller's transaction; a person's earlier visits newest first."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import Concern, Office, Person, User, Visit, Workstation
from app.errors import NotFoundError
from app.services.database import Database
from app.services.person_input import validate
from app.services.persons import register_person
from app.services.visits import (
    VisitInput,
    recent_visits,
    record_visit,
    validate_visit,
)
from tests.actors import account, desk

SITE = Settings(office="NE", workstation=2, user="a.becker")


def a_person(database: Database) -> uuid.UUID:
    with unit_of_work(database.sessions) as session:
        person = register_person(session, validate({"family_name": "Al-Hassan",
                                                     "given_names": "Mohammed"}),
                                 actor=desk(SITE), settings=SITE)
        return person.id


def a_visit(concerns: list[object], *, at: datetime | None = None, **raw: object) -> VisitInput:
    data = {"concerns": concerns, **raw}
    if at is not None:
        data["visited_at"] = at.isoformat()
    return validate_visit(data)


def record(database: Database, person: uuid.UUID | str, data: VisitInput,
           username: str | None = None) -> uuid.UUID:
    """Recorded by the signed-in ``username``, or by the front desk without an account."""
    with unit_of_work(database.sessions) as session:
        actor = account(session, username, SITE.origin) if username else desk(SITE)
        return record_visit(session, person, data, actor=actor, settings=SITE).id


def rows(database: Database) -> tuple[int, int]:
    with database.sessions() as session:
        return (session.scalar(select(func.count()).select_from(Visit)) or 0,
                session.scalar(select(func.count()).select_from(Concern)) or 0)


def test_a_visit_is_stored_with_one_row_per_concern(database: Database) -> None:
    person = a_person(database)
    data = a_visit(["benefits", {"code": "housing", "note": "Wohnsitzauflage"}],
                   note="Bescheid mitgebracht", interpreter_used=True, interpreter_language="ar")
    visit_id = record(database, person, data)
    with database.sessions() as session:
        visit = session.get_one(Visit, visit_id)
        assert (visit.person_id, visit.note, visit.interpreter_language) == (
            person, "Bescheid mitgebracht", "ar")
        assert visit.origin == "NE-2"
        concerns = sorted(visit.concerns, key=lambda concern: concern.id)
        assert [(c.code, c.note, c.person_id) for c in concerns] == [
            ("benefits", "", person), ("housing", "Wohnsitzauflage", person)]


def test_the_visit_names_this_site_when_its_rows_exist(database: Database) -> None:
    person = a_person(database)
    assert rows(database) == (0, 0)
    first = record(database, person, a_visit(["work"]))
    with unit_of_work(database.sessions) as session:
        office = Office(code="NE", name="Integration Point Neuss")
        session.add(office)
        session.flush()
        session.add_all([Workstation(office_id=office.id, number=2),
                         Workstation(office_id=office.id, number=1),
                         User(username="a.becker", role="front_desk")])
    second = record(database, person, a_visit(["work"]), "a.becker")
    with database.sessions() as session:
        unlinked, linked = session.get_one(Visit, first), session.get_one(Visit, second)
        assert (unlinked.office_id, unlinked.workstation_id, unlinked.user_id) == (None,) * 3
        workstation = session.get_one(Workstation, linked.workstation_id)
        user = session.get_one(User, linked.user_id)
        assert (workstation.number, workstation.office_id) == (2, linked.office_id)
        assert user.username == "a.becker"


def test_a_person_number_is_enough_and_an_unknown_person_writes_nothing(
        database: Database) -> None:
    person = a_person(database)
    with database.sessions() as session:
        number = session.get_one(Person, person).person_number
    record(database, number, a_visit(["school"]))
    with pytest.raises(NotFoundError):
        record(database, uuid.uuid4(), a_visit(["work", "housing"]))
    with pytest.raises(NotFoundError):
        record(database, "P-NE-2-2026-999999-0", a_visit(["work"]))
    assert rows(database) == (1, 1)


def test_a_failure_later_in_the_transaction_leaves_no_half_visit(database: Database) -> None:
    person = a_person(database)
    with pytest.raises(RuntimeError), unit_of_work(database.sessions) as session:
        record_visit(session, person, a_visit(["work", "training"]), actor=desk(SITE),
                     settings=SITE)
        raise RuntimeError("the next step of the same user action failed")
    assert rows(database) == (0, 0)


def test_earlier_visits_newest_first_with_labels(database: Database) -> None:
    person, other = a_person(database), a_person(database)
    now = datetime.now(UTC).replace(microsecond=0)
    for days, concerns in ((30, ["residence"]), (2, ["work", "integration_course"]),
                           (10, ["health"])):
        record(database, person, a_visit(concerns, at=now - timedelta(days=days),
                                         note=f"vor {days} Tagen"))
    record(database, other, a_visit(["benefits"]))
    with database.sessions() as session:
        found = recent_visits(session, person)
        assert [v.note for v in found] == ["vor 2 Tagen", "vor 10 Tagen", "vor 30 Tagen"]
        assert found[0].concerns == ("Arbeit/Vermittlung", "Integrationskurs")
        assert found[0].visited_at == now - timedelta(days=2)
        assert [v.note for v in recent_visits(session, person, limit=2)] == [
            "vor 2 Tagen", "vor 10 Tagen"]
        assert recent_visits(session, uuid.uuid4()) == []
    with database.sessions() as session:
        [only] = recent_visits(session, other)
        assert only.concerns == ("Lebensunterhalt",) and only.visited_at.tzinfo is not None


def test_a_visit_about_a_child_is_among_the_childs_earlier_visits(database: Database) -> None:
    mother, son, daughter = a_person(database), a_person(database), a_person(database)
    with unit_of_work(database.sessions) as session:  # as the demo loader stores family visits
        session.add(Visit(person_id=mother, note="mit beiden Kindern", concerns=[
            Concern(person_id=mother, code="benefits"), Concern(person_id=son, code="school"),
            Concern(person_id=daughter, code="school")]))
    with database.sessions() as session:
        [visit] = recent_visits(session, son)
        assert visit.note == "mit beiden Kindern"
        assert sorted(visit.concerns) == ["Lebensunterhalt", "Schule"]  # "Schule" once
        assert [v.note for v in recent_visits(session, mother)] == ["mit beiden Kindern"]
