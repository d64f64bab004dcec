"""The agency directory: read the YAML file, check it, bring it into the database.

The file is the administrators' source of truth for where concerns can be sent. An import
matches offices by their code and never deletes: an office dropped from the file may still be
named by old referrals, so it stays and the report lists it for a person to decide.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import MUNICIPALITIES, AgencyKind
from app.db.models import DirectoryOffice, Office
from app.errors import ValidationError
from app.i18n import _
from app.resources import resource_path

FORMAT = "lotse-directory/1"
_OFFICE_CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_INTEGRATION_POINT_CODE = re.compile(r"^[A-Z]{2,4}$")  # part of every readable number


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
    path: Path
    version: str
    offices: tuple[DirectoryEntry, ...]
    integration_points: tuple[IntegrationPoint, ...]


class DirectoryError(ValidationError):
    """A directory file that does not fit: names the file, the office and the field."""

    def __init__(self, path: Path, problem: str, *, office: str = "", field: str = "") -> None:
        super().__init__(_where(path, office, field), problem)
        self.path = path
        self.office = office
        self.field = field


def _where(path: Path, office: str, field: str) -> str:
    where = path.name
    if office:
        where = _("{where}, Büro {office}").format(where=where, office=office)
    if field:
        where = _("{where}, Feld {field}").format(where=where, field=field)
    return where


def default_directory_path() -> Path:
    return resource_path("directory", "rhein-kreis-neuss.yaml")


# --- reading and checking -------------------------------------------------------------------

_OFFICE_REQUIRED = ("code", "agency_kind", "name", "street", "postal_code", "city",
                    "municipalities")
_POINT_REQUIRED = ("code", "name", "street", "postal_code", "city", "municipalities")


def read_directory(path: Path) -> DirectoryFile:
    """Read and check a directory file; the first problem raises DirectoryError."""
    data = _load_yaml(path)
    _check_header(path, data)
    offices = tuple(
        _check_office(path, entry)
        for entry in _records(path, data, "offices", DirectoryEntry, _OFFICE_REQUIRED)
    )
    points = tuple(
        _check_integration_point(path, point)
        for point in _records(path, data, "integration_points", IntegrationPoint,
                              _POINT_REQUIRED)
    )
    return DirectoryFile(path, str(data["version"]), offices, points)


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DirectoryError(path, _("Die Datei kann nicht gelesen werden ({error}).").format(
            error=exc.strerror or exc)) from exc
    except yaml.YAMLError as exc:
        raise DirectoryError(path, _("Die Datei ist kein gültiges YAML: {error}").format(
            error=exc)) from exc
    if not isinstance(data, dict):
        raise DirectoryError(path, _("Erwartet wird eine Zuordnung mit format, version, "
                                     "integration_points und offices."))
    return data


def _check_header(path: Path, data: Mapping[str, Any]) -> None:
    if data.get("format") != FORMAT:
        raise DirectoryError(path, _("Format „{found}“ ist unbekannt; erwartet wird "
                                     "{expected}.").format(found=data.get("format", ""),
                                                           expected=FORMAT), field="format")
    if not str(data.get("version") or "").strip():
        raise DirectoryError(path, _("Die Versionsangabe fehlt."), field="version")
    unknown = sorted(set(data) - {"format", "version", "integration_points", "offices"})
    if unknown:
        raise DirectoryError(path, _("Unbekannter Eintrag; erwartet werden format, version, "
                                     "integration_points und offices."), field=unknown[0])


_Record = TypeVar("_Record", DirectoryEntry, IntegrationPoint)


def _records(path: Path, data: Mapping[str, Any], key: str, kind: type[_Record],
             required: Sequence[str]) -> list[_Record]:
    raw = data.get(key)
    if not isinstance(raw, list) or not raw:
        raise DirectoryError(path, _("Erwartet wird eine nicht leere Liste."), field=key)
    records = [_record(path, item, position, kind, required)
               for position, item in enumerate(raw, start=1)]
    _check_unique(path, [record.code for record in records])
    return records


def _record(path: Path, item: object, position: int, kind: type[_Record],
            required: Sequence[str]) -> _Record:
    office = _("Nr. {position}").format(position=position)
    if not isinstance(item, dict):
        raise DirectoryError(path, _("Erwartet wird eine Zuordnung von Feldern."),
                             office=office)
    if isinstance(item.get("code"), str) and item["code"].strip():
        office = item["code"].strip()
    names = [f.name for f in fields(kind)]
    for name in item:
        if name not in names:
            raise DirectoryError(path, _("Unbekanntes Feld; erwartet werden {names}.").format(
                names=", ".join(names)), office=office, field=str(name))
    values = {name: _value(path, office, name, item.get(name), name in required)
              for name in names}
    return kind(**values)


_LIST_FIELDS = frozenset({"languages", "municipalities", "documents"})


def _value(path: Path, office: str, name: str, raw: object, required: bool) -> Any:
    if name in _LIST_FIELDS:
        value: str | tuple[str, ...] = _text_list(path, office, name, raw)
    else:
        value = _text(path, office, name, raw)
    if required and not value:
        raise DirectoryError(path, _("Pflichtangabe fehlt."), office=office, field=name)
    return value


def _text(path: Path, office: str, name: str, raw: object) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        # YAML reads 41462 as a number and 01067 as an octal one: insist on quotes.
        raise DirectoryError(path, _("„{value}“ ist kein Text; Zahlen bitte in "
                                     "Anführungszeichen schreiben (z. B. \"41462\").").format(
            value=raw), office=office, field=name)
    return raw.strip()


def _text_list(path: Path, office: str, name: str, raw: object) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise DirectoryError(path, _("Erwartet wird eine Liste, z. B. [Neuss, Kaarst]."),
                             office=office, field=name)
    return tuple(_text(path, office, name, item) for item in raw)


def _check_unique(path: Path, codes: Sequence[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise DirectoryError(path, _("Das Kürzel kommt mehrfach vor; jedes Büro braucht "
                                         "ein eigenes."), office=code, field="code")
        seen.add(code)


def _check_office(path: Path, entry: DirectoryEntry) -> DirectoryEntry:
    if not _OFFICE_CODE.match(entry.code) or len(entry.code) > 80:
        raise DirectoryError(path, _("Kürzel „{code}“ ist ungültig; erwartet werden "
                                     "Kleinbuchstaben, Ziffern und Bindestriche, z. B. "
                                     "jobcenter-neuss.").format(code=entry.code),
                             office=entry.code, field="code")
    if entry.agency_kind not in {kind.value for kind in AgencyKind}:
        raise DirectoryError(path, _("Stellenart „{kind}“ ist unbekannt; erwartet wird eine "
                                     "von {known}.").format(
            kind=entry.agency_kind, known=", ".join(kind.value for kind in AgencyKind)),
            office=entry.code, field="agency_kind")
    _check_municipalities(path, entry.code, entry.municipalities)
    return entry


def _check_integration_point(path: Path, point: IntegrationPoint) -> IntegrationPoint:
    if not _INTEGRATION_POINT_CODE.match(point.code):
        raise DirectoryError(path, _("Dienststellenkürzel „{code}“ muss aus 2 bis 4 "
                                     "Großbuchstaben bestehen (z. B. NE).").format(
            code=point.code), office=point.code, field="code")
    _check_municipalities(path, point.code, point.municipalities)
    return point


def _check_municipalities(path: Path, office: str, municipalities: Sequence[str]) -> None:
    for name in municipalities:
        if name not in MUNICIPALITIES:
            raise DirectoryError(path, _("Gemeinde „{name}“ ist unbekannt; erwartet wird eine "
                                         "von {known}.").format(
                name=name, known=", ".join(MUNICIPALITIES)),
                office=office, field="municipalities")


# --- importing ------------------------------------------------------------------------------


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
    ``origin`` names the workstation that writes them."""
    return ImportReport(
        directory=_upsert(session, DirectoryOffice, directory.offices, origin),
        offices=_upsert(session, Office, directory.integration_points, origin),
    )


