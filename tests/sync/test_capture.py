"""Every session factory of a replica captures its changes into the outbox – also one made
where a freed factory lived while the cyclic garbage of the old one is still uncollected
(the app collects on the GUI thread only, so a worker may open a database in between)."""

from __future__ import annotations

import gc
from pathlib import Path

from sqlalchemy import func, select

from app.config import Settings
from app.db.engine import session_factory, unit_of_work
from app.db.models import Office
from app.services.database import open_database
from app.sync.capture import ROLE_SETTING, Role, install
from app.sync.state import write_value
from app.sync.tables import OUTBOX


def test_each_new_session_factory_of_a_replica_captures(tmp_path: Path) -> None:
    database = open_database(Settings(
        database_url=f"sqlite:///{(tmp_path / 'replica.sqlite3').as_posix()}"))
    with database.engine.begin() as connection:
        write_value(connection, ROLE_SETTING, Role.REPLICA.value)
    with unit_of_work(database.sessions) as session:
        office = Office(code="NE", name="Integration Point Neuss")
        session.add(office)
    collecting = gc.isenabled()
    gc.disable()  # a freed factory's address is then soon used again
    try:
        for attempt in range(1, 21):
            sessions = session_factory(database.engine)
            assert install(sessions) is Role.REPLICA
            with unit_of_work(sessions) as session:
                session.get_one(Office, office.id).name = f"Integration Point Neuss {attempt}"
            with database.engine.connect() as connection:
                captured = connection.scalar(select(func.count()).select_from(OUTBOX))
            assert captured == attempt, f"factory {attempt} captured nothing"
            del sessions
    finally:
        if collecting:
            gc.enable()
        database.close()
