"""Rows written on the hub (PostgreSQL) from JSON in one statement per table and batch.

The batch travels as one JSON array; ``jsonb_populate_recordset`` turns it into rows of the
table's own type on the server, so text becomes UUIDs, times and dates there – instead of
binding every value of every row from Python, which was most of a push round's time.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Table, text

from app.sync.tables import LOG, synced_columns, versioned


def _name(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def _records(connection: Connection, table: Table) -> str:
    return f"jsonb_populate_recordset(NULL::{_name(connection, table.name)}, " \
           "CAST(:rows AS jsonb)) AS r"


def insert_json(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """New rows, as version 1 of the hub."""
    names = [_name(connection, column.name) for column in synced_columns(table)]
    values = [f"r.{name}" for name in names]
    if versioned(table):
        names, values = [*names, "version"], [*values, "1"]
    connection.execute(text(
        f"INSERT INTO {_name(connection, table.name)} ({', '.join(names)}) "
        f"SELECT {', '.join(values)} FROM {_records(connection, table)}"),
        {"rows": json.dumps(rows)})


def update_json(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Whole rows; each counts up its version."""
    names = [_name(connection, column.name) for column in synced_columns(table)
             if column.name != "id"]
    values = [f"r.{name}" for name in names]
    if versioned(table):
        names, values = [*names, "version"], [*values, "t.version + 1"]
    target = _name(connection, table.name)
    connection.execute(text(
        f"UPDATE {target} AS t SET ({', '.join(names)}) = ROW({', '.join(values)}) "
        f"FROM {_records(connection, table)} WHERE t.id = r.id"), {"rows": json.dumps(rows)})


def log_json(connection: Connection, table_name: str,
             rows: list[tuple[dict[str, Any], int | None]],
             txid: int) -> None:
    """Rows with their versions into the hub's log."""
    entries = [{"row": row, "version": version} for row, version in rows]
    connection.execute(text(
        f"INSERT INTO {_name(connection, LOG.name)} "
        "(txid, table_name, row_id, data, origin, row_version, written_at) "
        "SELECT :txid, :table_name, CAST(e->'row'->>'id' AS uuid), CAST(e->'row' AS json), "
        "COALESCE(e->'row'->>'origin', ''), CAST(e->>'version' AS integer), now() "
        "FROM jsonb_array_elements(CAST(:entries AS jsonb)) AS e"),
        {"txid": txid, "table_name": table_name, "entries": json.dumps(entries)})
