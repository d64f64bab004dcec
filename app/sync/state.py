"""A replica's identity and progress, in its own ``settings`` table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select

from app.sync.hub import Cursor
from app.sync.tables import OUTBOX, SETTINGS

HUB_URL = "sync.hub_url"
OFFICE = "sync.office"
WORKSTATION = "sync.workstation"
SERVED = "sync.served_offices"
CURSOR = "sync.cursor"
LAST_ROUND = "sync.last_round"


@dataclass(frozen=True)
class ReplicaState:
    hub_url: str
    office: str
    workstation: int
    served: tuple[str, ...]
    cursor: Cursor

    @property
    def origin(self) -> str:
        return f"{self.office}-{self.workstation}"


def read_value(connection: Connection, key: str) -> str | None:
    return connection.scalar(select(SETTINGS.c.value).where(SETTINGS.c.key == key))


def write_value(connection: Connection, key: str, value: str) -> None:
    connection.execute(delete(SETTINGS).where(SETTINGS.c.key == key))
    connection.execute(insert(SETTINGS).values(key=key, value=value))


def read_state(connection: Connection) -> ReplicaState | None:
    """The replica's state; None for a database that is no replica."""
    hub = read_value(connection, HUB_URL)
    if hub is None:
        return None
    served = read_value(connection, SERVED) or ""
    return ReplicaState(hub, read_value(connection, OFFICE) or "",
                        int(read_value(connection, WORKSTATION) or 0),
                        tuple(code for code in served.split(",") if code),
                        Cursor.parse(read_value(connection, CURSOR) or "0:0"))


def pending_changes(connection: Connection) -> int:
    """Changes made here that the hub has not acknowledged yet."""
    return connection.scalar(select(func.count()).select_from(OUTBOX)) or 0


def last_round(connection: Connection) -> datetime | None:
    """When the last round finished (UTC), None before the first."""
    stored = read_value(connection, LAST_ROUND)
    return datetime.fromisoformat(stored) if stored else None
