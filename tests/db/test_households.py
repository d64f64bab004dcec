"""Households on both engines: a family registered in one unit of work, errors that name the
member and the field, one head per household, and nothing written when anything is wrong."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import Household, NumberCounter, Person, PersonName
from app.services.database import Database, open_database
from app.services.households import (
    add_household_members,
    household_members,
    register_household,
)
from app.services.partial_dates import PartialDate
from app.services.person_input import PersonValidationError, validate
from app.services.persons import load_person, register_person, update_person
from tests.actors import desk
from tests.unit.test_person_input import ANY_PERSON

SITE = Settings(office="NE", workstation=2, user="test")
ADDRESS = {"street": "Further Straße 12a", "postcode": "41462", "municipality": "Neuss",
           "nationality": "SY", "languages": ["ar"], "status": "protected"}
FAMILY: list[dict[str, Any]] = [
    {**ADDRESS, "family_name": "Al-Hassan", "given_names": "Mohammed", "sex": "m",
     "birth_date": "14.03.1988", "household_role": "head", "household_id": "",
     "names": [{"family_name": "الحسن", "given_names": "محمد"}]},
    {**ADDRESS, "family_name": "Al-Hassan", "given_names": "Fatima", "sex": "f",
     "birth_date": "1991", "household_role": "spouse"},
    {**ADDRESS, "family_name": "Al-Hassan", "given_names": "Omar", "sex": "m",
     "birth_date": "2015-06-02", "household_role": "child"},
    {**ADDRESS, "family_name": "Al-Hassan", "given_names": "Lina", "sex": "f",
     "birth_date": "2019-11", "household_role": "child"},
]


def counts(database: Database) -> dict[str, int]:
    with database.sessions() as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                or 0 for model in (Person, PersonName, Household)} | {
            "counter": session.scalar(select(func.coalesce(func.sum(NumberCounter.value), 0)))
            or 0}


def refused(database: Database, members: list[dict[str, Any]],
            **options: Any) -> dict[str, str]:
    """The errors (field → label) of a registration that must write nothing."""
    before = counts(database)
    with pytest.raises(PersonValidationError) as raised, \
            unit_of_work(database.sessions) as session:
        register_household(session, members, actor=desk(SITE), settings=SITE, **options)
    assert counts(database) == before
    return {error.field: error.label for error in raised.value.errors}


def register_family(database: Database) -> list[Person]:
    with unit_of_work(database.sessions) as session:
        return register_household(session, FAMILY, actor=desk(SITE), settings=SITE)


def test_a_family_of_four_is_one_household(database: Database) -> None:
    persons = register_family(database)
    assert len({person.person_number for person in persons}) == 4
    assert len({person.household_id for person in persons}) == 1
    with database.sessions() as session:
        household = session.get(Household, persons[0].household_id)
        assert household is not None and household.label == "Al-Hassan"
        members = household_members(session, household.id)
        fatima = load_person(session, persons[1].id)
        assert (fatima.birth_date, fatima.birth_date_precision) == (date(1991, 1, 1), "year")
        assert (fatima.street, fatima.municipality, fatima.city) == (
            "Further Straße 12a", "Neuss", "Neuss")
    assert [(m.given_names, m.household_role) for m in members] == [
        ("Mohammed", "head"), ("Fatima", "spouse"), ("Omar", "child"), ("Lina", "child")]
    assert members[1].birth_date == PartialDate(date(1991, 1, 1), "year")
    assert members[0].person_id == persons[0].id
    assert members[0].person_number == persons[0].person_number


def test_an_invalid_third_member_names_member_and_field_and_writes_nothing(
        database: Database) -> None:
    family = [*FAMILY[:2], {**FAMILY[2], "birth_date": "31.02.2015"}, FAMILY[3]]
    errors = refused(database, family)
    assert errors == {"members[2].birth_date": "Haushaltsmitglied 3 – Geburtsdatum"}
    assert counts(database) == {"persons": 0, "person_names": 0, "households": 0,
                                "counter": 0}


def test_errors_of_several_members_come_at_once(database: Database) -> None:
    family = [{**FAMILY[0], "names": [{"family_name": "Al-Hassan😀"}]},
              {**FAMILY[1], "family_name": "", "given_names": ""}, FAMILY[2]]
    errors = refused(database, family)
    assert errors == {
        "members[0].names[0].family_name": "Haushaltsmitglied 1 – Namensvariante 1",
        "members[1].family_name": "Haushaltsmitglied 2 – Familienname"}


def test_two_heads_are_refused(database: Database) -> None:
    family = [FAMILY[0], {**FAMILY[1], "household_role": "HEAD"}, FAMILY[2]]
    errors = refused(database, family)
    assert errors == {"members[1].household_role": "Haushaltsmitglied 2 – Rolle im Haushalt"}


def test_members_join_a_stored_household_that_has_a_head(database: Database) -> None:
    persons = register_family(database)
    household = persons[0].household_id
    assert household is not None
    grandmother = {**FAMILY[1], "given_names": "Amina", "birth_date": "1950",
                   "household_role": "parent"}
    assert refused(database, [{**grandmother, "household_role": "head"}],
                   household_id=household) == {
        "members[0].household_role": "Haushaltsmitglied 1 – Rolle im Haushalt"}
    with unit_of_work(database.sessions) as session:
        added = register_household(session, [grandmother], actor=desk(SITE), settings=SITE,
                                   household_id=household)
    assert added[0].household_id == household
    with database.sessions() as session:
        assert len(household_members(session, household)) == 5
    assert counts(database)["households"] == 1


def test_an_unknown_household_is_refused(database: Database) -> None:
    assert refused(database, FAMILY[1:2], household_id=uuid.uuid4()) == {
        "household_id": "Haushalt"}
    assert refused(database, []) == {"members": "Haushalt"}


def test_members_added_to_a_person_without_household(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        main = FAMILY[0] | {"household_role": "", "household_id": ""}
        person = register_person(session, validate(main), actor=desk(SITE), settings=SITE)
    with unit_of_work(database.sessions) as session:
        added = add_household_members(session, person.id, FAMILY[1:], actor=desk(SITE),
                                      settings=SITE,
                                      role="head")
    with database.sessions() as session:
        again = load_person(session, person.id)
        assert again.household_id is not None and again.household_role == "head"
        assert again.version == 2  # another workstation's edit would be noticed
        members = household_members(session, again.household_id)
        household = session.get(Household, again.household_id)
        assert household is not None and household.label == "Al-Hassan"
    assert [m.person_id for m in members] == [person.id, *(p.id for p in added)]


def test_members_added_to_a_household_are_numbered_after_the_person(
        database: Database) -> None:
    persons = register_family(database)
    before = counts(database)
    with pytest.raises(PersonValidationError) as raised, \
            unit_of_work(database.sessions) as session:
        add_household_members(session, persons[1].id, [
            {**FAMILY[3], "given_names": "Sami"},
            {**FAMILY[3], "given_names": "Yusuf",
             "household_role": "head"}], actor=desk(SITE), settings=SITE)
    assert [(e.field, e.label) for e in raised.value.errors] == [
        ("members[2].household_role", "Haushaltsmitglied 3 – Rolle im Haushalt")]
    assert counts(database) == before
    with pytest.raises(PersonValidationError) as raised, \
            unit_of_work(database.sessions) as session:
        add_household_members(session, persons[1].id, [], actor=desk(SITE), settings=SITE,
                              role="boss")
    assert raised.value.errors[0].field == "household_role"


def test_deleted_members_are_not_listed(database: Database) -> None:
    persons = register_family(database)
    with unit_of_work(database.sessions) as session:
        load_person(session, persons[2].id).deleted_at = persons[2].created_at
    household = persons[0].household_id
    assert household is not None
    with database.sessions() as session:
        names = [member.given_names for member in household_members(session, household)]
    assert names == ["Mohammed", "Fatima", "Lina"]


def test_a_change_that_would_make_a_second_head_is_refused(database: Database) -> None:
    persons = register_family(database)
    with pytest.raises(PersonValidationError) as raised, \
            unit_of_work(database.sessions) as session:
        update_person(session, persons[1].id, {"household_role": "head"}, actor=desk(SITE),
                      settings=SITE)
    assert [error.field for error in raised.value.errors] == ["household_role"]
    with unit_of_work(database.sessions) as session:  # the head may stay the head
        update_person(session, persons[0].id, {"household_role": "head", "phone": "02131 1"},
                      actor=desk(SITE), settings=SITE)
    with database.sessions() as session:
        assert load_person(session, persons[1].id).household_role == "spouse"


@pytest.fixture(scope="module")
def sqlite_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("households") / "lotse.sqlite3"
    database = open_database(Settings(database_url=f"sqlite:///{path.as_posix()}", user="t"))
    yield database
    database.close()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ANY_PERSON, min_size=1, max_size=4))
def test_any_family_is_written_whole_or_not_at_all(
        sqlite_database: Database, members: list[dict[str, Any]]) -> None:
    before = counts(sqlite_database)
    try:
        with unit_of_work(sqlite_database.sessions) as session:
            register_household(session, [{k: v for k, v in m.items() if k != "household_id"}
                                         for m in members], actor=desk(SITE), settings=SITE)
    except PersonValidationError as refused:
        assert refused.errors and all(e.field.startswith("members[") for e in refused.errors)
        assert counts(sqlite_database) == before
    else:
        after = counts(sqlite_database)
        assert (after["persons"], after["households"]) == (
            before["persons"] + len(members), before["households"] + 1)
