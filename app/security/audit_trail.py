"""A person's audit trail for the supervisor: who saw, changed or printed what, and when.

Only roles with VIEW_AUDIT_TRAIL read it; a refused attempt is itself on the record.
:mod:`app.security.audit_text` puts the entries into German words.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import AuditEvent, Person
from app.security.audit import PERSON, AuditAction
from app.security.permissions import Action, Actor, require


@dataclass(frozen=True)
class TrailEntry:
    """One line of the trail."""

    occurred_at: datetime  # aware, UTC
    username: str
    workstation: str
    action: AuditAction | str  # a value this program does not know stays text
    details: dict[str, Any]


def person_audit_trail(session: Session, person_id: uuid.UUID, *, actor: Actor,
                       limit: int = 200) -> list[TrailEntry]:
    """The newest ``limit`` entries about this person – and about the duplicates merged into
    it, whose history it took over –, newest first; RefusedActionError for a role that may
    not read the trail."""
    require(session, actor, Action.VIEW_AUDIT_TRAIL, entity_type=PERSON, entity_id=person_id)
    query = (select(AuditEvent.occurred_at, AuditEvent.username, AuditEvent.workstation,
                    AuditEvent.action, AuditEvent.details)
             .where(AuditEvent.entity_type == PERSON,
                    AuditEvent.entity_id.in_(_with_merged(session, person_id)))
             .order_by(AuditEvent.seq.desc()).limit(limit))
    return [TrailEntry(_aware(row.occurred_at), row.username, row.workstation,
                       _action(row.action), dict(row.details))
            for row in session.execute(query)]


def _with_merged(session: Session, person_id: uuid.UUID) -> set[uuid.UUID]:
    """The person and every record merged into it, also over several merges."""
    found, frontier = {person_id}, {person_id}
    while frontier:
        merged = set(session.scalars(select(Person.id).where(
            Person.merged_into_id.in_(frontier)))) - found
        found |= merged
        frontier = merged
    return found


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _action(value: str) -> AuditAction | str:
    try:
        return AuditAction(value)
    except ValueError:
        return value
