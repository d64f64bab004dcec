"""Lotse accounts: adding users, and signing in with a password or as the Windows user.

Signing in never tells whether a user name exists: an unknown name, a wrong password, an
inactive and a locked account all get the same message, and an unknown name is checked
against a dummy hash so that it takes as long as a wrong password. After
``MAX_FAILED_SIGN_INS`` failures in a row an account is locked for ``LOCKOUT``.

Every attempt goes on the audit record with the typed user name (never the password). A
failed attempt is recorded in a short transaction of its own, because the caller's unit of
work rolls back with the error: sign in before the unit of work writes anything.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.codes import Role
from app.db.models import User
from app.errors import FieldsValidationError, LotseError
from app.i18n import _
from app.security.account_input import (
    USERNAME,
    AccountInput,
    field_error,
    normalize_username,
    validate_account,
)
from app.security.audit import AuditAction, record
from app.security.passwords import (
    hash_password,
    needs_rehash,
    verify_against_dummy,
    verify_password,
)
from app.security.permissions import Action, Actor, RefusedActionError, require

MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=15)


class SignInError(LotseError):
    """Signing in failed; the message never says why (see the module docstring)."""

    exit_code = 4

    def __init__(self) -> None:
        super().__init__(
            _("Anmeldung fehlgeschlagen: Benutzername oder Passwort stimmen nicht, oder das "
              "Konto ist gesperrt."),
            hint=_("Nach {n} Fehlversuchen in Folge ist ein Konto {minutes} Minuten gesperrt. "
                   "Bei Fragen hilft die Administration.").format(
                n=MAX_FAILED_SIGN_INS, minutes=int(LOCKOUT.total_seconds() // 60)))


@dataclass(frozen=True)
class SignedIn:
    """The user who signed in, at which workstation (``NE-2``)."""

    user_id: uuid.UUID
    username: str
    role: Role
    display_name: str
    workstation: str

    @property
    def actor(self) -> Actor:
        return Actor(self.user_id, self.username, self.role, self.workstation)


def has_users(session: Session) -> bool:
    """Whether any account exists; before the first one, the first administrator may be
    added without signing in."""
    first = session.scalars(select(User.id).where(User.deleted_at.is_(None)).limit(1)).first()
    return first is not None


def find_user(session: Session, username: str) -> User | None:
    """The account of a user name as typed (any case); None for a name that cannot be one."""
    name = normalize_username(username)
    if not USERNAME.fullmatch(name):  # never send a 10,000-character or NUL name to a query
        return None
    return session.scalars(select(User).where(func.lower(User.username) == name,
                                              User.deleted_at.is_(None))).first()


def add_user(session: Session, username: str, *, role: str | Role, display_name: str = "",
             password: str | None = None, windows_account: str | None = None,
             actor: Actor | None = None, workstation: str = "") -> User:
    """Add an account in the caller's unit of work. Only an administrator (``actor``) may;
    without an actor only the first account of a database, which must be an administrator.
    Raises FieldsValidationError (per field), RefusedActionError; audited as USER_ADDED."""
    _authorise(session, actor)
    account = validate_account(username, role, display_name=display_name, password=password,
                               windows_account=windows_account)
    if actor is None and account.role is not Role.ADMIN:
        raise FieldsValidationError([field_error("role", _(
            "der erste Benutzer einer Datenbank muss die Rolle admin haben, damit jemand "
            "weitere Benutzer anlegen kann"))])
    _check_unique(session, account)
    user = _new_user(account, origin=actor.workstation if actor else workstation)
    session.add(user)
    session.flush()
    record(session, AuditAction.USER_ADDED, username=actor.username if actor else "",
           user_id=actor.user_id if actor else None,
           workstation=actor.workstation if actor else workstation, entity_type="user",
           entity_id=user.id, details={"username": user.username, "role": user.role})
    return user


def _authorise(session: Session, actor: Actor | None) -> None:
    if actor is not None:
        require(session, actor, Action.MANAGE_USERS)
    elif has_users(session):
        raise RefusedActionError(
            _("Es gibt schon Benutzer: neue Benutzer legt die Administration an."),
            hint=_("Als Administrator anmelden, z. B. lotse --user admin user add …"))


def _check_unique(session: Session, account: AccountInput) -> None:
    if find_user(session, account.username) is not None:
        raise FieldsValidationError([field_error("username", _(
            "„{name}“ ist schon vergeben; erwartet wird ein anderer Name").format(
                name=account.username))])
    if account.windows_account and _windows_user(session, account.windows_account):
        raise FieldsValidationError([field_error("windows_account", _(
            "„{account}“ gehört schon zu einem anderen Benutzer").format(
                account=account.windows_account))])


def _new_user(account: AccountInput, *, origin: str) -> User:
    return User(username=account.username, display_name=account.display_name,
                role=account.role.value, windows_account=account.windows_account,
                password_hash=hash_password(account.password) if account.password else None,
                active=True, failed_sign_ins=0, origin=origin)


def _windows_user(session: Session, windows_account: str) -> User | None:
    return session.scalars(select(User).where(
        func.lower(User.windows_account) == windows_account.strip().lower(),
        User.deleted_at.is_(None))).first()


# --- signing in --------------------------------------------------------------------------


def sign_in(session: Session, username: str, password: str, *, workstation: str,
            now: datetime | None = None) -> SignedIn:
    """Check user name and password; raise SignInError (the same for every reason)."""
    moment = now or datetime.now(UTC)
    user = find_user(session, username)
    problem = _password_problem(user, password, moment)
    if problem:
        _record_failure(session, username, user, problem, workstation, moment)
        raise SignInError()
    assert user is not None  # no problem means a user
    _reset_failures(user, password)
    return _signed_in(session, user, workstation, method="password")


def sign_in_windows(session: Session, windows_account: str, *, workstation: str,
                    now: datetime | None = None) -> SignedIn:
    """Sign in as the Windows user the program runs as (``DOMAIN\\name``), when the
    configuration allows it; the account must name that Windows account."""
    moment = now or datetime.now(UTC)
    user = _windows_user(session, windows_account) if windows_account.strip() else None
    problem = _account_problem(user, moment) if user else "unknown_windows_account"
    if problem:
        _record_failure(session, windows_account, user, problem, workstation, moment,
                        method="windows")
        raise SignInError()
    assert user is not None
    return _signed_in(session, user, workstation, method="windows")


def _password_problem(user: User | None, password: str, moment: datetime) -> str:
    """Why the attempt fails ("" if it does not); the password is always verified against
    some hash first, so every answer takes the same time."""
    if user is None or not user.password_hash:
        verify_against_dummy(password)
        return "unknown_user" if user is None else "no_password"
    matches = verify_password(user.password_hash, password)
    return _account_problem(user, moment) or ("" if matches else "wrong_password")


def _account_problem(user: User, moment: datetime) -> str:
    if _locked_until(user) > moment:
        return "locked"
    return "" if user.active else "inactive"


def _locked_until(user: User) -> datetime:
    until = user.locked_until
    if until is None:
        return datetime.min.replace(tzinfo=UTC)
    return until if until.tzinfo else until.replace(tzinfo=UTC)  # SQLite: naive UTC


def _reset_failures(user: User, password: str) -> None:
    if user.failed_sign_ins or user.locked_until is not None:
        user.failed_sign_ins, user.locked_until = 0, None
    if user.password_hash and needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)


def _signed_in(session: Session, user: User, workstation: str, *, method: str) -> SignedIn:
    record(session, AuditAction.SIGN_IN, username=user.username, user_id=user.id,
           workstation=workstation, entity_type="user", entity_id=user.id,
           details={"method": method})
    return SignedIn(user.id, user.username, Role(user.role), user.display_name, workstation)


def _record_failure(session: Session, typed: str, user: User | None, problem: str,
                    workstation: str, moment: datetime, *, method: str = "password") -> None:
    # Own transaction: the caller's unit of work rolls back with SignInError.
    with Session(bind=session.get_bind()) as own, own.begin():
        locked = (user is not None and problem == "wrong_password"
                  and _count_failure(own, user.id, moment))
        record(own, AuditAction.SIGN_IN_FAILED, username=_as_typed(typed),
               user_id=user.id if user else None, workstation=workstation,
               details={"method": method, "reason": problem, "locked": locked})


def _count_failure(session: Session, user_id: uuid.UUID, moment: datetime) -> bool:
    """One more failure in a row; the last allowed one locks the account (True)."""
    user = session.get_one(User, user_id)
    user.failed_sign_ins += 1
    if user.failed_sign_ins < MAX_FAILED_SIGN_INS:
        return False
    user.failed_sign_ins, user.locked_until = 0, moment + LOCKOUT
    return True


def _as_typed(typed: str) -> str:
    """The typed name as the audit can keep it: visible characters, at most 100."""
    return "".join(ch if ch.isprintable() else "?" for ch in typed)[:100]
