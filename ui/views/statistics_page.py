"""The statistics area ("Statistik") for supervisors: filters, the key figures (how many,
time to outcome, share that reached the office) and bar charts by agency kind, concern,
municipality, office and month; "Exportieren …" writes the rows under the same filters.

Alt+R/V/I/T go to the filters, Alt+E exports, F5 reloads.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.config import Settings
from app.i18n import _
from app.security.permissions import Actor
from ui.controllers.statistics_controller import ExportDialogs, StatisticsController
from ui.controllers.statistics_text import MONTHS
from ui.views.charts import MAX_BARS, BarChart
from ui.views.referral_filter_bar import ReferralFilterBar
from ui.views.style import PAGE_MARGIN, heading, paragraph, scaled_font
from ui.worker import DatabaseWorker

PROBLEM_STYLE = "color: #a4262c;"
CHART_COLUMNS = 2


def chart_titles() -> dict[str, str]:
    return {"agency_kind": _("Nach Stellenart"), "concern": _("Nach Anliegen"),
            "municipality": _("Nach Kommune"), "office": _("Nach Büro"),
            "month": _("Nach Monat")}


class StatisticsPage(QWidget):
    """Layout only; the controller fills it."""

    shown = Signal()
    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.addWidget(heading(_("Statistik")))
        self.filters = ReferralFilterBar(with_status=False)
        layout.addWidget(self.filters)
        layout.addLayout(self._figures())
        layout.addWidget(self._charts(), 1)
        self.message = paragraph()
        self.message.setAccessibleName(_("Meldung"))
        layout.addWidget(self.message)
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

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(PROBLEM_STYLE if problem else "")
        self.message.setAccessibleDescription(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()


class StatisticsArea(StatisticsPage):
    """The page with its controller, as the main window places it."""

    def __init__(self, worker: DatabaseWorker, settings: Settings,
                 actor_provider: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = StatisticsController(worker, self, settings, actor_provider)

    @property
    def dialogs(self) -> ExportDialogs:
        """Where the export goes (tests choose a file without a dialog)."""
        return self.controller.dialogs

    @dialogs.setter
    def dialogs(self, dialogs: ExportDialogs) -> None:
        self.controller.dialogs = dialogs
