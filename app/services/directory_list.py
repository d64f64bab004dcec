"""The agency directory as its list in the app shows it: the offices in service, row by row.

Read-only; every function takes the session of the caller's unit of work. The order of the
ids is app.services.overview's (agency kind, then name); a row carries what the table shows,
the phone number included, since that is what the front desk reaches for first.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import DirectoryOffice
from app.services.overview import agency_kind_label, directory_office_ids

__all__ = ["DirectoryListRow", "directory_list_ids", "directory_list_rows"]

directory_list_ids = directory_office_ids


@dataclass(frozen=True)
class DirectoryListRow:
    """One office of the agency directory as the list shows it."""

    id: uuid.UUID
    code: str
    agency_kind: str
    agency_kind_label: str
    name: str
    department: str
    address: str
    phone: str
    municipalities: tuple[str, ...]

    @property
    def full_name(self) -> str:
        """Name and department, e.g. "Stadt Neuss – Ausländeramt"."""
        return " – ".join(part for part in (self.name, self.department) if part)


def directory_list_rows(session: Session, ids: Sequence[uuid.UUID]) -> list[DirectoryListRow]:
    """The rows for the given ids, in the given order; ids no longer there are left out."""
    if not ids:
        return []
    offices = session.scalars(select(DirectoryOffice).where(DirectoryOffice.id.in_(list(ids))))
    by_id = {office.id: list_row(office) for office in offices}
    return [by_id[office_id] for office_id in ids if office_id in by_id]


def list_row(office: DirectoryOffice) -> DirectoryListRow:
    return DirectoryListRow(
        id=office.id, code=office.code, agency_kind=office.agency_kind,
        agency_kind_label=agency_kind_label(office.agency_kind), name=office.name,
        department=office.department, address=office.address, phone=office.phone,
        municipalities=tuple(office.municipalities or ()))
