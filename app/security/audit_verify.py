"""Walk the audit chain and name its first broken link.

The chain is read in ``seq`` order in batches (keyset paging, plain rows, no ORM objects),
so a log of millions of entries is checked in constant memory. Per entry, in this order:
its ``seq`` follows its predecessor's (else entries were deleted), its ``previous_hash`` is
the predecessor's hash (else the chain was spliced or the predecessor rewritten together
with its hash), its own hash matches its fields (else it was edited).

Deleting the newest entries leaves no trace inside the chain; the report gives the head
(``seq`` and hash) so that it can be noted elsewhere and compared later.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from app.db.models import AuditEvent
from app.i18n import _
from app.security.audit import EntryFields, entry_hash
from app.security.permissions import Action, Actor, require

BATCH_SIZE = 5000
_COLUMNS = (AuditEvent.seq, AuditEvent.id, AuditEvent.occurred_at, AuditEvent.user_id,
            AuditEvent.username, AuditEvent.workstation, AuditEvent.action,
            AuditEvent.entity_type, AuditEvent.entity_id, AuditEvent.details,
            AuditEvent.previous_hash, AuditEvent.entry_hash)


class Problem(StrEnum):
    GAP = "gap"  # seq jumps: entries before this one were deleted
    PREVIOUS_HASH = "previous_hash"  # does not name the predecessor's hash
    ENTRY_HASH = "entry_hash"  # the entry's fields were changed after it was written


@dataclass(frozen=True)
class BrokenLink:
    """The first entry at which the chain does not hold."""

    seq: int
    id: uuid.UUID
    problem: Problem
    expected_seq: int  # the seq this entry should have had (differs for a gap)

    def message(self) -> str:
        if self.problem is Problem.GAP:
            return _("Eintrag {seq} ({id}): die Einträge {first} bis {last} fehlen – "
                     "gelöscht.").format(seq=self.seq, id=self.id, first=self.expected_seq,
                                         last=self.seq - 1)
        if self.problem is Problem.PREVIOUS_HASH:
            return _("Eintrag {seq} ({id}): verweist nicht auf den Hash seines Vorgängers – "
                     "die Kette wurde verändert.").format(seq=self.seq, id=self.id)
        return _("Eintrag {seq} ({id}): Inhalt passt nicht zu seinem Hash – nachträglich "
                 "geändert.").format(seq=self.seq, id=self.id)


@dataclass(frozen=True)
class ChainReport:
    """What ``verify_chain`` found; ``broken`` is None for an intact chain."""

    checked: int
    broken: BrokenLink | None
    head_seq: int  # the last entry read (0: empty log)
    head_hash: str  # its hash in hex ("" for an empty log)

    @property
    def intact(self) -> bool:
        return self.broken is None


def check_audit_log(session: Session, *, actor: Actor) -> ChainReport:
    """The chain's report for a supervisor (Action.VERIFY_AUDIT); refused roles are audited."""
    require(session, actor, Action.VERIFY_AUDIT)
    return verify_chain(session)


def verify_chain(session: Session, *, batch_size: int = BATCH_SIZE) -> ChainReport:
    """Check every entry, oldest first; stops at the first broken link."""
    checked, seq, previous = 0, 0, None
    for row in _rows(session, batch_size):
        problem = _problem(row, seq, previous)
        if problem is not None:
            return ChainReport(checked, BrokenLink(row.seq, row.id, problem, seq + 1),
                               seq, _hex(previous))
        checked, seq, previous = checked + 1, row.seq, row.entry_hash
    return ChainReport(checked, None, seq, _hex(previous))


def _problem(row: Row[Any], seq: int, previous: bytes | None) -> Problem | None:
    if row.seq != seq + 1:
        return Problem.GAP
    if row.previous_hash != previous:
        return Problem.PREVIOUS_HASH
    if entry_hash(row.previous_hash, _fields(row)) != row.entry_hash:
        return Problem.ENTRY_HASH
    return None


def _rows(session: Session, batch_size: int) -> Iterator[Row[Any]]:
    after = 0
    while batch := _batch(session, after, batch_size):
        yield from batch
        after = batch[-1].seq


def _batch(session: Session, after: int, size: int) -> Sequence[Row[Any]]:
    query = select(*_COLUMNS).where(AuditEvent.seq > after).order_by(AuditEvent.seq)
    return session.execute(query.limit(size)).all()


def _fields(row: Row[Any]) -> EntryFields:
    return EntryFields(seq=row.seq, id=row.id, occurred_at=row.occurred_at,
                       user_id=row.user_id, username=row.username, workstation=row.workstation,
                       action=row.action, entity_type=row.entity_type,
                       entity_id=row.entity_id, details=row.details)


def _hex(value: bytes | None) -> str:
    return "" if value is None else value.hex()
