"""Reception: one search field, the matches as you type, open one or register someone new.

Keyboard: the field has the focus; typing searches, Down moves into the results, Enter opens
the chosen (or the first) match, F2 registers a new person.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.views.style import PAGE_MARGIN, heading, paragraph

COLUMN_WIDTHS = [260, 110, 200]  # the reasons take the rest
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SearchPage(QWidget):
    text_edited = Signal(str)
    open_requested = Signal(int)  # row of the match to open
    new_person_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-reception")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(12)
        layout.addWidget(heading(_("Empfang")))
        layout.addWidget(self._search_row())
        self.status = paragraph(_("Namen in beliebiger Schreibweise und Reihenfolge, auch in "
                                  "arabischer Schrift; Geburtsdatum (1990, 03.1990, "
                                  "14.03.1990); Personennummer, Aktenzeichen einer "
                                  "Überleitung oder BAMF-Aktenzeichen."))
        layout.addWidget(self.status)
        self.results_label = QLabel(_("&Treffer"))
        self.table = self._build_table()
        self.results_label.setBuddy(self.table)
        layout.addWidget(self.results_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        self.setFocusProxy(self.field)

    def _search_row(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("&Suchen"))
        self.field = QLineEdit()
        self.field.setAccessibleName(_("Suchen"))
        self.field.setPlaceholderText(_("z. B. Muhammad Alhasan 1988"))
        self.field.setToolTip(_("Suchen (Strg+F)"))
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(500)
        label.setBuddy(self.field)
        self.field.textEdited.connect(self.text_edited)
        self.field.installEventFilter(self)
        line.addWidget(label)
        line.addWidget(self.field, 1)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setAccessibleName(_("Treffer"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setHighlightSections(False)
        table.activated.connect(lambda index: self.open_requested.emit(index.row()))
        table.installEventFilter(self)
        return table

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.open_button = QPushButton(_("Ö&ffnen"))
        self.open_button.setToolTip(_("Gewählte Person öffnen (Enter)"))
        self.open_button.clicked.connect(self._open_current)
        self.new_button = QPushButton(_("&Neue Person"))
        self.new_button.setToolTip(_("Neue Person aufnehmen (F2)"))
        self.new_button.clicked.connect(self.new_person_requested)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        return buttons

    def set_model(self, model: QAbstractItemModel) -> None:
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)

    def focus_search(self) -> None:
        """Ctrl+F: into the field, its text selected so that typing replaces it."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def select_first(self) -> None:
        model = self.table.model()
        if model is not None and model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(model.index(0, 0))

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _open_current(self) -> None:
        model = self.table.model()
        if model is None or not model.rowCount():
            return
        self.select_first()
        self.open_requested.emit(self.current_row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched is self.field and event.key() in _ENTER_KEYS:
            self._open_current()
            return True
        if watched is self.field and event.key() == Qt.Key.Key_Down:
            self.select_first()
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if watched is self.table and event.key() == Qt.Key.Key_Up and self.current_row() <= 0:
            self.field.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return False

    def reset_current(self) -> None:
        self.table.setCurrentIndex(QModelIndex())
