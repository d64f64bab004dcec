"""The statistics area ("Statistik") for supervisors: filters, the key figures (how many,
time to outcome, share that reached the office) and bar charts by agency kind, concern,
municipality, office and month; "Exportieren …" writes the rows under the same filters.

Alt+R/V/I/T go to the filters, Alt+E exports, F5 reloads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from app.config import Settings
from app.i18n import _
from app.security.permissions import Actor
from ui.controllers.statistics_controller import StatisticsController
from ui.controllers.statistics_text import MONTHS
from ui.views.charts import MAX_BARS, BarChart
from ui.views.referral_filter_bar import ReferralFilterBar
from ui.views.style import scaled_font
from ui.views.supervision_page import ControlledArea, SupervisionPage
from ui.worker import DatabaseWorker

CHART_COLUMNS = 2


def chart_titles() -> dict[str, str]:
    return {"agency_kind": _("Nach Stellenart"), "concern": _("Nach Anliegen"),
            "municipality": _("Nach Kommune"), "office": _("Nach Büro"),
            "month": _("Nach Monat")}


class StatisticsPage(SupervisionPage):
    """Layout only; the controller fills it."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Statistik"), parent)
        self.filters = ReferralFilterBar(with_status=False)
        self.column.addWidget(self.filters)
        self.column.addLayout(self._figures())
        self.column.addWidget(self._charts(), 1)
        self.column.addWidget(self.message)
        reload = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        reload.activated.connect(self.reload_requested)

    def _figures(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.total, self.median, self.reached = QLabel(), QLabel(), QLabel()
        for label in (self.total, self.median, self.reached):
            label.setFont(scaled_font(label, 1.15, bold=True))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row.addWidget(label)
            row.addSpacing(32)
        row.addStretch(1)
        self.export_button = QPushButton(_("&Exportieren …"))
        self.export_button.setAccessibleName(_("Exportieren …"))
        self.export_button.setToolTip(_("Die Überleitungen unter diesen Filtern als XLSX oder "
                                        "CSV speichern (Alt+E)"))
        row.addWidget(self.export_button)
        return row

    def _charts(self) -> QScrollArea:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setHorizontalSpacing(32)
        self.charts = {key: BarChart(title, max_bars=MONTHS + 1 if key == "month" else MAX_BARS)
                       for key, title in chart_titles().items()}
        for number, chart in enumerate(self.charts.values()):
            grid.addWidget(chart, number // CHART_COLUMNS, number % CHART_COLUMNS)
        grid.setRowStretch(len(self.charts) // CHART_COLUMNS + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the charts themselves
        return scroll

    def show_figures(self, total: str, median: str, reached: str) -> None:
        for label, text in ((self.total, total), (self.median, median),
                            (self.reached, reached)):
            label.setText(text)
            label.setAccessibleName(text)


class StatisticsArea(ControlledArea, StatisticsPage):
    """The page with its controller, as the main window places it; ``dialogs`` say where
    the export goes (tests choose a file without a dialog)."""

    def __init__(self, worker: DatabaseWorker, settings: Settings,
                 actor_provider: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: StatisticsController = StatisticsController(
            worker, self, settings, actor_provider)
