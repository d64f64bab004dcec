"""The hub's side of synchronisation: the handshake, a replica's batch applied idempotently
with the field merge, and the pull cursor.

Everything runs in the caller's transaction on the hub (PostgreSQL). A batch is applied
whole or not at all; each change is remembered by its id (``sync_received``), so a batch
delivered again after a lost acknowledgement changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, text, tuple_

from app.errors import LotseError
from app.i18n import _
from app.ids import new_id
from app.sync.hub_writes import log_json
from app.sync.merge import FieldConflict, merge_row
from app.sync.tables import BY_NAME, CONFLICTS, LOG, RANK, RECEIVED, to_json, versioned
from app.sync.writes import current_rows, insert_rows, update_rows

END = 2 ** 62  # a seq larger than any: "after every entry of this transaction"


class SyncRefusedError(LotseError):
    """Hub and replica cannot synchronise (another schema, an unknown workstation)."""

    exit_code = 4


@dataclass(frozen=True)
class Change:
    """One captured change of a replica: the whole row, and the row as last synchronised."""

    change_id: uuid.UUID
    table_name: str
    row_id: uuid.UUID
    data: dict[str, Any]
    base: dict[str, Any] | None


@dataclass(frozen=True)
class Cursor:
    txid: int
    seq: int

    def text(self) -> str:
        return f"{self.txid}:{self.seq}"

    @classmethod
    def parse(cls, stored: str) -> Cursor:
        txid, seq = stored.split(":")
        return cls(int(txid), int(seq))


@dataclass(frozen=True)
class HubRow:
    """A row as the hub holds it after a batch, with its version there."""

    table_name: str
    data: dict[str, Any]
    version: int | None  # None: a table without versions (append-only)


@dataclass
class Applied:
    applied: int = 0
    duplicates: int = 0  # delivered before: skipped
    conflicts: list[dict[str, Any]] = field(default_factory=list)  # as recorded
    rows: list[HubRow] = field(default_factory=list)  # every fresh change's row, as merged


def handshake(hub: Connection, replica_revision: str | None, hub_revision: str | None) -> None:
    """Refuse to exchange anything between different schema revisions."""
    if replica_revision != hub_revision:
        raise SyncRefusedError(
            _("Zweigstelle und Zentrale haben verschiedene Schemastände (hier {mine}, Zentrale "
              "{theirs}); es wurde nichts übertragen.").format(mine=replica_revision,
                                                             theirs=hub_revision),
            hint=_("Beide auf dasselbe Lotse aktualisieren (lotse db upgrade), dann erneut "
                   "synchronisieren."))


def apply_batch(hub: Connection, changes: list[Change], origin: str) -> Applied:
    """Apply a replica's changes (one per row) in the hub's transaction, table by table,
    parents before children."""
    result = Applied()
    seen = _received(hub, [change.change_id for change in changes])
    fresh = [change for change in changes if change.change_id not in seen]
    result.duplicates = len(changes) - len(fresh)
    txid = current_txid(hub)
    for table_name in sorted({change.table_name for change in fresh}, key=RANK.__getitem__):
        group = [change for change in fresh if change.table_name == table_name]
        _apply_table(hub, group, txid, origin, result)
    if fresh:
        hub.execute(insert(RECEIVED), [{"change_id": change.change_id, "origin": origin}
                                       for change in fresh])
    result.applied = len(fresh)
    return result


def _apply_table(hub: Connection, group: list[Change], txid: int, origin: str,
                 result: Applied) -> None:
    table = BY_NAME[group[0].table_name]
    current = current_rows(hub, table, [change.row_id for change in group], lock=True)
    new, changed, logged = [], [], []
    for change in group:
        row = current.get(change.row_id)
        if row is None:
            new.append(change.data)
            logged.append((change.data, 1 if versioned(table) else None))
            continue
        stored = to_json(table, row)
        merged = merge_row(stored, change.data, change.base)
        result.conflicts += [_record_conflict(hub, change, conflict, origin)
                             for conflict in merged.conflicts]
        written, version = stored | merged.values, row.get("version")
        if merged.values:
            changed.append(written)
            logged.append((written, None if version is None else version + 1))
        else:  # nothing to write: the replica adopts the hub's row as it is
            result.rows.append(HubRow(table.name, written, version))
    insert_rows(hub, table, new)
    update_rows(hub, table, changed)
    log_entries(hub, table.name, logged, txid)
    result.rows += [HubRow(table.name, data, version) for data, version in logged]


def log_entries(hub: Connection, table_name: str,
                rows: list[tuple[dict[str, Any], int | None]],
                txid: int) -> None:
    """Rows as they are now (JSON) with their versions, into the log for the replicas."""
    if rows:
        log_json(hub, table_name, rows, txid)


def _received(hub: Connection, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    received = RECEIVED
    found: set[uuid.UUID] = set()
    for start in range(0, len(ids), 500):
        found |= set(hub.scalars(select(received.c.change_id).where(
            received.c.change_id.in_(ids[start:start + 500]))))
    return found


def _record_conflict(hub: Connection, change: Change, conflict: FieldConflict,
                     origin: str) -> dict[str, Any]:
    """The conflict as recorded on the hub (the replica keeps a copy of its own)."""
    row = {"id": new_id(), "table_name": change.table_name, "row_id": change.row_id,
           "field": conflict.field, "hub_value": conflict.hub_value,
           "replica_value": conflict.replica_value, "kept_value": conflict.kept_value,
           "hub_origin": conflict.hub_origin, "replica_origin": origin, "rule": conflict.rule,
           "change_id": change.change_id, "detected_at": datetime.now(UTC),
           "resolved_by": "", "resolution": ""}
    hub.execute(insert(CONFLICTS).values(**row))
    return row


def current_txid(hub: Connection) -> int:
    return int(hub.execute(text("SELECT pg_current_xact_id()::text::bigint")).scalar_one())


def watermark(hub: Connection) -> int:
    """The oldest transaction still running: every entry below it is committed (or gone)."""
    return int(hub.execute(text(
        "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")).scalar_one())


def pull(hub: Connection, after: Cursor, limit: int) -> list[Any]:
    """Log entries after the cursor, in commit-safe order, at most ``limit`` – without their
    rows, which ``entry_data`` fetches for the entries a replica needs."""
    below = watermark(hub)
    return list(hub.execute(
        select(LOG.c.seq, LOG.c.txid, LOG.c.table_name, LOG.c.row_id, LOG.c.row_version)
        .where(tuple_(LOG.c.txid, LOG.c.seq) > tuple_(after.txid, after.seq),
                          LOG.c.txid < below)
        .order_by(LOG.c.txid, LOG.c.seq).limit(limit)).mappings())


def entry_data(hub: Connection, seqs: list[int]) -> dict[int, dict[str, Any]]:
    """The rows of these log entries."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(seqs), 1000):
        found |= {row.seq: row.data for row in hub.execute(
            select(LOG.c.seq, LOG.c.data).where(LOG.c.seq.in_(seqs[start:start + 1000])))}
    return found
