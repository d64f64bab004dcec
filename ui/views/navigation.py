"""The left-hand list of areas, reachable with Alt+B and Ctrl+1 … Ctrl+0."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.i18n import _
from ui.areas import Area

WIDTH = 220


class NavigationView(QWidget):
    area_chosen = Signal(int)  # row of the chosen area

    def __init__(self, areas: list[Area], shortcuts: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 16, 0, 12)
        self.label = QLabel(_("&Bereiche"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Bereiche"))
        self.list.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.label.setBuddy(self.list)
        for area, shortcut in zip(areas, shortcuts, strict=True):
            item = QListWidgetItem(area.title)
            item.setToolTip(_("{area} ({shortcut})").format(area=area.title, shortcut=shortcut))
            self.list.addItem(item)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        self.list.currentRowChanged.connect(self.area_chosen)

    def hide_area(self, row: int) -> None:
        """An area the role may not use: not listed, and the arrow keys skip it."""
        self.list.setRowHidden(row, True)

    def visible_titles(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())
                if not self.list.isRowHidden(row)]

    def select(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def current(self) -> int:
        return self.list.currentRow()
