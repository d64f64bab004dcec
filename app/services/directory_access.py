"""Who may change the agency directory: administrators only.

The signed-in actor's role decides (Action.EDIT_DIRECTORY in app/security/permissions.py);
the services refuse a change with :func:`app.security.permissions.require`, which puts the
refusal on the audit record. :func:`directory_access` says in advance, in German, whether
the directory area offers editing. Reading the directory is open to every role.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import _
from app.security.permissions import Action, Actor, allowed, roles_allowed


@dataclass(frozen=True)
class DirectoryAccess:
    """Whether the current user may change the directory, and if not, why (in German)."""

    user: str
    role: str  # the role's code, "" when nobody is signed in
    may_edit: bool
    reason: str = ""
    hint: str = ""


def directory_access(actor: Actor) -> DirectoryAccess:
    if allowed(actor.role, Action.EDIT_DIRECTORY):
        return DirectoryAccess(actor.username, actor.role.value, may_edit=True)
    return DirectoryAccess(
        actor.username, actor.role.value, may_edit=False,
        reason=_("Nur die Fachadministration darf das Verzeichnis ändern. „{user}“ hat die "
                 "Rolle {role}.").format(user=actor.username, role=actor.role.label),
        hint=_("Änderungen bitte bei {roles} anfragen.").format(
            roles=", ".join(role.label for role in roles_allowed(Action.EDIT_DIRECTORY))))
