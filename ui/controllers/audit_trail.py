"""A person's audit trail for supervisors, and the audited opening of a person file.

Opening a person file for display is recorded as VIEW_PERSON in the same unit of work that
loads it: the file is shown exactly when the view is on record.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from app.i18n import _
from app.security.audit_text import details_text, event_label
from app.security.audit_trail import TrailEntry, person_audit_trail
from app.security.permissions import Actor
from app.services.person_view import view_person
from ui.controllers.failures import describe_failure
from ui.controllers.person_operations import LoadedPerson, loaded
from ui.views.audit_trail_dialog import AuditTrailDialog
from ui.worker import DatabaseWorker


def viewed_person(person_id: uuid.UUID, actor: Actor) -> Any:
    """Load the person for the form; the service checks the role and puts the view on the
    audit record in the same unit of work."""
    def operation(session: Session) -> LoadedPerson:
        return loaded(session, view_person(session, person_id, actor=actor))
    return operation


def trail(person_id: uuid.UUID, actor: Actor) -> Any:
    def operation(session: Session) -> list[list[str]]:
        return [trail_row(entry)
                for entry in person_audit_trail(session, person_id, actor=actor)]
    return operation


def trail_row(entry: TrailEntry) -> list[str]:
    """The five columns: local time, who, where, what happened and its details in German."""
    when = entry.occurred_at.astimezone().strftime("%d.%m.%Y %H:%M:%S")
    return [when, entry.username or "–", entry.workstation or "–", event_label(entry.action),
            details_text(entry.details)]


class AuditTrailController(QObject):
    """Opens the trail dialog and fills it from the worker."""

    def __init__(self, worker: DatabaseWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.dialog: AuditTrailDialog | None = None

    def show(self, person_id: uuid.UUID, name: str, over: QWidget, actor: Actor) -> None:
        dialog = AuditTrailDialog(name, over)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        self._worker.run(trail(person_id, actor), dialog.show_rows,
                         lambda error: dialog.show_problem(
                             describe_failure(error, _("Protokoll laden"))))
