"""The agency directory: the offices concerns are referred to.

Everyone sees the list; Enter (or a double click) opens the chosen office. Administrators
also create (Ctrl+N), change, retire (Entf, after a question) and import offices; everyone
may export. Who may do what is said above the list, not hidden in greyed-out buttons alone.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QLocale, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.views.person_form_parts import ERROR_COLOR
from ui.views.style import PAGE_MARGIN, heading, paragraph


class DirectoryPage(QWidget):
    open_requested = Signal(int)  # the row
    new_requested = Signal()
    retire_requested = Signal(int)  # the row
    export_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-directory")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(12)
        layout.addWidget(heading(_("Verzeichnis")))
        layout.addWidget(paragraph(_("Die Stellen, an die Anliegen übergeleitet werden. Eingabe "
                                     "öffnet die markierte Stelle mit allen Angaben.")))
        self.access = paragraph()
        layout.addWidget(self.access)
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
        self.notice = paragraph()
        layout.addWidget(self.notice)
        layout.addLayout(self._buttons())
        self._shortcuts()
        self.show_access(False, _("Berechtigung wird geprüft …"))

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

    def _buttons(self) -> QHBoxLayout:
        self.new_button = QPushButton(_("&Neue Stelle"))
        self.new_button.setToolTip(_("Eine Stelle anlegen (Strg+N)"))
        self.open_button = QPushButton(_("&Bearbeiten"))
        self.retire_button = QPushButton(_("&Außer Dienst stellen"))
        self.retire_button.setToolTip(_("Die markierte Stelle für neue Überleitungen "
                                        "zurückziehen; frühere behalten sie (Entf)"))
        self.export_button = QPushButton(_("E&xportieren …"))
        self.export_button.setToolTip(_("Das Verzeichnis als Datei speichern (lotse-directory/1 "
                                        "oder Open Referral HSDS)"))
        self.import_button = QPushButton(_("&Importieren …"))
        self.import_button.setToolTip(_("Stellen aus einer Datei übernehmen: neue anlegen, "
                                        "geänderte aktualisieren, nichts löschen"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(lambda: self._for_current(self.open_requested))
        self.retire_button.clicked.connect(lambda: self._for_current(self.retire_requested))
        self.export_button.clicked.connect(self.export_requested)
        self.import_button.clicked.connect(self.import_requested)
        row = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.retire_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        return row

    def _shortcuts(self) -> None:
        new = QShortcut(QKeySequence("Ctrl+N"), self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(self._new_if_allowed)
        retire = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        retire.setContext(Qt.ShortcutContext.WidgetShortcut)
        retire.activated.connect(self.retire_button.click)
        self.table.activated.connect(lambda index: self.open_requested.emit(index.row()))

    def _new_if_allowed(self) -> None:
        if self.new_button.isEnabled():
            self.new_requested.emit()

    def _for_current(self, signal: SignalInstance) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            signal.emit(index.row())

    # --- what the controller shows ----------------------------------------------------------

    def set_model(self, model: QAbstractItemModel) -> None:
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def set_column_widths(self, widths: list[int]) -> None:
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def show_access(self, may_edit: bool, text: str) -> None:
        """Who may change the directory: buttons for what this user may do, and why not."""
        self.access.setText(text)
        for button in (self.new_button, self.retire_button, self.import_button):
            button.setEnabled(may_edit)
        self.open_button.setText(_("&Bearbeiten") if may_edit else _("&Ansehen"))
        self.open_button.setToolTip(_("Die markierte Stelle bearbeiten (Eingabe)") if may_edit
                                    else _("Die markierte Stelle mit allen Angaben ansehen "
                                           "(Eingabe)"))

    def show_notice(self, text: str, *, problem: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet(f"color: {ERROR_COLOR};" if problem else "")

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.table.model().index(row, 0))

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
