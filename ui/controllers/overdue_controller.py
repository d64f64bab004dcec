"""What the overdue tab of the approval area does: list the issued referrals still without an
outcome (after the ``overdue_days`` setting) whenever the tab comes into view, and open the
outcome entry of ui/controllers/outcome.py for the chosen one; a recorded outcome reloads
the list, so the referral leaves it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from app.config import Settings
from app.i18n import _
from app.security.permissions import Actor
from app.services.outcomes import OverdueRow, overdue
from ui.controllers.failures import describe_failure
from ui.controllers.outcome import OutcomeController
from ui.worker import DatabaseWorker

if TYPE_CHECKING:
    from ui.views.approval_page import ApprovalPage


class OverdueController(QObject):
    def __init__(self, worker: DatabaseWorker, page: ApprovalPage, settings: Settings,
                 actor_provider: Callable[[], Actor]) -> None:
        super().__init__(page)
        self._worker, self._page, self._settings = worker, page, settings
        self._view = page.overdue
        self._actor = actor_provider
        self.outcomes: OutcomeController | None = None  # made on first use
        page.shown.connect(self._refresh_if_in_view)
        page.tabs.currentChanged.connect(self._refresh_if_in_view)
        self._view.outcome_requested.connect(self.open_outcome)

    def _refresh_if_in_view(self) -> None:
        if self._page.tabs.currentWidget() is self._view:
            self.refresh()

    def refresh(self) -> None:
        self._view.show_days(self._settings.overdue_days)
        self._worker.run(_listing(self._settings, self._actor()), self._listed,
                         self._failed(_("Laden")))

    def _listed(self, rows: list[OverdueRow]) -> None:
        view = self._view
        was_at = view.selected_row() or 0
        view.model.set_rows(rows)
        view.table.resizeColumnsToContents()
        view.message.say(_("{count} Überleitung(en) überfällig.").format(count=len(rows)))
        if rows:  # where the user was: after an answer, the next one
            view.table.selectRow(min(was_at, len(rows) - 1))

    def _chosen(self) -> OverdueRow | None:
        row = self._view.selected_row()
        return None if row is None else self._view.model.row_at(row)

    def open_outcome(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            self._view.message.say(_("Bitte zuerst eine Überleitung wählen."), problem=True)
            return
        outcomes = self._outcome_entry()
        outcomes.open(self._page, chosen.reference)
        assert outcomes.dialog is not None
        outcomes.dialog.finished.connect(self._back_to_the_list)

    def _back_to_the_list(self) -> None:
        self._page.window().activateWindow()
        self._view.table.setFocus()

    def _outcome_entry(self) -> OutcomeController:
        if self.outcomes is None:
            self.outcomes = OutcomeController(self._worker, self._actor(), self)
            self.outcomes.recorded.connect(lambda _reference: self.refresh())
        return self.outcomes

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        return lambda error: self._view.message.say(describe_failure(error, what),
                                                    problem=True)


def _listing(settings: Settings, actor: Actor) -> Callable[[Session], list[OverdueRow]]:
    return lambda session: overdue(session, actor=actor, settings=settings)
