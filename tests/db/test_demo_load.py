"""Loading the demo district: idempotent, growing by exactly the difference, and never into a
database with real people."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from app.codes import LETTER_LANGUAGES, AgencyKind
from app.db.engine import unit_of_work
from app.db.models import (
    DEMO_SETTING,
    Concern,
    Consent,
    DirectoryOffice,
    Household,
    Office,
    Person,
    PersonName,
    Referral,
    Setting,
    Visit,
    Workstation,
)
from app.demo.generate import generate_households
from app.demo.load import load_demo
from app.errors import LotseError
from app.ids import parse_number
from app.services.database import Database


def count(database: Database, model: type[object]) -> int:
    with unit_of_work(database.sessions) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_loading_twice_adds_nothing_and_more_adds_the_difference(database: Database) -> None:
    first = load_demo(database, persons=60, progress=False)
    assert (first.persons_created, count(database, Person)) == (60, 60)
    again = load_demo(database, persons=60, progress=False)
    assert (again.persons_created, again.persons_existing) == (0, 60)
    assert (again.households_created, again.visits_created) == (0, 0)
    assert again.directory.directory.created == 0
    assert count(database, Person) == 60

    grown = load_demo(database, persons=90, progress=False)
    assert (grown.persons_created, grown.persons_existing) == (30, 60)
    assert count(database, Person) == 90
    assert "Personen: 30 neu, 60 vorhanden" in grown.summary()
    assert_person_numbers_unique_and_valid(database, 90)


def assert_person_numbers_unique_and_valid(database: Database, expected: int) -> None:
    with unit_of_work(database.sessions) as session:
        numbers = list(session.scalars(select(Person.person_number)))
    assert len(numbers) == len(set(numbers)) == expected
    parsed = [parse_number(number) for number in numbers]
    assert all(n is not None and n.person for n in parsed)
    settings = database.settings
    assert {(n.office, n.workstation) for n in parsed if n} == {
        (settings.office, settings.workstation)}
    assert sorted(n.counter for n in parsed if n) == list(range(1, expected + 1))


def test_the_stored_demo_is_the_generated_one(database: Database) -> None:
    load_demo(database, persons=40, progress=False)
    load_demo(database, persons=90, progress=False)  # completes a household cut short at 40
    households = generate_households(90)
    expected = [p for h in households for p in h.members]
    with unit_of_work(database.sessions) as session:
        stored = {p.id: p for p in session.scalars(select(Person))}
        assert set(stored) == {p.id for p in expected}
        for person in expected:
            row = stored[person.id]
            assert (row.family_name, row.given_names, row.birth_date, row.legal_status) == (
                person.family_name, person.given_names, person.birth_date, person.legal_status)
            assert row.languages == list(person.languages)
            assert [(n.kind, n.script, n.given_names) for n in row.names] == [
                (n.kind, n.script, n.given_names) for n in person.names]
        members = Counter(session.scalars(select(Person.household_id)))
        served = {name: o.id for o in session.scalars(select(Office))
                  for name in o.municipalities}
        assert all(row.office_id == served[row.municipality] for row in stored.values())
    assert count(database, Household) == sum(1 for h in households if h.id)
    for household in households:
        if household.id:
            assert members[household.id] == len(household.members)
    assert count(database, PersonName) == sum(len(p.names) for p in expected)
    assert count(database, Visit) == sum(len(p.visits) for p in expected) > 0
    assert count(database, Concern) == sum(len(v.concerns) for p in expected for v in p.visits)


def test_directory_offices_workstation_and_demo_marker(database: Database) -> None:
    report = load_demo(database, persons=0, progress=False)
    assert report.directory.directory.created == count(database, DirectoryOffice) > 30
    with unit_of_work(database.sessions) as session:
        offices = {o.code: o for o in session.scalars(select(Office))}
        assert {"NE", "GV"} <= set(offices)
        workstation = session.scalars(select(Workstation)).one()
        assert workstation.office_id == offices[database.settings.office].id
        assert workstation.number == database.settings.workstation
        marker = session.get(Setting, DEMO_SETTING)
        assert marker is not None and marker.value == "true"
    assert "Demo-Datenbank" in report.summary()


def test_a_database_with_real_people_is_refused(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        session.add(Person(person_number="P-NE-1-2026-000001-7", family_name="Echt"))
    with pytest.raises(LotseError, match="keine Demo-Datenbank"):
        load_demo(database, persons=10, progress=False)
    assert count(database, Person) == 1
    assert count(database, DirectoryOffice) == 0  # nothing half-done


def test_every_agency_kind_and_letter_language_can_be_tried(database: Database) -> None:
    load_demo(database, persons=200, progress=False)
    with unit_of_work(database.sessions) as session:
        referrals = list(session.scalars(select(Referral)))
        offices = {o.id: o for o in session.scalars(select(DirectoryOffice))}
        languages = set(session.scalars(select(Person.letter_language)))
        consents = list(session.scalars(select(Consent)))
    assert {r.agency_kind for r in referrals} == set(AgencyKind)
    assert all(offices[r.directory_office_id].agency_kind == r.agency_kind
               for r in referrals if r.directory_office_id)
    assert all(r.directory_office_id for r in referrals)
    assert languages >= set(LETTER_LANGUAGES)
    assert {r.language for r in referrals} >= set(LETTER_LANGUAGES)
    numbers = [parse_number(r.reference) for r in referrals]
    assert all(n is not None and not n.person for n in numbers)
    assert len({r.reference for r in referrals}) == len(referrals)
    assert consents and all(c.person_id in {r.person_id for r in referrals} for c in consents)
    persons_per_visit = Counter((r.visit_id, r.person_id) for r in referrals)
    visits_with_household = {visit for visit, _ in persons_per_visit
                             if sum(1 for v, _ in persons_per_visit if v == visit) > 1}
    assert visits_with_household  # a route sheet for a family
    again = load_demo(database, persons=200, progress=False)
    assert (again.referrals_created, again.consents_created) == (0, 0)
    assert count(database, Referral) == len(referrals)
