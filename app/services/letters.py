"""Letters from the database: the referral list, previews, and issued (logged) letters.

:func:`preview_letter` renders and records nothing. :func:`issue_letter` renders and appends
the print to the log in the caller's transaction (one unit of work per user action); printing
the original of a referral letter marks a draft or approved referral as issued, and is
refused while the referral waits for a supervisor's approval (app/services/approval.py). A
letter printed before comes out as a copy (Zweitschrift) with the original's date, so it
says what the original said.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.codes import ReferralStatus
from app.config import Settings
from app.db.models import Concern, DirectoryOffice, Person, PrintEvent, Referral
from app.letters.model import LetterKind
from app.security.audit import PERSON
from app.security.permissions import Action, Actor, require
from app.services.approval import check_original_may_print
from app.services.letter_builders import Issue, build_letter, visit_referrals
from app.services.letter_parts import find_referral, letter_language
from app.services.print_log import (
    CHANNELS,
    LetterSubject,
    Printed,
    original_print,
    printed_on,
    record_print,
)
from app.services.referral_lifecycle import ChangedBy, change_status

__all__ = ["LetterKind", "ReferralRow", "RenderedLetter", "issue_letter", "preview_letter",
           "referral_rows"]

_OPEN_FOR_ISSUE = (ReferralStatus.DRAFT.value, ReferralStatus.APPROVED.value)


@dataclass(frozen=True)
class RenderedLetter:
    reference: str
    kind: LetterKind
    language: str
    copy: bool
    pdf: bytes
    sha256: str
    template_version: str


@dataclass(frozen=True)
class ReferralRow:
    referral_id: uuid.UUID
    reference: str
    person_id: uuid.UUID
    person_name: str
    visit_id: uuid.UUID | None
    agency_kind: str
    office_name: str
    concern: str
    language: str
    status: str
    created_at: datetime
    printed: bool


def referral_rows(session: Session, *, actor: Actor, person_id: uuid.UUID | None = None,
                  visit_id: uuid.UUID | None = None, limit: int | None = None,
                  ) -> list[ReferralRow]:
    """Referrals, newest first; ``printed`` when a referral letter of it was issued."""
    require(session, actor, Action.LIST_REFERRALS, entity_type=PERSON if person_id else "",
            entity_id=person_id)
    printed = exists().where(PrintEvent.referral_id == Referral.id,
                             PrintEvent.letter_kind == LetterKind.REFERRAL.value)
    query = (select(Referral, Person, DirectoryOffice.name, Concern.code, printed)
             .join(Person, Person.id == Referral.person_id)
             .outerjoin(DirectoryOffice, DirectoryOffice.id == Referral.directory_office_id)
             .outerjoin(Concern, Concern.id == Referral.concern_id)
             .where(Referral.deleted_at.is_(None))
             .order_by(Referral.created_at.desc(), Referral.id.desc()).limit(limit))
    if person_id is not None:
        query = query.where(Referral.person_id == person_id)
    if visit_id is not None:
        query = query.where(Referral.visit_id == visit_id)
    return [_row(*columns) for columns in session.execute(query)]


def _row(referral: Referral, person: Person, office: str | None, concern: str | None,
         printed: bool) -> ReferralRow:
    created = referral.created_at
    return ReferralRow(referral.id, referral.reference, person.id, person.display_name,
                       referral.visit_id, referral.agency_kind, office or "", concern or "",
                       referral.language, referral.status,
                       created if created.tzinfo else created.replace(tzinfo=UTC),
                       bool(printed))


def preview_letter(session: Session, reference: str, *, kind: LetterKind = LetterKind.REFERRAL,
                   language: str | None = None, actor: Actor,
                   settings: Settings) -> RenderedLetter:
    """The letter as it would print now (a copy if the original was printed); records
    nothing. NotFoundError for an unknown reference; FieldsValidationError (a LetterError
    among them) for a letter that cannot be right, before anything renders."""
    require(session, actor, Action.PREVIEW_LETTER)
    rendered, _subject = _render(session, reference, kind, language, _signed(settings, actor))
    return rendered


def issue_letter(session: Session, reference: str, *, kind: LetterKind = LetterKind.REFERRAL,
                 language: str | None = None, actor: Actor, settings: Settings,
                 channel: str = "print") -> RenderedLetter:
    """Render the letter and record it in the print log (``channel`` print or pdf), in the
    caller's transaction; the original of a referral letter marks the referral issued."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown print channel {channel!r}")
    rendered, subject = _render(session, reference, kind, language, _signed(settings, actor))
    referral = session.get_one(Referral, subject.referral_id)
    require(session, actor, Action.PRINT_COPY if rendered.copy else Action.PRINT_ORIGINAL,
            entity_type=PERSON, entity_id=referral.person_id)
    if kind is LetterKind.REFERRAL and not rendered.copy:
        check_original_may_print(session, referral, actor=actor, settings=settings)
    record_print(session, subject, Printed(rendered.sha256, rendered.template_version,
                                           channel, rendered.language, rendered.copy),
                 actor=actor, settings=settings)
    if kind is LetterKind.REFERRAL and not rendered.copy:
        _mark_issued(session, referral, actor)
    return rendered


def _signed(settings: Settings, actor: Actor) -> Settings:
    """The letter names the signed-in user as the one who wrote it."""
    return replace(settings, user=actor.username)


def _render(session: Session, reference: str, kind: LetterKind, language: str | None,
            settings: Settings) -> tuple[RenderedLetter, LetterSubject]:
    from app.letters import TEMPLATE_VERSION, render_letter  # reportlab loads on first use

    referral = find_referral(session, reference)
    subject = _subject(session, referral, kind)
    original = original_print(session, subject)
    issue = Issue(letter_language(language, referral),
                  date.today() if original is None else printed_on(original),
                  copy=original is not None)
    letter = build_letter(session, referral, kind, issue, settings=settings)
    pdf = render_letter(letter)
    return RenderedLetter(letter.reference, kind, issue.language, issue.copy, pdf,
                          hashlib.sha256(pdf).hexdigest(), TEMPLATE_VERSION), subject


def _subject(session: Session, referral: Referral, kind: LetterKind) -> LetterSubject:
    """A route sheet is the visit's (logged under its first referral); the other letters
    are the referral's."""
    if kind is not LetterKind.ROUTE_SHEET:
        return LetterSubject(kind, referral.id)
    first = visit_referrals(session, referral)[0]
    return LetterSubject(kind, first.id, referral.visit_id)


def _mark_issued(session: Session, referral: Referral, actor: Actor) -> None:
    if referral.status in _OPEN_FOR_ISSUE:
        change_status(session, referral, ReferralStatus.ISSUED.value, by=ChangedBy.of(actor))
