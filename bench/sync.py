"""``python -m bench sync [--size N]``: a branch replica and the PostgreSQL hub (issue 7).

On a throwaway PostgreSQL server (tests/pgserver.py) the hub gets N demo persons (default
100,000) of one office. Measured:
- the initial copy of a branch (an SQLite file) – against a baseline in the same run: the
  persons table alone copied row for row with plain SELECT/INSERT, no bookkeeping;
- a round with nothing to do (best and median of 20);
- 10,000 persons changed on the branch, then one round that pushes them and pulls the
  merged rows back;
- 10,000 persons changed at a counter on the hub, then one round that pulls them;
- the Python heap's peak (tracemalloc) of rounds moving 1,000 and 10,000 rows each way,
  measured in rounds of their own (tracemalloc slows Python down several times): flat means
  it does not grow with the number of changes.
"""

from __future__ import annotations

import shutil
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, select, update

from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import Office, Person
from app.services.database import Database, open_database
from app.sync.branch import init_branch
from app.sync.replica import sync_round
from app.sync.tables import BY_NAME
from bench.common import Report, best_of, stopwatch
from bench.search_data import build

CHANGED = 10_000


def run(size: int | None) -> Report:
    size = size or 100_000
    from tests.pgserver import start_server

    server = start_server()
    if server is None:
        raise SystemExit("PostgreSQL is not installed")
    folder = Path(tempfile.mkdtemp(prefix="lotse-bench-sync-"))
    try:
        return _measure(server.url("postgres"), folder, size)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _measure(url: str, folder: Path, size: int) -> Report:
    report = Report("sync", size)
    hub = open_database(Settings(database_url=url, office="NE", workstation=1))
    _fill(hub, size)
    baseline = _plain_copy(hub.engine, folder / "baseline.sqlite3")
    report.add("baseline: persons copied with plain SELECT/INSERT", "baseline_copy_s",
               baseline, "s")
    branch = Settings(database_url=f"sqlite:///{(folder / 'branch.sqlite3').as_posix()}",
                      office="NE", workstation=7)
    replica = open_database(branch)
    with stopwatch() as took:
        copied = init_branch(replica.engine, hub.engine, url, office="NE", workstation=7)
    replica.close()
    replica = open_database(branch)  # a replica now: its changes are captured
    report.add(f"initial copy ({copied.rows['persons']:,} persons, "
               f"{sum(copied.rows.values()):,} rows)", "initial_copy_s", took[0], "s")
    idle = _round(replica, hub)
    best, median = best_of(20, idle)
    report.add("round with nothing to do, best", "idle_round_best_ms", best * 1000, "ms")
    report.add("round with nothing to do, median", "idle_round_median_ms", median * 1000, "ms")
    _change(replica, "0170 1")
    with stopwatch() as pushed:
        sync_round(replica.engine, hub.engine)
    report.add(f"{CHANGED:,} changed on the branch: push and pull back", "push_10k_s",
               pushed[0], "s")
    _change(hub, "0170 2")
    with stopwatch() as pulled:
        sync_round(replica.engine, hub.engine)
    report.add(f"{CHANGED:,} changed at the hub: pull", "pull_10k_s", pulled[0], "s")
    _memory(report, replica, hub, idle)
    replica.close()
    hub.close()
    return report


def _fill(hub: Database, size: int) -> None:
    with unit_of_work(hub.sessions) as session:
        office = Office(code="NE", name="Integration Point Neuss")
        session.add(office)
        session.flush()
        office_id = office.id
    build(hub, size, 0)
    with hub.engine.begin() as connection:
        connection.execute(update(BY_NAME["persons"]).values(office_id=office_id))


def _plain_copy(hub: Engine, path: Path) -> float:
    target = open_database(Settings(database_url=f"sqlite:///{path.as_posix()}"))
    with stopwatch() as took, hub.connect() as there, target.engine.begin() as here:
        for table in (BY_NAME["offices"], BY_NAME["persons"]):
            result = there.execution_options(yield_per=2000).execute(select(table))
            for chunk in result.mappings().partitions():
                here.execute(insert(table), [dict(row) for row in chunk])
    target.close()
    return took[0]


def _round(replica: Database, hub: Database) -> Callable[[], Any]:
    return lambda: sync_round(replica.engine, hub.engine)


def _memory(report: Report, replica: Database, hub: Database,
            one_round: Callable[[], Any]) -> None:
    """The heap's peak (tracemalloc, which slows Python down: never during the timed rounds)
    for rounds moving 1,000 and 10,000 rows each way: flat means the same at both sizes."""
    report.add("heap peak, round with nothing to do", "idle_peak_mb", _peak(one_round), "MB")
    for count in (1_000, CHANGED):
        _change(replica, f"0171 {count}", count)
        report.add(f"heap peak, push round of {count:,}", f"push_peak_{count}_mb",
                   _peak(one_round), "MB")
        _change(hub, f"0172 {count}", count)
        report.add(f"heap peak, pull round of {count:,}", f"pull_peak_{count}_mb",
                   _peak(one_round), "MB")


def _change(database: Database, phone: str, count: int = CHANGED) -> None:
    """``count`` persons get a new phone number through the ORM, as the app writes."""
    with unit_of_work(database.sessions) as session:
        ids = list(session.scalars(select(Person.id).order_by(Person.id).limit(count)))
        for start in range(0, len(ids), 1000):
            for person in session.scalars(select(Person).where(
                    Person.id.in_(ids[start:start + 1000]))):
                person.phone = phone
            session.flush()


def _peak(action: Callable[[], Any]) -> float:
    tracemalloc.start()
    action()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20
