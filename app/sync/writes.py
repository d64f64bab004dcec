"""Rows written in bulk on either side: a few statements per table and batch, not per row."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from app.sync.hub_writes import insert_json, update_json
from app.sync.tables import BASE, from_json, synced_columns, versioned

CHUNK = 900  # ids per IN (…): below SQLite's limit of bound parameters


def chunks(ids: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def current_rows(connection: Connection, table: Table, ids: Sequence[uuid.UUID], *,
                 lock: bool = False) -> dict[uuid.UUID, Any]:
    """The stored rows of these ids (locked for update on the hub)."""
    found: dict[uuid.UUID, Any] = {}
    for part in chunks(ids):
        query = select(table).where(table.c.id.in_(part))
        found |= {row["id"]: row for row in connection.execute(
            query.with_for_update() if lock else query).mappings()}
    return found


def existing_ids(connection: Connection, table: Table, ids: Iterable[uuid.UUID]) -> set[Any]:
    wanted = list(set(ids))
    return {found for part in chunks(wanted) for found in connection.scalars(
        select(table.c.id).where(table.c.id.in_(part)))}


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """New rows from JSON values, as version 1 of this database."""
    if rows and connection.dialect.name == "postgresql":
        insert_json(connection, table, rows)
    elif rows:
        first = {"version": 1} if versioned(table) else {}
        connection.execute(insert(table), [{**from_json(table, row), **first} for row in rows])


def update_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Whole rows from JSON values; each counts up its version here (an open form that
    loaded the old one is told, not overwritten)."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        update_json(connection, table, rows)
        return
    columns = [column.name for column in synced_columns(table) if column.name != "id"]
    statement = (update(table).where(table.c.id == bindparam("b_id"))
                 .values({name: bindparam(f"b_{name}") for name in columns}
                         | ({"version": table.c.version + 1} if versioned(table) else {})))
    connection.execute(statement, [{f"b_{name}": value for name, value in
                                    from_json(table, row).items()} for row in rows])


def set_bases(connection: Connection, table_name: str, rows: list[dict[str, Any]],
              versions: Sequence[int | None] | None = None) -> None:
    """Remember these rows (JSON) as last exchanged with the hub, with the hub's version of
    each where it is known."""
    if not rows:
        return
    ids = [uuid.UUID(row["id"]) for row in rows]
    for part in chunks(ids):
        connection.execute(delete(BASE).where(BASE.c.table_name == table_name,
                                              BASE.c.row_id.in_(part)))
    known = versions if versions is not None else [None] * len(rows)
    connection.execute(insert(BASE), [
        {"table_name": table_name, "row_id": row_id, "data": row, "hub_version": version}
        for row_id, row, version in zip(ids, rows, known, strict=True)])


def hub_versions(connection: Connection, table_name: str,
                 ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """The hub version this replica holds of each row, where it knows one."""
    return {row.row_id: row.hub_version for part in chunks(ids) for row in connection.execute(
        select(BASE.c.row_id, BASE.c.hub_version).where(
            BASE.c.table_name == table_name, BASE.c.row_id.in_(part),
            BASE.c.hub_version.is_not(None)))}


def bases(connection: Connection, table_name: str,
          ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    return {row.row_id: row.data for part in chunks(ids) for row in connection.execute(
        select(BASE.c.row_id, BASE.c.data).where(BASE.c.table_name == table_name,
                                                 BASE.c.row_id.in_(part)))}
