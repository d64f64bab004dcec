"""A conflict resolved on one database is closed on the other after the round.

The hub records a conflict and the replica that pushed it keeps a copy with the same id; a
supervisor may resolve either. The record's new value travels like every edit (it was
written through the ORM and captured). What is left is the conflict's own state: after each
round the replica closes on the hub what it resolved, and closes here what the hub resolved.
Only open conflicts are compared, so a round with nothing open costs two small queries. If
both sides resolved the same conflict, each keeps its own note of who did; the record's
value was merged like any other edit.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, select, update

from app.sync.replica import sync_round
from app.sync.report import SyncReport
from app.sync.state import read_state
from app.sync.tables import CONFLICTS

_CLOSED = ("resolved_at", "resolved_by", "resolution")


def synchronise(local: Engine, hub: Engine, **options: Any) -> SyncReport:
    """One round (``sync_round``), then the resolutions exchanged; what moved."""
    report = sync_round(local, hub, **options)
    report.resolutions = settle_resolutions(local, hub)
    return report


def settle_resolutions(local: Engine, hub: Engine) -> int:
    """Close on each side what the other resolved; how many conflicts were closed."""
    with local.connect() as here:
        state = read_state(here)
        open_here = set(here.scalars(select(CONFLICTS.c.id).where(
            CONFLICTS.c.resolved_at.is_(None))))
    if state is None:
        return 0
    with hub.begin() as there:
        open_there = set(there.scalars(select(CONFLICTS.c.id).where(
            CONFLICTS.c.resolved_at.is_(None), CONFLICTS.c.replica_origin == state.origin)))
        closed_there = _resolved(there, open_here - open_there)
        with local.begin() as here:
            closed_here = _resolved(here, open_there - open_here)
            _close(here, closed_there)
        _close(there, closed_here)
    return len(closed_there) + len(closed_here)


def _resolved(connection: Connection, ids: Iterable[uuid.UUID]) -> list[dict[str, Any]]:
    wanted = list(ids)
    if not wanted:
        return []
    return [dict(row) for row in connection.execute(
        select(CONFLICTS.c.id, *(CONFLICTS.c[name] for name in _CLOSED)).where(
            CONFLICTS.c.id.in_(wanted), CONFLICTS.c.resolved_at.is_not(None))).mappings()]


def _close(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Mark these conflicts resolved as the other side did (an open one only)."""
    if rows:
        connection.execute(
            update(CONFLICTS).where(CONFLICTS.c.id == bindparam("b_id"),
                                    CONFLICTS.c.resolved_at.is_(None))
            .values({name: bindparam(f"b_{name}") for name in _CLOSED}),
            [{"b_id": row["id"], **{f"b_{name}": row[name] for name in _CLOSED}}
             for row in rows])
