"""What the supervisors' areas (Freigabe, Statistik) share: a page with its heading that says
when it is shown (its controller reloads then), a message line for what the latest step did,
and the area that hands the controller's dialogs to tests.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import _
from ui.views.style import PAGE_MARGIN, TEXT_WIDTH, heading

PROBLEM_STYLE = "color: #a4262c;"


class MessageLine(QLabel):
    """What the latest step did or why it failed (a problem in red); read out on change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMaximumWidth(TEXT_WIDTH)
        self.setAccessibleName(_("Meldung"))

    def say(self, text: str, *, problem: bool = False) -> None:
        self.setText(text)
        self.setStyleSheet(PROBLEM_STYLE if problem else "")
        self.setAccessibleDescription(text)


class SupervisionPage(QWidget):
    """Layout only: the heading, then what the page adds to ``column``; ``message`` is placed
    by the page where it belongs."""

    shown = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        self.column.addWidget(heading(title))
        self.message = MessageLine()

    def show_message(self, text: str, *, problem: bool = False) -> None:
        self.message.say(text, problem=problem)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()


class ControlledArea:
    """Mixed into an area (page plus controller): the controller's printer or file dialogs,
    which tests replace by files."""

    controller: Any  # set by the area's __init__

    @property
    def dialogs(self) -> Any:
        return self.controller.dialogs

    @dialogs.setter
    def dialogs(self, dialogs: Any) -> None:
        self.controller.dialogs = dialogs
