"""The page of an area that later work builds: what it will be for and who uses it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.i18n import _
from ui.areas import Area
from ui.views.style import PAGE_MARGIN, heading, paragraph


class EmptyStatePage(QWidget):
    def __init__(self, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page-{area.key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(12)
        layout.addWidget(heading(area.title))
        self.notice = paragraph(_("Dieser Bereich ist noch nicht eingerichtet. Er folgt in "
                                  "einer der nächsten Versionen von Lotse."))
        layout.addWidget(self.notice)
        layout.addWidget(heading(_("Wofür"), level=2))
        layout.addWidget(paragraph(area.purpose))
        layout.addWidget(heading(_("Wer damit arbeitet"), level=2))
        layout.addWidget(paragraph(area.audience))
        layout.addStretch(1)
