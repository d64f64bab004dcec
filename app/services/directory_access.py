"""Who may change the agency directory: administrators only.

The check is deliberately small and honest: the user this program runs as
(``Settings.user``: the Windows account, ``LOTSE_USER`` or the configuration) must have an
active ``User`` row with the role ``admin``. Nobody else may write – not even on a database
without any users, where nobody has been given the role yet. Reading the directory needs no
permission: every counter shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.codes import Role
from app.config import Settings
from app.db.models import User
from app.errors import NotPermittedError
from app.i18n import _


@dataclass(frozen=True)
class DirectoryAccess:
    """Whether the current user may change the directory, and if not, why (in German)."""

    user: str
    role: str  # the role's code, "" for a user Lotse does not know
    may_edit: bool
    reason: str = ""
    hint: str = ""


def directory_access(session: Session, settings: Settings) -> DirectoryAccess:
    user = current_user(session, settings)
    if user is None:
        return _refused(settings.user, "", _(
            "Der Benutzer „{user}“ ist in Lotse nicht eingetragen.").format(user=settings.user))
    if not user.active:
        return _refused(user.username, user.role, _(
            "Das Benutzerkonto „{user}“ ist deaktiviert.").format(user=user.username))
    if user.role != Role.ADMIN:
        return _refused(user.username, user.role, _(
            "„{user}“ hat die Rolle {role}.").format(user=user.username,
                                                    role=_role_label(user.role)))
    return DirectoryAccess(user.username, user.role, may_edit=True)


def require_directory_admin(session: Session, settings: Settings) -> None:
    """Raise NotPermittedError unless the current user may change the directory."""
    access = directory_access(session, settings)
    if not access.may_edit:
        raise NotPermittedError(access.reason, hint=access.hint)


def current_user(session: Session, settings: Settings) -> User | None:
    """The User row of the account this program runs as (Windows names ignore case)."""
    statement = select(User).where(func.lower(User.username) == settings.user.lower(),
                                   User.deleted_at.is_(None))
    return session.scalars(statement).first()


def _refused(user: str, role: str, why: str) -> DirectoryAccess:
    return DirectoryAccess(
        user, role, may_edit=False,
        reason=_("Nur die Fachadministration darf das Verzeichnis ändern. {why}").format(
            why=why),
        hint=_("Änderungen bitte bei der Fachadministration anfragen; sie kann Benutzern die "
               "Rolle Administration geben."))


def _role_label(code: str) -> str:
    try:
        return Role(code).label
    except ValueError:
        return code
