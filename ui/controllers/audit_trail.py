"""A person's audit trail for supervisors, and the audited opening of a person file.

Opening a person file for display is recorded as VIEW_PERSON in the same unit of work that
loads it: the file is shown exactly when the view is on record.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from app.config import Settings
from app.i18n import _
from app.security.audit import PERSON, AuditAction, record_as
from app.security.audit_trail import TrailEntry, person_audit_trail
from ui.controllers.failures import describe_failure
from ui.controllers.person_operations import LoadedPerson, load
from ui.views.audit_trail_dialog import AuditTrailDialog
from ui.worker import DatabaseWorker


def viewed_person(person_id: uuid.UUID, settings: Settings) -> Any:
    """Load the person for the form and put the view on the audit record."""
    loading = load(person_id)

    def operation(session: Session) -> LoadedPerson:
        person: LoadedPerson = loading(session)
        record_as(session, settings, AuditAction.VIEW_PERSON, entity_type=PERSON,
                  entity_id=person.person_id, details={"person_number": person.person_number})
        return person
    return operation


def trail(person_id: uuid.UUID) -> Any:
    def operation(session: Session) -> list[list[str]]:
        return [trail_row(entry) for entry in person_audit_trail(session, person_id)]
    return operation


def trail_row(entry: TrailEntry) -> list[str]:
    when = entry.occurred_at.astimezone().strftime("%d.%m.%Y %H:%M:%S")
    return [when, entry.username or "–", entry.workstation or "–", action_label(entry.action),
            details_text(entry.details)]


def action_label(action: AuditAction | str) -> str:
    labels = {
        AuditAction.SIGN_IN: _("Angemeldet"),
        AuditAction.SIGN_IN_FAILED: _("Anmeldung fehlgeschlagen"),
        AuditAction.SIGN_OUT: _("Abgemeldet"),
        AuditAction.REFUSED: _("Verweigert"),
        AuditAction.VIEW_PERSON: _("Akte angesehen"),
        AuditAction.REGISTER_PERSON: _("Aufgenommen"),
        AuditAction.CHANGE_PERSON: _("Geändert"),
        AuditAction.PRINT: _("Gedruckt"),
        AuditAction.EXPORT: _("Exportiert"),
        AuditAction.APPROVE: _("Freigegeben"),
        AuditAction.REJECT: _("Zurückgewiesen"),
        AuditAction.OUTCOME: _("Ergebnis erfasst"),
    }
    return labels.get(action, str(action)) if isinstance(action, AuditAction) else action


def details_text(details: Mapping[str, object]) -> str:
    """``key: value`` pairs; lists joined – the log keeps no personal data to hide."""
    return "; ".join(f"{key}: {_value(value)}" for key, value in sorted(details.items()))


def _value(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


class AuditTrailController(QObject):
    """Opens the trail dialog and fills it from the worker."""

    def __init__(self, worker: DatabaseWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.dialog: AuditTrailDialog | None = None

    def show(self, person_id: uuid.UUID, name: str, over: QWidget) -> None:
        dialog = AuditTrailDialog(name, over)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        self._worker.run(trail(person_id), dialog.show_rows,
                         lambda error: dialog.show_problem(
                             describe_failure(error, _("Protokoll laden"))))
