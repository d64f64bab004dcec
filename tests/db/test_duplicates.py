"""The duplicate check before registering: who is shown, and with which reason."""

from __future__ import annotations

from typing import Any

import pytest

from app.config import Settings
from app.db.engine import unit_of_work
from app.services.database import Database
from app.services.duplicates import Duplicate, find_duplicates
from app.services.person_input import validate
from app.services.persons import register_person
from tests.actors import DESK, desk

SITE = Settings(office="NE", workstation=2, user="test")
STORED = [
    {"family_name": "Al-Hassan", "given_names": "Mohammed", "birth_date": "1988-03-14",
     "document_number": "C01X00T47", "names": [{"family_name": "الحسن",
                                                "given_names": "محمد"}]},
    {"family_name": "Kovalenko", "given_names": "Olena", "birth_date": "1979"},
    {"family_name": "Ahmadi", "given_names": "Zahra", "bamf_file_number": "5123456-475"},
    {"family_name": "Al-Hassan", "given_names": "Mohammed", "birth_date": "1960-01-01"},
]


@pytest.fixture
def stored(database: Database) -> Database:
    with unit_of_work(database.sessions) as session:
        for raw in STORED:
            register_person(session, validate(raw), actor=desk(SITE), settings=SITE)
    return database


def check(database: Database, raw: dict[str, Any]) -> list[Duplicate]:
    with database.sessions() as session:
        return find_duplicates(session, validate(raw), actor=DESK)


def test_another_spelling_with_the_same_birth_date_is_a_likely_duplicate(
        stored: Database) -> None:
    found = check(stored, {"family_name": "Alhasan", "given_names": "Muhammad",
                           "birth_date": "14.03.1988"})
    assert [(d.family_name, str(d.birth_date)) for d in found] == [("Al-Hassan", "1988-03-14")]
    assert found[0].reasons[0] == "gleiches Geburtsdatum und ähnlicher Name"
    assert not found[0].strong


def test_a_birth_year_fits_every_day_of_that_year(stored: Database) -> None:
    found = check(stored, {"family_name": "Kowalenko", "given_names": "Olena",
                           "birth_date": "1979-06-30"})
    assert [d.family_name for d in found] == ["Kovalenko"]
    assert "1979-06-30 / 1979" in found[0].reasons[0]


def test_a_different_birth_date_is_another_person(stored: Database) -> None:
    assert check(stored, {"family_name": "Kovalenko", "given_names": "Olena",
                          "birth_date": "1985-02-01"}) == []


def test_a_name_in_arabic_script_finds_the_stored_person(stored: Database) -> None:
    found = check(stored, {"family_name": "الحسن", "given_names": "محمد",
                           "birth_date": "1988-03-14"})
    assert [str(d.birth_date) for d in found] == ["1988-03-14"]


def test_the_same_document_number_is_shown_first_whatever_the_name(stored: Database) -> None:
    found = check(stored, {"family_name": "Hasan", "given_names": "Mohamad",
                           "birth_date": "1960-01-01", "document_number": "C01X00T47"})
    assert [(d.strong, str(d.birth_date)) for d in found] == [
        (True, "1988-03-14"), (False, "1960-01-01")]
    assert found[0].reasons == ("gleiche Dokumentnummer C01X00T47",)


def test_a_similar_name_without_birth_date_is_shown(stored: Database) -> None:
    found = check(stored, {"family_name": "Ahmadi", "given_names": "Sahra"})
    assert [d.given_names for d in found] == ["Zahra"]
    assert found[0].reasons[0] == "ähnlicher Name; ein Geburtsdatum ist nicht bekannt"


def test_the_bamf_file_number_alone_finds_the_person(stored: Database) -> None:
    found = check(stored, {"family_name": "Ahmedi", "given_names": "Z.",
                           "birth_date": "2001", "bamf_file_number": "5123456-475"})
    assert found[0].given_names == "Zahra" and found[0].strong


def test_a_new_name_has_no_duplicates(stored: Database) -> None:
    assert check(stored, {"family_name": "Yilmaz", "given_names": "Ayse",
                          "birth_date": "1988-03-14"}) == []


def test_the_one_born_that_day_is_found_among_many_namesakes(database: Database) -> None:
    namesakes = [{"family_name": "Al-Hassan", "given_names": "Mohammed",
                  "birth_date": f"{1950 + n}-06-01"} for n in range(45)]
    with unit_of_work(database.sessions) as session:
        for raw in [*namesakes, {"family_name": "Al-Hassan", "given_names": "Mohammed",
                                 "birth_date": "2001-11-23"}]:
            register_person(session, validate(raw), actor=desk(SITE), settings=SITE)
    found = check(database, {"family_name": "Alhasan", "given_names": "Muhammad",
                             "birth_date": "23.11.2001"})
    assert [str(d.birth_date) for d in found] == ["2001-11-23"]
