"""Recording outcomes of referrals, as the signed-in user: from the letters area (typed or
scanned) and from the overdue list of the approval area (the chosen referral).

Each "Erfassen" is one unit of work on the worker; the service checks the role, the
reference's check digit and the lifecycle, and the dialog shows its answer under the field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from app.codes import ReferralStatus
from app.errors import FieldsValidationError
from app.i18n import _
from app.security.permissions import Actor
from app.services.outcomes import parse_reference, record_outcome
from ui.controllers.failures import describe_failure
from ui.views.outcome_dialog import OutcomeDialog
from ui.worker import DatabaseWorker


def recording(reference: str, status: str, reason: str, actor: Actor) -> Any:
    def operation(session: Session) -> str:
        record_outcome(session, reference, status, reason, actor=actor)
        return parse_reference(reference)  # as printed, whatever the scanner added
    return operation


class OutcomeController(QObject):
    recorded = Signal(str)  # the reference whose outcome was recorded

    def __init__(self, worker: DatabaseWorker, actor: Actor,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._actor = worker, actor
        self.dialog: OutcomeDialog | None = None

    def open(self, over: QWidget, reference: str = "") -> None:
        """The dialog over ``over``; a reference chosen in a list is filled in, and the
        keyboard starts at the outcome then."""
        dialog = OutcomeDialog(over)
        dialog.record_requested.connect(self.record)
        self.dialog = dialog
        dialog.reference.setText(reference)
        dialog.open()
        dialog.activateWindow()
        (dialog.status if reference else dialog.reference).setFocus()

    def record(self, reference: str, status: str, reason: str) -> None:
        dialog = self.dialog
        assert dialog is not None
        dialog.clear_errors()
        dialog.set_busy(True)
        label = ReferralStatus(status).label
        self._worker.run(recording(reference, status, reason, self._actor),
                         lambda done: self._recorded(done, label), self._failed)

    def _recorded(self, reference: str, label: str) -> None:
        if self.dialog is not None:
            self.dialog.recorded(_("Erfasst: {reference} – {status}. Nächstes Aktenzeichen "
                                   "eingeben oder scannen; Esc schließt.").format(
                reference=reference, status=label))
        self.recorded.emit(reference)

    def _failed(self, error: BaseException) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        dialog.set_busy(False)
        if isinstance(error, FieldsValidationError):
            dialog.show_errors(error.errors)
        else:
            dialog.show_message(describe_failure(error, _("Rückmeldung erfassen")),
                                problem=True)
