"""The "Konflikte" tab of the approval area: fields that a branch office and the central
database both changed before they synchronised. The merge kept one value by a fixed rule;
the supervisor keeps it (Alt+B), takes the other (Alt+N) or writes one text from both
(Alt+Z, for text fields)."""

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
from app.sync.conflicts import ConflictView
from ui.models.conflict_model import ConflictModel, workstations_text
from ui.views.style import paragraph
from ui.views.supervision_page import MessageLine
from ui.views.tables import row_table


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(text.replace("&", ""))
    return button


class ConflictReviewView(QWidget):
    """Layout only; ui.controllers.conflict_review fills it."""

    keep_requested = Signal()
    other_requested = Signal()
    combine_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.addWidget(paragraph(_(
            "Felder, die eine Zweigstelle und die Zentrale beide geändert haben, bevor sie "
            "sich abgeglichen haben. Die Synchronisation hat einen Wert nach fester Regel "
            "behalten; hier wird entschieden, welcher gilt.")))
        self.model = ConflictModel(self)
        self.table = self._table()
        column.addWidget(self.table, 1)
        self.details = paragraph()
        self.details.setAccessibleName(_("Ausgewählter Konflikt"))
        column.addWidget(self.details)
        column.addLayout(self._actions())
        self.message = MessageLine()
        column.addWidget(self.message)

    def _table(self) -> QTableView:
        table = row_table(self.model, _("Konflikte"))
        return table

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.keep_button = _button(_("&Behalten"), _("Den behaltenen Wert bestätigen (Alt+B)"))
        self.other_button = _button(_("A&ndere übernehmen"),
                                    _("Den anderen Wert schreiben (Alt+N)"))
        self.combine_button = _button(_("&Zusammenführen …"),
                                      _("Einen Text aus beiden Werten schreiben (Alt+Z)"))
        for button, signal in ((self.keep_button, self.keep_requested),
                               (self.other_button, self.other_requested),
                               (self.combine_button, self.combine_requested)):
            button.clicked.connect(signal)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def selected_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def show_selected(self, conflict: ConflictView | None) -> None:
        """The chosen conflict in full (values can be long) and what can be done with it."""
        for button in (self.keep_button, self.other_button):
            button.setEnabled(conflict is not None)
        self.combine_button.setEnabled(conflict is not None and conflict.combinable)
        text = "" if conflict is None else _(
            "{field} von {record}: behalten „{kept}“, anderer Wert „{other}“ – {where}; "
            "{rule}.").format(field=conflict.field, record=conflict.record, kept=conflict.kept,
                             other=conflict.other, where=workstations_text(conflict),
                             rule=conflict.rule)
        self.details.setText(text)
        self.details.setAccessibleDescription(text)

    def fit_rows(self) -> None:
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
