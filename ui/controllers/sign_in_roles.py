"""What the signed-in role sees: the areas it may use, and who acts without an account.

The user interface only leaves out what a role may not do; the services check every action
again (app/security/permissions.py), so this is convenience, not the security boundary.
"""

from __future__ import annotations

from dataclasses import replace

from app.codes import Role
from app.config import Settings
from app.i18n import _
from app.security.accounts import SignedIn
from app.security.permissions import Action, Actor, allowed_actions

# An area not named here is open to every role.
AREA_ACTIONS: dict[str, Action] = {
    "approval": Action.APPROVE_REFERRAL,
    "statistics": Action.VIEW_STATISTICS,
    "administration": Action.MANAGE_USERS,
}


def may_see_area(role: Role, key: str) -> bool:
    action = AREA_ACTIONS.get(key)
    return action is None or action in allowed_actions(role)


def acting_actor(settings: Settings, signed_in: SignedIn | None) -> Actor:
    """Who acts in this window. Without any account (a fresh local install) the program's
    user acts with the least role: supervision needs an account."""
    if signed_in is not None:
        return signed_in.actor
    return unsigned_actor(settings)


def unsigned_actor(settings: Settings) -> Actor:
    """The program's user on a database without accounts: the front desk, nothing more."""
    return Actor(None, settings.user, Role.FRONT_DESK, settings.origin)


def acting_settings(settings: Settings, signed_in: SignedIn | None) -> Settings:
    """The settings the services see: their user is the signed-in account, so every record
    and audit entry names who signed in, not the Windows login."""
    return replace(settings, user=signed_in.username) if signed_in else settings


def user_text(settings: Settings, signed_in: SignedIn | None) -> str:
    """The status bar's "who": name and role, or the hint that no account exists yet."""
    if signed_in is None:
        return _("Benutzer: {user} (keine Anmeldung)").format(user=settings.user)
    return _("Benutzer: {name} ({role})").format(
        name=signed_in.display_name or signed_in.username, role=signed_in.role.label)
