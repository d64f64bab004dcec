"""Handing out readable numbers for persons and referrals, without asking a server.

The counter lives in the database the workstation writes to and is advanced in the same
transaction as the record that gets the number, so a number is never handed out twice and
never lost with a failed save. Office and workstation are part of the number, which keeps
numbers from different workstations and branch offices apart.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.models import NumberCounter
from app.ids import ReadableNumber


def _next_counter(session: Session, scope: str) -> int:
    bumped = session.execute(
        update(NumberCounter)
        .where(NumberCounter.scope == scope)
        .values(value=NumberCounter.value + 1)
        .returning(NumberCounter.value)
    ).scalar_one_or_none()
    if bumped is not None:
        return int(bumped)
    session.add(NumberCounter(scope=scope, value=1))
    session.flush()
    return 1


def next_number(
    session: Session, *, office: str, workstation: int, person: bool, today: date | None = None
) -> str:
    """The next readable number for a person (``P-…``) or a referral at this workstation."""
    year = (today or date.today()).year
    kind = "P" if person else "R"
    counter = _next_counter(session, f"{kind}:{office}-{workstation}-{year}")
    number = ReadableNumber(office=office, workstation=workstation, year=year,
                            counter=counter, person=person)
    return str(number)


def peek_scope(session: Session, scope: str) -> int:
    """The last counter handed out in a scope (0 if none) – for reports and tests."""
    value = session.execute(
        select(NumberCounter.value).where(NumberCounter.scope == scope)
    ).scalar_one_or_none()
    return int(value or 0)
