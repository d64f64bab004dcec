"""One sync round of a branch replica: push the outbox, then pull the hub's log.

Push: the outbox in batches, each applied on the hub in one transaction; only after the hub
committed are the entries removed here – a cut in between delivers them again, and the hub
skips what it applied before. Pull: the hub's log after the cursor, each batch applied here
in one transaction together with the new cursor – a cut in between fetches it again. A
field changed here and not yet pushed keeps its local value; it goes out next round.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, insert, select

from app.db.schema import stored_revision
from app.errors import LotseError
from app.i18n import _
from app.search import reindex
from app.sync import hub as hub_side
from app.sync.hub import Change, Cursor, HubRow
from app.sync.merge import BOOKKEEPING
from app.sync.report import SyncReport, conflict_document
from app.sync.state import CURSOR, LAST_ROUND, ReplicaState, read_state, write_value
from app.sync.tables import BY_NAME, CONFLICTS, OUTBOX, PERSON_KEYS, SYNCED, to_json
from app.sync.writes import (
    bases,
    chunks,
    current_rows,
    existing_ids,
    hub_versions,
    insert_rows,
    set_bases,
    update_rows,
)

BATCH = 1000
INDEXED = frozenset({"family_name", "given_names", "birth_date", "birth_date_precision",
                     "person_id", "deleted_at"})  # what the search index is built from
Fault = Callable[[str], None]  # tests cut the connection at a named point


class NotAReplicaError(LotseError):
    exit_code = 2


def sync_round(local: Engine, hub: Engine, *, batch_size: int = BATCH,
               fault: Fault | None = None) -> SyncReport:
    """Push, then pull, until both are done; what moved."""
    cut = fault or (lambda _point: None)
    state = _state(local)
    with local.connect() as here, hub.connect() as there:
        hub_side.handshake(there, _revision(here), _revision(there))
    report = SyncReport()
    while _push_batch(local, hub, state, batch_size, report, cut):
        pass
    cursor: Cursor | None = state.cursor
    while cursor is not None:
        cursor = _pull_batch(local, hub, state, cursor, batch_size, report, cut)
    with local.begin() as here:
        write_value(here, LAST_ROUND, _now_text())
    return report


def _state(local: Engine) -> ReplicaState:
    with local.connect() as here:
        state = read_state(here)
    if state is None:
        raise NotAReplicaError(
            _("Diese Datenbank ist keine Zweigstellen-Kopie."),
            hint=_("Mit lotse --database sqlite:///PFAD branch init --hub URL --office CODE "
                   "--workstation NR anlegen."))
    return state


def _revision(connection: Connection) -> str | None:
    return stored_revision(connection)


# --- push ----------------------------------------------------------------------------------


def _push_batch(local: Engine, hub: Engine, state: ReplicaState, size: int,
                report: SyncReport, cut: Fault) -> bool:
    with local.connect() as here:
        rows = here.execute(select(OUTBOX).order_by(OUTBOX.c.seq).limit(size)).mappings().all()
        last = {(row["table_name"], row["row_id"]): row for row in rows}  # whole rows: the
        known = {name: bases(here, name, [row_id for (table, row_id) in last if table == name])
                 for name in {table for table, _row in last}}
        changes = [Change(row["change_id"], row["table_name"], row["row_id"], row["data"],
                          known[row["table_name"]].get(row["row_id"]))  # last one says all
                   for row in sorted(last.values(), key=lambda row: row["seq"])]
    if not changes:
        return False
    with hub.begin() as there:
        applied = hub_side.apply_batch(there, changes, state.origin)
        cut("push:before_commit")
    cut("push:after_commit")
    with local.begin() as here:
        here.execute(delete(OUTBOX).where(OUTBOX.c.seq <= rows[-1]["seq"]))
        _take_back(here, changes, applied.rows, state, report)
    report.pushed += applied.applied
    report.duplicates += applied.duplicates
    if applied.conflicts:
        with local.begin() as here:  # the branch's own copy, to review offline
            here.execute(insert(CONFLICTS), applied.conflicts)
    report.conflicts += [conflict_document(row) for row in applied.conflicts]
    return True


def _take_back(here: Connection, changes: list[Change], merged: list[HubRow],
               state: ReplicaState, report: SyncReport) -> None:
    """The hub's rows after the push, with their versions: a row the hub took as sent only
    becomes the base; one merged with the hub's own changes is applied like a pulled row.
    When these rows come back in the pull, their versions say they are here already. A
    change the hub had received before (a lost acknowledgement) comes back in the pull."""
    sent = {(change.table_name, str(change.row_id)): change.data for change in changes}
    for table in SYNCED:
        rows = [row for row in merged if row.table_name == table.name]
        same = [row for row in rows if sent.get((table.name, row.data["id"])) == row.data]
        other = [row for row in rows if sent.get((table.name, row.data["id"])) != row.data]
        set_bases(here, table.name, [row.data for row in same], [row.version for row in same])
        if other:
            reindex(here, sorted(_apply_table(
                here, table, [row.data for row in other], [row.version for row in other],
                state, report)))


# --- pull ----------------------------------------------------------------------------------


def _pull_batch(local: Engine, hub: Engine, state: ReplicaState, after: Cursor, size: int,
                report: SyncReport, cut: Fault) -> Cursor | None:
    with hub.connect() as there:
        entries = hub_side.pull(there, after, size)
        if not entries:
            return None
        needed = _needed(local, _newest(entries))
        rows = hub_side.entry_data(there, [entry["seq"] for entry in needed])
    cut("pull:after_fetch")
    last = Cursor(entries[-1]["txid"], entries[-1]["seq"])
    with local.begin() as here:
        touched: set[Any] = set()
        for table in SYNCED:
            found = [entry for entry in needed if entry["table_name"] == table.name]
            if found:
                touched |= _apply_table(here, table, [rows[entry["seq"]] for entry in found],
                                        [entry["row_version"] for entry in found],
                                        state, report)
        reindex(here, sorted(touched))
        write_value(here, CURSOR, last.text())
        cut("pull:before_commit")
    report.pulled += len(entries)
    return last


def _newest(entries: list[Any]) -> dict[tuple[str, Any], Any]:
    """The newest entry of each row: the highest version (the log's order is the order the
    transactions began, which for one row need not be the order they committed)."""
    latest: dict[tuple[str, Any], Any] = {}
    for entry in entries:
        key = (entry["table_name"], entry["row_id"])
        kept = latest.get(key)
        if kept is None or _newer_than(kept["row_version"], entry["row_version"]):
            latest.pop(key, None)
            latest[key] = entry
    return latest


def _needed(local: Engine, latest: dict[tuple[str, Any], Any]) -> list[Any]:
    """The entries newer than the rows held here; the others (mostly this replica's own
    push, come back) are not even fetched."""
    with local.connect() as here:
        held = {name: hub_versions(here, name, [row_id for (table, row_id) in latest
                                                if table == name])
                for name in {table for table, _row in latest}}
    return [entry for (name, row_id), entry in latest.items()
            if _newer_than(held[name].get(row_id), entry["row_version"])]


def _newer_than(held: int | None, coming: int | None) -> bool:
    """Whether a row at version ``coming`` is newer than the one ``held`` (unknown versions:
    the later entry counts)."""
    return held is None or coming is None or coming > held


def _apply_table(here: Connection, table: Table, rows: list[dict[str, Any]],
                 versions: list[int | None], state: ReplicaState,
                 report: SyncReport) -> set[Any]:
    """Apply the hub's rows of one table; the persons whose search rows must be rebuilt.
    A row at a version this replica already holds (its own push come back) is passed over."""
    ids = [uuid.UUID(row["id"]) for row in rows]
    held = hub_versions(here, table.name, ids)
    keep = [index for index, (row_id, version) in enumerate(zip(ids, versions, strict=True))
            if _newer_than(held.get(row_id), version)]
    rows, versions = [rows[i] for i in keep], [versions[i] for i in keep]
    ids = [ids[i] for i in keep]
    current = current_rows(here, table, ids)
    pending = _pending(here, table.name, ids)
    base = bases(here, table.name, [row_id for row_id in ids if row_id in pending])
    new = [row for row_id, row in zip(ids, rows, strict=True) if row_id not in current]
    fresh = _belonging(here, table, new, state)
    report.skipped += len(new) - len(fresh)
    changed, renamed = [], []
    for row_id, row in zip(ids, rows, strict=True):
        if row_id in current:
            mine = to_json(table, current[row_id])
            wanted = _incoming(mine, row, base.get(row_id), row_id in pending)
            if wanted:  # the hub's time of the change, not the time it arrived here
                stamp = {"updated_at": row["updated_at"]} if "updated_at" in row else {}
                changed.append(mine | wanted | stamp)
                renamed += [row] if INDEXED & set(wanted) else []
    insert_rows(here, table, fresh)
    update_rows(here, table, changed)
    kept = {row["id"] for row in fresh}
    based = [(row, version) for row_id, row, version in zip(ids, rows, versions, strict=True)
             if row_id in current or row["id"] in kept]
    set_bases(here, table.name, [row for row, _v in based], [v for _row, v in based])
    return _search_relevant(table.name, fresh, renamed)


def _pending(here: Connection, table_name: str, ids: list[uuid.UUID]) -> set[Any]:
    return {found for part in chunks(ids) for found in here.scalars(
        select(OUTBOX.c.row_id).where(OUTBOX.c.table_name == table_name,
                                      OUTBOX.c.row_id.in_(part)))}


def _incoming(mine: dict[str, Any], theirs: dict[str, Any], base: dict[str, Any] | None,
              pending: bool) -> dict[str, Any]:
    """The hub's values that differ here; fields changed here and still in the outbox stay."""
    return {name: value for name, value in theirs.items()
            if mine.get(name) != value
            and not (pending and name not in BOOKKEEPING
                     and mine.get(name) != (base or {}).get(name))}


