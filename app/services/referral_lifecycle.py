"""The lifecycle of a referral: which status may follow which, and the record of every step.

draft → approved → issued → arrived → completed is the way a referral should go; it can end
early as not_reached, declined or cancelled, and a supervisor can reject a draft that needs
approval. Those endings need a reason. A referral that needs no approval goes from draft
straight to issued when its original prints. "Not reached" is not final: the person may turn
up later, so it can still become arrived or completed.

Every change is written twice in the caller's transaction: on the referral (status, reason,
when, who) and as a :class:`~app.db.models.ReferralStatusChange` row, so the history keeps
who did what when. Approvals, rejections and outcomes go on the audit record under the
person; "issued" does not, the print log's entry already says it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.codes import ReferralStatus
from app.db.models import Referral, ReferralStatusChange
from app.errors import ConflictError, FieldError, FieldsValidationError
from app.i18n import _
from app.security.audit import PERSON, AuditAction, record
from app.security.permissions import Actor
from app.services import field_text
from app.services.field_text import FieldProblem

S = ReferralStatus
MAX_REASON_LENGTH = 1000

TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    S.DRAFT: frozenset({S.APPROVED, S.REJECTED, S.ISSUED, S.CANCELLED}),
    S.APPROVED: frozenset({S.ISSUED, S.CANCELLED}),
    S.ISSUED: frozenset({S.ARRIVED, S.COMPLETED, S.NOT_REACHED, S.DECLINED, S.CANCELLED}),
    S.ARRIVED: frozenset({S.COMPLETED, S.DECLINED}),
    S.NOT_REACHED: frozenset({S.ARRIVED, S.COMPLETED}),
    S.COMPLETED: frozenset(),
    S.DECLINED: frozenset(),
    S.CANCELLED: frozenset(),
    S.REJECTED: frozenset(),
}
NEEDS_REASON = frozenset({S.NOT_REACHED, S.DECLINED, S.CANCELLED, S.REJECTED})
# What comes back from the office: the closed loop's answers.
OUTCOMES = (S.ARRIVED, S.COMPLETED, S.NOT_REACHED, S.DECLINED, S.CANCELLED)

_AUDITED = {S.APPROVED: AuditAction.APPROVE, S.REJECTED: AuditAction.REJECT,
            **{status: AuditAction.OUTCOME for status in OUTCOMES}}


class TransitionError(FieldsValidationError):
    """A status change the lifecycle does not allow, or one without its reason."""


@dataclass(frozen=True)
class ChangedBy:
    """Who changes a status: the account (its row, if it has one) and the workstation."""

    user_id: uuid.UUID | None
    username: str
    workstation: str

    @classmethod
    def of(cls, actor: Actor) -> ChangedBy:
        return cls(actor.user_id, actor.username, actor.workstation)


def check_transition(current: str, target: str, reason: str = "") -> str:
    """The cleaned reason if ``current`` may become ``target``; TransitionError otherwise."""
    wanted = _status(target)
    allowed = TRANSITIONS.get(_status(current), frozenset())
    if wanted not in allowed:
        raise TransitionError([FieldError("status", _("Status"), _(
            "„{target}“ kann nicht auf „{current}“ folgen; erwartet wird {allowed}").format(
            target=wanted.label, current=_status(current).label,
            allowed=_listing(allowed)))])
    return _reason(wanted, reason)


def change_status(session: Session, referral: Referral, target: str, reason: str = "", *,
                  by: ChangedBy, now: datetime | None = None) -> ReferralStatusChange:
    """Move the referral to ``target`` in the caller's transaction: the referral row, the
    history row and (for approvals, rejections and outcomes) the audit entry. Nothing is
    written when the change is not allowed; ConflictError if another workstation changed
    the referral since it was loaded."""
    cleaned = check_transition(referral.status, target, reason)
    step = ReferralStatusChange(
        referral_id=referral.id, from_status=referral.status, to_status=target,
        reason=cleaned, changed_at=now or datetime.now(UTC), changed_by=by.user_id,
        username=by.username, workstation=by.workstation)
    _apply(referral, step, by)
    session.add(step)
    _flush(session, referral)
    _audit(session, referral, step, by)
    return step


def history(session: Session, referral_id: uuid.UUID) -> list[ReferralStatusChange]:
    """Every status change of a referral, oldest first."""
    return list(session.scalars(
        select(ReferralStatusChange).where(ReferralStatusChange.referral_id == referral_id)
        .order_by(ReferralStatusChange.changed_at, ReferralStatusChange.id)))


def was_approved(session: Session, referral: Referral) -> bool:
    """Approved now, or at some point before (it may be issued since)."""
    if referral.status == S.APPROVED:
        return True
    return session.scalars(select(ReferralStatusChange.id).where(
        ReferralStatusChange.referral_id == referral.id,
        ReferralStatusChange.to_status == S.APPROVED.value).limit(1)).first() is not None


def _apply(referral: Referral, step: ReferralStatusChange, by: ChangedBy) -> None:
    referral.status = step.to_status
    referral.status_reason = step.reason
    referral.status_changed_at = step.changed_at
    referral.status_changed_by = by.user_id
    referral.origin = by.workstation


def _flush(session: Session, referral: Referral) -> None:
    reference = referral.reference  # read now: after a failed flush the row is expired
    try:
        session.flush()
    except StaleDataError as exc:  # changed at another workstation since it was loaded
        raise ConflictError(_("Die Überleitung {reference} wurde inzwischen an einem anderen "
                              "Arbeitsplatz geändert.").format(reference=reference),
                            hint=_("Bitte neu laden und noch einmal versuchen.")) from exc


def _audit(session: Session, referral: Referral, step: ReferralStatusChange,
           by: ChangedBy) -> None:
    action = _AUDITED.get(S(step.to_status))
    if action is None:
        return
    record(session, action, username=by.username, user_id=by.user_id,
           workstation=by.workstation, entity_type=PERSON, entity_id=referral.person_id,
           details={"reference": referral.reference, "from": step.from_status,
                    "to": step.to_status, "reason": step.reason})


def _status(code: str) -> ReferralStatus:
    if code not in set(S):
        raise TransitionError([FieldError("status", _("Status"), _(
            "„{code}“ ist kein Status einer Überleitung; erwartet wird einer von "
            "{codes}").format(code=code, codes=", ".join(S)))])
    return S(code)


def _reason(target: ReferralStatus, value: str) -> str:
    try:
        reason = field_text.multi_line(MAX_REASON_LENGTH)(value).strip()
    except FieldProblem as problem:
        raise TransitionError([FieldError("reason", _("Begründung"), str(problem))]) from None
    if target in NEEDS_REASON and not reason:
        raise TransitionError([FieldError("reason", _("Begründung"), _(
            "für „{target}“ ist eine Begründung nötig; erwartet wird ein kurzer Text, "
            "warum").format(target=target.label))])
    return reason


def _listing(allowed: frozenset[ReferralStatus]) -> str:
    if not allowed:
        return _("nichts mehr – dieser Status ist endgültig")
    return ", ".join(f"„{status.label}“" for status in S if status in allowed)
