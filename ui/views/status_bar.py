"""The status bar: where the program runs, who works with it, a demo warning, and on a
branch workstation the synchronisation state (ui/views/sync_status.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.i18n import _
from app.services.overview import DatabaseLocation
from ui.views.sync_status import SyncStatusView

DEMO_STYLE = ("QLabel { background: #b45309; color: white; font-weight: bold; "
              "padding: 2px 8px; border-radius: 3px; }")


def _fact(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setContentsMargins(6, 0, 6, 0)
    return label


class StatusBarView(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = _fact("mode")
        self.database = _fact("database")
        self.user = _fact("user")
        self.office = _fact("office")
        self.workstation = _fact("workstation")
        for label in (self.mode, self.database, self.user, self.office, self.workstation):
            self.addWidget(label)
        self.demo_badge = QLabel(_("DEMO-DATENBANK"))
        self.demo_badge.setObjectName("demo-badge")
        self.demo_badge.setStyleSheet(DEMO_STYLE)
        self.demo_badge.setToolTip(_("Diese Datenbank enthält erfundene Demo-Daten. "
                                     "Keine echten Personen eintragen."))
        self.demo_badge.setAccessibleName(_("DEMO-DATENBANK"))
        self.demo_badge.setAccessibleDescription(self.demo_badge.toolTip())
        self.demo_badge.hide()
        self.addPermanentWidget(self.demo_badge)

    def show_site(self, *, mode: str, location: DatabaseLocation, user: str, office: str,
                  workstation: int) -> None:
        self._set(self.mode, _("Betriebsart: {value}").format(value=mode))
        self._set(self.database, _("Datenbank: {value}").format(value=location.short))
        self.database.setToolTip(f"{location.backend}: {location.full}")
        self._set(self.user, _("Benutzer: {value}").format(value=user))
        self._set(self.office, _("Dienststelle: {value}").format(value=office))
        self._set(self.workstation, _("Arbeitsplatz: {value}").format(value=workstation))

    def add_sync_status(self) -> SyncStatusView:
        """The synchronisation state and button (branch mode only)."""
        self.sync_status = SyncStatusView()
        self.addPermanentWidget(self.sync_status)
        return self.sync_status

    def show_demo(self, is_demo: bool) -> None:
        self.demo_badge.setVisible(is_demo)

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setAccessibleName(text)
