"""Changing the agency directory in the app: create, change and retire one office.

Each function is one user action inside the caller's unit of work: the permission is
checked first (administrators only, app.services.directory_access), then the input
(app.services.directory_fields), then the row is written. A change is based on the version
the editor loaded; if another workstation saved in between, nothing is overwritten
(ConflictError). The code names the office in files and referrals: unique, and fixed once
the office exists. Offices are never removed: a retired office stays for the referrals that
name it, and is offered for no new one.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.config import Settings
from app.db.base import utcnow
from app.db.models import DirectoryOffice
from app.errors import ConflictError, NotFoundError
from app.i18n import _
from app.security.audit import DIRECTORY, AuditAction, record_by
from app.security.permissions import Action, Actor, require
from app.services.directory import read_directory
from app.services.directory_fields import (
    LABELS,
    OfficeValidationError,
    field_error,
    validate_office,
)
from app.services.directory_import import (
    ImportReport,
    apply_values,
    column_values,
    import_directory,
    set_directory_version,
)
from app.services.directory_records import DirectoryEntry
from app.services.text_checks import printable


def save_office(session: Session, raw: Mapping[str, object], *, actor: Actor,
                settings: Settings,
                office_id: uuid.UUID | None = None,
                expected_version: int | None = None) -> DirectoryOffice:
    """Create an office (``office_id`` None) or change a stored one; returns the flushed
    row with its new version."""
    require(session, actor, Action.EDIT_DIRECTORY)
    entry = validate_office(raw)
    if office_id is None:
        office = _create(session, entry, settings.origin)
    else:
        office = _stored(session, office_id, retired_too=False)
        _check_version(office, expected_version)
        if not _change(session, office, entry, settings.origin):
            return office  # nothing differs: no new version, no new directory version
    set_directory_version(session, date.today().isoformat())
    _audit(session, actor, "created" if office_id is None else "changed", office)
    return office


def retire_office(session: Session, office_id: uuid.UUID, *, actor: Actor, settings: Settings,
                  expected_version: int | None = None) -> DirectoryOffice:
    """Take an office out of service: a tombstone, kept for the referrals that name it.
    Retiring it again changes nothing."""
    require(session, actor, Action.EDIT_DIRECTORY)
    office = _stored(session, office_id, retired_too=True)
    _check_version(office, expected_version)
    if office.deleted_at is None:
        office.deleted_at, office.origin = utcnow(), settings.origin
        _flush(session, office.code)
        set_directory_version(session, date.today().isoformat())
        _audit(session, actor, "retired", office)
    return office


def import_directory_file(session: Session, path: Path, *, actor: Actor,
                          settings: Settings) -> ImportReport:
    """Import a directory file (administrators only): every problem of the file is named
    (DirectoryError) before anything is written."""
    require(session, actor, Action.EDIT_DIRECTORY)
    report = import_directory(session, read_directory(path), origin=settings.origin)
    record_by(session, actor, AuditAction.EDIT_DIRECTORY, entity_type=DIRECTORY,
              details={"change": "imported", "file": path.name})
    return report


def _audit(session: Session, actor: Actor, change: str, office: DirectoryOffice) -> None:
    record_by(session, actor, AuditAction.EDIT_DIRECTORY, entity_type=DIRECTORY,
              entity_id=office.id, details={"change": change, "code": office.code})


def load_office(session: Session, office_id: uuid.UUID) -> DirectoryOffice:
    """An office in service, by id."""
    return _stored(session, office_id, retired_too=False)


def office_raw(office: DirectoryOffice) -> dict[str, Any]:
    """The stored office as editor input that :func:`save_office` reads back unchanged."""
    return {key: list(value) if isinstance(value, list) else value
            for key, value in ((key, getattr(office, key)) for key in LABELS)}


def _create(session: Session, entry: DirectoryEntry, origin: str) -> DirectoryOffice:
    taken = session.scalars(select(DirectoryOffice).where(
        DirectoryOffice.code == entry.code)).first()
    if taken is not None:
        raise _code_taken(entry.code, taken)
    office = DirectoryOffice(**column_values(entry), origin=origin)
    session.add(office)
    try:
        session.flush()
    except IntegrityError:  # created at another workstation a moment ago
        raise _code_taken(entry.code, None) from None
    return office


def _change(session: Session, office: DirectoryOffice, entry: DirectoryEntry,
            origin: str) -> bool:
    """Write what differs; True if anything did."""
    if entry.code != office.code:
        raise OfficeValidationError([field_error("code", _(
            "das Kürzel bleibt, wie es beim Anlegen vergeben wurde: {code}; für ein anderes "
            "Kürzel eine neue Stelle anlegen und diese außer Dienst stellen").format(
            code=office.code))])
    values = column_values(entry)
    values["deleted_at"] = None
    if not apply_values(office, values, origin):
        return False
    _flush(session, office.code)
    return True


def _stored(session: Session, office_id: uuid.UUID, *, retired_too: bool) -> DirectoryOffice:
    office = session.get(DirectoryOffice, office_id)
    if office is None or (office.deleted_at is not None and not retired_too):
        raise NotFoundError(
            _("Diese Stelle gibt es im Verzeichnis nicht mehr."),
            hint=_("Sie wurde außer Dienst gestellt oder nie gespeichert; das Verzeichnis "
                   "neu laden."))
    return office


def _check_version(office: DirectoryOffice, expected_version: int | None) -> None:
    if expected_version is not None and office.version != expected_version:
        raise _conflict(office.code)


def _flush(session: Session, code: str) -> None:
    try:
        session.flush()
    except StaleDataError:  # saved elsewhere between our read and our write
        raise _conflict(code) from None


def _conflict(code: str) -> ConflictError:
    return ConflictError(
        _("Die Stelle {code} wurde inzwischen an einem anderen Arbeitsplatz gespeichert; "
          "nichts wurde überschrieben.").format(code=code),
        hint=_("Die Eingaben sind noch da. Den neuen Stand ansehen: Bearbeiten schließen und "
               "die Stelle neu öffnen."))


def _code_taken(code: str, office: DirectoryOffice | None) -> OfficeValidationError:
    if office is not None and office.deleted_at is not None:
        expected = _("das Kürzel {code} gehörte einer Stelle, die außer Dienst gestellt ist "
                     "(„{name}“); Kürzel werden nicht wiederverwendet, erwartet wird ein "
                     "neues").format(code=code, name=printable(office.name))
    elif office is not None:
        expected = _("das Kürzel {code} hat schon „{name}“; erwartet wird ein eigenes Kürzel "
                     "für jede Stelle").format(code=code, name=printable(office.name))
    else:
        expected = _("das Kürzel {code} ist schon vergeben; erwartet wird ein eigenes Kürzel "
                     "für jede Stelle").format(code=code)
    return OfficeValidationError([field_error("code", expected)])