def _belonging(here: Connection, table: Table, rows: list[dict[str, Any]],
               state: ReplicaState) -> list[dict[str, Any]]:
    """New rows whose references are all here – and persons only of the offices this
    branch serves; the others belong to persons this branch does not keep."""
    for key in table.foreign_keys:
        target = key.column.table
        if target.name not in BY_NAME or not rows:
            continue
        name = key.parent.name
        wanted = [uuid.UUID(row[name]) for row in rows if row.get(name)]
        present = existing_ids(here, BY_NAME[target.name], wanted) | {
            uuid.UUID(row["id"]) for row in rows} if target is table else existing_ids(
            here, BY_NAME[target.name], wanted)
        rows = [row for row in rows if not row.get(name) or uuid.UUID(row[name]) in present]
    if table.name == "persons" and state.served:
        codes = _office_codes(here)
        rows = [row for row in rows if codes.get(str(row.get("office_id"))) in state.served]
    return rows


def _office_codes(here: Connection) -> dict[str, str]:
    offices = BY_NAME["offices"]
    return {str(row.id): row.code for row in here.execute(select(offices.c.id, offices.c.code))}


def _search_relevant(table_name: str, fresh: list[dict[str, Any]],
                     renamed: list[dict[str, Any]]) -> set[Any]:
    """Persons whose names or birth date arrived or changed (other fields are not indexed)."""
    key = PERSON_KEYS.get(table_name)
    if key is None:
        return set()
    return {uuid.UUID(row[key]) for row in (*fresh, *renamed)}


def _now_text() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat()


def hub_url(local: Engine) -> str:
    """The hub this replica synchronises with (NotAReplicaError for any other database)."""
    return _state(local).hub_url
