"""The visit area: whose visit this is, the concerns form, the recommendations for the
concerns, save or cancel.

Without a chosen person the page says how to get one (search or register first). The
recommendations stand beside the form when the page is wide enough (1280 pixels) and below
it otherwise, where the page scrolls; Tab goes through the form first, then the
recommendations, then the buttons. Ctrl+R checks who is responsible, Ctrl+S saves, Esc
cancels.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.views.person_page import page_shortcut
from ui.views.recommendation_household import HouseholdChooser
from ui.views.recommendation_panel import RecommendationPanel
from ui.views.style import PAGE_MARGIN, heading, paragraph
from ui.views.visit_form import VisitForm

SIDE_BY_SIDE_WIDTH = 940  # the form's 551 pixels, a gap, and 370 for the recommendations
PANEL_WIDTH = 370
PANEL_HEIGHT_BELOW = 320


class _Body(QScrollArea):
    """Form and recommendations side by side when there is room, else one above the other
    in a page that scrolls."""

    def __init__(self, left: QWidget, panel: RecommendationPanel) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the inputs inside
        self.panel = panel
        inner = QWidget()
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, inner)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(20)
        self.row.addWidget(left, 1)
        self.row.addWidget(panel, 1)
        self.setWidget(inner)

    def resizeEvent(self, event: QResizeEvent) -> None:
        side_by_side = event.size().width() >= SIDE_BY_SIDE_WIDTH
        direction = (QBoxLayout.Direction.LeftToRight if side_by_side
                     else QBoxLayout.Direction.TopToBottom)
        if self.row.direction() != direction:
            self.row.setDirection(direction)
            self.panel.setMinimumSize(PANEL_WIDTH if side_by_side else 0,
                                      0 if side_by_side else PANEL_HEIGHT_BELOW)
        super().resizeEvent(event)


class VisitPage(QWidget):
    save_requested = Signal()
    cancel_requested = Signal()
    route_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-visit")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(8)
        self.title = heading(_("Besuch & Anliegen"))
        self.message = paragraph()
        self.household = HouseholdChooser()
        self.form = VisitForm()
        self.recommendations = RecommendationPanel()
        self.no_person = paragraph(_("Zuerst die Person suchen (Strg+F) oder neu aufnehmen "
                                     "(F2); dann hier ihren Besuch erfassen."))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.no_person)
        self.stack.addWidget(self._form_with_buttons())
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        page_shortcut(self, QKeySequence.StandardKey.Save).activated.connect(self.save_requested)
        page_shortcut(self, "Esc").activated.connect(self.cancel_requested)
        page_shortcut(self, "Ctrl+R").activated.connect(self.route_requested)
        self.recommendations.route_requested.connect(self.route_requested)
        self.chain_tab_order()

    def _form_with_buttons(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.household)
        column.addWidget(self.form, 1)
        self.body = _Body(left, self.recommendations)
        layout.addWidget(self.body, 1)
        row = QHBoxLayout()
        self.cancel_button = QPushButton(_("Abbrechen"))
        self.cancel_button.setToolTip(_("Abbrechen (Esc)"))
        self.save_button = QPushButton(_("Besuch speichern"))
        self.save_button.setToolTip(_("Besuch mit den Überleitungen speichern (Strg+S)"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.save_button.clicked.connect(self.save_requested)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        return box

    def chain_tab_order(self) -> None:
        """Household, form, recommendations, buttons: the order they are seen in (called
        again whenever the recommendations are rebuilt)."""
        chain = [self.household.whole, self.household.member, self.form.first_input(),
                 self.form.recent, *self.recommendations.focus_chain(), self.cancel_button,
                 self.save_button]
        for before, after in itertools.pairwise(chain):
            if before is not self.form.first_input():  # the form chains its own inputs
                QWidget.setTabOrder(before, after)

    def first_input(self) -> QWidget:
        """Where the keyboard starts: the household choice if there is one, else the form."""
        if self.household.isVisibleTo(self):
            return self.household.whole
        return self.form.first_input()

    def show_person(self, name: str | None) -> None:
        """Whose visit is recorded; None: nobody chosen yet."""
        self.stack.setCurrentIndex(0 if name is None else 1)
        self.title.setText(_("Besuch & Anliegen") if name is None else
                           _("Besuch von {name}").format(name=name))
        self.setFocusProxy(None if name is None  # type: ignore[arg-type]
                           else self.form.first_input())

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a4262c;" if problem else "")

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
