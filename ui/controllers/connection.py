"""Losing the database mid-work: one banner, the input kept, a retry when it is back.

The worker reports every operation that failed for want of a connection
(``DatabaseWorker.connection_lost``, decided by ``failures.is_connection_failure``) with
what would ask for it again. The banner offers to retry them all (F5 or its button); while
it shows, a cheap ``SELECT 1`` on the worker every few seconds notices when the database is
back: the banner then disappears, or, if something is still undone, says so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget
from sqlalchemy import text
from sqlalchemy.orm import Session

from ui.views.connection_banner import ConnectionBanner
from ui.worker import DatabaseWorker, Retry

CHECK_INTERVAL_MS = 3_000


def ping(session: Session) -> None:
    session.execute(text("SELECT 1"))


def _not_again() -> None:
    """The check's own retry: the next check is the timer's business."""


class ConnectionWatch(QObject):
    reconnected = Signal()

    def __init__(self, worker: DatabaseWorker, banner: ConnectionBanner, window: QWidget,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self.banner = worker, banner
        self.undone: list[Retry] = []
        self.checking = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self._window = window
        worker.connection_lost.connect(self.lost)
        banner.retry_requested.connect(self.retry)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """F5 retries while the banner shows, wherever the focus is in the window. Not a
        shortcut: the statistics page has F5 as its own (reload), and two shortcuts for
        one key would both be refused as ambiguous. The override keeps the page's F5 off."""
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or \
                not self._is_retry_key(watched, event):
            return False
        if event.type() == QEvent.Type.KeyPress:
            self.retry()
        event.accept()
        return True

    def _is_retry_key(self, watched: QObject, event: QEvent) -> bool:
        return (isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_F5
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self.banner.isVisible() and isinstance(watched, QWidget)
                and watched.window() is self._window)

    @property
    def offline(self) -> bool:
        return self.timer.isActive()

    def lost(self, retry: Retry) -> None:
        """An operation failed for want of a connection: keep it for F5, show the banner."""
        if retry is not _not_again and retry not in self.undone:
            self.undone.append(retry)
        self._show(self.banner.show_lost)
        if not self.timer.isActive():
            self.timer.start()

    def check(self) -> None:
        if not self.checking:  # never queue checks behind a hanging connection attempt
            self.checking = True
            self._worker.run(ping, self._answered, self._unanswered, retry=_not_again)

    def _answered(self, _result: None) -> None:
        self.checking = False
        self.timer.stop()
        if self.undone:
            self._show(self.banner.show_back)
        else:
            self._hide()
        self.reconnected.emit()

    def _unanswered(self, _error: BaseException) -> None:
        self.checking = False  # the banner stays; the timer asks again

    def retry(self) -> None:
        """Ask again for everything that failed; what fails again brings the banner back."""
        undone, self.undone = self.undone, []
        self._hide()
        self.timer.stop()
        for again in undone:
            again()
        if not undone:
            self.check()

    def _show(self, how: Callable[[], None]) -> None:
        # F5 is watched only while the banner shows: a filter on the whole application
        # costs a Python call for every event. Installing it again only moves it first.
        application = QCoreApplication.instance()
        if application is not None:
            application.installEventFilter(self)
        how()

    def _hide(self) -> None:
        application = QCoreApplication.instance()
        if application is not None:
            application.removeEventFilter(self)
        self.banner.hide()
