"""What the approval area does: load the queue under the filters, preview the selected
referral's letter, approve, reject with a reason, open the batch print – every service call
on the worker, every refusal shown on the page as the service words it."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from app.config import Settings
from app.i18n import _
from app.security.permissions import Actor
from app.services.approval import QueueRow, approval_queue, approve, reject
from app.services.batch_print import DEFAULT_CHUNK, BatchResult
from app.services.letters import RenderedLetter, preview_letter
from app.services.referral_filters import ReferralFilter
from ui.controllers.approval_batch import BatchRun
from ui.controllers.failures import describe_failure
from ui.printing import LetterDialogs, SystemDialogs
from ui.views.approval_reject_dialog import RejectDialog
from ui.views.batch_print_dialog import BatchPrintDialog
from ui.views.referral_filter_bar import FilterError
from ui.worker import DatabaseWorker

if TYPE_CHECKING:
    from ui.views.approval_page import ApprovalPage


class ApprovalController(QObject):
    def __init__(self, worker: DatabaseWorker, page: ApprovalPage, settings: Settings,
                 actor_provider: Callable[[], Actor]) -> None:
        super().__init__(page)
        self._worker, self._page, self._settings = worker, page, settings
        self._actor = actor_provider
        self.dialogs: LetterDialogs = SystemDialogs()
        self.printed_before = 0  # by cancelled batch runs: a new run skips them
        self.chunk_size = DEFAULT_CHUNK  # letters per PDF and per unit of work
        self._previews = itertools.count(1)
        self._preview_wanted = 0
        self.reject_dialog: RejectDialog | None = None
        self.batch_dialog: BatchPrintDialog | None = None
        self._connect()

    def _connect(self) -> None:
        page = self._page
        page.shown.connect(self.refresh)
        page.filters.changed.connect(self.refresh)
        page.table.selectionModel().currentRowChanged.connect(lambda *_: self._preview())
        page.approve_button.clicked.connect(self.approve_selected)
        page.reject_button.clicked.connect(self.ask_rejection)
        page.batch_button.clicked.connect(self.open_batch_print)

    def refresh(self) -> None:
        try:
            where = self._page.filters.current()
        except FilterError as problem:
            self._page.show_message(str(problem), problem=True)
            return
        self._worker.run(_queue(where, self._settings, self._actor()), self._listed,
                         self._failed(_("Laden")))

    def _listed(self, rows: list[QueueRow]) -> None:
        self._page.model.set_rows(rows)
        self._page.fit_columns()
        self._page.show_message(_("{count} Überleitung(en) in der Warteschlange.")
                                .format(count=len(rows)))
        if rows:
            self._page.table.selectRow(0)
        else:
            self._page.preview.show_notice(_("Keine Überleitung unter diesen Filtern."))

    def _selected(self) -> QueueRow | None:
        row = self._page.selected_row()
        return None if row is None else self._page.model.row_at(row)

    def _preview(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self._page.show_reasons(chosen.reasons)
        wanted = self._preview_wanted = next(self._previews)
        settings, reference, actor = self._settings, chosen.reference, self._actor()
        self._page.preview.show_waiting()
        self._worker.run(lambda session: preview_letter(session, reference, actor=actor,
                                                        settings=settings),
                         lambda letter: self._previewed(wanted, letter),
                         lambda error: self._preview_failed(wanted, error))

    def _previewed(self, wanted: int, letter: RenderedLetter) -> None:
        if wanted == self._preview_wanted:  # a newer selection replaces an older preview
            self._page.preview.show_pdf(letter.pdf)

    def _preview_failed(self, wanted: int, error: BaseException) -> None:
        if wanted == self._preview_wanted:
            self._page.preview.show_notice(describe_failure(error, _("Vorschau")), problem=True)

    def approve_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            self._page.show_message(_("Bitte zuerst eine Überleitung wählen."), problem=True)
            return
        actor, reference = self._actor(), chosen.reference
        self._worker.run(lambda session: approve(session, reference, actor=actor).status,
                         lambda status: self._decided(reference, status,
                                                      _("Freigegeben: {reference}.")),
                         self._failed(_("Freigeben")))

    def ask_rejection(self) -> None:
        chosen = self._selected()
        if chosen is None:
            self._page.show_message(_("Bitte zuerst eine Überleitung wählen."), problem=True)
            return
        dialog = self.reject_dialog = RejectDialog(chosen.reference, self._page)
        dialog.accepted.connect(lambda: self._reject(chosen.reference, dialog.reason()))
        dialog.finished.connect(self._reject_dialog_closed)
        dialog.open()

    def _reject(self, reference: str, reason: str) -> None:
        actor = self._actor()
        self._worker.run(lambda session: reject(session, reference, reason, actor=actor).status,
                         lambda status: self._decided(reference, status,
                                                      _("Zurückgewiesen: {reference}.")),
                         self._failed(_("Ablehnen")))

    def _decided(self, reference: str, status: str, text: str) -> None:
        self._page.model.replace_status(reference, status)
        self._page.show_message(text.format(reference=reference))
        self._page.table.setFocus()

    def open_batch_print(self) -> None:
        try:
            where = self._page.filters.current()
        except FilterError as problem:
            self._page.show_message(str(problem), problem=True)
            return
        run = BatchRun(self._worker, self._settings, self._actor(), where)
        run.chunk_size = self.chunk_size
        dialog = self.batch_dialog = BatchPrintDialog(run, self.dialogs, self.printed_before,
                                                      self._page)
        run.setParent(dialog)  # goes with the dialog, which cannot close while printing
        dialog.run_finished.connect(self._batch_done)
        dialog.finished.connect(self._batch_dialog_closed)
        dialog.open()

    def _reject_dialog_closed(self) -> None:
        if self.reject_dialog is not None:
            self.reject_dialog.deleteLater()
            self.reject_dialog = None
        self._page.window().activateWindow()
        self._page.table.setFocus()

    def _batch_dialog_closed(self) -> None:
        if self.batch_dialog is not None:
            self.batch_dialog.deleteLater()
            self.batch_dialog = None
        self._page.window().activateWindow()  # back where the user came from
        self._page.batch_button.setFocus()

    def _batch_done(self, result: BatchResult) -> None:
        self.printed_before = self.printed_before + len(result.references) \
            if result.cancelled else 0
        self.refresh()

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        return lambda error: self._page.show_message(describe_failure(error, what), problem=True)


def _queue(where: ReferralFilter, settings: Settings,
           actor: Actor) -> Callable[[Session], list[QueueRow]]:
    return lambda session: approval_queue(
        session, actor=actor, settings=settings, office=where.office, since=where.since,
        until=where.until, agency_kind=where.agency_kind, status=where.status)
