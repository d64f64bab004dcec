"""Bringing a checked directory file into the database.

Offices are matched by their code and never deleted: an office dropped from the file may
still be named by old referrals, so it stays and the report lists it for a person to decide.
An office the file marks as ``retired`` becomes a tombstone (kept, offered for no new
referral); one the file lists without that mark is in service again – the file is what the
administrator wants.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import DirectoryOffice, Office, Setting
from app.i18n import _
from app.services.directory_records import (
    VERSION_SETTING,
    DirectoryEntry,
    DirectoryFile,
    IntegrationPoint,
)


@dataclass
class UpsertCount:
    """What an import did to one table; ``missing`` are codes the file no longer lists."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    directory: UpsertCount
    offices: UpsertCount

    def summary(self) -> str:
        lines = [
            _("Verzeichnis: {created} Stellen neu, {updated} aktualisiert, {unchanged} "
              "unverändert").format(**_counts(self.directory)),
            _("Eigene Dienststellen: {created} neu, {updated} aktualisiert, {unchanged} "
              "unverändert").format(**_counts(self.offices)),
        ]
        missing = self.directory.missing + self.offices.missing
        if missing:
            lines.append(_("Nicht mehr in der Datei (bleiben erhalten): {codes}").format(
                codes=", ".join(missing)))
        return "\n".join(lines)


def _counts(count: UpsertCount) -> dict[str, int]:
    return {"created": count.created, "updated": count.updated, "unchanged": count.unchanged}


def import_directory(session: Session, directory: DirectoryFile, *,
                     origin: str = "") -> ImportReport:
    """Bring the directory into the database: offices matched by code, created or updated;
    ``origin`` names the workstation that writes them. Records the file's version."""
    report = ImportReport(
        directory=_upsert(session, DirectoryOffice, directory.offices, origin,
                          directory.retired),
        offices=_upsert(session, Office, directory.integration_points, origin, {}),
    )
    set_directory_version(session, directory.version)
    return report


def set_directory_version(session: Session, version: str) -> None:
    setting = session.get(Setting, VERSION_SETTING)
    if setting is None:
        session.add(Setting(key=VERSION_SETTING, value=version))
    else:
        setting.value = version


def retired_at(day: date) -> datetime:
    """The tombstone time of an office the file marks as retired since ``day`` (noon UTC,
    so that the day reads the same in every time zone of Europe)."""
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def retired_on(row: DirectoryOffice | Office) -> date | None:
    """The day (UTC) a record was retired; None while it is in service. SQLite hands back
    naive UTC times, PostgreSQL aware ones in the server's time zone."""
    if row.deleted_at is None:
        return None
    moment = row.deleted_at
    return (moment.astimezone(UTC) if moment.tzinfo else moment).date()


_Row = TypeVar("_Row", DirectoryOffice, Office)


def _upsert(session: Session, model: type[_Row],
            records: Sequence[DirectoryEntry | IntegrationPoint], origin: str,
            retired: Mapping[str, date]) -> UpsertCount:
    existing = {row.code: row for row in session.scalars(select(model))}
    count = UpsertCount()
    for record in records:
        values = column_values(record)
        since = retired.get(record.code)
        values["deleted_at"] = retired_at(since) if since else None
        row = existing.get(record.code)
        if row is None:
            session.add(model(**values, origin=origin))
            count.created += 1
        elif apply_values(row, values, origin):
            count.updated += 1
        else:
            count.unchanged += 1
    listed = {record.code for record in records}
    count.missing = sorted(code for code, row in existing.items()
                           if code not in listed and row.deleted_at is None)
    return count


def column_values(record: DirectoryEntry | IntegrationPoint) -> dict[str, Any]:
    """The record as column values (lists where the model stores JSON lists)."""
    values = {f.name: getattr(record, f.name) for f in fields(record)}
    return {name: list(value) if isinstance(value, tuple) else value
            for name, value in values.items()}


def apply_values(row: DirectoryOffice | Office, values: Mapping[str, Any], origin: str) -> bool:
    """Write only what differs, so an unchanged office keeps its version; True if anything
    did. A retired office keeps the day it was retired unless the file names another."""
    changes = {name: value for name, value in values.items() if getattr(row, name) != value}
    since = values.get("deleted_at")
    if since is not None and retired_on(row) == since.date():
        changes.pop("deleted_at", None)
    for name, value in changes.items():
        setattr(row, name, value)
    if changes:
        row.origin = origin
    return bool(changes)
