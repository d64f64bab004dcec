"""The visit area: whose visit this is, the concerns form, save or cancel.

Without a chosen person the page says how to get one (search or register first).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.views.person_page import page_shortcut
from ui.views.style import PAGE_MARGIN, heading, paragraph
from ui.views.visit_form import VisitForm


class VisitPage(QWidget):
    save_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-visit")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(8)
        self.title = heading(_("Besuch & Anliegen"))
        self.message = paragraph()
        self.form = VisitForm()
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

    def _form_with_buttons(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form, 1)
        row = QHBoxLayout()
        self.cancel_button = QPushButton(_("Abbrechen"))
        self.cancel_button.setToolTip(_("Abbrechen (Esc)"))
        self.save_button = QPushButton(_("Besuch speichern"))
        self.save_button.setToolTip(_("Besuch speichern (Strg+S)"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.save_button.clicked.connect(self.save_requested)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        return box

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
