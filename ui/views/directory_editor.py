"""The editor of one office of the agency directory, a dialog over the directory table.

Ctrl+S saves, Esc cancels (the controller asks first when typed input would be lost); the
window's close button is Esc. Errors appear under their fields; a message line at the top
says what happened. For a user who may not change the directory the same dialog shows the
office read-only, with a Close button.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import FieldError
from app.i18n import _
from ui.views.directory_editor_fields import OfficeFields
from ui.views.person_form_parts import ERROR_COLOR, STYLE_SHEET, small_label
from ui.views.style import heading, paragraph

SIZE = QSize(1000, 660)  # fixed: no size hints sent to the window system on every error


class DirectoryEditor(QDialog):
    save_requested = Signal()
    cancel_requested = Signal()  # Esc, Abbrechen or the window's close button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directory-editor")
        self.setWindowTitle(_("Lotse – Stelle im Verzeichnis"))
        self.setStyleSheet(STYLE_SHEET)
        self.setMinimumSize(SIZE)
        self.resize(SIZE)
        self.title = heading(_("Neue Stelle"))
        self.message = paragraph()
        self.general_error = small_label("fieldError")
        self.general_error.hide()
        self.fields = OfficeFields()
        self.read_only = self.stored = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        for widget in (self.title, self.message, self.general_error):
            layout.addWidget(widget)
        layout.addWidget(self._scrolling(), 1)
        layout.addLayout(self._buttons())
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.activated.connect(self._save_if_allowed)
        self._apply_tab_order()

    def _scrolling(self) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidget(self.fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return scroll

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.cancel_button = QPushButton(_("Abbrechen"))
        self.cancel_button.setToolTip(_("Abbrechen (Esc)"))
        self.save_button = QPushButton(_("Speichern"))
        self.save_button.setToolTip(_("Speichern (Strg+S)"))
        for button in (self.cancel_button, self.save_button):
            button.setAutoDefault(False)  # Enter in a field does not save or close
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.save_button.clicked.connect(self.save_requested)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        return row

    def _apply_tab_order(self) -> None:
        chain = [*self.fields.focus_chain(), self.cancel_button, self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- what the controller does with it ---------------------------------------------------

    def show_office(self, title: str, raw: Mapping[str, object], *, stored: bool,
                    read_only: bool) -> None:
        self.read_only, self.stored = read_only, stored
        self.title.setText(title)
        self.fields.set_raw(raw)
        self.fields.fix_code(stored)
        self.fields.set_read_only(read_only)
        self.save_button.setVisible(not read_only)
        self.cancel_button.setText(_("Schließen") if read_only else _("Abbrechen"))
        self.cancel_button.setToolTip(_("Schließen (Esc)") if read_only
                                      else _("Abbrechen (Esc)"))

    def raw(self) -> dict[str, Any]:
        return self.fields.raw()

    def first_input(self) -> QWidget:
        """Where typing starts: the code of a new office, the name of a stored one, the
        (read-only) code when only viewing."""
        slots = self.fields.slots
        if self.read_only or not self.stored:
            return slots["code"].widget
        return slots["name"].widget

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};" if problem else "")

    def show_errors(self, errors: Sequence[FieldError]) -> list[QWidget]:
        marked, elsewhere = self.fields.show_errors(errors)
        self.general_error.setText("\n".join(elsewhere))
        self.general_error.setVisible(bool(elsewhere))
        return marked

    def clear_errors(self) -> None:
        self.fields.clear_errors()
        self.general_error.hide()

    def set_busy(self, busy: bool) -> None:
        """While saving: no second save; the typed text stays as it is."""
        self.save_button.setEnabled(not busy)

    def close_now(self) -> None:
        """Close without asking (the controller has decided)."""
        super().reject()

    def reject(self) -> None:
        """Esc and the close button ask the controller, which may ask the user."""
        self.cancel_requested.emit()

    def _save_if_allowed(self) -> None:
        if not self.read_only and self.save_button.isEnabled():
            self.save_requested.emit()
