"""``lotse user add`` and the global ``--user`` on both engines: the first administrator
without signing in, passwords never as arguments, exit code 4 for sign-in and refusal."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select

from app.cli import main
from app.db.engine import unit_of_work
from app.db.models import AuditEvent, User
from app.security.accounts import sign_in
from app.services.database import Database

PASSWORD = "Sommer2026!"
Run = Callable[..., int]


@pytest.fixture
def lotse(database: Database, monkeypatch: pytest.MonkeyPatch) -> Run:
    def run(*args: str, password: str | None = None, new_password: str | None = None) -> int:
        for name, value in (("LOTSE_PASSWORD", password), ("LOTSE_NEW_PASSWORD", new_password)):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        return main(["--database", database.settings.database_url, *args])
    return run


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """What the user types at the password prompts, in order; the prompts are kept."""
    answers: list[str] = []
    prompts: list[str] = []

    def prompt(text: str = "") -> str:
        prompts.append(text)
        if not answers:
            raise EOFError
        return answers.pop(0)

    monkeypatch.setattr(getpass, "getpass", prompt)
    yield answers
    assert not answers, f"not asked for everything typed; prompts: {prompts}"


def users(database: Database) -> dict[str, str]:
    with database.sessions() as session:
        return {user.username: user.role for user in session.scalars(select(User))}


def actions(database: Database) -> list[tuple[str, str]]:
    with database.sessions() as session:
        return [(e.action, e.username) for e in
                session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]


def can_sign_in(database: Database, name: str, password: str) -> bool:
    with unit_of_work(database.sessions) as session:
        return sign_in(session, name, password, workstation="test").username == name


@pytest.fixture
def admin(database: Database, lotse: Run) -> Database:
    assert lotse("user", "add", "chef", "--role", "admin", password=PASSWORD) == 0
    return database


def test_the_first_administrator_with_the_password_from_the_environment(
        database: Database, lotse: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert lotse("user", "add", "chef", "--role", "admin", "--display-name", "Chefin",
                 password=PASSWORD) == 0
    assert capsys.readouterr().out == "Benutzer „chef“ mit der Rolle Administration angelegt.\n"
    assert users(database) == {"chef": "admin"}
    assert can_sign_in(database, "chef", PASSWORD)


def test_the_first_user_must_be_an_administrator(
        database: Database, lotse: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert lotse("user", "add", "anna", "--role", "frontdesk", password=PASSWORD) == 2
    assert "Rolle: der erste Benutzer einer Datenbank muss die Rolle admin haben" \
        in capsys.readouterr().err
    assert users(database) == {}


def test_the_password_prompt_asks_twice(database: Database, lotse: Run,
                                        typed: list[str],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    typed.extend([PASSWORD, PASSWORD + "x"])
    assert lotse("user", "add", "chef", "--role", "admin") == 2
    assert "Passwort: die beiden Eingaben stimmen nicht überein" in capsys.readouterr().err
    assert users(database) == {}
    typed.extend([PASSWORD, PASSWORD])
    assert lotse("user", "add", "chef", "--role", "admin") == 0
    assert can_sign_in(database, "chef", PASSWORD)


def test_an_administrator_adds_users_with_user(admin: Database, lotse: Run,
                                               typed: list[str]) -> None:
    assert lotse("--user", "chef", "user", "add", "leitung", "--role", "supervisor",
                 password=PASSWORD, new_password="Herbst2026!") == 0
    typed.extend([PASSWORD, "Winter2026!", "Winter2026!"])  # own password, then the new one
    assert lotse("--user", "chef", "user", "add", "empfang", "--role", "frontdesk",
                 "--windows-account", "KREIS\\e.mueller") == 0
    assert users(admin) == {"chef": "admin", "leitung": "supervisor", "empfang": "front_desk"}
    assert can_sign_in(admin, "leitung", "Herbst2026!")
    assert can_sign_in(admin, "empfang", "Winter2026!")


def test_later_users_need_user(admin: Database, lotse: Run,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert lotse("user", "add", "anna", "--role", "frontdesk", password=PASSWORD) == 4
    assert "--user NAME angeben" in capsys.readouterr().err
    assert users(admin) == {"chef": "admin"}


def test_a_failed_sign_in_exits_4_and_never_says_why(admin: Database, lotse: Run,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    command = ("user", "add", "anna", "--role", "frontdesk")
    assert lotse("--user", "chef", *command, password="falsch-123", new_password=PASSWORD) == 4
    wrong = capsys.readouterr().err
    assert lotse("--user", "niemand", *command, password="falsch-123",
                 new_password=PASSWORD) == 4
    assert capsys.readouterr().err == wrong
    assert "Anmeldung fehlgeschlagen" in wrong
    assert actions(admin)[-2:] == [("sign_in_failed", "chef"), ("sign_in_failed", "niemand")]


def test_a_front_desk_account_is_refused_with_exit_4_and_audited(
        admin: Database, lotse: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert lotse("--user", "chef", "user", "add", "empfang", "--role", "frontdesk",
                 password=PASSWORD, new_password=PASSWORD) == 0
    assert lotse("--user", "empfang", "user", "add", "anna", "--role", "admin",
                 password=PASSWORD, new_password=PASSWORD) == 4
    err = capsys.readouterr().err
    assert "„Benutzer verwalten“ ist für die Rolle Empfang nicht erlaubt" in err
    assert "Erlaubt für: Administration" in err
    assert actions(admin)[-2:] == [("sign_in", "empfang"), ("refused", "empfang")]
    assert "anna" not in users(admin)


def test_no_password_at_all_is_explained(admin: Database, lotse: Run, typed: list[str],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert lotse("--user", "chef", "user", "add", "anna", "--role", "frontdesk") == 4
    assert "Kein Passwort eingegeben" in capsys.readouterr().err
