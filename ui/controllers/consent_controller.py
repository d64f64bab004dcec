"""Recording a consent from the letters area, for the chosen referral's recipient.

The dialog asks; the worker records (one unit of work); a problem goes back under its field
in the still open dialog, with everything entered kept. After saving, the letters area
renders the letter again, now with the data the consent covers.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.config import Settings
from app.errors import FieldsValidationError
from app.i18n import _
from app.security.permissions import Actor
from app.services.letters import ReferralRow
from ui.controllers.failures import describe_failure
from ui.controllers.letter_operations import ConsentRequest, save_consent
from ui.controllers.person_controller import focus_back
from ui.models.referral_model import agency_label, concern_label
from ui.views.consent_dialog import ConsentDialog
from ui.worker import DatabaseWorker


def purpose_of(row: ReferralRow) -> str:
    """The purpose as the consent form states it, from the referral's concern."""
    return _("Überleitung zum Anliegen „{concern}“ ({reference})").format(
        concern=concern_label(row.concern), reference=row.reference)


def recipient_of(row: ReferralRow) -> str:
    kind = agency_label(row.agency_kind)
    return f"{row.office_name} ({kind})" if row.office_name else kind


class ConsentController(QObject):
    recorded = Signal()

    def __init__(self, worker: DatabaseWorker, parent_widget: QWidget, settings: Settings,
                 actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._parent_widget, self._settings = worker, parent_widget, settings
        self._actor = actor
        self.dialog: ConsentDialog | None = None

    def ask(self, row: ReferralRow) -> None:
        dialog = ConsentDialog(recipient_of(row), row.person_name, purpose_of(row),
                               self._parent_widget)
        dialog.save_requested.connect(lambda: self._save(dialog, row))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()  # keys go to the dialog, not the page behind
        next(iter(dialog.categories.values())).setFocus()

    def _save(self, dialog: ConsentDialog, row: ReferralRow) -> None:
        dialog.clear_errors()
        request = ConsentRequest(row.person_id, row.referral_id, row.agency_kind,
                                 dialog.chosen_categories(), dialog.purpose.text(),
                                 dialog.chosen_giver(), dialog.guardian_name.text(),
                                 dialog.chosen_day())
        dialog.set_busy(True)
        self._worker.run(save_consent(request, self._settings, self._actor),
                         lambda _none: self._saved(dialog),
                         lambda error: self._failed(dialog, error))

    def _saved(self, dialog: ConsentDialog) -> None:
        dialog.accept()
        self.recorded.emit()

    def _failed(self, dialog: ConsentDialog, error: BaseException) -> None:
        dialog.set_busy(False)
        if isinstance(error, FieldsValidationError):
            dialog.show_errors(error.errors)
        else:
            dialog.show_message(describe_failure(error, _("Einwilligung speichern")))

    def _closed(self, dialog: ConsentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        focus_back(self._parent_widget)  # the page's list, where the user was
