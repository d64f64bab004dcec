"""``lotse visit add`` on both engines: a JSON object in, ``{"id"}`` out; exit code 2 with
an error per field, or 3 for an unknown person, and nothing written then."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import func, select

from app.cli import main
from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import Concern, Visit
from app.services.database import Database
from app.services.person_input import validate
from app.services.persons import register_person
from tests.actors import cli_account, desk
from tests.unit.test_visit_input import ANY_VISIT

SITE = Settings(office="NE", workstation=2)

VISIT = {"concerns": ["benefits", {"code": "residence", "note": "Duldung läuft ab"}],
         "note": "Mit Dolmetscherin; Bescheid liegt vor.", "interpreter_used": True,
         "interpreter_language": "ar"}


@pytest.fixture
def person(database: Database) -> tuple[str, str]:
    """Id and person number of a stored person."""
    with unit_of_work(database.sessions) as session:
        stored = register_person(session, validate({"family_name": "Al-Hassan",
                                                     "given_names": "Fatima"}),
                                 actor=desk(SITE), settings=SITE)
        return str(stored.id), stored.person_number


def run(database: Database, *args: str, stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> int:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")),
                                                          encoding="utf-8"))
    return main(["--database", database.settings.database_url, "--user", "a.becker", "visit",
                 "add", *args])


@pytest.fixture(autouse=True)
def _signed_in(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command acts as the front desk account a.becker."""
    cli_account(database, monkeypatch)


def stored_visits(database: Database) -> list[tuple[str, list[str]]]:
    with database.sessions() as session:
        return [(visit.note, sorted(concern.code for concern in visit.concerns))
                for visit in session.scalars(select(Visit))]


def concern_rows(database: Database) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(Concern)) or 0


def test_a_visit_from_a_json_file(database: Database, person: tuple[str, str], tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "visit.json"
    file.write_text(json.dumps(VISIT, ensure_ascii=False), encoding="utf-8")
    assert run(database, person[0], "--json-file", str(file)) == 0
    created = json.loads(capsys.readouterr().out)
    assert set(created) == {"id"}
    with database.sessions() as session:
        visit = session.get_one(Visit, uuid.UUID(created["id"]))
        assert (str(visit.person_id), visit.interpreter_language) == (person[0], "ar")
    assert stored_visits(database) == [(VISIT["note"], ["benefits", "residence"])]


def test_a_visit_from_stdin_for_a_person_number(
        database: Database, person: tuple[str, str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    text = "\ufeff" + json.dumps({"concerns": ["work"]})
    assert run(database, person[1], "-", stdin=text, monkeypatch=monkeypatch) == 0
    assert "id" in json.loads(capsys.readouterr().out)
    assert stored_visits(database) == [("", ["work"])]


def errors(capsys: pytest.CaptureFixture[str]) -> dict[str | None, str]:
    captured = capsys.readouterr()
    assert captured.out == ""
    return {entry["field"]: entry["message"] for entry in json.loads(captured.err)["errors"]}


def test_invalid_input_exits_2_with_errors_per_field_and_writes_nothing(
        database: Database, person: tuple[str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "visit.json"
    file.write_text(json.dumps({"concerns": ["work", "wohnen", "work"],
                                "interpreter_used": True}), encoding="utf-8")
    assert run(database, person[0], str(file)) == 2
    found = errors(capsys)
    assert found["concerns[1]"].endswith("gemeint ist wohl „housing“ (Wohnen)")
    assert found["concerns"].startswith("Anliegen: „work“ ist mehrfach angegeben")
    assert found["interpreter_language"].startswith("Dolmetschsprache: angeben")
    file.write_text("[]", encoding="utf-8")
    assert run(database, person[0], str(file)) == 2
    assert list(errors(capsys)) == [None]
    file.write_text("{\"concerns\": [", encoding="utf-8")
    assert run(database, person[0], str(file)) == 2
    assert "kein gültiges JSON" in errors(capsys)[None]
    assert stored_visits(database) == [] and concern_rows(database) == 0


def test_an_unknown_person_exits_3_and_writes_nothing(
        database: Database, person: tuple[str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "visit.json"
    file.write_text(json.dumps(VISIT), encoding="utf-8")
    assert run(database, str(uuid.uuid4()), str(file)) == 3
    assert "gibt es nicht" in errors(capsys)["person"]
    assert stored_visits(database) == []


def test_the_file_is_named_once(database: Database, person: tuple[str, str],
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run(database, person[0], "a.json", "--json-file", "b.json") == 2
    assert "nicht beides" in errors(capsys)[None]


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=ANY_VISIT)
def test_any_object_is_stored_whole_or_refused_whole(
        database: Database, person: tuple[str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], raw: dict[str, Any]) -> None:
    before = len(stored_visits(database)), concern_rows(database)
    file = tmp_path / "any.json"
    file.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8",
                    errors="surrogatepass")
    code = run(database, person[0], str(file))
    captured = capsys.readouterr()
    after = len(stored_visits(database)), concern_rows(database)
    if code == 0:
        assert after[0] == before[0] + 1 and after[1] > before[1]
    else:
        assert code == 2 and json.loads(captured.err)["errors"] and after == before
