"""Building blocks of the person form: a field with its label, frame, hint and error line,
and the one grid all sections share, so that every label lines up with every other."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ui.views.person_form_inputs import ValueInput
from ui.views.style import heading

ERROR_COLOR = "#a4262c"
HINT_COLOR = "#595959"  # 7:1 on white: readable as small print
WIDE = 420
NARROW = 160
STYLE_SHEET = f"""
QFrame#field {{ border: 2px solid transparent; border-radius: 4px; }}
QFrame#field[invalid="true"] {{ border-color: {ERROR_COLOR}; }}
QLabel#fieldError {{ color: {ERROR_COLOR}; }}
QLabel#fieldHint {{ color: {HINT_COLOR}; }}
"""


def name_input(widget: QWidget, name: str) -> None:
    """The accessible name of an input is its visible label (also inside a combo box)."""
    widget.setAccessibleName(name)
    line = widget.lineEdit() if isinstance(widget, QComboBox) else None
    if line is not None:
        line.setAccessibleName(name)


def watch(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call back on every change of the input's value, typed or set."""
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.textChanged.connect(lambda *_args: callback())
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda *_args: callback())
        widget.editTextChanged.connect(lambda *_args: callback())
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(lambda *_args: callback())


def small_label(kind: str) -> QLabel:
    """A hint (grey) or error (red) line; hidden while it has nothing to say."""
    label = QLabel()
    label.setObjectName(kind)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Framed(QFrame):
    """One input in a frame that turns red when its value does not fit."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("field")
        self.setProperty("invalid", False)
        self.widget = widget
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)

    def set_invalid(self, invalid: bool) -> None:
        if self.property("invalid") != invalid:
            self.setProperty("invalid", invalid)
            self.style().unpolish(self)
            self.style().polish(self)


class FieldSlot:
    """A field of the form: label (the input's buddy), framed input, optional hint beside
    it, and the line under it where the error message appears."""

    def __init__(self, key: str, text: str, widget: QWidget, *, width: int = WIDE,
                 hint: bool = False) -> None:
        self.key, self.text, self.widget = key, text, widget
        self.input = cast(ValueInput, widget)
        name_input(widget, text)
        self.label: QLabel | None = None
        if not isinstance(widget, QAbstractButton):  # a check box is its own label
            self.label = QLabel(text)
            self.label.setBuddy(widget)
        widget.setMinimumWidth(width)
        self.frame = Framed(widget)
        self.hint = small_label("fieldHint") if hint else None
        self.error = small_label("fieldError")
        self.error.hide()

    def show_hint(self, text: str) -> None:
        if self.hint is not None:
            self.hint.setText(text)
            self.widget.setAccessibleDescription(text)

    def show_error(self, text: str) -> None:
        """Under the field; a second problem of the same field goes on the next line."""
        shown = "\n".join(line for line in (self.error.text(), text) if line)
        self.error.setText(shown)
        self.error.show()
        self.frame.set_invalid(True)
        self.widget.setAccessibleDescription(shown)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self.frame.set_invalid(False)
        self.widget.setAccessibleDescription(self.hint.text() if self.hint else "")


class FormGrid(QGridLayout):
    """Labels in the first column, inputs in the second, section headings across both."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalSpacing(16)
        self.setVerticalSpacing(6)
        self.setColumnStretch(2, 1)

    def section(self, text: str) -> QLabel:
        title = heading(text, level=2)
        row = self.rowCount()
        if row > 0:
            self.setRowMinimumHeight(row, 18)  # air above every section but the first
            row += 1
        self.addWidget(title, row, 0, 1, 3)
        return title

    def field(self, slot: FieldSlot) -> None:
        row = self.rowCount()
        if slot.label is not None:
            self.addWidget(slot.label, row, 0, Qt.AlignmentFlag.AlignLeft
                           | Qt.AlignmentFlag.AlignVCenter)
        line = QHBoxLayout()
        line.setSpacing(12)
        line.addWidget(slot.frame)
        if slot.hint is not None:
            line.addWidget(slot.hint, 1)
        else:
            line.addStretch(1)
        self.addLayout(line, row, 1, 1, 2)
        self.addWidget(slot.error, row + 1, 1, 1, 2)

    def block(self, label: QLabel | None, widget: QWidget) -> None:
        """A wide part (name variants, household members) under or beside its label."""
        row = self.rowCount()
        if label is None:
            self.addWidget(widget, row, 0, 1, 3)
            return
        self.addWidget(label, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.addWidget(widget, row, 1, 1, 2)
