"""What opening a database costs at start-up: the read-only schema check, and creating the
schema from nothing through the migrations, against plain ``create_all`` as the baseline."""

from __future__ import annotations

import tempfile
from pathlib import Path

from app.config import Settings
from app.db.base import Base
from app.db.engine import build_engine
from app.db.schema import inspect_schema
from app.services.database import open_database
from bench.common import Report, best_of

DEFAULT_SIZE = 5


def run(size: int | None) -> Report:
    repeat = size or DEFAULT_SIZE
    report = Report("schema", repeat)
    folder = Path(tempfile.mkdtemp(prefix="lotse-bench-"))
    counter = iter(range(10_000))

    def migrate() -> None:
        url = f"sqlite:///{folder / f'm{next(counter)}.sqlite3'}"
        open_database(Settings(database_url=url)).close()

    def create_all() -> None:
        engine = build_engine(f"sqlite:///{folder / f'c{next(counter)}.sqlite3'}")
        Base.metadata.create_all(engine)
        engine.dispose()

    migrate_best, migrate_median = best_of(repeat, migrate)
    baseline_best, _ = best_of(repeat, create_all)
    current = f"sqlite:///{folder / 'm0.sqlite3'}"
    check_best, check_median = best_of(repeat * 4, lambda: inspect_schema(current))
    open_best, _ = best_of(repeat, lambda: open_database(Settings(database_url=current)).close())

    report.add("new database via migrations (best)", "migrate_s", migrate_best, "s")
    report.add("new database via migrations (median)", "migrate_median_s", migrate_median, "s")
    report.add("baseline: create_all (best)", "create_all_s", baseline_best, "s")
    report.add("migrations / create_all", "migrate_vs_create_all", migrate_best / baseline_best,
               "x")
    report.add("read-only schema check (best)", "inspect_s", check_best, "s")
    report.add("read-only schema check (median)", "inspect_median_s", check_median, "s")
    report.add("open current database (best)", "open_current_s", open_best, "s")
    return report
