"""The agency directory: the offices concerns are referred to (read-only for now)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.views.style import PAGE_MARGIN, heading, paragraph


class DirectoryPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-directory")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(12)
        layout.addWidget(heading(_("Verzeichnis")))
        layout.addWidget(paragraph(_("Die Stellen, an die Anliegen übergeleitet werden. "
                                     "Die Ansicht ist schreibgeschützt; gepflegt wird das "
                                     "Verzeichnis von der Fachadministration.")))
        self.label = QLabel(_("&Stellen im Verzeichnis"))
        self.count = paragraph()
        self.table = self._build_table()
        self.label.setBuddy(self.table)
        self.setFocusProxy(self.table)
        caption = QHBoxLayout()
        caption.setSpacing(16)
        caption.addWidget(self.label)
        caption.addWidget(self.count)
        caption.addStretch(1)
        layout.addLayout(caption)
        layout.addWidget(self.table, 1)

    @staticmethod
    def _build_table() -> QTableView:
        table = QTableView()
        table.setAccessibleName(_("Stellen im Verzeichnis"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setHighlightSections(False)
        return table

    def set_model(self, model: QAbstractItemModel) -> None:
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def set_column_widths(self, widths: list[int]) -> None:
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def show_loading(self) -> None:
        self.count.setText(_("Verzeichnis wird geladen …"))

    def show_count(self, count: int) -> None:
        if count == 0:
            self.count.setText(_("Das Verzeichnis ist leer. Die Fachadministration lädt es "
                                 "beim Einrichten von Lotse."))
        elif count == 1:
            self.count.setText(_("1 Stelle"))
        else:
            self.count.setText(_("{count} Stellen").format(count=QLocale().toString(count)))

    def show_problem(self, message: str) -> None:
        self.count.setText(message)
