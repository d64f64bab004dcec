"""The approval area ("Freigabe") for supervisors, in three tabs. "Warteschlange": the
referrals that need an approval, with filters and why each needs it; approve, reject with a
reason, the letter of the selected referral, and batch printing of the approved originals.
"Überfällig": issued referrals still without an outcome (ui/views/overdue_view.py).
"Dubletten": persons probably registered twice, to merge (ui/views/duplicate_pairs_view.py).
"Konflikte" (where a database synchronises, not in local mode): fields both a branch and
the central database changed, to decide (ui/views/conflict_review_view.py).

Alt+W goes to the queue, Alt+G to the overdue list, Alt+U to the duplicates, Alt+K to the
conflicts. In the queue
Alt+F approves the selected referral, Alt+L rejects it (asking for the reason), Alt+D opens
the batch print and Alt+R/V/I/T/A go to the filters; in the overdue list Alt+R enters an
outcome; in the duplicates Alt+V (or Enter) compares and merges the selected pair; in the
conflicts Alt+B keeps, Alt+N takes the other value, Alt+Z combines.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.config import Settings
from app.i18n import _
from app.security.permissions import Actor
from ui.controllers.approval_controller import ApprovalController
from ui.controllers.conflict_review import ConflictReviewController
from ui.controllers.duplicate_merge import DuplicateMergeController
from ui.controllers.overdue_controller import OverdueController
from ui.models.approval_model import ApprovalModel
from ui.views.conflict_review_view import ConflictReviewView
from ui.views.duplicate_pairs_view import DuplicatePairsView
from ui.views.keyboard_tabs import KeyboardTabs
from ui.views.letter_preview import LetterPreview
from ui.views.overdue_view import OverdueView
from ui.views.referral_filter_bar import ReferralFilterBar
from ui.views.style import paragraph
from ui.views.supervision_page import ControlledArea, SupervisionPage
from ui.views.tables import row_table
from ui.worker import DatabaseWorker

LIST_WIDTH = 760


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(text.replace("&", ""))
    return button


class ApprovalPage(SupervisionPage):
    """Layout only; the controllers fill it and react to its signals."""

    def __init__(self, parent: QWidget | None = None, *, with_conflicts: bool = False) -> None:
        super().__init__(_("Freigabe"), parent)
        self.tabs = KeyboardTabs()
        self.tabs.add_tab(self._queue_tab(), _("&Warteschlange"), self.table)
        self.overdue = OverdueView()
        self.tabs.add_tab(self.overdue, _("Überfälli&g"), self.overdue.table)
        self.duplicates = DuplicatePairsView()
        self.tabs.add_tab(self.duplicates, _("D&ubletten"), self.duplicates.table)
        self.conflicts: ConflictReviewView | None = None
        if with_conflicts:
            self.conflicts = ConflictReviewView()
            self.tabs.add_tab(self.conflicts, _("&Konflikte"), self.conflicts.table)
        self.column.addWidget(self.tabs, 1)

    def _queue_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(paragraph(_("Überleitungen, deren Original erst nach einer Freigabe "
                                     "durch die Teamleitung gedruckt wird.")))
        self.filters = ReferralFilterBar(with_status=True)
        column.addWidget(self.filters)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._queue_side())
        self.preview = LetterPreview()
        splitter.addWidget(self.preview)
        splitter.setSizes([LIST_WIDTH, 480])
        column.addWidget(splitter, 1)
        return tab

    def _queue_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.model = ApprovalModel(self)
        self.table = row_table(self.model, _("Warteschlange"))
        column.addWidget(self.table, 1)  # labelled by its tab: Alt+W
        self.why = paragraph()
        self.why.setAccessibleName(_("Warum eine Freigabe nötig ist"))
        column.addWidget(self.why)
        column.addLayout(self._actions())
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


class ApprovalArea(ControlledArea, ApprovalPage):
    """The page with its controllers, as the main window places it; ``dialogs`` are the
    printer and file dialogs (tests print into a PDF file instead)."""

    def __init__(self, worker: DatabaseWorker, settings: Settings,
                 actor_provider: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent, with_conflicts=settings.mode != "local")
        self.controller: ApprovalController = ApprovalController(
            worker, self, settings, actor_provider)
        self.overdue_controller = OverdueController(worker, self, settings, actor_provider)
        self.duplicate_controller = DuplicateMergeController(worker, self, settings,
                                                             actor_provider)
        self.conflict_controller = None if self.conflicts is None else (
            ConflictReviewController(worker, self, self.conflicts, actor_provider))
