"""Rows the front desk adds and removes by keyboard: name variants, new household members.

Each row is a line of plain inputs (so Tab walks through them) with a "Entfernen" button;
the button also answers to Entf, and Strg+Umschalt+Entf removes the row the focus is in.
Every input is named "<row> – <column>" ("Haushaltsmitglied 2 – Vorname(n)") for screen
readers, since the visible label is the column heading above it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from ui.views.person_form_parts import name_input, small_label, watch
from ui.views.person_form_row import EditorRow, focus_on

REMOVE_KEYS = "Ctrl+Shift+Del"


class RowList(QWidget):
    """Rows under column headings, with an add button below them."""

    changed = Signal()  # any edit, a row added or removed
    rows_changed = Signal()  # a row added or removed

    def __init__(self, headers: Sequence[tuple[str, str]], *, row_name: str,
                 first_number: int, add_button: QPushButton,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = dict(headers)
        self.row_name, self.first_number = row_name, first_number
        self.rows: list[EditorRow] = []
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.heading_labels = [QLabel(text) for text in self.headers.values()]
        for column, label in enumerate(self.heading_labels, start=1):
            self.grid.addWidget(label, 0, column)
        self.grid.setColumnStretch(len(self.heading_labels) + 2, 1)  # rows keep their width
        self.add_button = add_button
        self.add_button.clicked.connect(lambda: self.add_row())
        self.error = small_label("fieldError")
        self.error.hide()
        self._arrange()
        self._layout_rows()
        shortcut = QShortcut(QKeySequence(REMOVE_KEYS), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._remove_focused)

    def _arrange(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.grid)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)

    # --- for subclasses ---------------------------------------------------------------------

    def make_cells(self) -> dict[str, QWidget]:
        raise NotImplementedError

    def is_empty(self, row: EditorRow) -> bool:
        raise NotImplementedError

    def row_added(self, row: EditorRow) -> None:
        """A new row is in place (to prefill it, or to follow its edits)."""

    # --- rows -------------------------------------------------------------------------------

    def add_row(self, raw: Mapping[str, object] | None = None, *,
                focus: bool = True) -> EditorRow:
        row = EditorRow(self.make_cells(), self)
        row.remove.clicked.connect(lambda: self.remove_row(row))
        for widget in row.cells.values():
            watch(widget, self.changed.emit)
        self.rows.append(row)
        self.row_added(row)
        if raw:
            row.set_value(raw)
        self._layout_rows()
        if focus:
            focus_on(row)
        self.rows_changed.emit()
        self.changed.emit()
        return row

    def remove_row(self, row: EditorRow, *, focus: bool = True) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        for widget in (row.number, *row.frames.values(), row.remove, row.notes):
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._layout_rows()
        if focus:
            self._focus_after_removal(index)
        self.rows_changed.emit()
        self.changed.emit()

    def set_rows(self, raws: Sequence[Mapping[str, object]]) -> None:
        for row in list(self.rows):
            self.remove_row(row, focus=False)
        for raw in raws:
            self.add_row(raw, focus=False)

    def filled_rows(self) -> list[EditorRow]:
        return [row for row in self.rows if not self.is_empty(row)]

    def values(self) -> list[dict[str, Any]]:
        return [row.value() for row in self.filled_rows()]

    def focus_chain(self) -> list[QWidget]:
        return [widget for row in self.rows for widget in row.widgets()] + [self.add_button]

    def row_title(self, row: EditorRow) -> str:
        return self.row_name.format(number=self.rows.index(row) + self.first_number)

    def _layout_rows(self) -> None:
        for index, row in enumerate(self.rows):
            line = 1 + 2 * index
            self.grid.addWidget(row.number, line, 0)
            for column, frame in enumerate(row.frames.values(), start=1):
                self.grid.addWidget(frame, line, column)
            self.grid.addWidget(row.remove, line, len(row.frames) + 1)
            self.grid.addWidget(row.notes, line + 1, 1, 1, len(row.frames))
            for widget in (row.number, *row.frames.values(), row.remove):
                widget.show()  # now, not with the next event loop: focus may go there at once
            self._name_row(row)
        for label in self.heading_labels:
            label.setVisible(bool(self.rows))

    def _name_row(self, row: EditorRow) -> None:
        title = self.row_title(row)
        row.number.setText(f"{self.rows.index(row) + self.first_number}.")
        for key, widget in row.cells.items():
            name_input(widget, f"{title} – {self.headers[key]}")
        row.remove.setAccessibleDescription(_("{row} entfernen").format(row=title))
        row.remove.setToolTip(_("{row} entfernen (Entf oder Strg+Umschalt+Entf)").format(
            row=title))

    def _focus_after_removal(self, index: int) -> None:
        if self.rows:
            focus_on(self.rows[min(index, len(self.rows) - 1)])
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove_focused(self) -> None:
        focused = QApplication.focusWidget()
        if focused is None:
            return
        for row in self.rows:
            if any(w is focused or w.isAncestorOf(focused) for w in row.widgets()):
                self.remove_row(row)
                return
