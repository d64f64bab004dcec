"""Comparing the two records of a likely duplicate pair field by field before merging them.

Which record is kept is chosen at the top (the older one unless the supervisor says
otherwise); for every field the two hold differently, one value is chosen – the kept
record's, or the other's where the kept one is empty. Alt+Z merges, Esc goes back.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.person_merge import DuplicatePair, MergePreview
from app.services.person_merge_plan import FieldDifference, Side
from ui.models.duplicate_pairs_model import side_text
from ui.views.style import heading, paragraph
from ui.views.supervision_page import PROBLEM_STYLE


def _radio(text: str, description: str = "") -> QRadioButton:
    button = QRadioButton(text)
    button.setAccessibleName(text.replace("&", ""))
    button.setAccessibleDescription(description)
    return button


class DuplicateMergeDialog(QDialog):
    """Layout only; ui.controllers.duplicate_merge loads the comparison and merges."""

    kept_changed = Signal()
    merge_requested = Signal()

    def __init__(self, pair: DuplicatePair, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair = pair
        self.setWindowTitle(_("Akten zusammenführen"))
        self.setMinimumSize(760, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_(
            "Alle Besuche, Überleitungen, Einwilligungen und gedruckten Schreiben der anderen "
            "Akte gehen auf die behaltene über; ihre Namen werden weitere Schreibweisen. Die "
            "andere Akte bleibt als Verweis auf die behaltene erhalten.")))
        layout.addLayout(self._records())
        layout.addWidget(heading(_("Unterschiedliche Angaben"), level=2))
        self.fields_area = QScrollArea()
        self.fields_area.setWidgetResizable(True)
        layout.addWidget(self.fields_area, 1)
        self.problem = paragraph()
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setAccessibleName(_("Meldung"))
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons())
        self._choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self._groups: list[QButtonGroup] = []

    def _records(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.keep_first = _radio(_("Akte &1 behalten"))
        self.keep_second = _radio(_("Akte &2 behalten"))
        self.keep_first.setChecked(True)  # the older record
        kept = QButtonGroup(self)
        for button, side in ((self.keep_first, self.pair.first),
                             (self.keep_second, self.pair.second)):
            kept.addButton(button)
            column = QVBoxLayout()
            column.addWidget(button)
            column.addWidget(QLabel(side_text(side)))
            row.addLayout(column, 1)
        self.keep_first.toggled.connect(lambda _on: self.kept_changed.emit())
        return row

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.merge_button = QPushButton(_("&Zusammenführen"))
        self.merge_button.setAccessibleName(_("Zusammenführen"))
        self.merge_button.setDefault(True)
        self.merge_button.setEnabled(False)  # until the comparison is loaded
        self.cancel_button = QPushButton(_("Abbre&chen"))
        self.cancel_button.setAccessibleName(_("Abbrechen"))
        box.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.clicked.connect(self.merge_requested)
        box.rejected.connect(self.reject)
        return box

    def keeps_first(self) -> bool:
        return self.keep_first.isChecked()

    def show_loading(self) -> None:
        self.merge_button.setEnabled(False)
        self.problem.setText("")

    def show_preview(self, preview: MergePreview) -> None:
        """One row per differing field: its label, then the value of record 1 and of record
        2, the one taken checked."""
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        for column, text in enumerate((_("Feld"), _("Akte 1"), _("Akte 2"))):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self._choices, self._groups = {}, []
        for row, difference in enumerate(preview.differences, start=1):
            self._add_row(grid, row, difference)
        if not preview.differences:
            grid.addWidget(QLabel(_("Die beiden Akten unterscheiden sich in keinem Feld.")),
                           1, 0, 1, 3)
        grid.setRowStretch(len(preview.differences) + 2, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.fields_area.setWidget(grid_holder)
        self._chain_tab_order()
        self.merge_button.setEnabled(True)

    def _add_row(self, grid: QGridLayout, row: int, difference: FieldDifference) -> None:
        kept, other = difference.keep, difference.merge
        first_text, second_text = (kept, other) if self.keeps_first() else (other, kept)
        first = _radio(first_text, _("{field}, Akte 1").format(field=difference.label))
        second = _radio(second_text, _("{field}, Akte 2").format(field=difference.label))
        group = QButtonGroup(self)
        group.addButton(first)
        group.addButton(second)
        taken_first = (difference.default is Side.KEEP) == self.keeps_first()
        (first if taken_first else second).setChecked(True)
        grid.addWidget(QLabel(difference.label), row, 0)
        grid.addWidget(first, row, 1)
        grid.addWidget(second, row, 2)
        self._choices[difference.key] = (first, second)
        self._groups.append(group)

    def _chain_tab_order(self) -> None:
        chain: list[QWidget] = [self.keep_first, self.keep_second]
        # Tab enters a row at its checked value (arrows move within it), as in any group
        # of radio buttons
        chain += [button for pair in self._choices.values()
                  for button in sorted(pair, key=lambda b: not b.isChecked())]
        chain += [self.merge_button, self.cancel_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def choices(self) -> dict[str, str]:
        """Per field, whether the kept record's value stays ("keep") or the other's is
        taken ("merge")."""
        return {key: Side.KEEP.value if first.isChecked() == self.keeps_first()
                else Side.MERGE.value for key, (first, _second) in self._choices.items()}

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setAccessibleDescription(text)
        self.merge_button.setEnabled(True)
