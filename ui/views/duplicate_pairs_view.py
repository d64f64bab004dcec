"""The "Dubletten" tab of the approval area: persons probably registered twice (in two branch
offices, before a synchronisation brought both files together), both records side by side
with the reasons. Enter or Alt+V opens the comparison to merge the selected pair.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.models.duplicate_pairs_model import DuplicatePairsModel
from ui.views.style import paragraph
from ui.views.supervision_page import MessageLine
from ui.views.tables import row_table


class DuplicatePairsView(QWidget):
    """Layout only; ui.controllers.duplicate_merge fills it."""

    merge_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.addWidget(paragraph(_(
            "Personen, die wahrscheinlich zweimal erfasst wurden – etwa in zwei Büros, bevor "
            "die Daten abgeglichen wurden. Beim Zusammenführen bleiben alle Besuche, "
            "Überleitungen, Einwilligungen und das Protokoll beider Akten erhalten.")))
        self.model = DuplicatePairsModel(self)
        self.table = self._table()
        column.addWidget(self.table, 1)
        column.addLayout(self._actions())
        self.message = MessageLine()
        column.addWidget(self.message)

    def _table(self) -> QTableView:
        table = row_table(self.model, _("Dubletten"))
        table.activated.connect(self.merge_requested)  # Enter or a double click
        return table

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.merge_button = QPushButton(_("&Vergleichen und zusammenführen …"))
        self.merge_button.setAccessibleName(_("Vergleichen und zusammenführen …"))
        self.merge_button.setToolTip(_("Die beiden Akten des ausgewählten Paars Feld für Feld "
                                       "vergleichen und zusammenführen (Alt+V oder "
                                       "Eingabetaste)"))
        self.merge_button.clicked.connect(self.merge_requested)
        row.addWidget(self.merge_button)
        row.addStretch(1)
        return row

    def fit_rows(self) -> None:
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()

    def selected_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None
