"""Finding persons: candidates from the full-text index, ranked with rapidfuzz, each with why.

The index is asked step by step (app/search/terms.py): as written, then sounding alike,
then with one slip; each step only if the earlier ones left the requested page short.
Every step reads a bounded number of rows in index order (``CANDIDATES``, or more for a
later page), so a common name costs no more than a rare one. Only the requested page is
given its reasons.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Integer, Select, bindparam, column, func, literal_column, select
from sqlalchemy import table as sql_table
from sqlalchemy.orm import Session

from app.db.models import Person, PersonSearchKey, Referral
from app.i18n import _
from app.search.index import FTS_TABLE
from app.search.keys import date_keys
from app.search.query import ParsedQuery, parse_query
from app.search.rank import NameRanking, Written, date_fit
from app.search.terms import (
    MAX_TOKENS,
    SHORTEST,
    Expression,
    Step,
    asks_every_token,
    date_group,
    expression,
    fts5_query,
)
from app.search.terms import tsquery as pg_tsquery

CANDIDATES = 150  # rows read from the index per step (at least) and ranked
STRONG = 85.0  # every typed name fits this well: the user spelled a name as it is written
_FTS = sql_table(FTS_TABLE, column("rowid", Integer))
_TSQUERY_TEXT = re.compile(r"[a-z0-9 ()|&:*]+")
# id, number, family name, given names, birth date and precision, other spellings
Candidates = Select[uuid.UUID, str, str, str, date | None, str, str]
_COLUMNS = (Person.id, Person.person_number, Person.family_name, Person.given_names,
            Person.birth_date, Person.birth_date_precision, PersonSearchKey.names)


@dataclass(frozen=True)
class Match:
    person_id: uuid.UUID
    person_number: str
    family_name: str
    given_names: str
    birth_date: date | None
    birth_date_precision: str
    score: float
    reasons: tuple[str, ...]


@cache
def _index_query(dialect: str) -> Candidates:
    """Up to ``:count`` persons hit in every group of ``:terms``; built once per engine."""
    query = select(*_COLUMNS).join(PersonSearchKey, PersonSearchKey.person_id == Person.id)
    query = query.where(Person.deleted_at.is_(None)).limit(bindparam("count", type_=Integer))
    if dialect == "sqlite":  # newest index rows first: FTS5 reads its lists backwards
        return (query.join(_FTS, _FTS.c.rowid == PersonSearchKey.row)
                .where(literal_column(FTS_TABLE).match(bindparam("terms")))
                .order_by(_FTS.c.rowid.desc()))
    return query


def _tsquery_match(terms: Expression) -> Any:
    """The PostgreSQL condition, with the same expression as the GIN index of migration
    0003. The query is written into the statement, not bound: a prepared statement's
    generic plan cannot know how selective a bound tsquery is and may scan every row."""
    rendered = pg_tsquery(terms)
    if not _TSQUERY_TEXT.fullmatch(rendered):  # keys are [a-z0-9] only; never quote
        raise ValueError(f"unexpected search keys: {rendered!r}")
    vector = func.to_tsvector(literal_column("'simple'"), PersonSearchKey.keys)
    return vector.op("@@")(literal_column(f"'{rendered}'::tsquery"))


def _index_rows(session: Session, terms: Expression, count: int) -> list[Any]:
    dialect = session.get_bind().dialect.name
    query, parameters = _index_query(dialect), dict[str, object](count=count)
    if dialect == "sqlite":
        parameters["terms"] = fts5_query(terms)
    else:
        query = query.where(_tsquery_match(terms))
    return list(session.connection().execute(query, parameters).all())


def _number_query(parsed: ParsedQuery, count: int) -> Candidates:
    """Persons with the typed person number, referral reference or BAMF file number."""
    query = select(*_COLUMNS).outerjoin(
        PersonSearchKey, PersonSearchKey.person_id == Person.id).where(
        Person.deleted_at.is_(None))
    if parsed.person_number:
        query = query.where(Person.person_number == parsed.person_number)
    if parsed.reference:
        query = query.where(Person.id.in_(
            select(Referral.person_id).where(Referral.reference == parsed.reference)))
    if parsed.bamf_file_number:
        query = query.where(Person.bamf_file_number == parsed.bamf_file_number)
    return query.limit(count)


def _written(row: Any) -> Written:
    return (row.family_name, row.given_names, *(row.names or "").split("\n"))


class _Ranking:
    """Candidates found so far with their scores; reasons only for the page shown."""

    def __init__(self, parsed: ParsedQuery, shortest: int) -> None:
        self.parsed, self.shortest = parsed, shortest
        self.names = NameRanking(parsed.names[:MAX_TOKENS * 2])
        self.scored: dict[uuid.UUID, tuple[float, Any]] = {}
        self.settled = False  # a candidate fits every typed name well

    def _as_written(self, step: Step) -> bool:
        return step == Step.AS_WRITTEN and asks_every_token(self.parsed, shortest=self.shortest)

    def pool(self, step: Step, needed: int) -> int:
        """How many rows to read at a step (a superset of the earlier ones): hits that need
        no ranking fill a full pool, and so do those of the last step, which are mostly
        sorted out before the ranking; sound-alikes only what the page lacks, since each of
        them is ranked with rapidfuzz."""
        if self._as_written(step):
            return max(CANDIDATES, needed)
        lacking = max(needed - len(self.scored), 0)
        return len(self.scored) + (max(CANDIDATES, lacking) if step == Step.ONE_SLIP
                                   else lacking)

    def add(self, rows: list[Any], step: Step) -> None:
        """Score new candidates. The last step drops those more than one slip off (its
        halves also hit names that merely start alike)."""
        as_written = self._as_written(step)
        for row in rows:
            if row.id in self.scored or (step == Step.ONE_SLIP
                                         and not self.names.near(_written(row))):
                continue
            score, weakest = self._score(row, as_written)
            self.settled = self.settled or weakest >= STRONG
            self.scored[row.id] = (score, row)

    def _score(self, row: Any, as_written: bool) -> tuple[float, float]:
        """The score of a candidate and the fit of its worst-fitting typed name. A hit of
        the first step that asks every typed name as written fits all of them fully."""
        score = weakest = 100.0
        if self.parsed.names and not as_written:
            written = _written(row)
            score, weakest = self.names.score(written), self.names.weakest(written)
        if self.parsed.birth:
            score += date_fit(row.birth_date, row.birth_date_precision, self.parsed.birth)[0]
        return round(max(score, 0.0), 1), weakest

    def page(self, offset: int, limit: int) -> list[Match]:
        ranked = sorted(self.scored.values(), key=lambda pair: (
            -pair[0], pair[1].family_name, pair[1].given_names, pair[1].person_number))
        return [self._match(score, row) for score, row in ranked[offset:offset + limit]]

    def _match(self, score: float, row: Any) -> Match:
        parsed = self.parsed
        reasons = self.names.reasons(_written(row)) if parsed.names else []
        if parsed.birth:
            reasons.append(date_fit(row.birth_date, row.birth_date_precision, parsed.birth)[1])
        for found, label in ((parsed.person_number, _("Personennummer")),
                             (parsed.reference, _("Aktenzeichen einer Überleitung")),
                             (parsed.bamf_file_number, _("BAMF-Aktenzeichen"))):
            if found:
                reasons.append(_("{what} {value}").format(what=label, value=found))
        return Match(row.id, row.person_number, row.family_name, row.given_names,
                     row.birth_date, row.birth_date_precision, score,
                     tuple(reason for reason in reasons if reason))


def _fits_date(row: Any, parsed: ParsedQuery) -> bool:
    if parsed.birth is None:
        return True
    wanted = {key.text for key in date_group(parsed.birth)}
    return bool(date_keys(row.birth_date, row.birth_date_precision) & wanted)


def _widen(session: Session, ranking: _Ranking, needed: int) -> None:
    """Ask the index step by step: sound-alikes only if the names as written leave the
    requested page short, slips only if no candidate fits every typed name well (the
    typed text is then no spelling of a stored name, however many sound-alikes it has)."""
    asked: set[Expression] = set()
    for step in Step:
        terms = expression(ranking.parsed, step, shortest=ranking.shortest)
        if not terms or terms in asked:
            continue
        if (step == Step.SOUNDS_ALIKE and len(ranking.scored) >= needed) or (
                step == Step.ONE_SLIP and ranking.settled):
            return
        asked.add(terms)
        ranking.add(_index_rows(session, terms, ranking.pool(step, needed)), step)


def find_persons(session: Session, text: str, *, limit: int = 50,
                 offset: int = 0) -> list[Match]:
    """The persons that fit the search text, best first, each with the reasons it matched."""
    parsed = parse_query(text)
    if parsed.empty:
        return []
    ranking = _Ranking(parsed, SHORTEST.get(session.get_bind().dialect.name, 2))
    if parsed.person_number or parsed.reference or parsed.bamf_file_number:
        rows = session.connection().execute(_number_query(parsed, offset + limit))
        ranking.add([row for row in rows if _fits_date(row, parsed)], Step.SOUNDS_ALIKE)
    else:
        _widen(session, ranking, offset + limit)
    return ranking.page(offset, limit)
