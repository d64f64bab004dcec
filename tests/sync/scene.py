"""A hub (a throwaway PostgreSQL database) with the letter scene, and branch replicas (SQLite
files) made from it – the pieces every sync test needs."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select, text

from app.config import Settings
from app.db.engine import unit_of_work
from app.services.database import Database, open_database
from app.sync.branch import init_branch
from app.sync.replica import sync_round
from app.sync.report import SyncReport
from app.sync.tables import SYNCED, to_json
from tests.db.letter_scene import Scene, add_scene
from tests.pgserver import PostgresServer


@dataclass
class Hub:
    database: Database
    url: str
    scene: Scene


@dataclass
class Branch:
    database: Database
    settings: Settings  # as the branch's lotse.toml would say: its own workstation

    def sync(self, hub: Hub, **options: Any) -> SyncReport:
        return sync_round(self.database.engine, hub.database.engine, **options)


def open_hub(url: str) -> Hub:
    database = open_database(Settings(database_url=url, office="NE", workstation=1))
    with unit_of_work(database.sessions) as session:
        scene = add_scene(session)
    return Hub(database, url, scene)


def open_branch(hub: Hub, folder: Path, workstation: int, **options: Any) -> Branch:
    url = f"sqlite:///{(folder / f'branch-{workstation}.sqlite3').as_posix()}"
    settings = Settings(database_url=url, mode="branch", office="NE", workstation=workstation,
                        user="a.becker")
    database = open_database(settings)
    init_branch(database.engine, hub.database.engine, hub.url, office="NE",
                workstation=workstation, **options)
    database.close()  # opened again: now a replica, its changes are captured
    return Branch(open_database(settings), settings)


def contents(database: Database) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synchronised row as JSON, per table and id (the local version left out)."""
    with database.engine.connect() as connection:
        return {table.name: {str(row["id"]): to_json(table, row)
                             for row in connection.execute(select(table)).mappings()}
                for table in SYNCED}


def rows(database: Database, table: str) -> list[dict[str, Any]]:
    return list(contents(database)[table].values())


def differences(one: Database, other: Database) -> list[tuple[str, str, str, Any, Any]]:
    """(table, id, field, here, there) for every value that differs; rows one side lacks
    show as the field "(row)"."""
    mine, theirs = contents(one), contents(other)
    found = []
    for table in mine:
        for row_id in sorted(set(mine[table]) | set(theirs[table])):
            a, b = mine[table].get(row_id), theirs[table].get(row_id)
            if a is None or b is None:
                found.append((table, row_id, "(row)", a is not None, b is not None))
                continue
            found += [(table, row_id, name, a[name], b.get(name)) for name in a
                      if a[name] != b.get(name)]
    return found


_fresh = itertools.count(1)


@contextmanager
def fresh_hub_url(server: PostgresServer) -> Iterator[str]:
    """A new, empty PostgreSQL database on the test server (one per generated example)."""
    name = f"lotse_sync_{os.getpid()}_{next(_fresh)}"
    admin = create_engine(server.admin_url.replace("postgresql://", "postgresql+psycopg://"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.url(name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