_Row = TypeVar("_Row", DirectoryOffice, Office)


def _upsert(session: Session, model: type[_Row],
            records: Sequence[DirectoryEntry | IntegrationPoint], origin: str) -> UpsertCount:
    existing = {row.code: row for row in session.scalars(select(model))}
    count = UpsertCount()
    for record in records:
        values = _column_values(record)
        row = existing.get(record.code)
        if row is None:
            session.add(model(**values, origin=origin))
            count.created += 1
        elif _apply(row, values, origin):
            count.updated += 1
        else:
            count.unchanged += 1
    listed = {record.code for record in records}
    count.missing = sorted(code for code, row in existing.items()
                           if code not in listed and row.deleted_at is None)
    return count


def _column_values(record: DirectoryEntry | IntegrationPoint) -> dict[str, Any]:
    values = {f.name: getattr(record, f.name) for f in fields(record)}
    return {name: list(value) if isinstance(value, tuple) else value
            for name, value in values.items()}


def _apply(row: DirectoryOffice | Office, values: Mapping[str, Any], origin: str) -> bool:
    """Write only what differs, so an unchanged office keeps its version. An office the
    file lists again is brought back from a deletion: the file is what the admin wants."""
    changes = {name: value for name, value in values.items() if getattr(row, name) != value}
    if row.deleted_at is not None:
        changes["deleted_at"] = None
    for name, value in changes.items():
        setattr(row, name, value)
    if changes:
        row.origin = origin
    return bool(changes)
