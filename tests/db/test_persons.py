"""Registering and changing persons on both engines: numbers, variants, versions, one
transaction – and arbitrary input that never writes half a person."""

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
from app.db.models import Household, NumberCounter, Office, Person, PersonName, PersonSearchKey
from app.errors import ConflictError, NotFoundError
from app.ids import parse_number
from app.services.database import Database, open_database
from app.services.person_input import PersonValidationError, validate
from app.services.persons import (
    input_from_person,
    load_person,
    register_person,
    register_persons,
    update_person,
)
from tests.actors import desk
from tests.unit.test_person_input import ANY_PERSON, ANY_VALUE, PLAUSIBLE, VALID

SITE = Settings(office="NE", workstation=2, user="test")
FAMILY = [
    {"family_name": "Al-Hassan", "given_names": "Mohammed", "birth_date": "1988-03-14",
     "sex": "m", "nationality": "SY", "household_role": "head",
     "names": [{"family_name": "الحسن", "given_names": "محمد"},
               {"family_name": "Alhasan", "given_names": "Muhammad"}]},
    {"family_name": "Al-Hassan", "given_names": "Fatima", "birth_date": "1991", "sex": "f",
     "nationality": "SY", "household_role": "spouse"},
]


def register(database: Database, raw: dict[str, Any]) -> Person:
    with unit_of_work(database.sessions) as session:
        return register_person(session, validate(raw), actor=desk(SITE), settings=SITE)


def update(database: Database, key: uuid.UUID | str, changes: dict[str, Any],
           **options: Any) -> Person:
    with unit_of_work(database.sessions) as session:
        return update_person(session, key, changes, actor=desk(SITE), settings=SITE, **options)


def stored(database: Database, person_id: uuid.UUID) -> Person:
    with database.sessions() as session:
        person = load_person(session, person_id)
        person.names  # noqa: B018 - loaded while the session is open
        return person


def counts(database: Database) -> dict[str, int]:
    with database.sessions() as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                or 0 for model in (Person, PersonName, PersonSearchKey, Household)} | {
            "counter": session.scalar(select(func.coalesce(func.sum(NumberCounter.value), 0)))
            or 0}


def add_household(database: Database) -> uuid.UUID:
    with unit_of_work(database.sessions) as session:
        household = Household(label="Familie Al-Hassan", origin=SITE.origin)
        session.add(household)
    return household.id


