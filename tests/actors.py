"""Who acts in the service tests: an account at the settings' workstation.

The services check the actor's role and name it in the audit log; tests that are not about
permissions act as the front desk under the settings' user name, as the app does on a
database without accounts."""

from __future__ import annotations

from functools import cache

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import Role
from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import User
from app.security.passwords import hash_password
from app.security.permissions import Actor
from app.services.database import Database

DESK = Actor(None, "a.becker", Role.FRONT_DESK, "NE-1")


def desk(settings: Settings, role: Role = Role.FRONT_DESK) -> Actor:
    """The settings' user with ``role`` (front desk unless said), without a user row."""
    return Actor(None, settings.user, role, settings.origin)


PASSWORD = "Sommer2026!"


def cli_account(database: Database, monkeypatch: pytest.MonkeyPatch | None = None,
                username: str = "a.becker", role: Role = Role.FRONT_DESK) -> list[str]:
    """An account with PASSWORD for ``lotse --user`` (an existing row gets the password and
    the role); LOTSE_PASSWORD is set when ``monkeypatch`` is given. Returns the options to
    put before the command."""
    with unit_of_work(database.sessions) as session:
        user = session.scalars(select(User).where(User.username == username)).first()
        if user is None:
            user = User(username=username, role=role.value)
            session.add(user)
        user.role, user.password_hash = role.value, _password_hash()
    if monkeypatch is not None:
        monkeypatch.setenv("LOTSE_PASSWORD", PASSWORD)
    return ["--user", username]


@cache
def _password_hash() -> str:
    return hash_password(PASSWORD)  # argon2 takes a while: once per test run


def account(session: Session, username: str, workstation: str = "NE-1") -> Actor:
    """The stored account ``username`` as it acts after signing in."""
    user = session.scalars(select(User).where(User.username == username)).one()
    return Actor(user.id, user.username, Role(user.role), workstation)
