"""Accounts on both engines: adding users, signing in, lockout, refusals on the record."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.codes import Role
from app.db.engine import unit_of_work
from app.db.models import AuditEvent, User
from app.errors import FieldsValidationError
from app.security.accounts import (
    LOCKOUT,
    MAX_FAILED_SIGN_INS,
    SignedIn,
    SignInError,
    add_user,
    sign_in,
    sign_in_windows,
)
from app.security.audit_verify import verify_chain
from app.security.permissions import Action, Actor, RefusedActionError, allowed, require
from app.services.database import Database

HERE = "NE-1"
PASSWORD = "Sommer2026!"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def audit(database: Database) -> list[AuditEvent]:
    with database.sessions() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def account(database: Database, username: str) -> User:
    with database.sessions() as session:
        return session.scalars(select(User).where(User.username == username)).one()


def attempt(database: Database, username: str, password: str = PASSWORD,
            now: datetime = START) -> SignedIn:
    with unit_of_work(database.sessions) as session:
        return sign_in(session, username, password, workstation=HERE, now=now)


def fails(database: Database, username: str, password: str = PASSWORD,
          now: datetime = START) -> str:
    with pytest.raises(SignInError) as raised:
        attempt(database, username, password, now)
    return str(raised.value)


@pytest.fixture
def staff(database: Database) -> Database:
    """The first administrator (bootstrap), then a supervisor and a front-desk account."""
    with unit_of_work(database.sessions) as session:
        add_user(session, "Chef", role="admin", display_name="Chefin", password=PASSWORD,
                 workstation=HERE)
    boss = attempt(database, "chef").actor
    with unit_of_work(database.sessions) as session:
        add_user(session, "leitung", role="supervisor", password=PASSWORD, actor=boss)
        add_user(session, "empfang", role="frontdesk", password=PASSWORD,
                 windows_account="KREIS\\e.mueller", actor=boss)
    return database


# --- adding users ------------------------------------------------------------------------


def test_the_first_user_needs_no_sign_in_but_must_be_an_administrator(
        database: Database) -> None:
    with pytest.raises(FieldsValidationError, match="Rolle: der erste Benutzer"), \
            unit_of_work(database.sessions) as session:
        add_user(session, "empfang", role="frontdesk", password=PASSWORD)
    with unit_of_work(database.sessions) as session:
        add_user(session, "Chef", role="admin", password=PASSWORD, workstation=HERE)
    chef = account(database, "chef")  # stored in lower case
    assert chef.role == "admin" and chef.password_hash and PASSWORD not in chef.password_hash
    [added] = audit(database)
    assert (added.action, added.username, added.details) == (
        "user_added", "", {"username": "chef", "role": "admin"})


def test_later_users_need_an_administrator(staff: Database) -> None:
    with pytest.raises(RefusedActionError, match="schon Benutzer"), \
            unit_of_work(staff.sessions) as session:
        add_user(session, "neu", role="frontdesk", password=PASSWORD)
    clerk = attempt(staff, "empfang").actor
    with pytest.raises(RefusedActionError) as refused, \
            unit_of_work(staff.sessions) as session:
        add_user(session, "neu", role="frontdesk", password=PASSWORD, actor=clerk)
    assert str(refused.value).startswith(
        "„Benutzer verwalten“ ist für die Rolle Empfang nicht erlaubt (empfang).")
    assert refused.value.exit_code == 4
    last = audit(staff)[-1]
    assert (last.action, last.username, last.details) == (
        "refused", "empfang", {"action": "manage_users", "role": "front_desk"})
    with staff.sessions() as session:
        assert session.scalars(select(User).where(User.username == "neu")).first() is None


def test_every_field_problem_is_named_at_once(database: Database) -> None:
    with pytest.raises(FieldsValidationError) as raised, \
            unit_of_work(database.sessions) as session:
        add_user(session, "1 ungültig", role="chef", password="kurz",
                 display_name="Anna\x00", windows_account="a@b")
    assert [error.field for error in raised.value.errors] == [
        "username", "role", "password", "display_name", "windows_account"]
    message = raised.value.message
    assert "Benutzername: „1 ungültig“ passt nicht" in message
    assert "Rolle: „chef“ ist unbekannt; erwartet wird frontdesk, supervisor oder admin" \
        in message
    assert "Passwort: zu kurz; erwartet werden mindestens 8 Zeichen" in message
    assert audit(database) == []


def test_a_user_name_is_taken_in_any_case(staff: Database) -> None:
    boss = attempt(staff, "chef").actor
    with pytest.raises(FieldsValidationError, match="„leitung“ ist schon vergeben"), \
            unit_of_work(staff.sessions) as session:
        add_user(session, "LEITUNG", role="supervisor", password=PASSWORD, actor=boss)
    with pytest.raises(FieldsValidationError, match="gehört schon"), \
            unit_of_work(staff.sessions) as session:
        add_user(session, "e2", role="frontdesk", password=PASSWORD,
                 windows_account="kreis\\E.Mueller", actor=boss)


@pytest.mark.parametrize(("spelling", "role"), [("frontdesk", Role.FRONT_DESK),
                                                ("front_desk", Role.FRONT_DESK),
                                                ("Supervisor", Role.SUPERVISOR),
                                                ("admin", Role.ADMIN)])
def test_role_spellings_of_the_cli_and_the_codes(staff: Database, spelling: str,
                                                 role: Role) -> None:
    boss = attempt(staff, "chef").actor
    with unit_of_work(staff.sessions) as session:
        add_user(session, "neu", role=spelling, password=PASSWORD, actor=boss)
    assert attempt(staff, "neu").role is role


# --- signing in --------------------------------------------------------------------------


def test_sign_in_names_the_user_and_is_on_the_record(staff: Database) -> None:
    signed_in = attempt(staff, " CHEF ")
    assert (signed_in.username, signed_in.role, signed_in.display_name,
            signed_in.workstation) == ("chef", Role.ADMIN, "Chefin", HERE)
    assert signed_in.actor == Actor(signed_in.user_id, "chef", Role.ADMIN, HERE)
    last = audit(staff)[-1]
    assert (last.action, last.user_id, last.workstation) == ("sign_in", signed_in.user_id, HERE)


def test_wrong_password_and_unknown_user_look_the_same(staff: Database) -> None:
    wrong = fails(staff, "leitung", "Winter2026!")
    unknown = fails(staff, "niemand", "Winter2026!")
    assert wrong == unknown
    assert "Benutzername oder Passwort stimmen nicht" in wrong
    failed = audit(staff)[-2:]
    assert [(e.action, e.username) for e in failed] == [("sign_in_failed", "leitung"),
                                                        ("sign_in_failed", "niemand")]
    assert failed[0].user_id is not None and failed[1].user_id is None
    assert not any("Winter2026" in str(e.details) for e in audit(staff))


def test_wrong_password_and_unknown_user_take_about_as_long(staff: Database) -> None:
    def median(username: str) -> float:
        times = []
        for _ in range(5):
            started = time.perf_counter()
            fails(staff, username, "Winter2026!")
            times.append(time.perf_counter() - started)
        return sorted(times)[2]

    wrong, unknown = median("leitung"), median("niemand")
    assert 0.5 < unknown / wrong < 2.0, (wrong, unknown)


def test_five_failures_lock_the_account_for_fifteen_minutes(staff: Database) -> None:
    for minute in range(MAX_FAILED_SIGN_INS):
        fails(staff, "leitung", "falsch-123", START + timedelta(minutes=minute))
    locked_at = START + timedelta(minutes=MAX_FAILED_SIGN_INS - 1)
    assert audit(staff)[-1].details["locked"] is True
    # Locked: even the right password is refused, with the same message as ever.
    assert fails(staff, "leitung", PASSWORD, locked_at + LOCKOUT - timedelta(seconds=1)) == \
        fails(staff, "niemand", PASSWORD)
    assert audit(staff)[-2].details["reason"] == "locked"
    assert attempt(staff, "leitung", now=locked_at + LOCKOUT).username == "leitung"
    assert account(staff, "leitung").locked_until is None


def test_a_successful_sign_in_resets_the_count(staff: Database) -> None:
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        fails(staff, "leitung", "falsch-123")
    attempt(staff, "leitung")
    assert account(staff, "leitung").failed_sign_ins == 0
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        fails(staff, "leitung", "falsch-123")
    assert attempt(staff, "leitung").username == "leitung"  # not locked


def test_an_inactive_account_is_refused_like_any_other(staff: Database) -> None:
    with unit_of_work(staff.sessions) as session:
        session.scalars(select(User).where(User.username == "leitung")).one().active = False
    assert fails(staff, "leitung") == fails(staff, "niemand")
    assert audit(staff)[-2].details["reason"] == "inactive"


@pytest.mark.parametrize("typed", ["", "x" * 10_000, "chef\x00", "ch\U0001f600ef",
                                   "مدير", "chef'; DROP TABLE users;--"])
def test_odd_user_names_fail_cleanly_and_stay_on_record(staff: Database, typed: str) -> None:
    fails(staff, typed)
    last = audit(staff)[-1]
    assert last.action == "sign_in_failed" and len(last.username) <= 100
    assert "\x00" not in last.username
    assert verify_chain_ok(staff)


def verify_chain_ok(database: Database) -> bool:
    with database.sessions() as session:
        return verify_chain(session).intact


def test_sign_in_as_the_windows_user(staff: Database) -> None:
    with unit_of_work(staff.sessions) as session:
        signed_in = sign_in_windows(session, "kreis\\E.MUELLER", workstation=HERE)
    assert (signed_in.username, signed_in.role) == ("empfang", Role.FRONT_DESK)
    assert audit(staff)[-1].details == {"method": "windows"}
    with pytest.raises(SignInError), unit_of_work(staff.sessions) as session:
        sign_in_windows(session, "KREIS\\fremd", workstation=HERE)
    assert audit(staff)[-1].action == "sign_in_failed"


# --- refusals ----------------------------------------------------------------------------


def test_every_refusal_raises_and_stays_on_record(staff: Database) -> None:
    refused = [(role, action) for role in Role for action in Action
               if not allowed(role, action)]
    assert len(refused) == 11 + 2  # front desk: 11 actions, supervisor: 2
    before = len(audit(staff))
    for role, action in refused:
        actor = Actor(None, f"demo-{role.value}", role, HERE)
        with pytest.raises(RefusedActionError, match=action.label), \
                unit_of_work(staff.sessions) as session:
            require(session, actor, action)
    events = audit(staff)[before:]
    assert [(e.action, e.details["role"], e.details["action"]) for e in events] == [
        ("refused", role.value, action.value) for role, action in refused]


def test_a_refusal_survives_the_rollback_of_the_action(staff: Database) -> None:
    clerk = attempt(staff, "empfang").actor
    with pytest.raises(RefusedActionError), unit_of_work(staff.sessions) as session:
        require(session, clerk, Action.APPROVE_REFERRAL)
        session.add(User(username="never", role="admin"))  # not reached
    assert audit(staff)[-1].details == {"action": "approve_referral", "role": "front_desk"}
    assert verify_chain_ok(staff)


# --- demo accounts -----------------------------------------------------------------------


def test_the_demo_has_an_account_per_role_with_the_password_demo(database: Database) -> None:
    from app.demo.load import load_demo

    load_demo(database, persons=0, progress=False)
    hashes = {user.username: user.password_hash for user in _users(database)}
    load_demo(database, persons=0, progress=False)  # idempotent: nothing added or rehashed
    assert {user.username: user.password_hash for user in _users(database)} == hashes
    roles = {name: attempt(database, name, "demo").role for name in hashes}
    assert roles == {"empfang": Role.FRONT_DESK, "leitung": Role.SUPERVISOR,
                     "admin": Role.ADMIN}


def test_no_demo_accounts_in_a_database_with_real_accounts(staff: Database) -> None:
    from app.demo.load import load_demo
    from app.errors import LotseError

    with pytest.raises(LotseError, match="Benutzerkonten und ist keine Demo-Datenbank"):
        load_demo(staff, persons=0, progress=False)
    assert {user.username for user in _users(staff)} == {"chef", "leitung", "empfang"}


def _users(database: Database) -> list[User]:
    with database.sessions() as session:
        return list(session.scalars(select(User)))
