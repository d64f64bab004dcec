"""The person area: a heading saying whose file this is, the form, and what to do with it.

Ctrl+S saves, Esc cancels (after asking, when something typed would be dropped),
Alt+E records a visit of this person, Alt+S shows the person's letters, Alt+P (supervisors)
the person's audit trail.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.i18n import _
from ui.views.person_form import PersonForm
from ui.views.style import PAGE_MARGIN, heading, paragraph


def page_shortcut(page: QWidget,
                  keys: QKeySequence | QKeySequence.StandardKey | str) -> QShortcut:
    """A shortcut that works while the focus is anywhere on ``page``."""
    shortcut = QShortcut(QKeySequence(keys), page)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return shortcut


class PersonPage(QWidget):
    save_requested = Signal()
    cancel_requested = Signal()
    visit_requested = Signal()
    letters_requested = Signal()
    audit_trail_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page-person")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(8)
        self.title = heading(_("Neue Person"))
        self.message = paragraph()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = PersonForm()
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.form, 1)
        layout.addLayout(self._buttons())
        self.setFocusProxy(self.form.first_input())
        page_shortcut(self, QKeySequence.StandardKey.Save).activated.connect(self.save_requested)
        page_shortcut(self, "Esc").activated.connect(self.cancel_requested)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.visit_button = QPushButton(_("Besuch &erfassen"))
        self.visit_button.setToolTip(_("Einen Besuch dieser Person mit ihren Anliegen erfassen "
                                       "(Alt+E)"))
        self.letters_button = QPushButton(_("&Schreiben"))
        self.letters_button.setToolTip(_("Die Überleitungen dieser Person ansehen und ihre "
                                         "Schreiben drucken (Alt+S)"))
        self.audit_button = QPushButton(_("&Protokoll …"))
        self.audit_button.setToolTip(_("Wer diese Akte wann angesehen, geändert oder gedruckt "
                                       "hat (Alt+P)"))
        self.audit_button.hide()  # for the roles that may see it (show_audit_trail_button)
        self.cancel_button = QPushButton(_("Abbrechen"))
        self.cancel_button.setToolTip(_("Abbrechen (Esc)"))
        self.save_button = QPushButton(_("Speichern"))
        self.save_button.setToolTip(_("Speichern (Strg+S)"))
        self.visit_button.clicked.connect(self.visit_requested)
        self.letters_button.clicked.connect(self.letters_requested)
        self.audit_button.clicked.connect(self.audit_trail_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.save_button.clicked.connect(self.save_requested)
        row.addWidget(self.visit_button)
        row.addWidget(self.letters_button)
        row.addWidget(self.audit_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        return row

    def show_title(self, title: str, *, stored: bool) -> None:
        self.title.setText(title)
        self.visit_button.setEnabled(stored)
        self.letters_button.setEnabled(stored)
        self.audit_button.setEnabled(stored)

    def show_audit_trail_button(self) -> None:
        self.audit_button.show()

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("problem", problem)
        self.message.setStyleSheet("color: #a4262c;" if problem else "")

    def set_busy(self, busy: bool) -> None:
        """While saving: no second save; the typed text stays as it is."""
        self.save_button.setEnabled(not busy)
