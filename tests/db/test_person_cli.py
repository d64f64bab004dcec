"""``lotse person add`` and ``lotse person update`` on both engines: JSON in, JSON out,
exit code 2 with errors per object and field, and nothing written when anything is wrong."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.cli import main
from app.config import Settings
from app.db.models import NumberCounter, Person
from app.services.database import Database, open_database
from app.services.persons import load_person
from tests.actors import PASSWORD, cli_account
from tests.unit.test_person_input import ANY_PERSON

FAMILY = [
    {"family_name": "Al-Hassan", "given_names": "Mohammed", "birth_date": "1988-03-14",
     "sex": "m", "nationality": "SY", "languages": ["ar"], "street": "Further Straße 12",
     "postcode": "41462", "municipality": "Neuss", "status": "protected",
     "status_document": "Aufenthaltserlaubnis §25 Abs. 2", "employable": True,
     "unaccompanied_minor": False,
     "names": [{"family_name": "الحسن", "given_names": "محمد"}]},
    {"family_name": "", "given_names": "Zahra", "birth_date": "2009", "sex": "f",
     "nationality": "AF", "languages": ["fa-AF"], "status": "asylum_seeker",
     "employable": None, "unaccompanied_minor": True},
]


def run(database: Database, *args: str, stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> int:
    if stdin is not None:
        assert monkeypatch is not None
        raw = io.BytesIO(stdin.encode("utf-8"))
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    return main(["--database", database.settings.database_url, "--user", "a.becker", "person",
                 *args])


@pytest.fixture(autouse=True)
def _signed_in(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands act as the front desk account a.becker (password from LOTSE_PASSWORD)."""
    monkeypatch.setenv("LOTSE_PASSWORD", PASSWORD)
    if "database" in request.fixturenames:
        cli_account(request.getfixturevalue("database"), monkeypatch)


def persons_and_counters(database: Database) -> tuple[int, int]:
    with database.sessions() as session:
        persons = session.scalar(select(func.count()).select_from(Person)) or 0
        counters = session.scalar(select(func.coalesce(func.sum(NumberCounter.value), 0)))
        return persons, counters or 0


def stored(database: Database, key: str) -> Person:
    with database.sessions() as session:
        person = load_person(session, key)
        person.names  # noqa: B018 - loaded while the session is open
        return person


