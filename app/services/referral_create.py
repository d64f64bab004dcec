"""Referrals for one concern of a stored person, without the visit form: route the concern,
accept every recommendation (as the visit form proposes by default), and record a visit with
that concern and the referrals – one unit of work, as the front desk's save does.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import Concern
from app.config import Settings
from app.db.models import Referral
from app.errors import FieldError, FieldsValidationError
from app.i18n import _
from app.security.audit import PERSON
from app.security.permissions import Action, Actor, require
from app.services.approval import approval_reasons
from app.services.persons import load_person
from app.services.referrals import Decision, record_visit_with_referrals
from app.services.routing_cases import route_concerns


@dataclass(frozen=True)
class CreatedReferral:
    reference: str
    agency_kind: str
    role: str  # primary | secondary
    office: str  # the receiving office's code, "" if the directory has none
    status: str
    approval: tuple[str, ...]  # German: why it needs a supervisor's approval; empty if not


def create_referrals(session: Session, person: uuid.UUID | str, concern: str, *,
                     actor: Actor, settings: Settings) -> list[CreatedReferral]:
    """Route ``concern`` for the person (id or person number) and record the visit with a
    draft referral per recommendation, in the caller's transaction. FieldsValidationError
    naming the field when the concern is unknown or no office can be recommended."""
    _check_concern(concern)
    found = load_person(session, person)
    require(session, actor, Action.CREATE_REFERRAL, entity_type=PERSON, entity_id=found.id)
    routed = route_concerns(session, found.id, [concern], actor=actor).concerns[0]
    if not routed.recommendations:
        raise FieldsValidationError([FieldError("concern", _("Anliegen"), routed.problem or _(
            "für dieses Anliegen ist keine Stelle zuständig; erwartet wird ein anderes"))])
    decisions = [Decision(found.id, concern, recommendation)
                 for recommendation in routed.recommendations]
    visit = record_visit_with_referrals(session, found.id, {"concerns": [concern]}, decisions,
                                        actor=actor, settings=settings)
    referrals = session.scalars(select(Referral).where(Referral.visit_id == visit.id)
                                .order_by(Referral.id))
    return [_created(session, referral, settings) for referral in referrals]


def _created(session: Session, referral: Referral, settings: Settings) -> CreatedReferral:
    office = referral.directory_office
    return CreatedReferral(referral.reference, referral.agency_kind, referral.role,
                           office.code if office else "", referral.status,
                           approval_reasons(session, referral, settings=settings))


def _check_concern(concern: str) -> None:
    if concern not in set(Concern):
        raise FieldsValidationError([FieldError("concern", _("Anliegen"), _(
            "„{code}“ ist kein Anliegen; erwartet wird einer der Codes {codes}").format(
            code=concern, codes=", ".join(Concern)))])
