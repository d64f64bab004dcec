"""The records of the agency directory as the file, the editor and the import see them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

FORMAT = "lotse-directory/1"
# The version of the directory in this database: the file's version after an import, the
# date of the last change after an edit in the app; exported with the directory.
VERSION_SETTING = "lotse.directory_version"


@dataclass(frozen=True)
class DirectoryEntry:
    """An office concerns are referred to (becomes a ``DirectoryOffice`` row)."""

    code: str
    agency_kind: str
    name: str
    department: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    opening_hours: str = ""
    languages: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class IntegrationPoint:
    """One of our own offices, the sender of letters (becomes an ``Office`` row)."""

    code: str
    name: str
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    opening_hours: str = ""
    municipalities: tuple[str, ...] = ()


@dataclass(frozen=True)
class DirectoryFile:
    """A directory file that passed every check. ``retired`` holds the offices the file
    marks as out of service (code → since when): kept for old referrals, offered for none."""

    path: Path
    version: str
    offices: tuple[DirectoryEntry, ...]
    integration_points: tuple[IntegrationPoint, ...]
    retired: dict[str, date] = field(default_factory=dict)
