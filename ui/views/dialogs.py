"""Dialogs for things that went wrong: an unusable database, an unexpected error."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import LotseError
from app.i18n import _


def database_error_dialog(error: LotseError, parent: QWidget | None = None) -> QMessageBox:
    """Why the database cannot be used (the URL in the message is already masked) and what
    to do about it. Built, not shown: the caller decides when to ``exec()``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("Lotse – Datenbank nicht verfügbar"))
    box.setText(error.message)
    box.setInformativeText(error.hint)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def problem_dialog(error: LotseError, parent: QWidget | None = None) -> QMessageBox:
    """An error with a message for people, raised where nobody caught it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Lotse"))
    box.setText(error.message)
    box.setInformativeText(error.hint)
    return box


class CrashDialog(QDialog):
    """An unexpected error: what happened, where the log is, and details to copy."""

    def __init__(self, details: str, log_file: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Lotse – unerwarteter Fehler"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(_("In Lotse ist ein unerwarteter Fehler aufgetreten. Bereits "
                         "gespeicherte Daten sind nicht betroffen. Bitte die Details kopieren "
                         "und an die IT-Betreuung schicken."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # The path on a line of its own, selectable: a wrapped path cannot be copied whole.
        self.log_line = QLabel(_("Protokolldatei: {log}").format(log=log_file or _("keine")))
        self.log_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.log_line)
        label = QLabel(_("&Details"))
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(_("Details"))
        label.setBuddy(self.details)
        layout.addWidget(label)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(_("Details &kopieren"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
