"""The sign-in dialog at start: user name, password, "Anmelden" (Enter); Esc quits.

The error text is the service's, which never says whether a user name exists. On a demo
database the demo accounts are named under the form, so nobody takes it for a real one.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.views.status_bar import DEMO_STYLE
from ui.views.style import heading

WIDTH, HEIGHT = 440, 300
PROBLEM_STYLE = "color: #a4262c;"


class SignInDialog(QDialog):
    sign_in_requested = Signal(str, str)  # user name, password

    def __init__(self, *, office: str, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Lotse – Anmelden"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Anmelden")))
        layout.addWidget(QLabel(_("Dienststelle {office}").format(office=office)))
        layout.addLayout(self._form())
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(PROBLEM_STYLE)
        self.error.hide()
        layout.addWidget(self.error)
        self.sign_in_button = QPushButton(_("Anmelden"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.setToolTip(_("Anmelden (Eingabetaste); Esc beendet Lotse"))
        self.sign_in_button.clicked.connect(self._requested)
        layout.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)  # spare height goes here, not into the demo banner
        self.demo_hint = self._demo_hint()
        self.demo_hint.setVisible(demo)
        layout.addWidget(self.demo_hint)
        self.username.setFocus()
        # Fixed, so that a message appearing later does not resize the window system's frame.
        self.setMinimumSize(self.minimumSizeHint().expandedTo(QSize(WIDTH, HEIGHT)))

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for text, field in ((_("&Benutzername"), self.username), (_("&Passwort"), self.password)):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", ""))
            form.addRow(label, field)
        return form

    @staticmethod
    def _demo_hint() -> QLabel:
        hint = QLabel(_("Demo: empfang / leitung / admin, Passwort demo"))
        hint.setObjectName("demo-accounts")
        hint.setStyleSheet(DEMO_STYLE)
        hint.setAccessibleName(hint.text())
        return hint

    def _requested(self) -> None:
        if not self.sign_in_button.isEnabled():
            return
        if not self.username.text().strip():
            self.show_error(_("Benutzername fehlt: bitte den Namen des Lotse-Kontos eingeben."))
            self.username.setFocus()
            return
        self.sign_in_requested.emit(self.username.text(), self.password.text())

    # --- what the dialog shows --------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        """While the password is checked: no second attempt, the typed name stays."""
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(_("Wird geprüft …") if busy else _("Anmelden"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setAccessibleName(text)
        self.error.setVisible(bool(text))

    def failed(self, text: str) -> None:
        """A refused attempt: the message, an empty password field with the focus."""
        self.set_busy(False)
        self.show_error(text)
        self.password.clear()
        self.password.setFocus()
