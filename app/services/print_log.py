"""The print log: every letter printed or saved as PDF, in the caller's transaction.

Who (the user row if this account has one, and always the account name), when, which
referral (and visit, for route sheets), which kind, original or copy, the SHA-256 of exactly
the bytes handed out, the template version, the channel and the letter language. The first
letter of a kind for a referral – for a route sheet, for a visit – is the original; every
later one is a copy (Zweitschrift) and carries the original's date.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.db.models import Office, PrintEvent, Referral, Workstation
from app.letters.model import LetterKind
from app.security.audit import PERSON, AuditAction, record_by
from app.security.permissions import Actor

CHANNELS = ("print", "pdf")


@dataclass(frozen=True)
class LetterSubject:
    """What a letter is about, as the log tells letters of the same kind apart."""

    kind: LetterKind
    referral_id: uuid.UUID
    visit_id: uuid.UUID | None = None  # route sheets: one per visit


@dataclass(frozen=True)
class Printed:
    """What the log stores besides the subject."""

    pdf_sha256: str
    template_version: str
    channel: str
    language: str
    copy: bool


def original_print(session: Session, subject: LetterSubject) -> PrintEvent | None:
    """The first print of this letter, or None if it was never printed."""
    query = select(PrintEvent).where(PrintEvent.letter_kind == subject.kind.value)
    if subject.kind is LetterKind.ROUTE_SHEET and subject.visit_id is not None:
        query = query.where(PrintEvent.visit_id == subject.visit_id)
    else:
        query = query.where(PrintEvent.referral_id == subject.referral_id)
    return session.scalars(query.order_by(PrintEvent.printed_at, PrintEvent.id).limit(1)).first()


def printed_on(event: PrintEvent) -> date:
    """The local calendar day of a print (stored in UTC; SQLite hands it back without zone)."""
    at = event.printed_at if event.printed_at.tzinfo else event.printed_at.replace(tzinfo=UTC)
    return at.astimezone().date()


def record_print(session: Session, subject: LetterSubject, printed: Printed, *,
                 actor: Actor, settings: Settings) -> PrintEvent:
    """Append one entry to the log; flushed, not committed."""
    if printed.channel not in CHANNELS:
        raise ValueError(f"unknown print channel {printed.channel!r}")
    workstation_id = _workstation(session, settings)
    event = PrintEvent(
        referral_id=subject.referral_id, visit_id=subject.visit_id,
        letter_kind=subject.kind.value, copy=printed.copy, printed_at=datetime.now(UTC),
        user_id=actor.user_id, username=actor.username, workstation_id=workstation_id,
        template_version=printed.template_version, pdf_sha256=printed.pdf_sha256,
        channel=printed.channel, language=printed.language, origin=settings.origin)
    session.add(event)
    session.flush()
    _audit(session, event, actor)
    return event


def _audit(session: Session, event: PrintEvent, actor: Actor) -> None:
    """Filed under the person, so that their trail shows it; the letter itself is named by
    reference and SHA-256, not copied."""
    found = session.execute(select(Referral.reference, Referral.person_id)
                            .where(Referral.id == event.referral_id)).first()
    record_by(session, actor, AuditAction.PRINT, entity_type=PERSON,
              entity_id=found.person_id if found else None,
              details={"reference": found.reference if found else "",
                       "kind": event.letter_kind, "copy": event.copy,
                       "sha256": event.pdf_sha256, "channel": event.channel})


def print_events(session: Session, referral_id: uuid.UUID) -> list[PrintEvent]:
    """Every print of a referral's letters, oldest first."""
    return list(session.scalars(select(PrintEvent).where(PrintEvent.referral_id == referral_id)
                                .order_by(PrintEvent.printed_at, PrintEvent.id)))


def _workstation(session: Session, settings: Settings) -> uuid.UUID | None:
    return session.scalars(
        select(Workstation.id).join(Office, Office.id == Workstation.office_id)
        .where(Office.code == settings.office, Workstation.number == settings.workstation)
    ).first()
