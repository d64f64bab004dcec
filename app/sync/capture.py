"""Changes captured in the transaction that writes them.

A listener on the database's sessions runs after every flush: the rows of synchronised
tables that the flush inserted or changed are read back whole and written to the hub's
``sync_log`` (PostgreSQL) or the replica's ``sync_outbox`` – in the same transaction, so a
change is logged exactly when it is committed. Changes that arrive by synchronisation are
written with Core statements and are not captured again.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from enum import StrEnum
from typing import Any

from sqlalchemy import event, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Setting
from app.ids import new_id
from app.sync.tables import BY_NAME, LOG, OUTBOX, to_json

ROLE_SETTING = "sync.role"


class Role(StrEnum):
    HUB = "hub"
    REPLICA = "replica"


def role_of(session: Session) -> Role | None:
    """The hub is every PostgreSQL database (its counters write there directly); a replica
    is an SQLite file made by ``lotse branch init``; anything else captures nothing."""
    if session.get_bind().dialect.name == "postgresql":
        return Role.HUB
    stored = session.get(Setting, ROLE_SETTING)
    return Role.REPLICA if stored is not None and stored.value == Role.REPLICA else None


def install(sessions: sessionmaker[Session]) -> Role | None:
    """Capture the changes of every session of this factory, as the database's role says."""
    with sessions() as session:
        role = role_of(session)
    if role is not None:
        installed = "sync_role" in (sessions.kw.get("info") or {})
        sessions.configure(info={"sync_role": role})
        # Not event.contains(): it knows a factory by id(), and a new factory at the address
        # of a freed one (its listeners not yet collected) would seem to listen already.
        if not installed:
            event.listen(sessions, "after_flush", _captured)
    return role


def _captured(session: Session, _context: Any) -> None:
    role = session.info.get("sync_role")
    if role is None:
        return
    changed: dict[str, set[uuid.UUID]] = defaultdict(set)
    for item in [*session.new, *session.dirty]:
        table = getattr(item, "__table__", None)
        if table is None or table.name not in BY_NAME:
            continue
        if item in session.dirty and not session.is_modified(item):
            continue
        changed[table.name].add(item.id)
    if changed:
        _write(session, changed, role)


def _write(session: Session, changed: dict[str, set[uuid.UUID]], role: Role | None) -> None:
    connection = session.connection()
    rows = [(name, row) for name, ids in changed.items() for row in connection.execute(
        select(BY_NAME[name]).where(BY_NAME[name].c.id.in_(ids))).mappings()]
    if role is Role.HUB:
        txid = connection.execute(text("SELECT pg_current_xact_id()::text::bigint")).scalar()
        connection.execute(insert(LOG), [
            {"txid": txid, "table_name": name, "row_id": row["id"],
             "data": to_json(BY_NAME[name], row), "origin": row.get("origin", ""),
             "row_version": row.get("version")} for name, row in rows])
    elif role is Role.REPLICA:
        connection.execute(insert(OUTBOX), [
            {"change_id": new_id(), "table_name": name, "row_id": row["id"],
             "data": to_json(BY_NAME[name], row)} for name, row in rows])
