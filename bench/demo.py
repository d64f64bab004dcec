"""Loading the demo district: how long ``lotse demo --persons N`` takes on an SQLite file.

Baseline in the same run: the same persons written as bare rows with one bulk Core insert –
the floor for putting that many person rows into the file. The difference is what the real
load adds: readable numbers per person, name variants, households, visits, idempotency
checks and batched transactions.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from sqlalchemy import func, insert, select

from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import Person
from app.demo.generate import generate_households
from app.demo.load import load_demo
from app.services.database import open_database
from bench.common import Report, stopwatch

DEFAULT_SIZE = 2000


def _baseline(folder: Path, size: int) -> float:
    households = generate_households(size)
    database = open_database(Settings(database_url=f"sqlite:///{folder / 'baseline.sqlite3'}"))
    rows = [{"id": uuid.uuid4(), "person_number": f"B-{i}", "family_name": p.family_name,
             "given_names": p.given_names, "birth_date": p.birth_date,
             "birth_date_precision": p.birth_date_precision, "sex": p.sex,
             "nationality": p.nationality, "languages": list(p.languages),
             "legal_status": p.legal_status, "municipality": p.municipality}
            for i, p in enumerate(m for h in households for m in h.members)]
    with stopwatch() as took, unit_of_work(database.sessions) as session:
        session.execute(insert(Person), rows)
    database.close()
    return took[0]


def run(size: int | None) -> Report:
    persons = size or DEFAULT_SIZE
    report = Report("demo", persons)
    folder = Path(tempfile.mkdtemp(prefix="lotse-bench-"))
    with stopwatch() as generated:
        generate_households(persons)
    database = open_database(Settings(database_url=f"sqlite:///{folder / 'demo.sqlite3'}"))
    with stopwatch() as loaded:
        load_demo(database, persons=persons, progress=False)
    with stopwatch() as again:
        load_demo(database, persons=persons, progress=False)
    with database.sessions() as session:
        stored = session.scalar(select(func.count()).select_from(Person))
    database.close()
    assert stored == persons, f"expected {persons} persons, found {stored}"
    baseline = _baseline(folder, persons)

    report.add("generate persons (no database)", "generate_s", generated[0], "s")
    report.add("lotse demo: first load", "load_s", loaded[0], "s")
    report.add("lotse demo: persons per second", "persons_per_s", persons / loaded[0], "/s")
    report.add("lotse demo: second run (adds nothing)", "rerun_s", again[0], "s")
    report.add("baseline: bulk insert of bare person rows", "baseline_s", baseline, "s")
    report.add("first load / baseline", "load_vs_baseline", loaded[0] / baseline, "x")
    return report
