"""Type-ahead person search on a large SQLite database.

``python -m bench search --size N`` builds N demo persons (the demo district's generator, so
names come in several transliterations and scripts), writes them with their search keys in
bulk, then runs at least 500 realistic queries: another recorded spelling of a person's name
(transliteration or original script), a misspelling (one letter dropped or doubled), a name
with a partial birth date. For each query the time to the first page (50 rows) is measured
for the final text and, for the first 100 queries, for every prefix typed on the way
(type-ahead), and recall@10 is
checked against the person the query was made from. Baseline in the same run: a naive
``LIKE '%token%'`` scan over the names.
"""

from __future__ import annotations

import random
import resource
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, insert, or_, select

from app.config import Settings
from app.db.base import Base
from app.demo.generate import DemoPerson, generate_household
from app.search import find_persons
from app.search.keys import name_keys
from app.services.database import Database, open_database
from bench.common import Report, stopwatch

DEFAULT_SIZE = 100_000
QUERIES = 600
TYPED = 100  # queries whose every prefix is timed as type-ahead
NAIVE_QUERIES = 120  # the baseline scans every name; fewer queries keep the run short
PAGE = 50
_TABLES = Base.metadata.tables


def _people(size: int) -> Iterator[DemoPerson]:
    made, index = 0, 0
    while made < size:
        for person in generate_household(index).members:
            if made == size:
                return
            yield person
            made += 1
        index += 1


def _rows(person: DemoPerson, number: int) -> tuple[dict[str, Any], list[dict[str, Any]],
                                                    list[dict[str, Any]]]:
    person_id = uuid.uuid4()
    row = {"id": person_id, "person_number": f"P-BE-1-2026-{number:07d}-0",
           "family_name": person.family_name, "given_names": person.given_names,
           "birth_date": person.birth_date, "birth_date_precision": person.birth_date_precision,
           "legal_status": person.legal_status, "municipality": person.municipality}
    names = [{"id": uuid.uuid4(), "person_id": person_id, "kind": n.kind, "script": n.script,
              "family_name": n.family_name, "given_names": n.given_names}
             for n in person.names]
    texts = [person.family_name, person.given_names,
             *[t for n in person.names for t in (n.family_name, n.given_names)]]
    keys = [{"key": key, "person_id": person_id} for key in name_keys(t for t in texts if t)]
    return row, names, keys


@dataclass
class Built:
    database: Database
    people: list[tuple[uuid.UUID, DemoPerson]]
    generate_s: float
    keys_s: float
    insert_s: float
    key_rows: int


def _build(folder: Path, size: int) -> Built:
    database = open_database(Settings(database_url=f"sqlite:///{folder / 'search.sqlite3'}"))
    people: list[tuple[uuid.UUID, DemoPerson]] = []
    generate_s = keys_s = insert_s = 0.0
    key_rows = 0
    batch: tuple[list[Any], list[Any], list[Any]] = ([], [], [])
    start = time.perf_counter()

    def flush() -> float:
        began = time.perf_counter()
        with database.engine.begin() as connection:
            for table, rows in zip(("persons", "person_names", "person_search_keys"), batch,
                                   strict=True):
                if rows:
                    connection.execute(insert(_TABLES[table]), rows)
        for rows in batch:
            rows.clear()
        return time.perf_counter() - began

    for number, person in enumerate(_people(size)):
        generate_s += time.perf_counter() - start
        began = time.perf_counter()
        row, names, keys = _rows(person, number)
        keys_s += time.perf_counter() - began
        people.append((row["id"], person))
        batch[0].append(row)
        batch[1].extend(names)
        batch[2].extend(keys)
        key_rows += len(keys)
        if len(batch[0]) >= 20_000:
            insert_s += flush()
        start = time.perf_counter()
    insert_s += flush()
    with database.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    return Built(database, people, generate_s, keys_s, insert_s, key_rows)


def _misspell(rng: random.Random, name: str) -> str:
    """One realistic slip: a letter dropped or doubled (Mohamed / Mohammed)."""
    if len(name) < 5:
        return name
    at = rng.randrange(1, len(name) - 1)
    return name[:at] + name[at + 1:] if rng.random() < 0.5 else name[:at] + name[at] + name[at:]


def _queries(rng: random.Random, people: list[tuple[uuid.UUID, DemoPerson]],
             count: int) -> list[tuple[str, uuid.UUID, str]]:
    with_variants = [(i, p) for i, p in people if p.names and p.family_name]
    named = [(i, p) for i, p in people if p.family_name and p.given_names]
    queries: list[tuple[str, uuid.UUID, str]] = []
    while len(queries) < count:
        kind = ("spelling", "misspelling", "date")[len(queries) % 3]
        if kind == "spelling" and with_variants:
            person_id, person = rng.choice(with_variants)
            variant = rng.choice(person.names)
            given = variant.given_names.split()[0] if variant.given_names else ""
            queries.append((f"{given} {variant.family_name}".strip(), person_id, kind))
        elif kind == "misspelling":
            person_id, person = rng.choice(named)
            given = person.given_names.split()[0]
            queries.append((f"{_misspell(rng, given)} {person.family_name}", person_id, kind))
        else:
            person_id, person = rng.choice(named)
            born = person.birth_date
            if born is None:
                continue
            typed = (str(born.year) if rng.random() < 0.5 else f"{born.month:02d}.{born.year}")
            if person.birth_date_precision == "year":
                typed = str(born.year)
            queries.append((f"{person.given_names.split()[0]} {person.family_name} {typed}",
                            person_id, kind))
    return queries


