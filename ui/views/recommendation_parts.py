"""Small labels of the recommendation panel: captions, wrapped lines, headings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from ui.views.style import scaled_font

MUTED = "color: #555555;"


def wrapped(text: str, *, small: bool = False) -> QLabel:
    """A line that wraps instead of being cut off; selectable, so it can be copied."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if small:
        label.setFont(scaled_font(label, 0.92))
        label.setStyleSheet(MUTED)
    return label


def caption(text: str) -> QLabel:
    """A small caption over an input or a line."""
    label = QLabel(text)
    label.setFont(scaled_font(label, 0.92))
    label.setStyleSheet(MUTED)
    return label


def strong(text: str) -> QLabel:
    label = wrapped(text)
    label.setFont(scaled_font(label, 1.0, bold=True))
    return label


class FittingScrollArea(QScrollArea):
    """A vertical scroll area whose content is always as high as its wrapped text needs.

    QScrollArea sizes the content from its height for the width once, and misses later
    changes of wrapped labels (a row's replacement inputs shown, a longer text): the last
    lines were cut off. Here the content's minimum height follows every layout change."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the inputs inside
        self.setWidget(content)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self.fit)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        content = self.widget()
        if content is None:
            return
        needed = content.heightForWidth(self.viewport().width())
        if needed > 0 and needed != content.minimumHeight():
            content.setMinimumHeight(needed)


class ElidingComboBox(QComboBox):
    """A list box whose chosen entry ends in "…" when it is too long for the box (office
    names with their department), with the whole text as its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self.currentTextChanged.connect(self.setToolTip)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
