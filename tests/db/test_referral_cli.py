"""``lotse referral create|approve|reject|outcome|overdue`` and ``lotse export referrals`` on
both engines, acting as real accounts: refusals exit 4 and are audited, bad input exits 2
with a JSON error per field, nothing is written then.

Until app/cli.py registers these commands, ``lotse`` below parses and dispatches them the
way ``app.cli.main`` does."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from app.db.engine import unit_of_work
from app.security.accounts import add_user, sign_in
from app.services.database import Database
from app.services.letters import issue_letter
from tests.actors import desk
from tests.db.letter_scene import SETTINGS, Scene, add_scene
from tests.db.referral_scene import audit, status

PASSWORD = "Sommer2026!"
Run = Callable[..., int]


@pytest.fixture
def scene(database: Database) -> Scene:
    with unit_of_work(database.sessions) as session:
        add_user(session, "chef", role="admin", password=PASSWORD)
    with unit_of_work(database.sessions) as session:
        chef = sign_in(session, "chef", PASSWORD, workstation="NE-1").actor
    with unit_of_work(database.sessions) as session:
        add_user(session, "leitung", role="supervisor", password=PASSWORD, actor=chef)
        add_user(session, "empfang", role="frontdesk", password=PASSWORD, actor=chef)
        return add_scene(session)


@pytest.fixture
def lotse(database: Database, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("LOTSE_PASSWORD", PASSWORD)

    def run(*words: str) -> int:
        return main(["--database", database.settings.database_url, *words])
    return run


def test_create_routes_the_concern_and_prints_the_referrals_as_json(
        lotse: Run, scene: Scene, capsys: pytest.CaptureFixture[str],
        database: Database) -> None:
    assert lotse("--user", "empfang", "referral", "create", "--person", str(scene.son),
                 "--concern", "childcare_family", "--json") == 0
    created = json.loads(capsys.readouterr().out)
    assert created and created[0]["agency_kind"] == "jugendamt"
    assert {item["status"] for item in created} == {"draft"}
    assert "Jugendamt" in created[0]["approval"][0]
    assert status(database, created[0]["reference"]) == ("draft", "")


def test_create_refuses_bad_input_with_a_json_error_per_field(
        lotse: Run, scene: Scene, capsys: pytest.CaptureFixture[str]) -> None:
    assert lotse("--user", "empfang", "referral", "create", "--person", str(scene.son),
                 "--concern", "kita") == 2
    errors = json.loads(capsys.readouterr().err)["errors"]
    assert errors[0]["field"] == "concern" and "kita" in errors[0]["message"]
    assert lotse("--user", "empfang", "referral", "create", "--person", "P-NE-1-2026-0",
                 "--concern", "work") == 3


def test_the_front_desk_may_not_approve_exit_4_audited_and_a_supervisor_may(
        lotse: Run, scene: Scene, capsys: pytest.CaptureFixture[str],
        database: Database) -> None:
    assert lotse("--user", "empfang", "referral", "approve", scene.school) == 4
    assert "Teamleitung" in capsys.readouterr().err
    refused = audit(database)[-1]
    assert (refused.action, refused.username, refused.details["action"]) == (
        "refused", "empfang", "approve_referral")
    assert status(database, scene.school)[0] == "draft"
    assert lotse("--user", "leitung", "referral", "approve", scene.school) == 0
    assert status(database, scene.school)[0] == "approved"
    assert lotse("--user", "leitung", "referral", "reject", scene.jobcenter,
                 "--reason", "falsche Stelle") == 0
    assert status(database, scene.jobcenter) == ("rejected", "falsche Stelle")


def test_outcome_by_typed_reference_and_a_wrong_check_digit(
        lotse: Run, scene: Scene, capsys: pytest.CaptureFixture[str],
        database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        issue_letter(session, scene.residence, actor=desk(SETTINGS), settings=SETTINGS,
                     language="de")
    wrong = scene.residence[:-1] + str((int(scene.residence[-1]) + 1) % 10)
    assert lotse("--user", "empfang", "referral", "outcome", wrong, "--status", "arrived") == 2
    assert json.loads(capsys.readouterr().err)["errors"][0]["field"] == "reference"
    assert lotse("--user", "empfang", "referral", "outcome", scene.residence,
                 "--status", "declined") == 2  # needs a reason
    assert lotse("--user", "empfang", "referral", "outcome", scene.residence,
                 "--status", "declined", "--reason", "nicht zuständig") == 0
    assert status(database, scene.residence) == ("declined", "nicht zuständig")
    assert lotse("--user", "empfang", "referral", "overdue", "--days", "0", "--json") == 0


def test_export_writes_the_file_for_a_supervisor_only(
        lotse: Run, scene: Scene, tmp_path: Path, database: Database) -> None:
    out = tmp_path / "export" / "ueberleitungen.xlsx"
    out.parent.mkdir()
    assert lotse("--user", "empfang", "export", "referrals", "--out", str(out)) == 4
    assert not out.exists() and audit(database)[-1].action == "refused"
    assert lotse("--user", "leitung", "export", "referrals", "--from", "2026-01-01",
                 "--out", str(out)) == 0
    assert out.stat().st_size > 0 and audit(database)[-1].action == "export"
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind


def test_without_user_the_commands_ask_for_one(lotse: Run, scene: Scene,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert lotse("referral", "approve", scene.school) == 4
    assert "--user" in capsys.readouterr().err
