"""A small horizontal bar chart drawn with QPainter (QtCharts is not part of
PySide6-Essentials): a title, one bar per label with its number, the largest first.

The chart is a focus stop: a screen reader announces its title as the name and every
label with its number as the description (the same text is the tooltip), so the numbers
are never only a picture.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.i18n import _
from ui.views.style import scaled_font

MAX_BARS = 8  # more bars stop being readable; the rest are summed up
ROW_HEIGHT = 22
LABEL_WIDTH = 170
BAR_COLOUR = QColor("#2b6cb0")


def summed(values: dict[str, int], limit: int = MAX_BARS) -> list[tuple[str, int]]:
    """The first ``limit - 1`` bars, the rest as one "Übrige" bar (only if there are more)."""
    items = list(values.items())
    if len(items) <= limit:
        return items
    rest = sum(count for _label, count in items[limit - 1:])
    return [*items[:limit - 1], (_("Übrige ({count})").format(count=len(items) - limit + 1),
                                 rest)]


class BarChart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None, *,
                 max_bars: int = MAX_BARS) -> None:
        super().__init__(parent)
        self.title, self.max_bars = title, max_bars
        self.bars: list[tuple[str, int]] = []
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_values({})

    def set_values(self, values: dict[str, int]) -> None:
        """Labels (already readable) with their numbers, in the order to show."""
        self.bars = summed(values, self.max_bars)
        self.setAccessibleDescription(self.numbers_text())
        self.setToolTip(f"{self.title}\n{self.numbers_text()}")
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def numbers_text(self) -> str:
        if not self.bars:
            return _("keine Überleitungen")
        return "; ".join(f"{label}: {count}" for label, count in self.bars)

    def sizeHint(self) -> QSize:
        return QSize(380, ROW_HEIGHT * (max(len(self.bars), 1) + 1) + 8)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the focus frame

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(scaled_font(self, 1.0, bold=True))
        text = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text)
        painter.drawText(QRect(0, 0, self.width(), ROW_HEIGHT),
                         Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        if not self.bars:
            painter.drawText(QRect(0, ROW_HEIGHT, self.width(), ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter, _("keine Überleitungen"))
        for row, (label, count) in enumerate(self.bars, start=1):
            self._draw_bar(painter, row, label, count)
        if self.hasFocus():
            painter.setPen(self.palette().color(QPalette.ColorRole.Highlight))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def _draw_bar(self, painter: QPainter, row: int, label: str, count: int) -> None:
        top = row * ROW_HEIGHT
        label_width = min(LABEL_WIDTH, self.width() // 2)
        elided = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight,
                                                   label_width - 8)
        painter.drawText(QRect(0, top, label_width - 8, ROW_HEIGHT),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, elided)
        number_width = painter.fontMetrics().horizontalAdvance(str(count)) + 8
        room = max(self.width() - label_width - number_width - 4, 1)
        largest = max(value for _label, value in self.bars) or 1
        length = max(round(room * count / largest), 2 if count else 0)
        painter.fillRect(QRect(label_width, top + 4, length, ROW_HEIGHT - 8), BAR_COLOUR)
        painter.drawText(QRect(label_width + length + 4, top, number_width, ROW_HEIGHT),
                         Qt.AlignmentFlag.AlignVCenter, str(count))
