"""Replicated records: optimistic locking, tombstones, UUIDv7 keys, readable numbers."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from app.db.engine import unit_of_work
from app.db.models import Person
from app.ids import parse_number
from app.services.database import Database
from app.services.numbers import next_number, reserve_numbers


def _person(database: Database, **values: object) -> Person:
    with unit_of_work(database.sessions) as session:
        number = next_number(session, office="NE", workstation=2, person=True,
                             today=date(2026, 11, 27))
        person = Person(person_number=number, family_name="Al-Hassan", given_names="Amina",
                        **values)
        session.add(person)
    return person


def test_second_save_on_a_stale_version_is_refused(database: Database) -> None:
    person = _person(database)
    # Two counters open the same record (one session per unit of work, as the app does).
    with database.sessions() as session:
        mine = session.get(Person, person.id)
    with database.sessions() as session:
        theirs = session.get(Person, person.id)
    assert mine is not None and theirs is not None
    mine.given_names = "Amina Fatima"
    with unit_of_work(database.sessions) as session:
        session.add(mine)
    theirs.given_names = "Aminah"
    with pytest.raises(StaleDataError), unit_of_work(database.sessions) as session:
        session.add(theirs)
    with database.sessions() as session:
        stored = session.get(Person, person.id)
        assert stored is not None
        assert (stored.given_names, stored.version) == ("Amina Fatima", 2)


def test_keys_are_uuid7_and_numbers_valid(database: Database) -> None:
    person = _person(database, birth_date=date(1990, 1, 1), birth_date_precision="year")
    with database.sessions() as session:
        stored = session.scalars(select(Person)).one()
    assert stored.id == person.id and stored.id.version == 7
    assert parse_number(stored.person_number) is not None
    assert stored.birth_date_precision == "year"


def test_numbers_count_up_per_workstation_and_year(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        numbers = [next_number(session, office="NE", workstation=2, person=False,
                               today=date(2026, 5, 1)) for _ in range(3)]
        other = next_number(session, office="NE", workstation=3, person=False,
                            today=date(2026, 5, 1))
        next_year = next_number(session, office="NE", workstation=2, person=False,
                                today=date(2027, 1, 2))
    assert [n.split("-")[3] for n in numbers] == ["000001", "000002", "000003"]
    assert other.startswith("NE-3-2026-000001-")
    assert next_year.startswith("NE-2-2027-000001-")


def test_a_failed_save_hands_out_no_number(database: Database) -> None:
    with pytest.raises(RuntimeError), unit_of_work(database.sessions) as session:
        next_number(session, office="NE", workstation=2, person=True)
        raise RuntimeError("save failed")
    with unit_of_work(database.sessions) as session:
        number = next_number(session, office="NE", workstation=2, person=True)
    assert number.split("-")[4] == "000001"


def test_reserved_numbers_are_consecutive_and_continue(database: Database) -> None:
    today = date(2026, 5, 1)
    with unit_of_work(database.sessions) as session:
        block = reserve_numbers(session, office="GV", workstation=1, person=True, count=3,
                                today=today)
        single = next_number(session, office="GV", workstation=1, person=True, today=today)
    assert [n.split("-")[4] for n in (*block, single)] == ["000001", "000002", "000003",
                                                           "000004"]
    assert all(parse_number(n) is not None for n in (*block, single))
