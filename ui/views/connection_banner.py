"""The strip across the top of the main window while the database cannot be reached.

One banner instead of a message per failed operation: it says that nothing typed is lost
and offers to try again (F5). When the database answers again while something is still
left undone, it says so and keeps the offer; otherwise it disappears.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.i18n import _

LOST_STYLE = ("QFrame#connection-banner { background: #b91c1c; } "
              "QFrame#connection-banner QLabel { color: white; font-weight: bold; }")
BACK_STYLE = ("QFrame#connection-banner { background: #15803d; } "
              "QFrame#connection-banner QLabel { color: white; font-weight: bold; }")


class ConnectionBanner(QFrame):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connection-banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton()
        self.retry_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F5 works from anywhere
        self.retry_button.clicked.connect(self.retry_requested)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    def show_lost(self) -> None:
        self._show(LOST_STYLE, _("Keine Verbindung zur Datenbank – Ihre Eingaben bleiben "
                                 "erhalten."), _("Erneut versuchen (F5)"))

    def show_back(self) -> None:
        self._show(BACK_STYLE, _("Die Verbindung zur Datenbank ist wieder da. Was eben nicht "
                                 "ging, ist noch nicht erledigt."), _("Jetzt nachholen (F5)"))

    def _show(self, style: str, text: str, button: str) -> None:
        self.setStyleSheet(style)
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.retry_button.setText(button)
        self.retry_button.setAccessibleName(button)
        self.show()
