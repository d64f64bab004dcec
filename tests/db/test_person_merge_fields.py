"""Two counters change the same person: the second save is refused, the merge of both is
saved on top of the stored version, and a third save in between is caught again."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from app.config import Settings
from app.db.engine import unit_of_work
from app.errors import ConflictError
from app.services.database import Database
from app.services.person_input import as_raw, validate
from app.services.person_merge_fields import Side, merged, three_way
from app.services.person_view import view_person
from app.services.persons import input_from_person, register_person, update_person
from tests.actors import desk

SITE = Settings(office="NE", workstation=2, user="test")
PERSON = {"family_name": "Kovalenko", "given_names": "Olena", "birth_date": "1984-06-02",
          "sex": "f", "nationality": "UA", "languages": ["uk", "ru"]}


def stored_version(database: Database, person_id: uuid.UUID) -> tuple[int, dict[str, Any]]:
    """What the dialog compares with: the stored person as form data (an audited view)."""
    with unit_of_work(database.sessions) as session:
        person = view_person(session, person_id, actor=desk(SITE))
        return person.version, as_raw(input_from_person(person))


def save(database: Database, person_id: uuid.UUID, raw: dict[str, Any], version: int) -> int:
    changes = {key: value for key, value in raw.items() if key != "household_id"}
    with unit_of_work(database.sessions) as session:
        return update_person(session, person_id, changes, actor=desk(SITE), settings=SITE,
                             expected_version=version).version


def test_the_merge_of_two_saves_keeps_both_changes(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        person_id = register_person(session, validate(PERSON), actor=desk(SITE),
                                    settings=SITE).id
    loaded_version, base = stored_version(database, person_id)
    # Counter 1 stores a new address; counter 2 typed a phone number and a note meanwhile.
    save(database, person_id, {**base, "street": "Markt 1", "postcode": "41460"},
         loaded_version)
    mine = {**base, "phone": "0176 5550000", "birth_date": "02.06.1984",
            "note": "Braucht Termin"}
    with pytest.raises(ConflictError):
        save(database, person_id, mine, loaded_version)
    version, theirs = stored_version(database, person_id)
    choices = three_way(base, mine, theirs)
    assert {c.key: c.default for c in choices} == {
        "street": Side.THEIRS, "postcode": Side.THEIRS, "phone": Side.MINE, "note": Side.MINE}
    save(database, person_id, merged(mine, theirs, choices, {}), version)
    final_version, final = stored_version(database, person_id)
    assert (final["street"], final["postcode"], final["phone"], final["note"]) == (
        "Markt 1", "41460", "0176 5550000", "Braucht Termin")
    assert final["languages"] == ["uk", "ru"] and final_version == version + 1


def test_a_third_save_before_the_merge_is_refused_again(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        person_id = register_person(session, validate(PERSON), actor=desk(SITE),
                                    settings=SITE).id
    loaded_version, base = stored_version(database, person_id)
    save(database, person_id, {**base, "phone": "02131 1"}, loaded_version)
    version, theirs = stored_version(database, person_id)
    mine = {**base, "phone": "0176 2"}
    merge = merged(mine, theirs, three_way(base, mine, theirs), {"phone": Side.MINE})
    save(database, person_id, {**theirs, "email": "o.k@example.org"}, version)  # a third
    with pytest.raises(ConflictError):
        save(database, person_id, merge, version)
    _version, now = stored_version(database, person_id)
    assert (now["phone"], now["email"]) == ("02131 1", "o.k@example.org")
