"""Directory offices as the engine sees them, from the bundled YAML file or database rows.

Both ``app.services.directory.DirectoryEntry`` (the file) and ``app.db.models.DirectoryOffice``
(the database) have these attributes; the engine takes neither type, so it stays free of the
database and of the file format.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from app.routing.model import OfficeEntry


class OfficeRecord(Protocol):
    """What a directory office must offer to become an :class:`OfficeEntry`."""

    @property
    def code(self) -> str: ...
    @property
    def agency_kind(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def department(self) -> str: ...
    @property
    def street(self) -> str: ...
    @property
    def postal_code(self) -> str: ...
    @property
    def city(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def opening_hours(self) -> str: ...
    @property
    def languages(self) -> Sequence[str]: ...
    @property
    def municipalities(self) -> Sequence[str]: ...
    @property
    def documents(self) -> Sequence[str]: ...


def offices_from_directory(records: Iterable[OfficeRecord]) -> tuple[OfficeEntry, ...]:
    """Offices from the directory file (``read_directory(...).offices``) or from
    ``DirectoryOffice`` rows (leave out the deleted ones first)."""
    return tuple(office_entry(record) for record in records)


def office_entry(record: OfficeRecord) -> OfficeEntry:
    return OfficeEntry(
        code=record.code, agency_kind=record.agency_kind, name=record.name,
        department=record.department or "", address=address(record),
        phone=record.phone or "", email=record.email or "",
        opening_hours=record.opening_hours or "", languages=tuple(record.languages or ()),
        municipalities=tuple(record.municipalities or ()),
        documents=tuple(record.documents or ()))


def address(record: OfficeRecord) -> str:
    """Street, postal code and city in one line, as on a letter."""
    place = f"{record.postal_code or ''} {record.city or ''}".strip()
    return ", ".join(part for part in (record.street or "", place) if part)
