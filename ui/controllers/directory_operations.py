"""The database side of the directory area, as operations for the background worker.

Each function returns an operation: a function of one session (one unit of work) that
returns plain data for the GUI thread and never touches a widget.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.config import Settings
from app.db.models import DirectoryOffice
from app.security.permissions import Actor
from app.services.directory import ImportReport
from app.services.directory_edit import (
    import_directory_file,
    load_office,
    office_raw,
    retire_office,
    save_office,
)
from app.services.directory_export import write_export
from app.services.directory_hsds import write_hsds
from app.services.directory_list import DirectoryListRow, list_row

Operation = Callable[[Session], Any]


@dataclass(frozen=True)
class LoadedOffice:
    """A stored office as the editor shows it."""

    office_id: uuid.UUID
    version: int
    code: str
    name: str
    raw: dict[str, Any]


@dataclass(frozen=True)
class SavedOffice:
    office: LoadedOffice
    row: DirectoryListRow  # the table's row, to show the change at once
    created: bool


def loaded(office: DirectoryOffice) -> LoadedOffice:
    name = " – ".join(part for part in (office.name, office.department) if part)
    return LoadedOffice(office.id, office.version, office.code, name, office_raw(office))


def load(office_id: uuid.UUID) -> Operation:
    def operation(session: Session) -> LoadedOffice:
        return loaded(load_office(session, office_id))
    return operation


def save(raw: Mapping[str, object], *, actor: Actor, settings: Settings,
         office_id: uuid.UUID | None, version: int | None) -> Operation:
    def operation(session: Session) -> SavedOffice:
        office = save_office(session, raw, actor=actor, settings=settings, office_id=office_id,
                             expected_version=version)
        return SavedOffice(loaded(office), list_row(office), created=office_id is None)
    return operation


def retire(office_id: uuid.UUID, *, actor: Actor, settings: Settings) -> Operation:
    def operation(session: Session) -> LoadedOffice:
        return loaded(retire_office(session, office_id, actor=actor, settings=settings))
    return operation


def export_to(path: Path, *, hsds: bool) -> Operation:
    def operation(session: Session) -> int:
        return write_hsds(session, path) if hsds else write_export(session, path)
    return operation


def import_from(path: Path, *, actor: Actor, settings: Settings) -> Operation:
    def operation(session: Session) -> ImportReport:
        return import_directory_file(session, path, actor=actor, settings=settings)
    return operation
