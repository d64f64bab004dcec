"""Handing out readable numbers for persons and referrals, without asking a server.

The counter lives in the database the workstation writes to and is advanced in the same
transaction as the record that gets the number, so a number is never handed out twice and
never lost with a failed save. Office and workstation are part of the number, which keeps
numbers from different workstations and branch offices apart.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.db.base import Base
from app.db.models import NumberCounter
from app.ids import ReadableNumber


def _reserve(session: Session, scope: str, count: int) -> int:
    """Advance the scope's counter by ``count``; returns the last counter now reserved.

    Core statements on the table, so that reserving does not flush the session's pending
    objects (a bulk load reserves its numbers before adding its rows)."""
    table = Base.metadata.tables[NumberCounter.__tablename__]
    bumped = session.execute(
        update(table)
        .where(table.c.scope == scope)
        .values(value=table.c.value + count)
        .returning(table.c.value)
    ).scalar_one_or_none()
    if bumped is not None:
        return int(bumped)
    session.execute(insert(table).values(scope=scope, value=count))
    return count


def reserve_numbers(
    session: Session,
    *,
    office: str,
    workstation: int,
    person: bool,
    count: int,
    today: date | None = None,
) -> list[str]:
    """``count`` consecutive readable numbers for persons (``P-…``) or referrals, reserved
    with one statement."""
    if count <= 0:
        return []
    year = (today or date.today()).year
    kind = "P" if person else "R"
    last = _reserve(session, f"{kind}:{office}-{workstation}-{year}", count)
    return [
        str(ReadableNumber(office=office, workstation=workstation, year=year,
                           counter=counter, person=person))
        for counter in range(last - count + 1, last + 1)
    ]


def next_number(
    session: Session, *, office: str, workstation: int, person: bool, today: date | None = None
) -> str:
    """The next readable number for a person (``P-…``) or a referral at this workstation."""
    return reserve_numbers(session, office=office, workstation=workstation, person=person,
                           count=1, today=today)[0]


def peek_scope(session: Session, scope: str) -> int:
    """The last counter handed out in a scope (0 if none) – for reports and tests."""
    value = session.execute(
        select(NumberCounter.value).where(NumberCounter.scope == scope)
    ).scalar_one_or_none()
    return int(value or 0)
