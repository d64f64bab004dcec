"""Asking for the database password at start: the server refused the login and no
credential store holds a working password."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.views.setup_pages import labelled
from ui.views.style import paragraph

WIDTH, HEIGHT = 460, 220


class PasswordDialog(QDialog):
    def __init__(self, login: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Lotse – Passwort für die Datenbank"))
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_("Der Datenbankserver verlangt das Passwort von {login}.")
                                   .format(login=login)))
        layout.addWidget(paragraph(explanation))
        form = QFormLayout()
        self.password = labelled(form, _("&Passwort"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.password.setFocus()
        self.setMinimumSize(self.minimumSizeHint().expandedTo(QSize(WIDTH, HEIGHT)))
