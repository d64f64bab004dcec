"""Background synchronisation of a branch workstation: a round every ``sync_interval``
seconds, a few seconds after a local save, and on demand (the status-bar button, F9).
Rounds run on their own thread (ui/controllers/sync_runner.py); here, on the GUI thread,
one round at a time is started and its outcome shown. An unreachable hub is a state, not
an error dialog: the branch keeps working and the next round repeats what is needed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.config import Settings
from app.security.permissions import Actor
from app.services.database import Database
from app.sync.tables import BY_NAME
from ui.controllers.sync_runner import SyncRunner
from ui.controllers.sync_text import (
    RoundKind,
    RoundOutcome,
    conflicts_text,
    report_text,
    running_text,
    state_text,
)
from ui.views.status_bar import StatusBarView
from ui.views.sync_status import SyncStatusView

AFTER_SAVE_MS = 3000  # a save starts a round this long after the last one of a burst
_WROTE = "lotse.sync.wrote"


class SyncController(QObject):
    pulled = Signal()  # a round brought changes from the hub: what is shown may be old
    round_finished = Signal(object)  # RoundOutcome
    _start = Signal()  # queued to the runner's thread
    _saved = Signal()  # emitted on the worker's thread after a commit that wrote records

    def __init__(self, database: Database, settings: Settings, actor: Actor,
                 view: SyncStatusView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database, self._view = database, view
        self._running = self._again = self._closed = False
        self._offline_since: datetime | None = None
        self._thread = QThread()
        self._thread.setObjectName("lotse-sync")
        self._runner = SyncRunner(database, actor)
        self._runner.moveToThread(self._thread)
        self._start.connect(self._runner.run_round)
        self._runner.finished.connect(self._finished)
        self._every = self._timer(settings.sync_interval * 1000, single=False)
        self._soon = self._timer(AFTER_SAVE_MS, single=True)
        self._saved.connect(self._soon.start)
        view.sync_requested.connect(self.sync_now)
        self._watch_saves()
        self._thread.start()
        application = QCoreApplication.instance()
        if application is not None:  # never leave a running thread behind at exit
            application.aboutToQuit.connect(self.shutdown)

    def _timer(self, milliseconds: int, *, single: bool) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(milliseconds)
        timer.setSingleShot(single)
        timer.timeout.connect(self.sync_now)
        return timer

    def start(self) -> None:
        """The first round at once, then one every interval."""
        self._every.start()
        self.sync_now()

    def sync_now(self) -> None:
        if self._closed:
            return
        if self._running:  # one round at a time; this one runs again when it ends
            self._again = True
            return
        self._running = True
        self._soon.stop()
        self._view.show_state(running_text(), self._view.state.toolTip())
        self._start.emit()

    def _finished(self, outcome: RoundOutcome) -> None:
        self._running = False
        if self._closed:
            return
        self._show(outcome)
        self.round_finished.emit(outcome)
        if outcome.report is not None and outcome.report.pulled:
            self.pulled.emit()
        if self._again:
            self._again = False
            self.sync_now()

    def _show(self, outcome: RoundOutcome) -> None:
        if outcome.kind is RoundKind.OFFLINE:
            self._offline_since = self._offline_since or outcome.finished_at
        elif outcome.kind is RoundKind.DONE:
            self._offline_since = None
        problem = outcome.kind in (RoundKind.REFUSED, RoundKind.FAILED)
        self._view.show_state(state_text(outcome, self._offline_since), report_text(outcome),
                              problem=problem)
        if outcome.conflicts is not None:
            self._view.show_conflicts(conflicts_text(outcome.conflicts))

    def _watch_saves(self) -> None:
        event.listen(self._database.sessions, "after_flush", self._flushed)
        event.listen(self._database.sessions, "after_commit", self._committed)

    @staticmethod
    def _flushed(session: Session, _context: Any) -> None:
        """Whether this flush changed records that synchronise (not the audit log)."""
        if any(getattr(item, "__table__", None) is not None
               and item.__table__.name in BY_NAME for item in (*session.new, *session.dirty)):
            session.info[_WROTE] = True

    def _committed(self, session: Session) -> None:
        """On the worker's thread: a unit of work that wrote records asks for a round."""
        if session.info.pop(_WROTE, False):
            self._saved.emit()

    def shutdown(self) -> None:
        """Stop the timers and wait for a running round (at most the hub's connect timeout)."""
        if self._closed:
            return
        self._closed = True
        self._every.stop()
        self._soon.stop()
        event.remove(self._database.sessions, "after_flush", self._flushed)
        event.remove(self._database.sessions, "after_commit", self._committed)
        self._thread.quit()
        self._thread.wait()
        self._runner.close()


def branch_sync(database: Database, settings: Settings, actor: Actor,
                status_bar: StatusBarView, parent: QObject) -> SyncController | None:
    """The background synchronisation of a branch workstation, its state in the status
    bar; None in the other modes (they show nothing of it)."""
    if settings.mode != "branch":
        return None
    view = status_bar.add_sync_status()
    controller = SyncController(database, settings, actor, view, parent)
    controller.start()
    return controller
