"""Storing the demo referrals and consents (app.demo.referrals) in the batch that stores their
visits: each referral goes to an office of its agency kind that serves the person's
municipality (else the first of that kind) and gets this workstation's next readable
reference."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db.models import Consent, DirectoryOffice, Referral, User
from app.demo.referrals import DEMO_REASON, DemoConsent, DemoReferral
from app.services.numbers import reserve_numbers

if TYPE_CHECKING:
    from app.demo.generate import DemoPerson, DemoVisit


@dataclass(frozen=True)
class Target:
    """A directory office as a demo referral needs it (plain values: batches have their
    own sessions)."""

    id: uuid.UUID
    municipalities: tuple[str, ...]
    documents: tuple[str, ...]


@dataclass
class ReferralTargets:
    """Directory offices per agency kind, in code order, and the author of the referrals."""

    offices: dict[str, list[Target]] = field(default_factory=dict)
    author_id: uuid.UUID | None = None

    @classmethod
    def read(cls, session: Session, *, author: str) -> ReferralTargets:
        targets = cls(author_id=session.scalars(select(User.id).where(
            User.username == author)).first())
        for office in session.scalars(select(DirectoryOffice).order_by(DirectoryOffice.code)):
            targets.offices.setdefault(office.agency_kind, []).append(Target(
                office.id, tuple(office.municipalities or ()), tuple(office.documents or ())))
        return targets

    def office(self, agency_kind: str, municipality: str) -> Target | None:
        """The office of that kind serving the municipality, else the first of the kind."""
        offices = self.offices.get(agency_kind, [])
        serving = [o for o in offices if municipality in o.municipalities]
        return next(iter(serving or offices), None)


def add_referrals(session: Session, visits: Sequence[tuple[DemoPerson, DemoVisit]],
                  targets: ReferralTargets, settings: Settings) -> tuple[int, int]:
    """The visits' referrals and the consents they come with; returns how many of each."""
    wanted = [(person, visit.id, referral) for person, visit in visits
              for referral in visit.referrals]
    references = reserve_numbers(session, office=settings.office,
                                 workstation=settings.workstation, person=False,
                                 count=len(wanted))
    consents = 0
    for (person, visit_id, referral), reference in zip(wanted, references, strict=True):
        # A household lives together: the visitor's municipality is the member's.
        office = targets.office(referral.agency_kind, person.municipality)
        session.add(_referral_row(referral, reference, visit_id, office, targets, settings))
        if referral.consent is not None:
            session.add(_consent_row(referral.consent, targets, settings))
            consents += 1
    session.flush()
    return len(wanted), consents


def _referral_row(referral: DemoReferral, reference: str, visit_id: uuid.UUID,
                  office: Target | None, targets: ReferralTargets,
                  settings: Settings) -> Referral:
    author = targets.author_id
    return Referral(
        id=referral.id, reference=reference, person_id=referral.person_id, visit_id=visit_id,
        concern_id=referral.concern_id, directory_office_id=office.id if office else None,
        agency_kind=referral.agency_kind, status=referral.status,
        routing_reason=DEMO_REASON, appointment_at=referral.appointment_at,
        documents=list(office.documents) if office else [], language=referral.language,
        created_by=author, status_changed_by=author, origin=settings.origin)


def _consent_row(consent: DemoConsent, targets: ReferralTargets, settings: Settings) -> Consent:
    return Consent(id=consent.id, person_id=consent.person_id, agency_kind=consent.agency_kind,
                   data_categories=list(consent.categories), purpose=consent.purpose,
                   given_at=consent.given_at, given_by="person",
                   recorded_by=targets.author_id, origin=settings.origin)
