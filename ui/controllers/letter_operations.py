"""The database side of the letters area, as operations for the background worker.

Rendering happens here too (the services render while they read), so neither the PDF nor the
database is ever touched on the GUI thread. Issuing returns the fresh rows with the letter,
so the table shows "printed" and the new status from the same unit of work that logged it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db.models import Referral
from app.letters.model import LetterKind
from app.security.permissions import Actor
from app.services.consents import record_consent
from app.services.letters import (
    ReferralRow,
    RenderedLetter,
    issue_letter,
    preview_letter,
    referral_rows,
)

NEWEST_LIMIT = 200  # the newest referrals of the office, when no person or visit is chosen


@dataclass(frozen=True)
class LetterScope:
    """Whose referrals the table lists: one visit, one person, or the newest."""

    person_id: uuid.UUID | None = None
    visit_id: uuid.UUID | None = None

    def rows(self, session: Session, actor: Actor) -> list[ReferralRow]:
        if self.visit_id is not None:
            return referral_rows(session, actor=actor, visit_id=self.visit_id)
        if self.person_id is not None:
            return referral_rows(session, actor=actor, person_id=self.person_id)
        return referral_rows(session, actor=actor, limit=NEWEST_LIMIT)


@dataclass(frozen=True)
class LetterChoice:
    """One letter: of which referral, which kind, in which language."""

    reference: str
    kind: LetterKind
    language: str


@dataclass(frozen=True)
class Issued:
    letter: RenderedLetter
    rows: list[ReferralRow]


@dataclass(frozen=True)
class ConsentRequest:
    person_id: uuid.UUID
    referral_id: uuid.UUID
    agency_kind: str
    categories: tuple[str, ...]
    purpose: str
    given_by: str
    guardian_name: str
    given_on: date


def load_rows(scope: LetterScope, actor: Actor) -> Callable[[Session], list[ReferralRow]]:
    return lambda session: scope.rows(session, actor)


def preview(choice: LetterChoice, settings: Settings,
            actor: Actor) -> Callable[[Session], RenderedLetter]:
    def operation(session: Session) -> RenderedLetter:
        return preview_letter(session, choice.reference, kind=choice.kind,
                              language=choice.language, actor=actor, settings=settings)
    return operation


def issue(choice: LetterChoice, scope: LetterScope, settings: Settings, actor: Actor,
          channel: str) -> Callable[[Session], Issued]:
    """Render and log the letter; the rows as they are after the log entry."""
    def operation(session: Session) -> Issued:
        letter = issue_letter(session, choice.reference, kind=choice.kind,
                              language=choice.language, actor=actor, settings=settings,
                              channel=channel)
        session.flush()
        return Issued(letter, scope.rows(session, actor))
    return operation


def save_consent(request: ConsentRequest, settings: Settings,
                 actor: Actor) -> Callable[[Session], None]:
    """Record the consent for the referral's recipient: its office if it has one."""
    def operation(session: Session) -> None:
        office_id = session.scalar(select(Referral.directory_office_id)
                                   .where(Referral.id == request.referral_id))
        record_consent(session, request.person_id, agency_kind=request.agency_kind,
                       directory_office_id=office_id, categories=request.categories,
                       purpose=request.purpose, given_by=request.given_by,
                       guardian_name=request.guardian_name, given_on=request.given_on,
                       actor=actor, settings=settings)
    return operation
