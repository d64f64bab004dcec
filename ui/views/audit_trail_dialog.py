"""The audit trail of one person, for supervisors: when, who, where, what, with details.

Newest first; read-only. Esc or "Schließen" closes it and the keyboard goes back to the
person page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.views.style import heading

SIZE = (900, 520)


def trail_columns() -> list[str]:
    return [_("Wann"), _("Wer"), _("Arbeitsplatz"), _("Was"), _("Einzelheiten")]


def _count_text(count: int) -> str:
    if count == 0:
        return _("Noch keine Einträge zu dieser Person.")
    if count == 1:
        return _("Ein Eintrag.")
    return _("{count} Einträge, die neuesten zuerst.").format(count=count)


class AuditTrailDialog(QDialog):
    def __init__(self, person_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Protokoll – {name}").format(name=person_name))
        self.setMinimumSize(*SIZE)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Protokoll: {name}").format(name=person_name), level=2))
        self.message = QLabel(_("Wird geladen …"))
        self.message.setWordWrap(True)
        self.table = self._table()
        self.message.setBuddy(self.table)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.setFocus()

    @staticmethod
    def _table() -> QTableWidget:
        table = QTableWidget(0, len(trail_columns()))
        table.setHorizontalHeaderLabels(trail_columns())
        table.setAccessibleName(_("Protokoll"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setWordWrap(True)  # long details wrap in their row instead of ending in "…"
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def show_rows(self, rows: Sequence[Sequence[str]]) -> None:
        """One row per entry, each with the texts of the five columns."""
        self.table.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.message.setText(_count_text(len(rows)))
        if rows:
            self.table.setCurrentCell(0, 0)

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a4262c;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
