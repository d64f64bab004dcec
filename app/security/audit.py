"""The audit log: append-only and tamper-evident.

Every entry carries the SHA-256 of its predecessor's hash and its own fields, so an edited
entry no longer matches its hash and a deleted one leaves a gap in ``seq``
(:mod:`app.security.audit_verify` finds both). The database itself refuses UPDATE and
DELETE on ``audit_events`` (triggers of migration 0005); the hashes catch whoever drops
the triggers first.

One chain per database. Appends are serialised so that two workstations never build on the
same predecessor: PostgreSQL takes a transaction-scoped advisory lock, SQLite takes its
writer lock (``BEGIN`` is deferred there, so a no-op write takes it before the read).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.db.models import AuditEvent
from app.ids import new_id

if TYPE_CHECKING:  # permissions records its refusals here
    from app.security.permissions import Actor

# pg_advisory_xact_lock key for the audit chain: "LOTSAUDT" read as a 64-bit number.
AUDIT_LOCK_KEY = 0x4C4F545341554454

PERSON = "person"  # entity_type of person records
DIRECTORY = "directory_office"  # entity_type of directory offices


class AuditAction(StrEnum):
    """What happened; stored as the value."""

    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    REFUSED = "refused"
    VIEW_PERSON = "view_person"
    REGISTER_PERSON = "register_person"
    CHANGE_PERSON = "change_person"
    RECORD_VISIT = "record_visit"
    CREATE_REFERRAL = "create_referral"
    RECORD_CONSENT = "record_consent"
    WITHDRAW_CONSENT = "withdraw_consent"
    PRINT = "print"
    EXPORT = "export"
    APPROVE = "approve"
    REJECT = "reject"
    OUTCOME = "outcome"
    USER_ADDED = "user_added"
    USER_CHANGED = "user_changed"
    EDIT_DIRECTORY = "edit_directory"
    MERGE_PERSONS = "merge_persons"
    RESOLVE_CONFLICT = "resolve_conflict"


@dataclass(frozen=True)
class EntryFields:
    """The hashed content of one entry, as stored."""

    seq: int
    id: uuid.UUID
    occurred_at: datetime
    user_id: uuid.UUID | None
    username: str
    workstation: str
    action: str
    entity_type: str
    entity_id: uuid.UUID | None
    details: Mapping[str, object]


def record(session: Session, action: AuditAction, *, username: str,
           user_id: uuid.UUID | None = None, workstation: str = "", entity_type: str = "",
           entity_id: uuid.UUID | None = None,
           details: Mapping[str, object] | None = None) -> AuditEvent:
    """Append one entry in the caller's transaction (flushed, not committed): it is kept
    exactly when the action it records is kept."""
    _lock_chain(session)
    last_seq, last_hash = _chain_head(session)
    fields = EntryFields(
        seq=last_seq + 1, id=new_id(), occurred_at=datetime.now(UTC), user_id=user_id,
        username=username, workstation=workstation, action=AuditAction(action).value,
        entity_type=entity_type, entity_id=entity_id, details=plain_details(details or {}))
    event = AuditEvent(**_columns(fields), previous_hash=last_hash,
                       entry_hash=entry_hash(last_hash, fields))
    session.add(event)
    session.flush()
    return event


def record_by(session: Session, actor: Actor, action: AuditAction, *,
              entity_type: str = "", entity_id: uuid.UUID | None = None,
              details: Mapping[str, object] | None = None) -> AuditEvent:
    """``record`` for the services: the signed-in actor's account and workstation."""
    return record(session, action, username=actor.username, user_id=actor.user_id,
                  workstation=actor.workstation, entity_type=entity_type, entity_id=entity_id,
                  details=details)


def entry_hash(previous_hash: bytes | None, fields: EntryFields) -> bytes:
    """SHA-256 over the predecessor's hash (nothing for the first entry) and the entry's
    canonical JSON."""
    return hashlib.sha256((previous_hash or b"") + canonical_json(fields)).digest()


def canonical_json(fields: EntryFields) -> bytes:
    """Sorted keys, no spaces, UTC time with microseconds: the same bytes on every engine."""
    content = {
        "seq": fields.seq, "id": str(fields.id), "occurred_at": utc_text(fields.occurred_at),
        "user_id": _text_or_none(fields.user_id), "username": fields.username,
        "workstation": fields.workstation, "action": fields.action,
        "entity_type": fields.entity_type, "entity_id": _text_or_none(fields.entity_id),
        "details": fields.details,
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def utc_text(moment: datetime) -> str:
    """ISO 8601 in UTC with microseconds; SQLite hands times back without zone (UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="microseconds")


def plain_details(details: Mapping[str, object]) -> dict[str, object]:
    """Details as the JSON column gives them back (ids and dates become text), so that the
    hash computed now matches the one recomputed from the stored row."""
    loaded: dict[str, object] = json.loads(json.dumps(dict(details), default=str))
    return loaded


def _text_or_none(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


def _columns(fields: EntryFields) -> dict[str, object]:
    return {"seq": fields.seq, "id": fields.id, "occurred_at": fields.occurred_at,
            "user_id": fields.user_id, "username": fields.username,
            "workstation": fields.workstation, "action": fields.action,
            "entity_type": fields.entity_type, "entity_id": fields.entity_id,
            "details": dict(fields.details)}


def _lock_chain(session: Session) -> None:
    """Held until the caller's transaction ends, so the head read next stays the head."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(AUDIT_LOCK_KEY)))
    else:  # a write that changes nothing takes SQLite's one writer lock
        session.execute(text("UPDATE audit_events SET seq = seq WHERE 0"))


def _chain_head(session: Session) -> tuple[int, bytes | None]:
    row = session.execute(select(AuditEvent.seq, AuditEvent.entry_hash)
                          .order_by(AuditEvent.seq.desc()).limit(1)).first()
    return (0, None) if row is None else (row.seq, row.entry_hash)
