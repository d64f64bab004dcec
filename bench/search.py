"""Type-ahead person search on a large database.

``python -m bench search --size N [--database URL|postgresql]`` writes N demo persons (the
demo district's generator: names in several transliterations and scripts) with their
search index rows in bulk, plants target persons whose name combination is unique
(bench/search_targets.py), rebuilds the whole index as migration 0003 does, then types
the queries of bench/search_queries.py – other transliterations, misspellings, family name
first, original script, partial birth dates – keystroke by keystroke. Figures: time to the
first page (50 rows) for every keystroke from the third character on (type-ahead) and for
the complete text, and recall@10 of the planted target per kind of query. Baseline in the
same run: a naive ``LIKE '%word%'`` scan over the names (fewer queries: it is slow).

Without ``--database`` the data goes into an SQLite file in a temporary folder;
``--database postgresql`` starts a throwaway PostgreSQL server (tests/pgserver.py), any
other value is the URL of an empty database.
"""

from __future__ import annotations

import random
import resource
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import and_, func, or_, select, text

from app.config import Settings
from app.db.base import Base
from app.search import find_persons, rebuild_all_keys
from app.services.database import Database, open_database
from bench.common import Report, stopwatch
from bench.search_data import Population, build
from bench.search_queries import KINDS, Query, make_queries

DEFAULT_SIZE = 100_000
TARGETS = 300
QUERIES = 600
NAIVE_QUERIES = 60  # the baseline scans every name; fewer queries keep the run short
NAIVE_TYPED = 5  # baseline queries typed keystroke by keystroke
FIRST_KEYSTROKE = 3
PAGE = 50
_TABLES = Base.metadata.tables
Search = Callable[[str], list[uuid.UUID]]


@contextmanager
def _database(url: str | None) -> Iterator[Database]:
    """The database to fill; a temporary SQLite file or server is removed afterwards."""
    folder = None
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="lotse-bench-"))
        url = f"sqlite:///{folder / 'search.sqlite3'}"
    server = None
    if url == "postgresql":
        from tests.pgserver import start_server

        server = start_server()
        if server is None:
            raise SystemExit("PostgreSQL is not installed")
        url = server.url("postgres")
    database = open_database(Settings(database_url=url))
    try:
        yield database
    finally:
        database.close()
        if server is not None:
            server.stop()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def _naive(database: Database) -> Search:
    persons, names = _TABLES["persons"], _TABLES["person_names"]

    def search(typed: str) -> list[uuid.UUID]:
        words = [w.lower() for w in typed.replace(",", " ").split() if not w[0].isdigit()]
        if not words:
            return []
        conditions = [or_(func.lower(persons.c.family_name + " " + persons.c.given_names)
                          .like(f"%{w}%"),
                          persons.c.id.in_(select(names.c.person_id).where(
                              func.lower(names.c.family_name + " " + names.c.given_names)
                              .like(f"%{w}%"))))
                      for w in words]
        with database.engine.connect() as connection:
            return list(connection.scalars(select(persons.c.id).where(and_(*conditions))
                                           .limit(PAGE)))
    return search


def _lotse(database: Database) -> Search:
    def search(typed: str) -> list[uuid.UUID]:
        with database.sessions() as session:
            return [m.person_id for m in find_persons(session, typed, limit=PAGE)]
    return search


def _keystrokes(typed: str) -> list[str]:
    """What the field holds after each keystroke from the third character on (a blank
    changes nothing to search for)."""
    return [typed[:n] for n in range(FIRST_KEYSTROKE, len(typed)) if typed[n - 1] != " "]


def _timed(search: Search, typed: str) -> tuple[float, list[uuid.UUID]]:
    began = time.perf_counter()
    found = search(typed)
    return time.perf_counter() - began, found


def _p(values: list[float], percent: int) -> float:
    return statistics.quantiles(values, n=100)[percent - 1] * 1000 if len(values) > 1 else 0.0