def test_register_a_person_with_number_variants_and_search_keys(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        session.add(Office(code="NE", name="Integration Point Neuss"))
    person = register(database, {**VALID, **FAMILY[0], "household_role": ""})
    number = parse_number(person.person_number)
    assert number is not None and (number.office, number.workstation, number.person) == (
        "NE", 2, True)
    again = stored(database, person.id)
    assert (again.family_name, again.birth_date, again.birth_date_precision) == (
        "Al-Hassan", date(1988, 3, 14), "day")
    assert (again.nationality, again.legal_status, again.postal_code, again.origin) == (
        "SY", "protected", "41462", "NE-2")
    assert again.office_id is not None and again.version == 1
    assert [(n.family_name, n.script, n.kind, n.position) for n in again.names] == [
        ("الحسن", "Arab", "original", 0), ("Alhasan", "Latn", "variant", 1)]
    assert counts(database)["person_search_keys"] > 0  # findable at once


def test_a_family_in_one_household(database: Database) -> None:
    household = add_household(database)
    with unit_of_work(database.sessions) as session:
        members = register_persons(
            session, [validate({**raw, "household_id": str(household)}) for raw in FAMILY],
            actor=desk(SITE), settings=SITE)
    assert [m.household_role for m in members] == ["head", "spouse"]
    assert len({m.person_number for m in members}) == 2
    assert stored(database, members[1].id).birth_date_precision == "year"


def test_a_failure_in_a_batch_writes_nothing(database: Database) -> None:
    before = counts(database)
    batch = [validate(FAMILY[0] | {"household_role": ""}),
             validate({**FAMILY[1], "household_id": str(uuid.uuid4())})]
    with pytest.raises(PersonValidationError) as raised, \
            unit_of_work(database.sessions) as session:
        register_persons(session, batch, actor=desk(SITE), settings=SITE)
    assert raised.value.errors[0].field == "household_id"
    assert "Haushalt" in raised.value.message
    assert counts(database) == before  # neither the first person nor its number


def test_update_changes_only_the_given_fields_and_counts_the_version(
        database: Database) -> None:
    person = register(database, {**VALID, **FAMILY[0], "household_role": ""})
    changed = update(database, person.id, {"phone": "0151 2345678", "birth_date": "1988"})
    assert changed.version == 2
    again = stored(database, person.id)
    assert (again.phone, again.birth_date, again.birth_date_precision) == (
        "0151 2345678", date(1988, 1, 1), "year")
    assert (again.given_names, len(again.names)) == ("Mohammed", 2)
    assert update(database, person.person_number, {"phone": "0151 2345678"}).version == 2


def test_changing_only_the_name_variants_is_a_new_version(database: Database) -> None:
    person = register(database, {**VALID, **FAMILY[0], "household_role": ""})
    first_variant = stored(database, person.id).names[0].id
    changed = update(database, person.id, {"names": [
        {"family_name": "الحسن", "given_names": "محمد"},
        {"family_name": "El-Hassan", "given_names": "Mohamad"}]})
    assert changed.version == 2
    names = stored(database, person.id).names
    assert [n.family_name for n in names] == ["الحسن", "El-Hassan"]
    assert names[0].id == first_variant  # an unchanged variant keeps its row
    assert counts(database)["person_names"] == 2


def test_stored_values_are_not_validated_again(database: Database) -> None:
    """A record written before a rule existed can still be corrected field by field."""
    with unit_of_work(database.sessions) as session:
        person = Person(person_number="P-NE-2-2026-000099-0", family_name="Müller2",
                        nationality="XXX")
        session.add(person)
    assert update(database, person.id, {"phone": "02131 12345"}).version == 2
    with pytest.raises(PersonValidationError) as raised:
        update(database, person.id, {"family_name": "Müller3"})
    assert raised.value.errors[0].field == "family_name"


def test_invalid_change_leaves_the_person_as_it_was(database: Database) -> None:
    person = register(database, {**VALID, **FAMILY[0], "household_role": ""})
    with pytest.raises(PersonValidationError) as raised:
        update(database, person.id, {"given_names": "", "family_name": "", "sex": "x"})
    assert {e.field for e in raised.value.errors} == {"sex", "family_name"}
    again = stored(database, person.id)
    assert (again.version, again.family_name, again.sex) == (1, "Al-Hassan", "male")


def test_an_edit_of_an_outdated_version_is_refused(database: Database) -> None:
    person = register(database, {**VALID, **FAMILY[0], "household_role": ""})
    update(database, person.id, {"phone": "0151 1111111"}, expected_version=1)
    with pytest.raises(ConflictError) as raised:
        update(database, person.id, {"phone": "0151 2222222"}, expected_version=1)
    assert person.person_number in raised.value.message
    assert stored(database, person.id).phone == "0151 1111111"


@pytest.mark.postgres
def test_a_save_in_between_is_caught_by_the_version(pg_url: str) -> None:
    database = open_database(Settings(database_url=pg_url, user="test"))
    person = register(database, {**VALID, **FAMILY[0], "household_role": ""})
    with pytest.raises(ConflictError), unit_of_work(database.sessions) as session:
        mine = load_person(session, person.id)
        update(database, person.id, {"phone": "0151 1111111"})  # another counter saves
        update_person(session, mine.id, {"phone": "0151 2222222"}, actor=desk(SITE), settings=SITE)
    assert stored(database, person.id).phone == "0151 1111111"
    database.close()


def test_unknown_and_deleted_persons_are_not_found(database: Database) -> None:
    person = register(database, VALID)
    with unit_of_work(database.sessions) as session:
        load_person(session, person.id).deleted_at = person.created_at
    for key in (person.id, str(person.id), person.person_number, "P-NE-2-2026-000001-0",
                "nobody"):
        with pytest.raises(NotFoundError), database.sessions() as session:
            load_person(session, key)


def test_the_form_reads_what_was_stored(database: Database) -> None:
    raw = {**VALID, **FAMILY[0], "household_role": "", "note": "Zwei Zeilen\nNotiz"}
    person = register(database, raw)
    assert input_from_person(stored(database, person.id)) == validate(raw)


# --- arbitrary input: a person or messages, never half a person ---------------------------


@pytest.fixture(scope="module")
def sqlite_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("persons") / "lotse.sqlite3"
    database = open_database(Settings(database_url=f"sqlite:///{path.as_posix()}", user="t"))
    yield database
    database.close()


def _register_raw(database: Database, raw: dict[str, Any]) -> bool:
    """True if registered; False if refused with field messages (anything else fails)."""
    try:
        with unit_of_work(database.sessions) as session:
            register_person(session, validate(raw), actor=desk(SITE), settings=SITE)
    except PersonValidationError as rejected:
        assert all(error.message for error in rejected.errors)
        return False
    return True


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ANY_PERSON)
def test_any_registration_writes_a_whole_person_or_nothing(
        sqlite_database: Database, raw: dict[str, Any]) -> None:
    before = counts(sqlite_database)
    registered = _register_raw(sqlite_database, raw)
    after = counts(sqlite_database)
    assert after["persons"] == before["persons"] + registered
    if not registered:
        assert after == before


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(sorted(PLAUSIBLE)), ANY_VALUE, min_size=1, max_size=3))
def test_any_change_gives_a_new_version_or_changes_nothing(
        sqlite_database: Database, changes: dict[str, Any]) -> None:
    person = register(sqlite_database, VALID)
    before = counts(sqlite_database)
    try:
        changed = update(sqlite_database, person.id, changes)
    except PersonValidationError:
        assert counts(sqlite_database) == before
        again = stored(sqlite_database, person.id)
        assert (again.version, again.family_name) == (1, VALID["family_name"])
    else:
        assert changed.version in (1, 2)

