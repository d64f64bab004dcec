"""The conflicts a supervisor reviews: a field both sides changed, with both values – and
their resolution: keep the value the merge kept, take the other one, or write a text that
combines both.

A resolution writes the record through the ORM, like any other edit: its version counts up,
the change is captured and travels with the next round. The conflict itself is closed on the
other database by ``app.sync.conflict_exchange`` after the round.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.base import Base, utcnow
from app.db.sync_models import SyncConflict
from app.errors import LotseError, ValidationError
from app.i18n import _
from app.search import reindex
from app.security.audit import AuditAction, record_by
from app.security.permissions import Action, Actor, require
from app.sync.conflict_words import (
    field_label,
    is_combinable,
    person_of,
    record_text,
    value_text,
)
from app.sync.report import conflict_document
from app.sync.tables import CONFLICTS, json_value, typed_value

# Fields the person search is built from: a resolution that changes one rebuilds the index.
_SEARCHED = frozenset({"family_name", "given_names", "birth_date", "birth_date_precision",
                       "deleted_at"})


class Resolution(StrEnum):
    KEEP = "keep"  # the value the merge kept stays
    OTHER = "other"  # the other side's value is written
    COMBINE = "combine"  # a text the supervisor wrote from both


class ConflictResolutionError(LotseError):
    """The conflict cannot be resolved this way (gone, resolved, changed meanwhile)."""

    exit_code = 4


@dataclass(frozen=True)
class ConflictView:
    """One open conflict as the review lists it, in words."""

    id: uuid.UUID
    record: str  # "Person Al-Hassan, Fatima (P-NE-1-2026-000001-5)"
    field: str  # the German label
    kept: str  # the values as text
    other: str
    kept_by: str  # the workstation whose value was kept
    other_by: str
    rule: str
    detected_at: datetime
    combinable: bool
    combined: str  # both values, the start of a combined text


def open_conflicts(session: Session, *, actor: Actor) -> list[dict[str, Any]]:
    """Unresolved conflicts, oldest first."""
    require(session, actor, Action.REVIEW_CONFLICTS)
    return [conflict_document(row) for row in session.execute(_open_query()).mappings()]


def open_conflict_count(session: Session, *, actor: Actor) -> int:
    require(session, actor, Action.REVIEW_CONFLICTS)
    return session.scalar(select(func.count()).select_from(CONFLICTS).where(
        CONFLICTS.c.resolved_at.is_(None))) or 0


def review_conflicts(session: Session, *, actor: Actor) -> list[ConflictView]:
    """Unresolved conflicts in words, oldest first."""
    require(session, actor, Action.REVIEW_CONFLICTS)
    return [_view(session, conflict) for conflict in session.scalars(
        select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
        .order_by(SyncConflict.detected_at, SyncConflict.id))]


def _open_query() -> Any:
    return (select(CONFLICTS).where(CONFLICTS.c.resolved_at.is_(None))
            .order_by(CONFLICTS.c.detected_at, CONFLICTS.c.id))


def _view(session: Session, conflict: SyncConflict) -> ConflictView:
    row = session.get(_model(conflict.table_name), conflict.row_id)
    kept, other = conflict.kept_value, _other_value(conflict)
    kept_is_replica = kept == conflict.replica_value
    hub_by = conflict.hub_origin or _("Zentrale")
    return ConflictView(
        conflict.id, record_text(session, conflict.table_name, row) if row is not None
        else _("(Datensatz fehlt hier)"), field_label(conflict.table_name, conflict.field),
        value_text(kept), value_text(other),
        conflict.replica_origin if kept_is_replica else hub_by,
        hub_by if kept_is_replica else conflict.replica_origin, conflict.rule,
        conflict.detected_at, is_combinable(_column(conflict)), _combined(kept, other))


def _combined(kept: Any, other: Any) -> str:
    return "\n".join(str(value) for value in (kept, other) if value not in (None, ""))


def resolve_conflict(session: Session, conflict_id: uuid.UUID, choice: Resolution,
                     value: str | None = None, *, actor: Actor) -> ConflictView:
    """Close the conflict with the supervisor's choice, in the caller's unit of work; the
    record is written (and captured for synchronisation) unless the kept value stays."""
    require(session, actor, Action.REVIEW_CONFLICTS)
    conflict = _open_conflict(session, conflict_id)
    row = _current_row(session, conflict)
    view = _view(session, conflict)
    if choice is not Resolution.KEEP:
        _write(session, conflict, row, _new_value(conflict, choice, value), actor)
    conflict.resolved_at = datetime.now(UTC)
    conflict.resolved_by, conflict.resolution = actor.username, choice.value
    person = person_of(session, conflict.table_name, row)
    record_by(session, actor, AuditAction.RESOLVE_CONFLICT,
              entity_type="person" if person else conflict.table_name,
              entity_id=person or conflict.row_id,
              details={"fields": [conflict.field], "resolution": choice.value})
    return view


def _open_conflict(session: Session, conflict_id: uuid.UUID) -> SyncConflict:
    conflict = session.get(SyncConflict, conflict_id, with_for_update=True)
    if conflict is None:
        raise ConflictResolutionError(_("Diesen Konflikt gibt es hier nicht."),
                                      hint=_("Die Liste neu laden."))
    if conflict.resolved_at is not None:
        raise ConflictResolutionError(
            _("Dieser Konflikt wurde schon geklärt (von {user}).").format(
                user=conflict.resolved_by or "–"), hint=_("Die Liste neu laden."))
    return conflict


def _current_row(session: Session, conflict: SyncConflict) -> Any:
    """The record, if its field still holds the kept value (else someone changed it since:
    a decision on the old values would overwrite that change)."""
    row = session.get(_model(conflict.table_name), conflict.row_id)
    label = field_label(conflict.table_name, conflict.field)
    if row is None:
        raise ConflictResolutionError(
            _("Der Datensatz zu „{field}“ ist hier nicht vorhanden.").format(field=label),
            hint=_("Erst synchronisieren, dann erneut klären."))
    now = json_value(getattr(row, _attribute(conflict)))
    if now != conflict.kept_value:
        raise ConflictResolutionError(
            _("„{field}“ wurde inzwischen geändert (jetzt: {now}, beim Konflikt behalten: "
              "{kept}); es wurde nichts geschrieben.").format(
                field=label, now=value_text(now), kept=value_text(conflict.kept_value)),
            hint=_("Die Liste neu laden und mit dem aktuellen Wert entscheiden."))
    return row


def _new_value(conflict: SyncConflict, choice: Resolution, value: str | None) -> Any:
    if choice is Resolution.OTHER:
        return _other_value(conflict)
    label = field_label(conflict.table_name, conflict.field)
    column = _column(conflict)
    if not is_combinable(column):
        raise ValidationError(label, _("ist kein Textfeld; erwartet wird Behalten oder "
                                       "Andere übernehmen"))
    text = (value or "").strip()
    length = getattr(column.type, "length", None)
    if not text or (length is not None and len(text) > length):
        raise ValidationError(label, _("erwartet wird der zusammengeführte Text, höchstens "
                                       "{count} Zeichen").format(count=length or "beliebig"))
    return text


def _other_value(conflict: SyncConflict) -> Any:
    if conflict.kept_value == conflict.replica_value:
        return conflict.hub_value
    return conflict.replica_value


def _write(session: Session, conflict: SyncConflict, row: Any, value: Any,
           actor: Actor) -> None:
    table = Base.metadata.tables[conflict.table_name]
    setattr(row, _attribute(conflict), typed_value(table, conflict.field, value))
    if hasattr(row, "updated_at"):
        row.updated_at, row.origin = utcnow(), actor.workstation
    session.flush()  # the version counts up; the change is captured
    person = person_of(session, conflict.table_name, row)
    if person is not None and conflict.field in _SEARCHED:
        reindex(session.connection(), [person])


def _model(table_name: str) -> type[Any]:
    table = Base.metadata.tables.get(table_name)
    for mapper in Base.registry.mappers:
        if table is not None and mapper.local_table is table:
            return mapper.class_
    raise ConflictResolutionError(_("Unbekannte Tabelle {name}.").format(name=table_name))


def _attribute(conflict: SyncConflict) -> str:
    model = _model(conflict.table_name)
    column = Base.metadata.tables[conflict.table_name].c[conflict.field]
    return str(model.__mapper__.get_property_by_column(column).key)


def _column(conflict: SyncConflict) -> Any:
    return Base.metadata.tables[conflict.table_name].c[conflict.field]
