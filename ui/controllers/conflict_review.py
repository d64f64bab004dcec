"""What the "Konflikte" tab does: list the open conflicts whenever the tab comes into view,
and resolve the selected one – keep, take the other value, or write a combined text – each
through ``app.sync.conflicts.resolve_conflict`` on the worker. After a resolution, or a
refusal because the record changed meanwhile, the list is loaded again."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.i18n import _
from app.security.permissions import Actor
from app.sync.conflicts import ConflictView, Resolution, resolve_conflict, review_conflicts
from ui.controllers.failures import describe_failure
from ui.views.conflict_review_dialog import CombineDialog
from ui.worker import DatabaseWorker

if TYPE_CHECKING:
    from ui.views.approval_page import ApprovalPage
    from ui.views.conflict_review_view import ConflictReviewView


class ConflictReviewController(QObject):
    def __init__(self, worker: DatabaseWorker, page: ApprovalPage, view: ConflictReviewView,
                 actor_provider: Callable[[], Actor]) -> None:
        super().__init__(page)
        self._worker, self._page, self._view = worker, page, view
        self._actor = actor_provider
        self.dialog: CombineDialog | None = None
        page.shown.connect(self.refresh_if_in_view)
        page.tabs.currentChanged.connect(self.refresh_if_in_view)
        view.table.selectionModel().currentRowChanged.connect(self._selected)
        view.model.modelReset.connect(self._selected)
        view.keep_requested.connect(lambda: self._resolve(Resolution.KEEP))
        view.other_requested.connect(lambda: self._resolve(Resolution.OTHER))
        view.combine_requested.connect(self.open_combine)

    def refresh_if_in_view(self) -> None:
        if self._page.tabs.currentWidget() is self._view:
            self.refresh()

    def refresh(self, done: str = "", *, problem: bool = False) -> None:
        """Load the open conflicts; ``done`` is what the latest step did (or why not)."""
        actor = self._actor()
        self._view.message.say(" ".join((done, _("Konflikte werden geladen …"))).strip(),
                               problem=problem)
        self._worker.run(lambda session: review_conflicts(session, actor=actor),
                         lambda rows: self._listed(rows, done, problem), self._failed)

    def _listed(self, rows: list[ConflictView], done: str, problem: bool) -> None:
        view = self._view
        was_at = view.selected_row() or 0
        view.model.set_rows(rows)
        view.fit_rows()
        count = _("{count} offene(r) Konflikt(e).").format(count=len(rows))
        view.message.say(f"{done} {count}".strip(), problem=problem)
        if rows:
            view.table.selectRow(min(was_at, len(rows) - 1))

    def _selected(self) -> None:
        row = self._view.selected_row()
        self._view.show_selected(None if row is None else self._view.model.row_at(row))

    def _chosen(self) -> ConflictView | None:
        row = self._view.selected_row()
        if row is None:
            self._view.message.say(_("Bitte zuerst einen Konflikt wählen."), problem=True)
            return None
        return self._view.model.row_at(row)

    def open_combine(self) -> None:
        conflict = self._chosen()
        if conflict is None or not conflict.combinable:
            return
        dialog = self.dialog = CombineDialog(conflict, self._page)
        dialog.combined.connect(lambda text: self._resolve(Resolution.COMBINE, text))
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _resolve(self, choice: Resolution, text: str | None = None) -> None:
        conflict = self._chosen()
        if conflict is None:
            return
        conflict_id, actor = conflict.id, self._actor()
        self._worker.run(
            lambda session: resolve_conflict(session, conflict_id, choice, text, actor=actor),
            self._resolved, lambda error: self._refused(conflict_id, error))

    def _resolved(self, conflict: ConflictView) -> None:
        if self.dialog is not None:
            self.dialog.accept()
        self.refresh(_("Geklärt: {field} von {record}.").format(field=conflict.field,
                                                              record=conflict.record))

    def _refused(self, conflict_id: uuid.UUID, error: BaseException) -> None:
        text = describe_failure(error, _("Klären"))
        if self.dialog is not None and self.dialog.conflict.id == conflict_id:
            self.dialog.show_problem(text)  # the typed text stays in the dialog
            return
        self.refresh(text, problem=True)

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self._page.window().activateWindow()
        self._view.table.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._view.message.say(describe_failure(error, _("Laden")), problem=True)
