"""The one background worker for database work.

An operation is a function of one session; it runs on a single worker thread, in its own
unit of work (committed when it returns, rolled back when it raises), and its result or
error is handed to a callback on the GUI thread – the pattern of Anki's ``CollectionOp``
and Picard's ``run_task``/``to_main``. Operations never touch widgets; callbacks do.

The worker is a QThread with one executor object moved onto it; jobs travel to it and
outcomes back as queued signals, so they are run in the order they were asked for.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import unit_of_work
from ui.controllers.failures import is_connection_failure

log = logging.getLogger(__name__)

T = TypeVar("T")
Operation = Callable[[Session], T]
FailureCallback = Callable[[BaseException], None]
Retry = Callable[[], None]


def raise_on_gui_thread(error: BaseException) -> None:
    """The default failure handling: the GUI thread's excepthook logs and shows it."""
    raise error


@dataclass(frozen=True)
class _Job:
    ticket: int
    operation: Operation[Any]


@dataclass(frozen=True)
class _Outcome:
    ticket: int
    result: Any = None
    error: BaseException | None = None


@dataclass(frozen=True)
class _Callbacks:
    on_success: Callable[[Any], None]
    on_failure: FailureCallback
    retry: Retry


class _Executor(QObject):
    """Lives on the worker thread and runs one job after another."""

    finished = Signal(object)  # _Outcome

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        super().__init__()
        self._sessions = sessions

    @Slot(object)
    def execute(self, job: _Job) -> None:
        try:
            with unit_of_work(self._sessions) as session:
                result = job.operation(session)
        except Exception as error:  # handed to the GUI thread, not lost in the worker
            self.finished.emit(_Outcome(job.ticket, error=error))
        else:
            self.finished.emit(_Outcome(job.ticket, result=result))


class DatabaseWorker(QObject):
    """Runs database operations one after another off the GUI thread."""

    idle = Signal()  # on the GUI thread, after the last pending callback has run
    # An operation failed because the database could not be reached; the argument is the
    # Retry that asks for it again (see ui/controllers/connection.py).
    connection_lost = Signal(object)
    _submit = Signal(object)  # _Job, queued to the executor

    def __init__(self, sessions: sessionmaker[Session], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("lotse-database-worker")
        self._executor = _Executor(sessions)
        self._executor.moveToThread(self._thread)
        self._submit.connect(self._executor.execute)
        self._executor.finished.connect(self._deliver)
        self._thread.finished.connect(self._executor.deleteLater)
        self._pending: dict[int, _Callbacks] = {}
        self._tickets = itertools.count(1)
        self._closed = False
        self._thread.start()
        application = QCoreApplication.instance()
        if application is not None:  # never leave a running thread behind at exit
            application.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(self, operation: Operation[T], on_success: Callable[[T], None],
            on_failure: FailureCallback = raise_on_gui_thread, *,
            retry: Retry | None = None) -> None:
        """Run ``operation(session)`` in the background; call back on the GUI thread.

        ``retry`` is what "Erneut versuchen" does if the database cannot be reached – by
        default the same operation again; a form passes its save, so that the retry stores
        what is typed then, not what was typed before."""
        if self._closed:
            return
        ticket = next(self._tickets)
        again = retry or (lambda: self.run(operation, on_success, on_failure))
        self._pending[ticket] = _Callbacks(on_success, on_failure, again)
        self._submit.emit(_Job(ticket, operation))

    def shutdown(self) -> None:
        """Wait for the running operation to end; callbacks not yet run are dropped."""
        if self._closed:
            return
        self._closed = True
        self._pending.clear()
        self._thread.quit()
        self._thread.wait()

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        callbacks = self._pending.pop(outcome.ticket, None)
        if callbacks is None:  # shut down in the meantime
            return
        try:
            if outcome.error is not None:
                log.debug("operation %s failed", outcome.ticket, exc_info=outcome.error)
                self._failed(outcome.error, callbacks)
            else:
                callbacks.on_success(outcome.result)
        finally:
            if not self._pending:
                self.idle.emit()

    def _failed(self, error: BaseException, callbacks: _Callbacks) -> None:
        """A lost connection goes to the banner; the caller still learns of it (to leave
        its busy state), unless the caller left failures to the crash dialog."""
        if not is_connection_failure(error):
            callbacks.on_failure(error)
            return
        self.connection_lost.emit(callbacks.retry)
        if callbacks.on_failure is not raise_on_gui_thread:
            callbacks.on_failure(error)
