"""The synchronisation state in the status bar of a branch workstation: the latest round
("Synchronisiert 10:42", "Offline seit 10:40 – 12 Änderungen warten"), the open conflicts
for supervisors, and a button to synchronise now (F9). The tooltip says what the latest
round moved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.i18n import _
from ui.views.supervision_page import PROBLEM_STYLE

SYNC_KEYS = "F9"  # Ctrl+Shift+S saves a letter as PDF on the letters page
CONFLICT_STYLE = "QLabel { color: #a4262c; font-weight: bold; }"


class SyncStatusView(QWidget):
    """Layout only; ui.controllers.sync_controller fills it."""

    sync_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        self.state = QLabel()
        self.state.setObjectName("sync-state")
        self.conflicts = QLabel()
        self.conflicts.setObjectName("sync-conflicts")
        self.conflicts.setStyleSheet(CONFLICT_STYLE)
        self.conflicts.hide()
        self.button = QPushButton(_("Jetzt synchronisieren"))
        self.button.setAccessibleName(_("Jetzt synchronisieren"))
        self.button.setToolTip(_("Änderungen jetzt mit der Zentrale austauschen ({keys})")
                               .format(keys=SYNC_KEYS))
        self.button.clicked.connect(self.sync_requested)
        for widget in (self.state, self.conflicts, self.button):
            row.addWidget(widget)

    def show_state(self, text: str, report: str, *, problem: bool = False) -> None:
        self.state.setText(text)
        self.state.setAccessibleName(text)
        self.state.setToolTip(report)
        self.state.setAccessibleDescription(report)
        self.state.setStyleSheet(f"QLabel {{ {PROBLEM_STYLE} }}" if problem else "")

    def show_conflicts(self, text: str) -> None:
        self.conflicts.setText(text)
        self.conflicts.setAccessibleName(text)
        self.conflicts.setToolTip(_("Unter Freigabe → Konflikte klären"))
        self.conflicts.setVisible(bool(text))