def _naive(database: Database) -> Callable[[str], list[uuid.UUID]]:
    persons, names = _TABLES["persons"], _TABLES["person_names"]

    def search(text: str) -> list[uuid.UUID]:
        words = [w for w in text.split() if not w[0].isdigit()]
        if not words:
            return []
        conditions = [or_(func.lower(persons.c.family_name + " " + persons.c.given_names)
                          .like(f"%{w.lower()}%"),
                          persons.c.id.in_(select(names.c.person_id).where(
                              func.lower(names.c.family_name + " " + names.c.given_names)
                              .like(f"%{w.lower()}%"))))
                      for w in words]
        with database.engine.connect() as connection:
            return list(connection.scalars(select(persons.c.id).where(and_(*conditions))
                                           .limit(PAGE)))
    return search


def _measure(search: Callable[[str], list[uuid.UUID]],
             queries: list[tuple[str, uuid.UUID, str]], typed: int) -> dict[str, float]:
    """Final-text latency and recall over all queries; type-ahead latency (every prefix of
    two or more characters) over the first ``typed`` queries."""
    final, typing = [], []
    found = 0
    by_kind: dict[str, list[bool]] = {}
    for number, (text, person_id, kind) in enumerate(queries):
        for cut in range(2, len(text) if number < typed else 0):
            if text[cut - 1] != " ":
                began = time.perf_counter()
                search(text[:cut])
                typing.append(time.perf_counter() - began)
        began = time.perf_counter()
        result = search(text)
        final.append(time.perf_counter() - began)
        hit = person_id in result[:10]
        found += hit
        by_kind.setdefault(kind, []).append(hit)
    recall = {f"recall_{kind}": sum(hits) / len(hits) for kind, hits in by_kind.items()}
    return {**recall, "p50_ms": statistics.median(final) * 1000,
            "p95_ms": statistics.quantiles(final, n=20)[18] * 1000,
            "typeahead_p95_ms": statistics.quantiles(typing, n=20)[18] * 1000,
            "recall_at_10": found / len(queries)}


def run(size: int | None) -> Report:
    persons = size or DEFAULT_SIZE
    report = Report("search", persons)
    folder = Path(tempfile.mkdtemp(prefix="lotse-bench-"))
    with stopwatch() as total:
        built = _build(folder, persons)
    queries = _queries(random.Random(7), built.people, QUERIES)
    sessions = built.database.sessions

    def lotse(text: str) -> list[uuid.UUID]:
        with sessions() as session:
            return [m.person_id for m in find_persons(session, text, limit=PAGE)]

    ours = _measure(lotse, queries, typed=TYPED)
    naive_queries = queries[:NAIVE_QUERIES]
    naive = _measure(_naive(built.database), naive_queries, typed=TYPED // 5)
    size_mb = (folder / "search.sqlite3").stat().st_size / 2**20
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    built.database.close()

    report.add("persons", "persons", persons, "")
    report.add("queries", "queries", len(queries), "")
    report.add("build: generate persons", "generate_s", built.generate_s, "s")
    report.add("build: compute search keys", "keys_s", built.keys_s, "s")
    report.add("build: bulk insert persons, names, keys", "insert_s", built.insert_s, "s")
    report.add("build: total", "build_s", total[0], "s")
    report.add("search key rows", "key_rows", built.key_rows, "")
    report.add("database file", "file_mb", size_mb, "MiB")
    report.add("peak memory of the process", "peak_rss_mb", peak_mb, "MiB")
    for label, figures, prefix in (("Lotse", ours, "lotse"), ("naive LIKE", naive, "naive")):
        report.add(f"{label}: first page, p50", f"{prefix}_p50_ms", figures["p50_ms"], "ms")
        report.add(f"{label}: first page, p95", f"{prefix}_p95_ms", figures["p95_ms"], "ms")
        report.add(f"{label}: while typing, p95", f"{prefix}_typeahead_p95_ms",
                   figures["typeahead_p95_ms"], "ms")
        report.add(f"{label}: recall@10", f"{prefix}_recall_at_10", figures["recall_at_10"],
                   "")
        for kind in ("spelling", "misspelling", "date"):
            report.add(f"{label}: recall@10, {kind}", f"{prefix}_recall_{kind}",
                       figures.get(f"recall_{kind}", 0.0), "")
    report.add("naive queries measured", "naive_queries", len(naive_queries), "")
    return report
