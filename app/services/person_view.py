"""Opening a person file for display: allowed for the role, and on the audit record.

The view is recorded in the caller's unit of work, together with loading the person: the
file is shown exactly when the view is on record (a failed write shows nothing).
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.db.models import Person
from app.security.audit import PERSON, AuditAction, record
from app.security.permissions import Action, Actor, require
from app.services.persons import load_person


def view_person(session: Session, person_id: uuid.UUID | str, *, actor: Actor) -> Person:
    """The person (by id or person number), after checking VIEW_PERSON and recording the
    view as the actor. RefusedActionError, NotFoundError."""
    require(session, actor, Action.VIEW_PERSON, entity_type=PERSON,
            entity_id=person_id if isinstance(person_id, uuid.UUID) else None)
    person = load_person(session, person_id)
    record(session, AuditAction.VIEW_PERSON, username=actor.username, user_id=actor.user_id,
           workstation=actor.workstation, entity_type=PERSON, entity_id=person.id,
           details={"person_number": person.person_number})
    return person
