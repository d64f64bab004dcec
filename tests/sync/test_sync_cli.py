"""The headless commands: ``branch init``, ``sync --json`` and ``conflicts list --json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.codes import Role
from app.config import Settings
from app.db.engine import unit_of_work
from app.services.database import open_database
from app.services.persons import update_person
from tests.actors import cli_account, desk
from tests.sync.scene import Hub

pytestmark = pytest.mark.postgres



def test_init_sync_and_the_conflicts_of_a_branch(hub: Hub, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{(tmp_path / 'zweigstelle.sqlite3').as_posix()}"
    lotse = ["--database", url]
    assert main([*lotse, "branch", "init", "--hub", hub.url, "--office", "NE",
                 "--workstation", "NE-7"]) == 0
    assert 'workstation = 7' in capsys.readouterr().out
    assert main([*lotse, "branch", "init", "--hub", hub.url, "--office", "NE",
                 "--workstation", "7"]) == 1  # not empty any more
    assert "nicht leer" in capsys.readouterr().err
    branch = Settings(database_url=url, office="NE", workstation=7, user="a.becker")
    replica = open_database(branch)
    with unit_of_work(replica.sessions) as session:
        update_person(session, hub.scene.mother, {"phone": "0170 7"}, actor=desk(branch),
                      settings=branch)
    with unit_of_work(hub.database.sessions) as session:
        update_person(session, hub.scene.mother, {"phone": "0170 1"},
                      actor=desk(hub.database.settings), settings=hub.database.settings)
    assert main([*lotse, "sync", "--json"]) == 0
    moved = json.loads(capsys.readouterr().out)
    assert moved["pushed"] == 1 and moved["pulled"] >= 1
    assert [conflict["field"] for conflict in moved["conflicts"]] == ["phone"]
    options = cli_account(replica, monkeypatch, "leitung", Role.SUPERVISOR)
    replica.close()
    assert main([*lotse, *options, "conflicts", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert {listed["hub_value"], listed["replica_value"]} == {"0170 1", "0170 7"}
    assert main([*lotse, "sync", "--json"]) == 0  # the supervisor's account, made here
    assert json.loads(capsys.readouterr().out)["pushed"] == 1
    assert main([*lotse, "sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "pushed": 0, "duplicates": 0, "pulled": 0, "skipped": 0, "conflicts": []}


def test_the_front_desk_may_not_list_conflicts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{(tmp_path / 'lokal.sqlite3').as_posix()}"
    database = open_database(Settings(database_url=url))
    options = cli_account(database, monkeypatch)
    database.close()
    assert main(["--database", url, *options, "conflicts", "list"]) == 4
    assert "Synchronisationskonflikte prüfen" in capsys.readouterr().err


def test_sync_on_a_database_that_is_no_branch(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{(tmp_path / 'lokal.sqlite3').as_posix()}"
    open_database(Settings(database_url=url)).close()
    assert main(["--database", url, "sync"]) == 2
    assert "keine Zweigstellen-Kopie" in capsys.readouterr().err
