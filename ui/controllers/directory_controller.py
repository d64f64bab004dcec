"""Loads the agency directory into its model: ids first, rows batch by batch."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, QObject
from sqlalchemy.orm import Session

from app.i18n import _
from app.services.overview import DirectoryOfficeRow, directory_office_ids, directory_office_rows
from ui.controllers.failures import describe_failure
from ui.models.directory_model import DirectoryOfficeModel
from ui.views.directory_page import DirectoryPage
from ui.worker import DatabaseWorker

COLUMN_WIDTHS = [370, 200, 265]  # the last column takes the rest


class DirectoryController(QObject):
    def __init__(self, worker: DatabaseWorker, page: DirectoryPage,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._page = worker, page
        self.model = DirectoryOfficeModel(self)
        self.model.rows_wanted.connect(self._load_rows)
        page.set_model(self.model)
        page.set_column_widths(COLUMN_WIDTHS)
        self._loaded = False

    def load_once(self) -> None:
        """Load when the page is first shown; later visits keep the table as it was."""
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self) -> None:
        self._page.show_loading()
        self._worker.run(directory_office_ids, self._show_ids, self._show_failure)

    def _show_ids(self, ids: list[uuid.UUID]) -> None:
        self.model.set_ids(ids)
        self._page.show_count(len(ids))
        if self.model.canFetchMore(QModelIndex()):  # the first batch; the view asks for more
            self.model.fetchMore(QModelIndex())

    def _load_rows(self, ids: list[uuid.UUID]) -> None:
        def rows(session: Session) -> list[DirectoryOfficeRow]:
            return directory_office_rows(session, ids)

        def failed(error: BaseException) -> None:
            self.model.fetch_failed(ids)
            self._show_failure(error)

        self._worker.run(rows, lambda loaded: self.model.add_rows(ids, loaded), failed)

    def _show_failure(self, error: BaseException) -> None:
        self._page.show_problem(describe_failure(error, _("Verzeichnis laden")))
