"""Supervisor approval: which referrals need it, the queue, approve and reject, and the gate
that keeps an unapproved original from printing.

A referral needs approval (rules in :mod:`app.services.approval_rules`) when it goes to one
of the configured agency kinds (default: Jugendamt), or when its letter would carry a
sensitive data category to the recipient – by consent or by law (default: the front desk's
note on the concern, when there is one). Previews and copies stay possible; only the
original waits for the approval.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import AgencyKind, ReferralStatus
from app.config import Settings
from app.db.models import Concern, DirectoryOffice, Person, Referral
from app.i18n import N_, _
from app.letters.model import DataCategory
from app.security.audit import PERSON, AuditAction, record_by
from app.security.permissions import Action, Actor, RefusedActionError, require, roles_allowed
from app.services.approval_rules import ApprovalRules, current_rules
from app.services.data_protection import rules_for
from app.services.letter_parts import find_referral
from app.services.letter_person import Recipient, disclosure
from app.services.referral_filters import ReferralFilter, filtered
from app.services.referral_lifecycle import ChangedBy, change_status, was_approved


class ApprovalRequiredError(RefusedActionError):
    """The original of a referral that needs approval was asked for before the approval;
    nothing was printed, the refusal is on the audit record."""


@dataclass(frozen=True)
class QueueRow:
    referral_id: uuid.UUID
    reference: str
    created_at: datetime
    person_id: uuid.UUID
    person_name: str
    agency_kind: str
    office_name: str
    concern: str
    status: str
    reasons: tuple[str, ...]  # German: why it needs approval


def approval_reasons(session: Session, referral: Referral, *, settings: Settings,
                     rules: ApprovalRules | None = None) -> tuple[str, ...]:
    """Why the referral needs a supervisor's approval (German); empty if it does not."""
    rules = rules or current_rules(settings)
    reasons = []
    if referral.agency_kind in rules.agency_kinds:
        reasons.append(_("Überleitungen an {kind} brauchen eine Freigabe").format(
            kind=_kind_label(referral.agency_kind)))
    sensitive = _sensitive_categories(session, referral, settings, rules)
    if sensitive:
        reasons.append(_("das Schreiben enthielte schutzbedürftige Daten ({categories})")
                       .format(categories=", ".join(sensitive)))
    return tuple(reasons)


def approval_queue(session: Session, *, actor: Actor, settings: Settings,
                   office: str | None = None,
                   since: date | None = None, until: date | None = None,
                   agency_kind: str | None = None,
                   status: str | None = ReferralStatus.DRAFT.value) -> list[QueueRow]:
    """Referrals that need approval, oldest first; by default those still waiting (drafts).
    ``status=None`` lists every status (approved and rejected ones too)."""
    require(session, actor, Action.APPROVE_REFERRAL)
    rules = current_rules(settings)
    where = ReferralFilter(office, since, until, agency_kind, status)
    query = filtered(select(Referral, Person, DirectoryOffice.name, Concern.code), where)
    query = (query.join(Person, Person.id == Referral.person_id)
             .outerjoin(DirectoryOffice, DirectoryOffice.id == Referral.directory_office_id)
             .outerjoin(Concern, Concern.id == Referral.concern_id)
             .order_by(Referral.created_at, Referral.id))
    rows = (_queue_row(session, settings, rules, *columns) for columns in session.execute(query))
    return [row for row in rows if row.reasons]


def approve(session: Session, reference: str, *, actor: Actor) -> Referral:
    """Approve a draft that waits for approval; RefusedActionError (exit 4, audited) for a
    role that may not, TransitionError for a referral that is not a draft."""
    referral = find_referral(session, reference)
    require(session, actor, Action.APPROVE_REFERRAL, entity_type=PERSON,
            entity_id=referral.person_id)
    change_status(session, referral, ReferralStatus.APPROVED.value, by=ChangedBy.of(actor))
    return referral


def reject(session: Session, reference: str, reason: str, *, actor: Actor) -> Referral:
    """Reject a draft with a reason; its original never prints."""
    referral = find_referral(session, reference)
    require(session, actor, Action.REJECT_REFERRAL, entity_type=PERSON,
            entity_id=referral.person_id)
    change_status(session, referral, ReferralStatus.REJECTED.value, reason,
                  by=ChangedBy.of(actor))
    return referral


def check_original_may_print(session: Session, referral: Referral, *, actor: Actor,
                             settings: Settings) -> None:
    """Return if the original may print; otherwise record the refusal and raise
    ApprovalRequiredError saying who must approve."""
    if was_approved(session, referral):
        return
    reasons = approval_reasons(session, referral, settings=settings)
    if not reasons:
        return
    _record_refusal(session, referral, actor, reasons)
    raise ApprovalRequiredError(
        _("Das Original der Überleitung {reference} kann erst nach der Freigabe gedruckt "
          "werden: {reasons}.").format(reference=referral.reference, reasons="; ".join(reasons)),
        hint=_("Freigeben kann: {roles}. Vorschau und Kopien bleiben möglich.").format(
            roles=", ".join(role.label for role in roles_allowed(Action.APPROVE_REFERRAL))))


def _queue_row(session: Session, settings: Settings, rules: ApprovalRules, referral: Referral,
               person: Person, office: str | None, concern: str | None) -> QueueRow:
    created = referral.created_at
    return QueueRow(referral.id, referral.reference,
                    created if created.tzinfo else created.replace(tzinfo=UTC), person.id,
                    person.display_name, referral.agency_kind, office or "", concern or "",
                    referral.status,
                    approval_reasons(session, referral, settings=settings, rules=rules))


def _sensitive_categories(session: Session, referral: Referral, settings: Settings,
                          rules: ApprovalRules) -> list[str]:
    if not rules.sensitive_categories:
        return []
    shared = disclosure(session, referral.person_id,
                        Recipient(referral.agency_kind, referral.directory_office_id),
                        rules_for(settings)).allowed
    printed = [category for category in DataCategory
               if category in rules.sensitive_categories & shared]
    if DataCategory.CONCERN in printed and not _concern_note(session, referral):
        printed.remove(DataCategory.CONCERN)  # nothing beyond the code would be printed
    return [_(_CATEGORY_LABELS[category]) for category in printed]


def _concern_note(session: Session, referral: Referral) -> str:
    concern = None if referral.concern_id is None else session.get(Concern, referral.concern_id)
    return "" if concern is None else concern.note.strip()


def _record_refusal(session: Session, referral: Referral, actor: Actor,
                    reasons: tuple[str, ...]) -> None:
    # The caller's transaction rolls back with the error; the refusal must stay on record.
    with Session(bind=session.get_bind()) as own, own.begin():
        record_by(own, actor, AuditAction.REFUSED, entity_type=PERSON, entity_id=referral.person_id,
               details={"action": Action.PRINT_ORIGINAL.value, "reference": referral.reference,
                        "why": "approval_required", "reasons": list(reasons)})


def _kind_label(code: str) -> str:
    return AgencyKind(code).label if code in set(AgencyKind) else code


_CATEGORY_LABELS = {
    DataCategory.IDENTITY: N_("Name und Geburtsdatum"),
    DataCategory.CONTACT: N_("Anschrift und Kontakt"),
    DataCategory.RESIDENCE: N_("Aufenthalt und Dokumente"),
    DataCategory.LANGUAGE: N_("Sprachen"),
    DataCategory.HOUSEHOLD: N_("Haushalt"),
    DataCategory.CONCERN: N_("Notiz zum Anliegen"),
}
