"""The population of the search benchmark: N demo persons written in bulk with their
search index rows, the planted targets among them, timed part by part."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert

from app.db.base import Base
from app.demo.generate import DemoPerson, generate_household
from app.search.index import document, write_documents
from app.services.database import Database
from bench.search_targets import Signatures, Target, plant

BATCH = 20_000
_TABLES = Base.metadata.tables


def people(size: int) -> Iterator[DemoPerson]:
    """The first ``size`` persons of the demo district, household by household."""
    made, index = 0, 0
    while made < size:
        for person in generate_household(index).members[:size - made]:
            yield person
            made += 1
        index += 1


@dataclass
class Population:
    database: Database
    targets: list[Target] = field(default_factory=list)
    generate_s: float = 0.0
    keys_s: float = 0.0  # computing the index rows (keys) of every person
    persons_s: float = 0.0  # writing persons and their name variants
    index_s: float = 0.0  # writing the index rows (and, on SQLite, the FTS5 index)
    index_rows: int = 0
    _batch: tuple[list[Any], list[Any], list[Any]] = field(
        default_factory=lambda: ([], [], []))

    def add(self, person: DemoPerson, number: int) -> None:
        began = time.perf_counter()
        person_id = person.id
        others = [text for name in person.names for text in (name.family_name,
                                                              name.given_names)]
        self._batch[2].append(document(person_id, [person.family_name, person.given_names],
                                       others, person.birth_date,
                                       person.birth_date_precision))
        self.keys_s += time.perf_counter() - began
        self._batch[0].append(_person_row(person, person_id, number))
        self._batch[1].extend({"id": uuid.uuid4(), "person_id": person_id, "kind": n.kind,
                               "script": n.script, "family_name": n.family_name,
                               "given_names": n.given_names} for n in person.names)
        if len(self._batch[0]) >= BATCH:
            self.flush()

    def flush(self) -> None:
        persons, names, documents = self._batch
        with self.database.engine.begin() as connection:
            began = time.perf_counter()
            for table, rows in (("persons", persons), ("person_names", names)):
                if rows:
                    connection.execute(insert(_TABLES[table]), rows)
            middle = time.perf_counter()
            self.index_rows += write_documents(connection, documents)
        self.persons_s += middle - began
        self.index_s += time.perf_counter() - middle
        self._batch = ([], [], [])


def _person_row(person: DemoPerson, person_id: uuid.UUID, number: int) -> dict[str, Any]:
    return {"id": person_id, "person_number": f"P-BE-1-2026-{number:07d}-0",
            "family_name": person.family_name, "given_names": person.given_names,
            "birth_date": person.birth_date, "birth_date_precision": person.birth_date_precision,
            "legal_status": person.legal_status, "municipality": person.municipality}


def build(database: Database, size: int, targets: int) -> Population:
    """``size`` demo persons and ``targets`` planted ones (their ids are the stored ones)."""
    population, signatures = Population(database), Signatures()
    start = time.perf_counter()
    for number, person in enumerate(people(size)):
        population.generate_s += time.perf_counter() - start
        signatures.add(person.family_name, person.given_names)
        population.add(person, number)
        start = time.perf_counter()
    for offset, target in enumerate(plant(signatures, targets)):
        population.targets.append(target)
        population.add(target.person, size + offset)
    population.flush()
    return population
