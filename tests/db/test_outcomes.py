"""Outcomes on both engines: by typed or scanned reference (a wrong check digit is named),
each step kept with who and when, and the overdue list."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.cli import main
from app.codes import Role
from app.config import load_settings, user_config_file
from app.db.engine import unit_of_work
from app.db.models import Referral, User
from app.errors import FieldsValidationError, NotFoundError
from app.ids import check_digit
from app.security.passwords import hash_password
from app.security.permissions import PERMISSIONS, RefusedActionError
from app.services.database import Database
from app.services.letters import issue_letter
from app.services.outcomes import overdue, record_outcome
from app.services.referral_lifecycle import TransitionError
from tests.db.referral_scene import SETTINGS, Supervision, add_supervision, audit, status, steps


@pytest.fixture
def office(database: Database) -> Supervision:
    office = add_supervision(database)
    with unit_of_work(database.sessions) as session:
        for reference in (office.scene.jobcenter, office.scene.residence):
            issue_letter(session, reference, actor=office.desk, settings=SETTINGS, language="de")
    return office


def outcome(database: Database, office: Supervision, text: str, code: str,
            reason: str = "") -> None:
    with unit_of_work(database.sessions) as session:
        record_outcome(session, text, code, reason, actor=office.desk)


def field_error(database: Database, office: Supervision, text: str, code: str = "arrived",
                ) -> tuple[str, str]:
    with pytest.raises(FieldsValidationError) as raised:
        outcome(database, office, text, code)
    return raised.value.errors[0].field, raised.value.message


def test_a_scanned_reference_records_the_outcome_with_who_and_when(
        database: Database, office: Supervision) -> None:
    scanned = f"  {office.scene.jobcenter.lower()}\n"  # a scanner may add case and a newline
    outcome(database, office, scanned, "arrived")
    outcome(database, office, office.scene.jobcenter, "completed")
    assert status(database, office.scene.jobcenter) == ("completed", "")
    assert steps(database, office.scene.jobcenter) == [
        ("draft", "issued", "", "a.becker"), ("issued", "arrived", "", "a.becker"),
        ("arrived", "completed", "", "a.becker")]
    last = audit(database)[-1]
    assert (last.action, last.details["from"], last.details["to"]) == (
        "outcome", "arrived", "completed")


def test_a_wrong_check_digit_is_named_and_nothing_is_written(
        database: Database, office: Supervision) -> None:
    good = office.scene.jobcenter
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    field, message = field_error(database, office, wrong)
    assert field == "reference" and "Prüfziffer" in message and "Aktenzeichen" in message
    assert status(database, good)[0] == "issued"


def test_other_bad_references_and_statuses_are_field_errors(
        database: Database, office: Supervision) -> None:
    assert field_error(database, office, "hallo")[0] == "reference"
    person = "P-NE-1-2026-000001"
    assert "Personennummer" in field_error(database, office,
                                           f"{person}-{check_digit(person)}")[1]
    field, message = field_error(database, office, office.scene.jobcenter, "lost")
    assert field == "status" and "arrived" in message
    body = "NE-1-2026-000999"
    with pytest.raises(NotFoundError):
        outcome(database, office, f"{body}-{check_digit(body)}", "arrived")


def test_not_reached_needs_a_reason_and_can_still_turn_into_arrived(
        database: Database, office: Supervision) -> None:
    with pytest.raises(TransitionError, match="Begründung"):
        outcome(database, office, office.scene.residence, "not_reached")
    outcome(database, office, office.scene.residence, "not_reached", "Termin nicht wahrgenommen")
    assert status(database, office.scene.residence) == ("not_reached",
                                                        "Termin nicht wahrgenommen")
    outcome(database, office, office.scene.residence, "arrived")
    assert status(database, office.scene.residence) == ("arrived", "")


def test_a_draft_cannot_have_arrived_but_can_be_cancelled(
        database: Database, office: Supervision) -> None:
    with pytest.raises(TransitionError, match="Ausgehändigt"):
        outcome(database, office, office.scene.school, "arrived")
    outcome(database, office, office.scene.school, "cancelled", "Familie zieht weg")
    assert status(database, office.scene.school) == ("cancelled", "Familie zieht weg")


def issued_days_ago(database: Database, reference: str, days: int, today: date) -> None:
    with unit_of_work(database.sessions) as session:
        referral = session.scalars(select(Referral).where(Referral.reference == reference)).one()
        referral.status_changed_at = datetime(today.year, today.month, today.day, 10,
                                              tzinfo=UTC) - timedelta(days=days)


def test_overdue_lists_issued_referrals_without_outcome_after_n_days(
        database: Database, office: Supervision) -> None:
    today = date(2026, 12, 20)
    issued_days_ago(database, office.scene.jobcenter, 30, today)
    issued_days_ago(database, office.scene.residence, 21, today)
    with database.sessions() as session:
        rows = overdue(session, actor=office.boss, settings=SETTINGS, today=today)
        assert [(r.reference, r.days_waiting) for r in rows] == [(office.scene.jobcenter, 30)]
        assert (rows[0].person_name, rows[0].status) == ("Al-Hassan, Fatima", "issued")
        assert [r.reference for r in overdue(session, actor=office.boss, settings=SETTINGS,
                                             days=20, today=today)] == [
            office.scene.jobcenter, office.scene.residence]  # longest waiting first
    outcome(database, office, office.scene.jobcenter, "arrived")
    with database.sessions() as session:
        assert [r.reference for r in overdue(session, actor=office.desk, settings=SETTINGS,
                                             days=1, today=today)] == [
            office.scene.residence]  # an outcome takes it off the list


def configured_overdue(database: Database, office: Supervision, today: date) -> list[str]:
    settings = load_settings(database_url=database.settings.database_url)
    with database.sessions() as session:
        return [row.reference for row in overdue(session, actor=office.boss,
                                                 settings=settings, today=today)]


def test_the_days_come_from_the_config_file_and_the_environment(
        database: Database, office: Supervision, monkeypatch: pytest.MonkeyPatch) -> None:
    today = date(2026, 12, 20)
    issued_days_ago(database, office.scene.jobcenter, 30, today)
    issued_days_ago(database, office.scene.residence, 10, today)
    assert configured_overdue(database, office, today) == [office.scene.jobcenter]  # 21
    user_config_file().parent.mkdir(parents=True, exist_ok=True)
    user_config_file().write_text("[referrals]\noverdue_days = 7\n", encoding="utf-8")
    assert configured_overdue(database, office, today) == [
        office.scene.jobcenter, office.scene.residence]
    monkeypatch.setenv("LOTSE_OVERDUE_DAYS", "40")  # the environment wins over the file
    assert configured_overdue(database, office, today) == []


def test_listing_overdue_referrals_is_checked_and_a_refusal_audited(
        database: Database, office: Supervision, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every role may list referrals today; a role without it shows that the check is made.
    monkeypatch.setitem(PERMISSIONS, Role.FRONT_DESK, frozenset())
    with database.sessions() as session, pytest.raises(RefusedActionError):
        overdue(session, actor=office.desk, settings=SETTINGS)
    refusal = audit(database)[-1]
    assert (refusal.action, refusal.details["action"]) == ("refused", "list_referrals")


def test_the_command_signs_in_takes_the_setting_and_days_override_it(
        database: Database, office: Supervision, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    today = date.today()
    issued_days_ago(database, office.scene.jobcenter, 30, today)
    issued_days_ago(database, office.scene.residence, 10, today)
    with unit_of_work(database.sessions) as session:
        boss = session.scalars(select(User).where(User.username == "leitung")).one()
        boss.password_hash = hash_password("Sommer2026!")
    monkeypatch.setenv("LOTSE_PASSWORD", "Sommer2026!")
    monkeypatch.setenv("LOTSE_OVERDUE_DAYS", "7")

    def overdue_command(*words: str) -> list[tuple[str, int]]:
        assert main(["--database", database.settings.database_url, "--user", "leitung",
                     "referral", "overdue", "--json", *words]) == 0
        return [(row["reference"], row["days"]) for row in json.loads(capsys.readouterr().out)]

    assert overdue_command() == [(office.scene.jobcenter, 30), (office.scene.residence, 10)]
    assert overdue_command("--days", "20") == [(office.scene.jobcenter, 30)]
    assert audit(database)[-1].action == "sign_in"  # it acted as leitung
