"""What the "Dubletten" tab does: list the likely duplicate pairs whenever the tab comes into
view, open the field-by-field comparison of the chosen pair, and merge it – every service
call on the worker; after a merge the list is loaded again, so the pair leaves it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.config import Settings
from app.i18n import _
from app.security.permissions import Actor
from app.services.person_merge import (
    DuplicatePair,
    MergePreview,
    MergeReport,
    duplicate_pairs,
    merge_persons,
    merge_preview,
)
from ui.controllers.failures import describe_failure
from ui.views.duplicate_merge_dialog import DuplicateMergeDialog
from ui.worker import DatabaseWorker

if TYPE_CHECKING:
    from ui.views.approval_page import ApprovalPage


class DuplicateMergeController(QObject):
    def __init__(self, worker: DatabaseWorker, page: ApprovalPage, settings: Settings,
                 actor_provider: Callable[[], Actor]) -> None:
        super().__init__(page)
        self._worker, self._page, self._settings = worker, page, settings
        self._view = page.duplicates
        self._actor = actor_provider
        self.dialog: DuplicateMergeDialog | None = None
        self._preview: MergePreview | None = None
        page.shown.connect(self._refresh_if_in_view)
        page.tabs.currentChanged.connect(self._refresh_if_in_view)
        self._view.merge_requested.connect(self.open_comparison)

    def _refresh_if_in_view(self) -> None:
        if self._page.tabs.currentWidget() is self._view:
            self.refresh()

    def refresh(self, done: str = "") -> None:
        """Load the pairs; ``done`` is what the latest step did, said before the count."""
        actor = self._actor()
        self._view.message.say(" ".join((done, _("Mögliche Dubletten werden gesucht …"))))
        self._worker.run(lambda session: duplicate_pairs(session, actor=actor),
                         lambda pairs: self._listed(pairs, done), self._failed(_("Laden")))

    def _listed(self, pairs: list[DuplicatePair], done: str) -> None:
        view = self._view
        was_at = view.selected_row() or 0
        view.model.set_rows(pairs)
        view.fit_rows()
        count = _("{count} mögliche Dublette(n).").format(count=len(pairs))
        view.message.say(f"{done} {count}".strip())
        if pairs:
            view.table.selectRow(min(was_at, len(pairs) - 1))

    def open_comparison(self) -> None:
        row = self._view.selected_row()
        if row is None:
            self._view.message.say(_("Bitte zuerst ein Paar wählen."), problem=True)
            return
        dialog = self.dialog = DuplicateMergeDialog(self._view.model.row_at(row), self._page)
        dialog.kept_changed.connect(self._compare)
        dialog.merge_requested.connect(self._merge)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        self._compare()

    def _ids(self, dialog: DuplicateMergeDialog) -> tuple[uuid.UUID, uuid.UUID]:
        first, second = dialog.pair.first.person_id, dialog.pair.second.person_id
        return (first, second) if dialog.keeps_first() else (second, first)

    def _compare(self) -> None:
        dialog, actor = self.dialog, self._actor()
        if dialog is None:
            return
        keep, merge = self._ids(dialog)
        self._preview = None
        dialog.show_loading()
        self._worker.run(lambda session: merge_preview(session, keep, merge, actor=actor),
                         lambda preview: self._compared(dialog, keep, preview),
                         lambda error: dialog.show_problem(describe_failure(
                             error, _("Vergleichen"))))

    def _compared(self, dialog: DuplicateMergeDialog, keep: uuid.UUID,
                  preview: MergePreview) -> None:
        if dialog is self.dialog and self._ids(dialog)[0] == keep:  # not an older choice
            self._preview = preview
            dialog.show_preview(preview)

    def _merge(self) -> None:
        dialog, preview = self.dialog, self._preview
        if dialog is None or preview is None:
            return
        keep, merge = self._ids(dialog)
        choices, actor, settings = dialog.choices(), self._actor(), self._settings
        dialog.show_loading()
        self._worker.run(
            lambda session: merge_persons(session, keep, merge, actor=actor, settings=settings,
                                          choices=choices, expected_versions=preview.versions),
            self._merged,
            lambda error: dialog.show_problem(describe_failure(error, _("Zusammenführen"))))

    def _merged(self, report: MergeReport) -> None:
        if self.dialog is not None:
            self.dialog.accept()
        self.refresh(_("Zusammengeführt: {merged} in {kept}.").format(
            merged=report.merged_number, kept=report.kept_number))

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self._page.window().activateWindow()
        self._view.table.setFocus()

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        return lambda error: self._view.message.say(describe_failure(error, what),
                                                    problem=True)
