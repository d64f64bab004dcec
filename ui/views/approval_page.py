"""The approval area ("Freigabe") for supervisors: the referrals that need an approval, with
filters and why each needs it; approve, reject with a reason, the letter of the selected
referral, and batch printing of the approved originals.

Alt+F approves the selected referral, Alt+L rejects it (asking for the reason), Alt+D opens
the batch print; Alt+W goes to the queue, Alt+R/V/I/T/A to the filters.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.config import Settings
from app.i18n import _
from app.security.permissions import Actor
from ui.controllers.approval_controller import ApprovalController
from ui.models.approval_model import ApprovalModel
from ui.printing import LetterDialogs
from ui.views.letter_preview import LetterPreview
from ui.views.referral_filter_bar import ReferralFilterBar
from ui.views.style import PAGE_MARGIN, heading, paragraph
from ui.worker import DatabaseWorker

PROBLEM_STYLE = "color: #a4262c;"
LIST_WIDTH = 760


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(text.replace("&", ""))
    return button


class ApprovalPage(QWidget):
    """Layout only; the controller fills it and reacts to its signals."""

    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.addWidget(heading(_("Freigabe")))
        layout.addWidget(paragraph(_("Überleitungen, deren Original erst nach einer Freigabe "
                                     "durch die Teamleitung gedruckt wird.")))
        self.filters = ReferralFilterBar(with_status=True)
        layout.addWidget(self.filters)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._queue_side())
        self.preview = LetterPreview()
        splitter.addWidget(self.preview)
        splitter.setSizes([LIST_WIDTH, 480])
        layout.addWidget(splitter, 1)

    def _queue_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("&Warteschlange"))
        self.model = ApprovalModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Warteschlange"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.horizontalHeader().setStretchLastSection(True)
        label.setBuddy(self.table)
        column.addWidget(label)
        column.addWidget(self.table, 1)
        self.why = paragraph()
        self.why.setAccessibleName(_("Warum eine Freigabe nötig ist"))
        column.addWidget(self.why)
        column.addLayout(self._actions())
        self.message = paragraph()
        self.message.setAccessibleName(_("Meldung"))
        column.addWidget(self.message)
        return side

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.approve_button = _button(_("&Freigeben"), _("Ausgewählte Überleitung freigeben "
                                                         "(Alt+F)"))
        self.reject_button = _button(_("Ab&lehnen …"), _("Ausgewählte Überleitung mit Grund "
                                                         "zurückweisen (Alt+L)"))
        self.batch_button = _button(_("Freigegebene &drucken …"),
                                    _("Alle freigegebenen Originale gesammelt drucken (Alt+D)"))
        for button in (self.approve_button, self.reject_button, self.batch_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def selected_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def show_reasons(self, reasons: tuple[str, ...]) -> None:
        text = _("Warum eine Freigabe nötig ist: {reasons}.").format(reasons="; ".join(reasons))
        self.why.setText(text if reasons else "")
        self.why.setAccessibleDescription(self.why.text())

    def fit_columns(self) -> None:
        """Reference and date in full; the reasons column takes what is left."""
        self.table.resizeColumnsToContents()

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(PROBLEM_STYLE if problem else "")
        self.message.setAccessibleDescription(text)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()


class ApprovalArea(ApprovalPage):
    """The page with its controller, as the main window places it."""

    def __init__(self, worker: DatabaseWorker, settings: Settings,
                 actor_provider: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = ApprovalController(worker, self, settings, actor_provider)

    @property
    def dialogs(self) -> LetterDialogs:
        """The printer and file dialogs (tests print into a PDF file instead)."""
        return self.controller.dialogs

    @dialogs.setter
    def dialogs(self, dialogs: LetterDialogs) -> None:
        self.controller.dialogs = dialogs
