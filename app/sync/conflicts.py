"""The conflicts a supervisor reviews: a field both sides changed, with both values."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.security.permissions import Action, Actor, require
from app.sync.report import conflict_document
from app.sync.tables import CONFLICTS


def open_conflicts(session: Session, *, actor: Actor) -> list[dict[str, Any]]:
    """Unresolved conflicts, oldest first."""
    require(session, actor, Action.REVIEW_CONFLICTS)
    query = (select(CONFLICTS).where(CONFLICTS.c.resolved_at.is_(None))
             .order_by(CONFLICTS.c.detected_at, CONFLICTS.c.id))
    return [conflict_document(row) for row in session.execute(query).mappings()]