def test_add_one_object_from_a_file(database: Database, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "person.json"
    file.write_text(json.dumps(FAMILY[0], ensure_ascii=False), encoding="utf-8")
    assert run(database, "add", str(file)) == 0
    [created] = json.loads(capsys.readouterr().out)
    person = stored(database, created["id"])
    assert person.person_number == created["person_number"]
    assert (person.family_name, person.nationality, person.birth_date_precision) == (
        "Al-Hassan", "SY", "day")
    assert [(n.family_name, n.script) for n in person.names] == [("الحسن", "Arab")]


def test_add_a_list_from_stdin_with_a_byte_order_mark(
        database: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    text = "\ufeff" + json.dumps(FAMILY, ensure_ascii=False)
    assert run(database, "add", stdin=text, monkeypatch=monkeypatch) == 0
    created = json.loads(capsys.readouterr().out)
    assert [set(entry) for entry in created] == [{"id", "person_number"}] * 2
    minor = stored(database, created[1]["person_number"])
    assert (minor.family_name, minor.given_names, minor.unaccompanied_minor) == (
        "", "Zahra", True)
    assert (minor.birth_date_precision, minor.languages, minor.employable) == (
        "year", ["fa-AF"], None)


def test_an_invalid_batch_writes_nothing_and_names_every_error(
        database: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    batch = [FAMILY[0], {**FAMILY[1], "birth_date": "2009-13", "nationality": "AFG"},
             "Zahra", {**FAMILY[1], "postal_code": "41462"}]
    assert run(database, "add", "-", stdin=json.dumps(batch), monkeypatch=monkeypatch) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    errors = json.loads(captured.err)["errors"]
    assert [(e["index"], e["field"]) for e in errors] == [
        (1, "birth_date"), (1, "nationality"), (2, None), (3, "postal_code")]
    assert errors[0]["message"].startswith("Geburtsdatum: ")
    assert "für AFG also AF" in errors[1]["message"]
    assert persons_and_counters(database) == (0, 0)


def test_a_missing_household_rolls_the_batch_back(
        database: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    batch = [FAMILY[0], {**FAMILY[1], "household_id": "0190a1b2-0000-7000-8000-000000000000"}]
    assert run(database, "add", stdin=json.dumps(batch), monkeypatch=monkeypatch) == 2
    [error] = json.loads(capsys.readouterr().err)["errors"]
    assert (error["index"], error["field"]) == (1, "household_id")
    assert persons_and_counters(database) == (0, 0)


@pytest.mark.parametrize("text, expected", [
    ("{", "kein gültiges JSON"),
    ("", "kein gültiges JSON"),
    ("42", "erwartet wird ein JSON-Objekt"),
])
def test_input_that_is_no_json_object(database: Database, text: str, expected: str,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert run(database, "add", stdin=text, monkeypatch=monkeypatch) == 2
    [error] = json.loads(capsys.readouterr().err)["errors"]
    assert expected in error["message"]


def test_a_file_that_cannot_be_read(database: Database, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run(database, "add", str(tmp_path / "missing.json")) == 2
    assert "kann nicht gelesen werden" in json.loads(capsys.readouterr().err)["errors"][0][
        "message"]


def test_update_by_id_and_by_number(database: Database, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run(database, "add", stdin=json.dumps(FAMILY[0]), monkeypatch=monkeypatch) == 0
    [created] = json.loads(capsys.readouterr().out)
    changes = {"street": "Venloer Straße 3", "municipality": "Kaarst", "employable": "nein"}
    assert run(database, "update", created["id"], stdin=json.dumps(changes),
               monkeypatch=monkeypatch) == 0
    assert json.loads(capsys.readouterr().out) == {**created, "version": 2}
    assert run(database, "update", created["person_number"], "-",
               stdin='{"phone": "0151 2345678"}', monkeypatch=monkeypatch) == 0
    assert json.loads(capsys.readouterr().out)["version"] == 3
    person = stored(database, created["id"])
    assert (person.street, person.municipality, person.city, person.employable) == (
        "Venloer Straße 3", "Kaarst", "Kaarst", False)
    assert (person.given_names, person.phone) == ("Mohammed", "0151 2345678")


def test_update_with_bad_fields_changes_nothing(
        database: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(database, "add", stdin=json.dumps(FAMILY[0]), monkeypatch=monkeypatch) == 0
    [created] = json.loads(capsys.readouterr().out)
    changes = {"family_name": "Al-Hassan 😀", "person_number": "P-NE-9-2026-000001-0"}
    assert run(database, "update", created["id"], stdin=json.dumps(changes),
               monkeypatch=monkeypatch) == 2
    errors = json.loads(capsys.readouterr().err)["errors"]
    assert {e["field"] for e in errors} == {"family_name", "person_number"}
    person = stored(database, created["id"])
    assert (person.family_name, person.version) == ("Al-Hassan", 1)


def test_update_of_an_unknown_person(database: Database, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert run(database, "update", "P-NE-1-2026-000001-8", stdin="{}",
               monkeypatch=monkeypatch) == 3
    [error] = json.loads(capsys.readouterr().err)["errors"]
    assert error["field"] == "id" and "gibt es nicht" in error["message"]
    assert run(database, "update", "P-NE-1-2026-000001-8", stdin="[]",
               monkeypatch=monkeypatch) == 2


# --- arbitrary input through the command line ---------------------------------------------


@pytest.fixture(scope="module")
def sqlite_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("cli") / "lotse.sqlite3"
    database = open_database(Settings(database_url=f"sqlite:///{path.as_posix()}", user="t"))
    cli_account(database)  # the row; LOTSE_PASSWORD is set per test
    yield database
    database.close()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(ANY_PERSON, min_size=1, max_size=3))
def test_any_batch_is_saved_whole_or_refused_whole(
        sqlite_database: Database, batch: list[dict[str, Any]],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    before = persons_and_counters(sqlite_database)
    code = run(sqlite_database, "add", stdin=json.dumps(batch), monkeypatch=monkeypatch)
    captured = capsys.readouterr()
    persons, _counters = persons_and_counters(sqlite_database)
    if code == 0:
        assert len(json.loads(captured.out)) == len(batch) == persons - before[0]
    else:
        assert code == 2 and captured.out == ""
        errors = json.loads(captured.err)["errors"]
        assert errors and all(0 <= e["index"] < len(batch) and e["message"] for e in errors)
        assert persons_and_counters(sqlite_database) == before

