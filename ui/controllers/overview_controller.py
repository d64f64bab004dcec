"""Loads the start page's counts in the background and shows the site's facts."""

from __future__ import annotations

from PySide6.QtCore import QObject

import app
from app.config import Settings
from app.i18n import _
from app.services.database import Database
from app.services.overview import OverviewCounts, describe_database, mode_label, overview_counts
from ui.controllers.failures import describe_failure
from ui.views.overview_page import OverviewPage
from ui.views.status_bar import StatusBarView
from ui.worker import DatabaseWorker


class OverviewController(QObject):
    def __init__(self, worker: DatabaseWorker, page: OverviewPage, status_bar: StatusBarView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._page, self._status_bar = worker, page, status_bar

    def show_site(self, settings: Settings, database: Database) -> None:
        location = describe_database(settings.database_url)
        mode = mode_label(settings.mode)
        self._status_bar.show_site(mode=mode, location=location, user=settings.user,
                                   office=settings.office, workstation=settings.workstation)
        self._page.show_facts([
            (_("Betriebsart"), mode),
            (_("Datenbank"), location.backend),
            (_("Ort"), location.full),
            (_("Schemastand"), database.status.revision or "–"),
            (_("Dienststelle"), settings.office),
            (_("Arbeitsplatz"), str(settings.workstation)),
            (_("Benutzer"), settings.user),
            (_("Programmversion"), app.__version__),
        ])

    def refresh(self) -> None:
        self._page.show_loading()
        self._worker.run(overview_counts, self._show_counts, self._show_failure)

    def _show_counts(self, counts: OverviewCounts) -> None:
        self._page.show_counts(counts)
        self._status_bar.show_demo(counts.is_demo)

    def _show_failure(self, error: BaseException) -> None:
        self._page.show_problem(describe_failure(error, _("Zahlen laden")))
