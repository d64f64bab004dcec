"""A recorded conflict in the words of a supervisor: which record (the person's name and
number, not a row id), which field (the label the forms use) and the values as text."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Column, String, Text
from sqlalchemy.orm import Session

from app.db.models import Person, Referral
from app.i18n import N_, _
from app.services.person_input import label as person_label

# A text this long (or free text) can hold both versions; shorter ones are codes or numbers.
COMBINABLE_LENGTH = 50

_TABLES = {
    "offices": N_("Dienststelle"),
    "workstations": N_("Arbeitsplatz"),
    "users": N_("Benutzerkonto"),
    "households": N_("Haushalt"),
    "persons": N_("Person"),
    "person_names": N_("Namensvariante"),
    "directory_offices": N_("Stelle im Verzeichnis"),
    "visits": N_("Besuch"),
    "concerns": N_("Anliegen"),
    "referrals": N_("Überleitung"),
    "consents": N_("Einwilligung"),
    "print_events": N_("Druck"),
    "referral_status_changes": N_("Statusänderung"),
}
# Columns of persons that the person form names differently.
_FORM_KEYS = {"legal_status": "status", "postal_code": "postcode"}
_FIELDS = {
    "note": N_("Notiz"),
    "deleted_at": N_("Gelöscht am"),
    "label": N_("Bezeichnung"),
    "status": N_("Status"),
    "status_reason": N_("Begründung"),
    "appointment_note": N_("Termin-Hinweis"),
    "name": N_("Name"),
    "opening_hours": N_("Öffnungszeiten"),
    "purpose": N_("Zweck"),
    "display_name": N_("Angezeigter Name"),
    "role": N_("Rolle"),
    "active": N_("Aktiv"),
}


def table_label(table_name: str) -> str:
    return _(_TABLES[table_name]) if table_name in _TABLES else table_name


def field_label(table_name: str, field: str) -> str:
    """The field as the forms label it (the column name for one they do not show)."""
    if table_name in ("persons", "person_names") and field not in ("note", "deleted_at"):
        shown = person_label(_FORM_KEYS.get(field, field))
        if shown != _FORM_KEYS.get(field, field):
            return shown
    return _(_FIELDS[field]) if field in _FIELDS else field


def value_text(value: Any) -> str:
    """A stored value for people: empty as a dash, yes/no in German, lists joined."""
    if value is None or value == "":
        return _("(leer)")
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def is_combinable(column: Column[Any]) -> bool:
    """Free text, where both versions can be written into one."""
    kind = column.type
    return isinstance(kind, Text) or (isinstance(kind, String)
                                      and (kind.length or 0) >= COMBINABLE_LENGTH)


def record_text(session: Session, table_name: str, row: Any) -> str:
    """The record in words: its kind, and whose it is (name and person number)."""
    kind = table_label(table_name)
    if table_name == "persons":
        return _("{kind} {person}").format(kind=kind, person=_person_text(row))
    if table_name == "referrals":
        return _("{kind} {reference}").format(kind=kind, reference=row.reference)
    person_id = person_of(session, table_name, row)
    person = session.get(Person, person_id) if person_id is not None else None
    if person is not None:
        return _("{kind} von {person}").format(kind=kind, person=_person_text(person))
    name = getattr(row, "name", None) or getattr(row, "username", None) or getattr(
        row, "label", None)
    return f"{kind} {name}" if name else kind


def _person_text(person: Person) -> str:
    return f"{person.display_name} ({person.person_number})"


def person_of(session: Session, table_name: str, row: Any) -> uuid.UUID | None:
    """The person a record belongs to, for the audit trail of that person."""
    if table_name == "persons":
        return row.id  # type: ignore[no-any-return]
    person_id = getattr(row, "person_id", None)
    if person_id is None and getattr(row, "referral_id", None) is not None:
        referral = session.get(Referral, row.referral_id)
        person_id = referral.person_id if referral is not None else None
    return person_id if isinstance(person_id, uuid.UUID) else None
