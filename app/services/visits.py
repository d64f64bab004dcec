"""Recording a visit and its concerns, and reading a person's earlier visits.

:func:`record_visit` writes in the caller's transaction (one ``unit_of_work``): the visit
and its concern rows are stored together or not at all. Validation is in
:mod:`app.services.visit_input`, shared with the visit form and ``lotse visit add``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from app.codes import Concern as ConcernCode
from app.config import Settings
from app.db.models import Concern, Office, Visit, Workstation
from app.ids import new_id
from app.security.audit import PERSON, AuditAction, record_by
from app.security.permissions import Action, Actor, require
from app.services.persons import load_person
from app.services.visit_input import (
    ConcernInput,
    VisitInput,
    VisitValidationError,
    as_raw,
    validate_visit,
)

__all__ = [
    "ConcernInput",
    "VisitInput",
    "VisitSummary",
    "VisitValidationError",
    "as_raw",
    "recent_visits",
    "record_visit",
    "validate_visit",
]


@dataclass(frozen=True)
class VisitSummary:
    """An earlier visit as the visit form lists it."""

    visit_id: uuid.UUID
    visited_at: datetime
    concerns: tuple[str, ...]  # German labels, in the order they were recorded
    note: str
    interpreter_used: bool
    interpreter_language: str


@dataclass(frozen=True)
class _Site:
    office_id: uuid.UUID | None
    workstation_id: uuid.UUID | None
    user_id: uuid.UUID | None


def record_visit(session: Session, person_id: uuid.UUID | str, data: VisitInput, *,
                 actor: Actor, settings: Settings) -> Visit:
    """A visit of a stored person (id or person number) with one row per concern; flushed.
    Office, workstation and user are linked when this site's rows exist. NotFoundError for
    an unknown or deleted person."""
    person = load_person(session, person_id)
    require(session, actor, Action.RECORD_VISIT, entity_type=PERSON, entity_id=person.id)
    site = _site(session, settings, actor)
    visit = Visit(person_id=person.id, office_id=site.office_id,
                  workstation_id=site.workstation_id, user_id=site.user_id,
                  visited_at=data.visited_at, note=data.note,
                  interpreter_used=data.interpreter_used,
                  interpreter_language=data.interpreter_language, origin=settings.origin)
    # Ids in the order given: UUIDv7 sorts by creation, so the order survives the database.
    visit.concerns = [Concern(id=new_id(), person_id=person.id, code=concern.code,
                              note=concern.note, origin=settings.origin)
                      for concern in data.concerns]
    session.add(visit)
    session.flush()
    record_by(session, actor, AuditAction.RECORD_VISIT, entity_type=PERSON, entity_id=person.id,
              details={"visit": str(visit.id),
                       "concerns": [concern.code for concern in data.concerns]})
    return visit


def recent_visits(session: Session, person_id: uuid.UUID, limit: int = 10) -> list[VisitSummary]:
    """The person's latest visits, newest first: their own, and those where a member of the
    household raised a concern of theirs (none for an unknown person)."""
    concerned = select(Concern.visit_id).where(Concern.person_id == person_id)
    query = (select(Visit)
             .where(or_(Visit.person_id == person_id, Visit.id.in_(concerned)),
                    Visit.deleted_at.is_(None))
             .order_by(Visit.visited_at.desc(), Visit.id.desc()).limit(limit)
             .options(selectinload(Visit.concerns)))
    return [_summary(visit) for visit in session.scalars(query)]


def _summary(visit: Visit) -> VisitSummary:
    concerns = sorted((c for c in visit.concerns if not c.is_deleted),
                      key=lambda concern: concern.id)  # UUIDv7: the order they were written
    labels = dict.fromkeys(_label(c.code) for c in concerns)  # two children, one "Schule"
    return VisitSummary(visit.id, _as_utc(visit.visited_at), tuple(labels), visit.note,
                        visit.interpreter_used, visit.interpreter_language)


def _as_utc(stored: datetime) -> datetime:
    """SQLite hands back the stored UTC time without its zone; PostgreSQL with it."""
    return stored if stored.tzinfo else stored.replace(tzinfo=UTC)


def _label(code: str) -> str:
    """The German label; a code this program does not know (a newer one) as it is."""
    return ConcernCode(code).label if code in set(ConcernCode) else code


def _site(session: Session, settings: Settings, actor: Actor) -> _Site:
    office_id = session.scalars(select(Office.id).where(Office.code == settings.office)).first()
    workstation_id = None if office_id is None else session.scalars(
        select(Workstation.id).where(Workstation.office_id == office_id,
                                     Workstation.number == settings.workstation)).first()
    return _Site(office_id, workstation_id, actor.user_id)
