"""The concerns of a visit as checkboxes, one box per field of action, in three columns.

Three columns keep all fourteen concerns on screen at 1024 × 640 without scrolling. The
columns are read top to bottom, left column first, and Tab follows that order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QVBoxLayout, QWidget

from app.codes import CONCERNS_BY_FIELD, Concern, FieldOfAction

F = FieldOfAction
# The six fields of the Landkreistag study, then what comes on top at the counter.
COLUMNS: tuple[tuple[FieldOfAction, ...], ...] = (
    (F.LANGUAGE, F.WORK_AND_TRAINING),
    (F.SCHOOL_AND_EDUCATION, F.HOUSING, F.VOLUNTEERING, F.LIVING_TOGETHER),
    (F.LIVELIHOOD, F.RESIDENCE, F.FAMILY_AND_YOUTH, F.HEALTH),
)


# The fields are headings over their concerns, not frames: calmer, and a third less high.
GROUP_STYLE = """
QGroupBox { border: none; font-weight: bold; margin-top: 1em; padding-top: 0px; }
QGroupBox::title { subcontrol-origin: margin; subcontrol-position: top left; left: 0px;
                   padding: 0px; }
QCheckBox { font-weight: normal; }
"""


class ConcernBoxes(QWidget):
    toggled = Signal()  # a concern was checked or unchecked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checkboxes: dict[Concern, QCheckBox] = {}
        self.groups: dict[FieldOfAction, QGroupBox] = {}
        self.setStyleSheet(GROUP_STYLE)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        for column, fields in enumerate(COLUMNS):
            grid.addLayout(self._column(fields), 0, column)
            grid.setColumnStretch(column, 1)
        self._chain_tab_order()

    def _column(self, fields: Iterable[FieldOfAction]) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(6)
        for field in fields:
            column.addWidget(self._group(field))
        column.addStretch(1)
        return column

    def _group(self, field: FieldOfAction) -> QGroupBox:
        group = QGroupBox(field.label)
        group.setAccessibleName(field.label)
        self.groups[field] = group
        layout = QVBoxLayout(group)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for concern in CONCERNS_BY_FIELD[field]:
            layout.addWidget(self._checkbox(concern))
        return group

    def _checkbox(self, concern: Concern) -> QCheckBox:
        # A literal "&" would be read as a mnemonic; fourteen mnemonics would clash anyway.
        box = QCheckBox(concern.label.replace("&", "&&"))
        box.setAccessibleName(concern.label)
        box.setObjectName(f"concern-{concern.value}")
        box.toggled.connect(self.toggled)
        self.checkboxes[concern] = box
        return box

    def _chain_tab_order(self) -> None:
        boxes = list(self.in_visual_order())
        for before, after in itertools.pairwise(boxes):
            QWidget.setTabOrder(before, after)

    def in_visual_order(self) -> Iterator[QCheckBox]:
        for fields in COLUMNS:
            for field in fields:
                yield from (self.checkboxes[concern] for concern in CONCERNS_BY_FIELD[field])

    def checked(self) -> list[Concern]:
        return [concern for concern, box in self._ordered() if box.isChecked()]

    def set_checked(self, concerns: Iterable[str]) -> None:
        chosen = set(concerns)
        for concern, box in self.checkboxes.items():
            box.setChecked(concern.value in chosen)

    def first(self) -> QCheckBox:
        return next(self.in_visual_order())

    def _ordered(self) -> Iterator[tuple[Concern, QCheckBox]]:
        order = list(self.in_visual_order())
        yield from sorted(self.checkboxes.items(), key=lambda item: order.index(item[1]))
