"""Combining both values of a conflicting text field: the text starts with the kept value
and the other one, line by line; the supervisor edits it and Alt+S (or Ctrl+Enter) writes
it. Esc leaves everything as it was."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.sync.conflicts import ConflictView
from ui.views.style import paragraph
from ui.views.supervision_page import MessageLine

SMALLEST = QSize(560, 320)


class CombineDialog(QDialog):
    combined = Signal(str)

    def __init__(self, conflict: ConflictView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(_("Zusammenführen"))
        self.setMinimumSize(SMALLEST)
        column = QVBoxLayout(self)
        column.addWidget(paragraph(_("{field} von {record}").format(
            field=conflict.field, record=conflict.record)))
        label = QLabel(_("Zusammengeführter &Text"))
        self.text = QPlainTextEdit(conflict.combined)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(_("Zusammengeführter Text"))
        label.setBuddy(self.text)
        column.addWidget(label)
        column.addWidget(self.text, 1)
        self.message = MessageLine()
        column.addWidget(self.message)
        column.addWidget(self._buttons())
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self._save)

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(_("&Speichern"))
        self.save_button.setAccessibleName(_("Speichern"))
        self.save_button.setToolTip(_("Diesen Text schreiben (Alt+S oder Strg+Eingabe)"))
        self.save_button.setAutoDefault(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("Abbrechen"))
        cancel.setAccessibleName(_("Abbrechen"))
        self.save_button.clicked.connect(self._save)
        cancel.clicked.connect(self.reject)
        return buttons

    def _save(self) -> None:
        self.combined.emit(self.text.toPlainText())

    def show_problem(self, text: str) -> None:
        self.message.say(text, problem=True)
        self.text.setFocus()
