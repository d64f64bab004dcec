"""What the statistics area does: load the figures under the filters and export the rows –
on the worker, refusals and problems shown on the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from app.config import Settings
from app.i18n import _
from app.security.permissions import Actor
from app.services.referral_export import export_referrals
from app.services.referral_filters import ReferralFilter
from app.services.referral_stats import ReferralStatistics, referral_statistics
from ui.controllers.failures import describe_failure
from ui.controllers.statistics_text import chart_values, median_text, reached_text, total_text
from ui.views.referral_filter_bar import FilterError
from ui.worker import DatabaseWorker

if TYPE_CHECKING:
    from ui.views.statistics_page import StatisticsPage


class ExportDialogs(Protocol):
    """Where the export is saved; ``None`` when the user cancels. The suffix (.xlsx or .csv)
    chooses the format."""

    def choose_export_file(self, parent: QWidget, suggested_name: str) -> Path | None: ...


class SystemExportDialogs:
    def choose_export_file(self, parent: QWidget, suggested_name: str) -> Path | None:
        xlsx, csv = _("Excel-Arbeitsmappe (*.xlsx)"), _("CSV-Datei (*.csv)")
        chosen, kind = QFileDialog.getSaveFileName(
            parent, _("Überleitungen exportieren"), str(Path.home() / suggested_name),
            f"{xlsx};;{csv}")
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() in (".xlsx", ".csv"):
            return path
        return path.with_name(path.name + (".csv" if kind == csv else ".xlsx"))


class StatisticsController(QObject):
    def __init__(self, worker: DatabaseWorker, page: StatisticsPage, settings: Settings,
                 actor_provider: Callable[[], Actor]) -> None:
        super().__init__(page)
        self._worker, self._page, self._settings = worker, page, settings
        self._actor = actor_provider
        self.dialogs: ExportDialogs = SystemExportDialogs()
        self.figures: ReferralStatistics | None = None
        page.shown.connect(self.refresh)
        page.reload_requested.connect(self.refresh)
        page.filters.changed.connect(self.refresh)
        page.export_button.clicked.connect(self.export)

    def _filters(self) -> ReferralFilter | None:
        try:
            return self._page.filters.current()
        except FilterError as problem:
            self._page.show_message(str(problem), problem=True)
            return None

    def refresh(self) -> None:
        where, actor = self._filters(), self._actor()
        if where is None:
            return
        self._worker.run(lambda session: referral_statistics(session, actor=actor, where=where),
                         self._loaded, self._failed(_("Statistik laden")))

    def _loaded(self, figures: ReferralStatistics) -> None:
        self.figures = figures
        self._page.show_figures(total_text(figures), median_text(figures),
                                reached_text(figures))
        for key, chart in self._page.charts.items():
            chart.set_values(chart_values(figures, key))
        self._page.show_message("")

    def export(self) -> None:
        where, actor = self._filters(), self._actor()
        if where is None:
            return
        path = self.dialogs.choose_export_file(self._page, _("Ueberleitungen.xlsx"))
        if path is None:
            return
        self._page.show_message(_("Wird exportiert …"))
        self._worker.run(
            lambda session: export_referrals(session, path, actor=actor, where=where),
            lambda rows: self._page.show_message(
                _("{rows} Überleitung(en) exportiert nach {path}.").format(rows=rows, path=path)),
            self._export_failed)

    def _export_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            text = _("Exportieren: Die Datei ließ sich nicht schreiben ({error}); bitte einen "
                     "anderen Ordner wählen.").format(error=error.strerror or error)
        else:
            text = describe_failure(error, _("Exportieren"))
        self._page.show_message(text, problem=True)

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        return lambda error: self._page.show_message(describe_failure(error, what), problem=True)
