"""Persons on file twice: likely duplicate pairs among the stored persons, strongest first.

Branch offices register offline, so after a synchronisation one person may have two files.
A pair counts by the same rules as the check before registering (app/services/duplicates.py):
the same identity document, BAMF or AZR number (strong); or a similar name – in any spelling
the search understands, each name fitting the other's from both sides with the search's
ranking (app/search/rank.py) – with birth dates that can be the same day.

Asking the search once per person would take minutes for 10,000 persons, so the persons are
read once and compared in blocks: only persons whose birth dates can be the same day, or one
of them unknown, and who share a consonant skeleton of some name are ranked at all.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from itertools import combinations
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Person, PersonSearchKey, Referral, Visit
from app.i18n import N_, _
from app.ids import parse_number
from app.search.keys import tokens
from app.search.rank import NameRanking
from app.security.permissions import Action, Actor, require
from app.services.duplicates import SIMILAR_NAME, birth_reason
from app.services.partial_dates import PartialDate

LIMIT = 200
_NUMBERS = (("document_number", N_("gleiche Dokumentnummer {value}")),
            ("bamf_file_number", N_("gleiches BAMF-Aktenzeichen {value}")),
            ("azr_number", N_("gleiche AZR-Nummer {value}")))


@dataclass(frozen=True)
class PairSide:
    """One of the two records, as the list shows it."""

    person_id: uuid.UUID
    person_number: str
    family_name: str
    given_names: str
    birth_date: PartialDate | None
    nationality: str
    origin: str  # office and workstation that registered it: ``NE-2``
    registered_at: datetime
    version: int
    visits: int = 0
    referrals: int = 0


@dataclass(frozen=True)
class DuplicatePair:
    """Two stored persons who may be one; ``first`` is the older record."""

    first: PairSide
    second: PairSide
    reasons: tuple[str, ...]
    strong: bool  # an identifying number is the same, not only name and birth date
    score: float  # how well the names fit (100 for a shared number)


class _Stored:
    """A stored person as read for the comparison; keys computed when first needed."""

    def __init__(self, position: int, row: Any) -> None:
        self.position, self.row = position, row
        self.birth = PartialDate(row.birth_date, row.birth_date_precision) \
            if row.birth_date else None

    @cached_property
    def written(self) -> tuple[str, ...]:
        return (self.row.family_name, self.row.given_names, *(self.row.names or "").split("\n"))

    @cached_property
    def skeletons(self) -> frozenset[str]:
        """The consonant skeletons of every spelling: the index holds them (``s`` keys)."""
        return frozenset(key for key in (self.row.keys or "").split() if key[0] == "s")

    @cached_property
    def ranking(self) -> NameRanking:
        return NameRanking([*tokens(self.row.family_name), *tokens(self.row.given_names)])


def duplicate_pairs(session: Session, *, actor: Actor, limit: int = LIMIT) -> list[DuplicatePair]:
    """Likely duplicate pairs among the stored persons, each pair once, strongest first:
    a shared number, then by how well the names fit."""
    require(session, actor, Action.MERGE_PERSONS)
    stored = [_Stored(n, row) for n, row in enumerate(session.execute(_PERSONS))]
    found: dict[tuple[uuid.UUID, uuid.UUID], tuple[list[str], bool, float]] = {}
    for first, second, reason in _same_numbers(stored):
        entry = found.setdefault(_key(first, second), ([], True, 100.0))
        entry[0].append(reason)
    for first, second, reasons, score in _similar(stored):
        found.setdefault(_key(first, second), (reasons, False, score))
    ranked = sorted(found.items(), key=lambda item: (not item[1][1], -item[1][2], item[0]))
    return _described(session, {s.row.id: s for s in stored}, ranked[:limit])


_PERSONS = (select(Person.id, Person.person_number, Person.family_name, Person.given_names,
                   Person.birth_date, Person.birth_date_precision, Person.nationality,
                   Person.origin, Person.created_at, Person.version, Person.document_number,
                   Person.bamf_file_number, Person.azr_number, PersonSearchKey.names,
                   PersonSearchKey.keys)
            .outerjoin(PersonSearchKey, PersonSearchKey.person_id == Person.id)
            .where(Person.deleted_at.is_(None)))


def _key(first: _Stored, second: _Stored) -> tuple[uuid.UUID, uuid.UUID]:
    """The pair, older record first (UUIDv7 ids grow with time)."""
    older, newer = sorted((first.row.id, second.row.id))
    return older, newer


# --- the same identifying number ----------------------------------------------------------


def _same_numbers(stored: Sequence[_Stored]) -> Iterator[tuple[_Stored, _Stored, str]]:
    for column, reason in _NUMBERS:
        holders: dict[str, list[_Stored]] = defaultdict(list)
        for person in stored:
            if value := getattr(person.row, column):
                holders[value].append(person)
        for value, group in holders.items():
            for first, second in combinations(group, 2):
                yield first, second, _(reason).format(value=value)


# --- a similar name and a birth date that can be the same ---------------------------------


def _similar(stored: Sequence[_Stored]) -> Iterator[tuple[_Stored, _Stored, list[str], float]]:
    for one, other in _born_alike(stored):
        first, second = sorted((one, other), key=lambda person: person.row.id)  # older first
        if first.skeletons.isdisjoint(second.skeletons):
            continue
        if first.ranking.score(second.written) < SIMILAR_NAME:
            continue  # the other way round only if this way fits: ranking is the cost
        score = min(first.ranking.score(second.written), second.ranking.score(first.written))
        birth = birth_reason(first.birth, second.birth)
        if score >= SIMILAR_NAME and birth:
            yield first, second, [birth, *first.ranking.reasons(second.written)], score


def _born_alike(stored: Sequence[_Stored]) -> Iterator[tuple[_Stored, _Stored]]:
    """Pairs whose birth dates may be the same day, each once: the same day, or one known
    only to the month or year and the other within it, or one not known at all."""
    by_day: dict[object, list[_Stored]] = defaultdict(list)
    by_month: dict[object, list[_Stored]] = defaultdict(list)
    by_year: dict[object, list[_Stored]] = defaultdict(list)
    unknown: list[_Stored] = []
    for person in stored:
        if person.birth is None:
            unknown.append(person)
            continue
        born = person.birth.value
        by_day[born].append(person)
        by_month[born.year, born.month].append(person)
        by_year[born.year].append(person)
    yield from _unique(_candidates(by_day, by_month, by_year, unknown, stored))


def _candidates(by_day: dict[object, list[_Stored]], by_month: dict[object, list[_Stored]],
                by_year: dict[object, list[_Stored]], unknown: list[_Stored],
                stored: Sequence[_Stored]) -> Iterator[tuple[_Stored, _Stored]]:
    for group in by_day.values():
        yield from combinations(group, 2)
    for person in stored:
        born = person.birth
        if born is not None and born.precision == "month":
            yield from ((person, other) for other in by_month[born.value.year, born.value.month])
        elif born is not None and born.precision == "year":
            yield from ((person, other) for other in by_year[born.value.year])
    if unknown:  # compared with everyone: only those sharing a skeleton, found by it
        by_skeleton = _by_skeleton(stored)
        for person in unknown:
            yield from ((person, other) for key in person.skeletons
                        for other in by_skeleton[key])


def _by_skeleton(stored: Sequence[_Stored]) -> dict[str, list[_Stored]]:
    index: dict[str, list[_Stored]] = defaultdict(list)
    for person in stored:
        for key in person.skeletons:
            index[key].append(person)
    return index


def _unique(pairs: Iterable[tuple[_Stored, _Stored]]) -> Iterator[tuple[_Stored, _Stored]]:
    seen: set[tuple[int, int]] = set()
    for first, second in pairs:
        key = (min(first.position, second.position), max(first.position, second.position))
        if first is not second and key not in seen:
            seen.add(key)
            yield first, second


# --- the pairs as the list shows them -------------------------------------------------------


def _described(session: Session, stored: dict[uuid.UUID, _Stored],
               ranked: list[tuple[tuple[uuid.UUID, uuid.UUID],
                                  tuple[list[str], bool, float]]]) -> list[DuplicatePair]:
    ids = {person_id for pair, _found in ranked for person_id in pair}
    visits, referrals = _counts(session, Visit, ids), _counts(session, Referral, ids)

    def side(person_id: uuid.UUID) -> PairSide:
        row = stored[person_id].row
        return PairSide(row.id, row.person_number, row.family_name, row.given_names,
                        stored[person_id].birth, row.nationality, registered_by(row),
                        row.created_at, row.version, visits.get(row.id, 0),
                        referrals.get(row.id, 0))
    return [DuplicatePair(side(first), side(second), tuple(reasons), strong, round(score, 1))
            for (first, second), (reasons, strong, score) in ranked]


def _counts(session: Session, model: type[Visit] | type[Referral],
            ids: set[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not ids:
        return {}
    query = (select(model.person_id, func.count()).where(model.person_id.in_(ids),
                                                          model.deleted_at.is_(None))
             .group_by(model.person_id))
    return {person_id: count for person_id, count in session.execute(query)}


def registered_by(row: Any) -> str:
    """Office and workstation that registered the person, from its number (``origin`` is
    the workstation that wrote it last)."""
    number = parse_number(row.person_number)
    return f"{number.office}-{number.workstation}" if number else row.origin
