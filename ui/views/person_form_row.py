"""One row of the person form's row editors: plain inputs side by side, each framed so an
error can mark it, a number, a "✕" button to remove the row, and a line for a hint or the
errors of the row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.i18n import _
from ui.views.person_form_inputs import ValueInput
from ui.views.person_form_parts import Framed, small_label


def focus_on(row: EditorRow) -> None:
    """Into the row's first input, its text selected so that typing replaces it."""
    first = next(iter(row.cells.values()))
    first.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(first, QLineEdit):
        first.selectAll()


class RemoveButton(QPushButton):
    """"Entfernen": Leertaste, Eingabe or Entf while it has the focus."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.click()
        else:
            super().keyPressEvent(event)


class EditorRow:
    """One row: its inputs by key, each framed for errors, a number and a message line."""

    def __init__(self, cells: dict[str, QWidget], parent: QWidget) -> None:
        self.cells = cells
        self.frames = {key: Framed(widget) for key, widget in cells.items()}
        self.number = QLabel()
        self.remove = RemoveButton("✕")  # a narrow button: rows must fit 1024 pixels
        self.remove.setAccessibleName(_("Entfernen"))
        self.remove.setFixedWidth(self.remove.sizeHint().height() + 4)
        self.hint = small_label("fieldHint")
        self.error = small_label("fieldError")
        self.notes = QWidget(parent)  # with a parent: showing it never opens a window
        notes = QVBoxLayout(self.notes)
        notes.setContentsMargins(2, 0, 0, 4)
        notes.setSpacing(0)
        notes.addWidget(self.hint)
        notes.addWidget(self.error)
        self.errors: list[str] = []
        self.marks: set[str] = set()  # what the row follows by itself until edited by hand
        self._show_notes()

    def widgets(self) -> list[QWidget]:
        """In the order Tab visits them."""
        return [*self.cells.values(), self.remove]

    def value(self) -> dict[str, Any]:
        return {key: cast(ValueInput, widget).value() for key, widget in self.cells.items()}

    def set_value(self, raw: Mapping[str, object]) -> None:
        for key, widget in self.cells.items():
            if key in raw:
                cast(ValueInput, widget).set_value(raw[key])

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self._show_notes()

    def show_error(self, key: str, text: str) -> None:
        frame = self.frames.get(key)
        if frame is not None:
            frame.set_invalid(True)
            frame.widget.setAccessibleDescription(text)
        self.errors.append(text)
        self.error.setText("\n".join(self.errors))
        self._show_notes()

    def clear_errors(self) -> None:
        for frame in self.frames.values():
            frame.set_invalid(False)
            frame.widget.setAccessibleDescription("")
        self.errors.clear()
        self._show_notes()

    def _show_notes(self) -> None:
        """The errors if there are any, else the hint; no empty line under the row."""
        self.error.setVisible(bool(self.errors))
        self.hint.setVisible(not self.errors and bool(self.hint.text()))
        self.notes.setVisible(self.error.isVisibleTo(self.notes)
                              or self.hint.isVisibleTo(self.notes))
