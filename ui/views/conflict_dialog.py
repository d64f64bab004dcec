"""Saved elsewhere meanwhile: both versions field by field, and a choice per field.

One row per field that differs: the field's name, then "Meine Eingabe" and "Gespeicherte
Fassung" as two radio buttons. Tab moves from row to row, ←/→ or Space choose. A field both
sides changed is marked and has no choice made yet. Enter merges and saves, Esc goes back to
the form with nothing changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.person_merge_fields import Side
from ui.views.style import heading, paragraph

MINIMUM_SIZE = (760, 420)
MAXIMUM_WIDTH, MAXIMUM_HEIGHT = 1200, 760
BOTH_CHANGED_STYLE = ("QLabel { background: #fde68a; color: #78350f; font-weight: bold; "
                      "padding: 2px 6px; border-radius: 3px; }")
PROBLEM_STYLE = "QLabel { color: #b91c1c; font-weight: bold; }"


@dataclass(frozen=True)
class ConflictRow:
    """One field as the dialog shows it."""

    key: str
    label: str
    mine: str  # shown in one line
    theirs: str
    mine_whole: str  # the tooltip
    theirs_whole: str
    default: Side | None  # None: changed on both sides, the user chooses


class ConflictDialog(QDialog):
    merge_requested = Signal()

    def __init__(self, name: str, rows: Sequence[ConflictRow], notes: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Lotse – Gleichzeitig geändert"))
        self.setMinimumSize(*MINIMUM_SIZE)
        self.rows = list(rows)
        self.groups: dict[str, QButtonGroup] = {}
        self.radios: dict[tuple[str, Side], QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Inzwischen anderswo gespeichert"), level=2))
        layout.addWidget(paragraph(_(
            "{name} wurde an einem anderen Arbeitsplatz gespeichert, während Sie hier "
            "geändert haben. Wählen Sie je Feld, welche Fassung gelten soll. Gelb markierte "
            "Felder wurden an beiden Stellen geändert: dort entscheiden Sie.").format(
            name=name)))
        table = self._grid()
        layout.addWidget(self._scrolling(table), 1)
        for note in notes:
            layout.addWidget(paragraph(note))
        self.message = paragraph()
        self.message.setStyleSheet(PROBLEM_STYLE)
        self.message.hide()
        layout.addWidget(self.message)
        layout.addWidget(self._buttons())
        # Wide enough for both columns, so that no value needs sideways scrolling.
        self.resize(min(MAXIMUM_WIDTH, max(MINIMUM_SIZE[0], table.sizeHint().width() + 48)),
                    min(MAXIMUM_HEIGHT, self.sizeHint().height()))

    def _scrolling(self, inner: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(inner)
        return area

    def _grid(self) -> QWidget:
        table = QWidget()
        grid = QGridLayout(table)
        grid.setHorizontalSpacing(16)
        for column, text in enumerate((_("Feld"), _("Meine Eingabe"), _("Gespeicherte Fassung"))):
            header = QLabel(text)
            header.setStyleSheet("QLabel { font-weight: bold; }")
            grid.addWidget(header, 0, column)
        for line, row in enumerate(self.rows, start=1):
            self._add_row(grid, line, row)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.rows) + 1, 1)
        return table

    def _add_row(self, grid: QGridLayout, line: int, row: ConflictRow) -> None:
        name = QLabel(row.label if row.default else _("{field} – beide geändert").format(
            field=row.label))
        if row.default is None:
            name.setStyleSheet(BOTH_CHANGED_STYLE)
        grid.addWidget(name, line, 0)
        group = QButtonGroup(self)
        for column, side, text, whole in ((1, Side.MINE, row.mine, row.mine_whole),
                                          (2, Side.THEIRS, row.theirs, row.theirs_whole)):
            radio = self._radio(row, side, text, whole)
            group.addButton(radio)
            grid.addWidget(radio, line, column)
            self.radios[(row.key, side)] = radio
        self.groups[row.key] = group

    def _radio(self, row: ConflictRow, side: Side, text: str, whole: str) -> QRadioButton:
        radio = QRadioButton(text)
        radio.setAccessibleName(text)
        where = _("Meine Eingabe") if side is Side.MINE else _("Gespeicherte Fassung")
        radio.setAccessibleDescription(f"{row.label}: {where}")
        radio.setToolTip(whole)
        radio.setChecked(row.default is side)
        return radio

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.merge_button = QPushButton(_("Zusammenführen und &speichern"))
        self.merge_button.setDefault(True)
        self.merge_button.setToolTip(_("Die gewählten Fassungen speichern (Eingabetaste)"))
        self.back_button = QPushButton(_("&Abbrechen"))
        self.back_button.setToolTip(_("Zurück zum Formular, nichts wird gespeichert (Esc)"))
        box.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.clicked.connect(self.merge_requested)
        self.back_button.clicked.connect(self.reject)
        return box

    # --- what the controller asks ------------------------------------------------------------

    def chosen(self) -> dict[str, Side]:
        """The side chosen for each field that has a choice."""
        return {key: side for (key, side), radio in self.radios.items() if radio.isChecked()}

    def ask_for(self, keys: Sequence[str]) -> None:
        """Say which fields still need a choice and put the keyboard on the first one."""
        labels = [row.label for row in self.rows if row.key in keys]
        self.message.setText(_("Bitte wählen, welche Fassung gelten soll: {fields}.").format(
            fields=", ".join(labels)))
        self.message.show()
        self.focus_row(keys[0])

    def focus_row(self, key: str) -> None:
        group = self.groups[key]
        (group.checkedButton() or self.radios[(key, Side.MINE)]).setFocus(
            Qt.FocusReason.OtherFocusReason)
