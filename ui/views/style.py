"""Small building blocks shared by the views: headings and readable paragraphs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

PAGE_MARGIN = 24
TEXT_WIDTH = 720  # long lines are hard to read: paragraphs wrap at about 90 characters


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


def heading(text: str, *, level: int = 1) -> QLabel:
    """A page (level 1) or section (level 2) heading."""
    label = QLabel(text)
    label.setFont(scaled_font(label, 1.6 if level == 1 else 1.15, bold=True))
    label.setAccessibleName(text)
    return label


def paragraph(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMaximumWidth(TEXT_WIDTH)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
