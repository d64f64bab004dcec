"""Which tables travel between hub and replicas, in an order that respects foreign keys,
and a row as JSON (and back).

``version`` stays behind: it is each database's own optimistic lock, counted up by every
write there. Derived tables (search keys) are rebuilt where a change arrives; the audit log
and the print numbering counters are each database's own.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Column, Table

from app.db import models  # noqa: F401 – registers the tables on the metadata
from app.db.base import Base

SYNCED: tuple[Table, ...] = tuple(Base.metadata.tables[name] for name in (
    "offices", "workstations", "users", "households", "persons", "person_names",
    "directory_offices", "visits", "concerns", "referrals", "consents", "print_events",
    "referral_status_changes"))
LOG = Base.metadata.tables["sync_log"]
RECEIVED = Base.metadata.tables["sync_received"]
OUTBOX = Base.metadata.tables["sync_outbox"]
BASE = Base.metadata.tables["sync_base"]
CONFLICTS = Base.metadata.tables["sync_conflicts"]
SETTINGS = Base.metadata.tables["settings"]
BY_NAME: dict[str, Table] = {table.name: table for table in SYNCED}
RANK: dict[str, int] = {table.name: rank for rank, table in enumerate(SYNCED)}
LOCAL_COLUMNS = frozenset({"version"})
# Rows that carry a person: the search index is rebuilt for that person after they arrive.
PERSON_KEYS = {"persons": "id", "person_names": "person_id"}


def versioned(table: Table) -> bool:
    """Whether the table counts versions (append-only tables such as print events do not)."""
    return "version" in table.c


def synced_columns(table: Table) -> list[Column[Any]]:
    return [column for column in table.columns if column.name not in LOCAL_COLUMNS]


@cache
def _kinds(table: Table) -> dict[str, type | None]:
    """Each synchronised column's Python type, looked up once per table."""
    return {column.name: _python_type(column) for column in synced_columns(table)}


@cache
def _converted(table: Table) -> tuple[str, ...]:
    """The columns whose values are not JSON as they are (UUIDs, times, dates): a batch
    converts only these, the rest is copied."""
    return tuple(name for name, kind in _kinds(table).items()
                 if kind is not None and kind not in (str, int, bool, float, list, dict, object))


def to_json(table: Table, row: Any) -> dict[str, Any]:
    """A row (mapping) as JSON values: UUIDs and dates as text."""
    data = {name: row[name] for name in _kinds(table)}
    for name in _converted(table):
        if data[name] is not None:
            data[name] = _plain(data[name])
    return data


def from_json(table: Table, data: dict[str, Any]) -> dict[str, Any]:
    """JSON values back into the column types; columns this program does not know are
    left out (a newer schema is refused in the handshake before it gets here)."""
    kinds = _kinds(table)
    values = {name: value for name, value in data.items() if name in kinds}
    for name in _converted(table):
        if values.get(name) is not None:
            values[name] = _typed(kinds[name], values[name])
    return values


def json_value(value: Any) -> Any:
    """One column's value as JSON (as ``to_json`` writes it)."""
    return _plain(value)


def typed_value(table: Table, name: str, value: Any) -> Any:
    """One JSON value back into its column's type."""
    return _typed(_kinds(table)[name], value)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | bool | float | list):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):  # SQLite hands back the stored UTC time without zone
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _typed(kind: type | None, value: Any) -> Any:
    if value is None or kind is None or kind is str:
        return value
    if kind is uuid.UUID:
        return uuid.UUID(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    return value


def _python_type(column: Column[Any]) -> type | None:
    try:
        return column.type.python_type
    except NotImplementedError:
        return None
