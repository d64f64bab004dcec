"""The rules area: load the ruleset's overview when the area is first shown, and try the
typed case on the background worker (the offices come from the database)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from app.i18n import _
from app.services.routing_trial import (
    CaseInputError,
    RulesOverview,
    Trial,
    rules_overview,
    try_case,
)
from ui.controllers.failures import describe_failure
from ui.views.rules_page import RulesPage
from ui.worker import DatabaseWorker


class RulesController(QObject):
    def __init__(self, worker: DatabaseWorker, page: RulesPage,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._page = worker, page
        self._loaded = False
        page.form.check_requested.connect(self.check)

    def load_once(self) -> None:
        """The version and coverage when the area is first shown, and the default case."""
        if self._loaded:
            return
        self._loaded = True

        def overview(_session: Session) -> RulesOverview:
            return rules_overview()

        self._worker.run(overview, self._page.show_overview, self._overview_failed)
        self.check()

    def check(self) -> None:
        raw = self._page.form.raw()

        def operation(session: Session) -> Trial:
            return try_case(session, raw)

        self._worker.run(operation, self._page.show_trial, self._failed)

    def _overview_failed(self, error: BaseException) -> None:
        self._loaded = False  # the next visit of the area tries again
        self._page.version.setText(describe_failure(error, _("Regelwerk laden")))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, CaseInputError):
            self._page.form.show_errors(error.errors)
            self._page.show_message(_("Nicht geprüft – siehe die markierte Angabe."),
                                    problem=True)
        else:
            self._page.show_message(describe_failure(error, _("Fall prüfen")), problem=True)