def _measure(search: Search, queries: list[Query], typed: int) -> dict[str, float]:
    """Complete-text latency and recall over all queries; type-ahead latency over every
    keystroke of the first ``typed`` queries (and their complete texts)."""
    final: list[float] = []
    keystrokes: list[float] = []
    hits: dict[str, list[bool]] = {kind: [] for kind in KINDS}
    for number, query in enumerate(queries):
        if number < typed:
            keystrokes += [_timed(search, prefix)[0] for prefix in _keystrokes(query.text)]
        took, found = _timed(search, query.text)
        final.append(took)
        if number < typed:
            keystrokes.append(took)
        hits[query.kind].append(query.person_id in found[:10])
    every = [hit for kind in KINDS for hit in hits[kind]]
    return {"p50_ms": _p(final, 50), "p95_ms": _p(final, 95),
            "typeahead_p50_ms": _p(keystrokes, 50), "typeahead_p95_ms": _p(keystrokes, 95),
            "typeahead_searches": len(keystrokes), "recall_at_10": sum(every) / len(every),
            **{f"recall_{kind}": sum(h) / len(h) for kind, h in hits.items() if h}}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _size_mb(database: Database) -> float:
    with database.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar() or 0
            size = connection.exec_driver_sql("PRAGMA page_size").scalar() or 0
            return pages * size / 2**20
        return float(connection.scalar(text("SELECT pg_database_size(current_database())"))
                     or 0) / 2**20


def _rebuild(database: Database) -> tuple[float, int]:
    with stopwatch() as took, database.engine.begin() as connection:
        rows = rebuild_all_keys(connection)
    # As the database would be after its next (auto)vacuum: statistics, no dead rows.
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.exec_driver_sql("ANALYZE" if c.dialect.name == "sqlite" else "VACUUM ANALYZE")
    return took[0], rows


def _report_build(report: Report, population: Population, build_s: float,
                  load_peak: float) -> None:
    report.add("build: generate persons", "generate_s", population.generate_s, "s")
    report.add("build: compute index rows (keys)", "keys_s", population.keys_s, "s")
    report.add("build: write persons and name variants", "persons_s", population.persons_s,
               "s")
    report.add("build: write index rows", "index_s", population.index_s, "s")
    report.add("build: total", "build_s", build_s, "s")
    report.add("peak memory after the build", "build_peak_rss_mb", load_peak, "MiB")


def _report_search(report: Report, label: str, prefix: str, figures: dict[str, float]) -> None:
    for name, key in (("complete text, p50", "p50_ms"), ("complete text, p95", "p95_ms"),
                      ("type-ahead, p50", "typeahead_p50_ms"),
                      ("type-ahead, p95", "typeahead_p95_ms")):
        report.add(f"{label}: first page, {name}", f"{prefix}_{key}", figures[key], "ms")
    report.add(f"{label}: type-ahead searches timed", f"{prefix}_typeahead_searches",
               int(figures["typeahead_searches"]), "")
    report.add(f"{label}: recall@10", f"{prefix}_recall_at_10", figures["recall_at_10"], "")
    for kind in KINDS:
        report.add(f"{label}: recall@10, {kind}", f"{prefix}_recall_{kind}",
                   figures.get(f"recall_{kind}", 0.0), "")


def run(size: int | None, database: str | None = None) -> Report:
    persons = size or DEFAULT_SIZE
    report = Report("search", persons)
    with _database(database) as db:
        report.add("engine", "engine", db.engine.dialect.name, "")
        with stopwatch() as took:
            population = build(db, persons, TARGETS)
        _report_build(report, population, took[0], _peak_mb())
        rebuild_s, rows = _rebuild(db)
        report.add("index rebuild, all persons (migration 0003)", "rebuild_s", rebuild_s, "s")
        report.add("index rows", "index_rows", rows, "")
        report.add("peak memory after the rebuild", "rebuild_peak_rss_mb", _peak_mb(), "MiB")
        report.add("database size", "database_mb", _size_mb(db), "MiB")
        queries = make_queries(population.targets, QUERIES)
        report.add("queries (planted targets)", "queries", len(queries), "")
        random.Random(3).shuffle(queries)
        _report_search(report, "Lotse", "lotse", _measure(_lotse(db), queries, len(queries)))
        naive = _measure(_naive(db), queries[:NAIVE_QUERIES], NAIVE_TYPED)
        report.add("naive LIKE: queries", "naive_queries", NAIVE_QUERIES, "")
        _report_search(report, "naive LIKE", "naive", naive)
        report.add("peak memory at the end", "peak_rss_mb", _peak_mb(), "MiB")
    return report
