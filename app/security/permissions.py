"""Who may do what: every action of Lotse, the roles that may do it, and the one check.

An action is whatever reads or changes personal data, or changes what every counter works
with. Reading and exporting the agency directory and trying the routing rules on a typed
case are not actions: they hold no personal data and are open to anyone at a counter. The
routing rules are files an administrator deploys, not edited in Lotse.

The services call :func:`require` before they read or write anything for the action; the
user interface asks :func:`allowed` to show only what the role may do. A refusal is put on
the audit record in a short transaction of its own, because the caller's unit of work rolls
back with the error.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from app.codes import Role
from app.errors import NotPermittedError
from app.i18n import N_, _
from app.security.audit import AuditAction, record


class Action(StrEnum):
    """Everything a user can do that a role may be refused; stored as the value."""

    SEARCH = "search"
    VIEW_PERSON = "view_person"
    REGISTER_PERSON = "register_person"
    CHANGE_PERSON = "change_person"
    RECORD_VISIT = "record_visit"
    ROUTE = "route"
    CREATE_REFERRAL = "create_referral"
    LIST_REFERRALS = "list_referrals"
    CANCEL_REFERRAL = "cancel_referral"
    PREVIEW_LETTER = "preview_letter"
    PRINT_ORIGINAL = "print_original"
    PRINT_COPY = "print_copy"
    RECORD_CONSENT = "record_consent"
    RECORD_OUTCOME = "record_outcome"
    APPROVE_REFERRAL = "approve_referral"
    REJECT_REFERRAL = "reject_referral"
    BATCH_PRINT = "batch_print"
    VIEW_STATISTICS = "view_statistics"
    EXPORT = "export"
    VIEW_AUDIT_TRAIL = "view_audit_trail"
    VERIFY_AUDIT = "verify_audit"
    MERGE_PERSONS = "merge_persons"
    REVIEW_CONFLICTS = "review_conflicts"
    EDIT_DIRECTORY = "edit_directory"
    MANAGE_USERS = "manage_users"

    @property
    def label(self) -> str:
        return _(_ACTION_LABELS[self])


_ACTION_LABELS = {
    Action.SEARCH: N_("Personen suchen"),
    Action.VIEW_PERSON: N_("Personenakte ansehen"),
    Action.REGISTER_PERSON: N_("Person aufnehmen"),
    Action.CHANGE_PERSON: N_("Personendaten ändern"),
    Action.RECORD_VISIT: N_("Besuch erfassen"),
    Action.ROUTE: N_("Zuständige Stellen ermitteln"),
    Action.CREATE_REFERRAL: N_("Überleitung anlegen"),
    Action.LIST_REFERRALS: N_("Überleitungen auflisten"),
    Action.CANCEL_REFERRAL: N_("Überleitung stornieren"),
    Action.PREVIEW_LETTER: N_("Schreiben ansehen"),
    Action.PRINT_ORIGINAL: N_("Original drucken"),
    Action.PRINT_COPY: N_("Kopie drucken"),
    Action.RECORD_CONSENT: N_("Einwilligung erfassen"),
    Action.RECORD_OUTCOME: N_("Ergebnis einer Überleitung erfassen"),
    Action.APPROVE_REFERRAL: N_("Überleitung freigeben"),
    Action.REJECT_REFERRAL: N_("Überleitung zurückweisen"),
    Action.BATCH_PRINT: N_("Freigegebene Überleitungen gesammelt drucken"),
    Action.VIEW_STATISTICS: N_("Statistik ansehen"),
    Action.EXPORT: N_("Überleitungen und Statistik exportieren"),
    Action.VIEW_AUDIT_TRAIL: N_("Protokoll einer Person ansehen"),
    Action.VERIFY_AUDIT: N_("Protokoll prüfen"),
    Action.MERGE_PERSONS: N_("Doppelt erfasste Personen zusammenführen"),
    Action.REVIEW_CONFLICTS: N_("Synchronisationskonflikte prüfen"),
    Action.EDIT_DIRECTORY: N_("Verzeichnis ändern"),
    Action.MANAGE_USERS: N_("Benutzer verwalten"),
}

# The counter work: find, register, record, route, print and close the loop.
_FRONT_DESK = frozenset({
    Action.SEARCH, Action.VIEW_PERSON, Action.REGISTER_PERSON, Action.CHANGE_PERSON,
    Action.RECORD_VISIT, Action.ROUTE, Action.CREATE_REFERRAL, Action.LIST_REFERRALS,
    Action.CANCEL_REFERRAL, Action.PREVIEW_LETTER, Action.PRINT_ORIGINAL, Action.PRINT_COPY,
    Action.RECORD_CONSENT, Action.RECORD_OUTCOME,
})
# Supervision: approve, print in batches, look at figures and at who did what, and merge
# a person registered twice (it moves the history of one file into another).
_SUPERVISOR = _FRONT_DESK | {
    Action.APPROVE_REFERRAL, Action.REJECT_REFERRAL, Action.BATCH_PRINT,
    Action.VIEW_STATISTICS, Action.EXPORT, Action.VIEW_AUDIT_TRAIL, Action.VERIFY_AUDIT,
    Action.MERGE_PERSONS, Action.REVIEW_CONFLICTS,
}
# Administration: the accounts and the data every counter works with.
_ADMIN = _SUPERVISOR | {Action.MANAGE_USERS, Action.EDIT_DIRECTORY}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.FRONT_DESK: _FRONT_DESK,
    Role.SUPERVISOR: _SUPERVISOR,
    Role.ADMIN: _ADMIN,
}


class RefusedActionError(NotPermittedError):
    """The signed-in user's role may not do this; nothing was written, the refusal is
    on the audit record."""

    exit_code = 4


@dataclass(frozen=True)
class Actor:
    """Who acts: a signed-in Lotse user at a workstation (``NE-2``)."""

    user_id: uuid.UUID | None
    username: str
    role: Role
    workstation: str = ""


def allowed(role: Role, action: Action) -> bool:
    return action in PERMISSIONS[role]


def allowed_actions(role: Role) -> frozenset[Action]:
    """What the role may do: the user interface shows these and nothing else."""
    return PERMISSIONS[role]


def roles_allowed(action: Action) -> list[Role]:
    return [role for role in Role if allowed(role, action)]


def require(session: Session, actor: Actor, action: Action, *,
            entity_type: str = "", entity_id: uuid.UUID | None = None) -> None:
    """Return if the actor's role may do the action; otherwise record the refusal and raise
    RefusedActionError. Call it before the unit of work writes anything: the refusal is
    written on a second connection, which must not wait for the caller's locks."""
    if allowed(actor.role, action):
        return
    _record_refusal(session, actor, action, entity_type, entity_id)
    raise RefusedActionError(
        _("„{action}“ ist für die Rolle {role} nicht erlaubt ({user}).").format(
            action=action.label, role=actor.role.label, user=actor.username),
        hint=_("Erlaubt für: {roles}. Bitte dort anfragen.").format(
            roles=", ".join(role.label for role in roles_allowed(action))))


def _record_refusal(session: Session, actor: Actor, action: Action, entity_type: str,
                    entity_id: uuid.UUID | None) -> None:
    # The caller's transaction rolls back with the error; the refusal must stay on record.
    with Session(bind=session.get_bind()) as own, own.begin():
        record(own, AuditAction.REFUSED, username=actor.username, user_id=actor.user_id,
               workstation=actor.workstation, entity_type=entity_type, entity_id=entity_id,
               details={"action": action.value, "role": actor.role.value})
