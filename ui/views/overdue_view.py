"""The overdue referrals inside the approval area: issued referrals without an outcome after
the configured number of days, longest waiting first. Alt+R (or Enter on a row) opens the
outcome entry for the selected one; the list is then reloaded.
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
from ui.models.overdue_model import OverdueModel
from ui.views.style import paragraph
from ui.views.supervision_page import MessageLine
from ui.views.tables import row_table


class OverdueView(QWidget):
    """Layout only; ui.controllers.overdue_controller fills it."""

    outcome_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        self.explanation = paragraph()
        column.addWidget(self.explanation)
        self.model = OverdueModel(self)
        self.table = self._table()
        column.addWidget(self.table, 1)
        column.addLayout(self._actions())
        self.message = MessageLine()
        column.addWidget(self.message)

    def _table(self) -> QTableView:
        table = row_table(self.model, _("Überfällig"))
        table.activated.connect(self.outcome_requested)  # Enter or a double click
        return table

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.outcome_button = QPushButton(_("&Rückmeldung erfassen …"))
        self.outcome_button.setAccessibleName(_("Rückmeldung erfassen …"))
        self.outcome_button.setToolTip(_("Für die ausgewählte Überleitung eintragen, was aus "
                                         "ihr geworden ist (Alt+R oder Eingabetaste)"))
        self.outcome_button.clicked.connect(self.outcome_requested)
        row.addWidget(self.outcome_button)
        row.addStretch(1)
        return row

    def show_days(self, days: int) -> None:
        self.explanation.setText(_(
            "Ausgehändigte Überleitungen ohne Rückmeldung nach mehr als {days} Tagen, die am "
            "längsten wartende zuerst.").format(days=days))

    def selected_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None
