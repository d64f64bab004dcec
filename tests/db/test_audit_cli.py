"""``lotse audit verify``: exit 0 and the chain's head when intact, exit 1 naming the first
broken link otherwise; it never upgrades the database. Once the database has accounts it is
a supervisor's action: ``--user`` signs in, the front desk is refused with exit code 4."""

from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import select, text

from app.cli import main
from app.codes import Role
from app.config import Settings
from app.db.engine import build_engine, unit_of_work
from app.db.models import AuditEvent
from app.db.schema import alembic_config
from app.security.accounts import add_user
from app.security.audit import AuditAction, record
from app.security.permissions import Actor
from app.services.database import Database, open_database
from tests.db.test_audit_verify import log, tamper

PASSWORD = "Sommer2026!"


def verify(url: str, *options: str, user: str | None = None) -> int:
    signed_in = ["--user", user] if user else []
    return main(["--database", url, *signed_in, "audit", "verify", *options])


def accounts(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """An administrator, a supervisor and a front desk account, all with PASSWORD."""
    monkeypatch.setenv("LOTSE_PASSWORD", PASSWORD)
    with unit_of_work(database.sessions) as session:
        admin = add_user(session, "admin", role="admin", password=PASSWORD)
        by = Actor(admin.id, "admin", Role.ADMIN, "NE-1")
        add_user(session, "leitung", role="supervisor", password=PASSWORD, actor=by)
        add_user(session, "empfang", role="frontdesk", password=PASSWORD, actor=by)


def last_entry(database: Database) -> AuditEvent:
    with database.sessions() as session:
        return session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())
                               .limit(1)).one()


def test_an_intact_log_exits_0(database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    log(database, 3)
    url = database.settings.database_url
    assert verify(url, "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["intact"] is True and report["broken"] is None
    assert (report["checked"], report["head_seq"], len(report["head_hash"])) == (3, 3, 64)
    assert verify(url) == 0
    assert "intakt: 3 Einträge geprüft, letzter Eintrag 3" in capsys.readouterr().out


def test_a_deleted_row_exits_1_and_names_the_gap(database: Database,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    events = log(database, 4)
    tamper(database, "DELETE FROM audit_events WHERE seq = 2")
    url = database.settings.database_url
    assert verify(url, "--json") == 1
    broken = json.loads(capsys.readouterr().out)["broken"]
    assert (broken["seq"], broken["id"], broken["problem"], broken["expected_seq"]) == (
        3, str(events[2].id), "gap", 2)
    assert verify(url) == 1
    out = capsys.readouterr().out
    assert "GEBROCHEN nach 1 intakten Einträgen" in out and "Eintrag 3" in out


def test_an_edited_row_exits_1_and_names_it(database: Database,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    events = log(database, 3)
    tamper(database, "UPDATE audit_events SET workstation = 'NE-9' WHERE seq = 2")
    assert verify(database.settings.database_url, "--json") == 1
    broken = json.loads(capsys.readouterr().out)["broken"]
    assert (broken["id"], broken["problem"]) == (str(events[1].id), "entry_hash")


def test_an_older_schema_is_reported_not_upgraded(sqlite_url: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    database = open_database(Settings(database_url=sqlite_url))
    with unit_of_work(database.sessions) as session:
        record(session, AuditAction.SIGN_IN, username="admin")
    database.close()
    engine = build_engine(sqlite_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0004")
    assert verify(sqlite_url) == 4
    assert "lotse db upgrade" in capsys.readouterr().err
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "0004"
    engine.dispose()


def test_with_accounts_a_supervisor_signs_in_to_verify(
        database: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    accounts(database, monkeypatch)
    url = database.settings.database_url
    assert verify(url, "--json", user="leitung") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["intact"] is True
    assert report["checked"] == 4  # three accounts added, and this sign-in
    signed_in = last_entry(database)
    assert (signed_in.action, signed_in.username) == (AuditAction.SIGN_IN.value, "leitung")


def test_with_accounts_verifying_needs_a_user(
        database: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    accounts(database, monkeypatch)
    assert verify(database.settings.database_url) == 4
    assert "--user NAME" in capsys.readouterr().err


def test_the_front_desk_is_refused_and_the_refusal_is_on_record(
        database: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    accounts(database, monkeypatch)
    assert verify(database.settings.database_url, "--json", user="empfang") == 4
    captured = capsys.readouterr()
    assert captured.out == ""  # no report for a refused user
    assert "Protokoll prüfen" in captured.err and "Teamleitung" in captured.err
    refusal = last_entry(database)
    assert (refusal.action, refusal.username) == (AuditAction.REFUSED.value, "empfang")
    assert refusal.details == {"action": "verify_audit", "role": "front_desk"}
