"""The background worker: results and errors arrive on the GUI thread, one session each."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Setting
from app.services.database import Database
from ui.worker import DatabaseWorker


@pytest.fixture
def worker(qtbot: QtBot, database: Database) -> Iterator[DatabaseWorker]:
    worker = DatabaseWorker(database.sessions)
    yield worker
    worker.shutdown()


def _on_gui_thread() -> bool:
    application = QApplication.instance()
    assert application is not None
    return QThread.currentThread() == application.thread()


def test_result_is_delivered_on_the_gui_thread(qtbot: QtBot, worker: DatabaseWorker) -> None:
    seen: dict[str, object] = {}

    def operation(session: Session) -> int:
        seen["operation_thread"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen.update(result=result, gui=_on_gui_thread(), callback_thread=threading.get_ident())

    with qtbot.waitSignal(worker.idle, timeout=5000):
        worker.run(operation, done)
    assert seen["result"] == 42
    assert seen["gui"] is True
    assert seen["operation_thread"] != threading.get_ident()  # the work ran elsewhere
    assert seen["callback_thread"] == threading.get_ident()


def test_failure_is_delivered_and_the_unit_of_work_rolled_back(
        qtbot: QtBot, worker: DatabaseWorker, database: Database) -> None:
    failures: list[tuple[BaseException, bool]] = []

    def operation(session: Session) -> None:
        session.add(Setting(key="half.done", value="x"))
        session.flush()
        raise ValueError("kaputt")

    with qtbot.waitSignal(worker.idle, timeout=5000):
        worker.run(operation, lambda _: None, lambda e: failures.append((e, _on_gui_thread())))
    [(error, on_gui)] = failures
    assert isinstance(error, ValueError) and on_gui
    with database.sessions() as session:
        assert session.scalar(select(Setting).where(Setting.key == "half.done")) is None


def test_each_operation_gets_its_own_session_and_they_run_in_order(
        qtbot: QtBot, worker: DatabaseWorker) -> None:
    sessions: list[Session] = []  # kept alive, so that distinct ids mean distinct sessions
    results: list[int] = []

    def operation(number: int) -> Callable[[Session], int]:
        def run(session: Session) -> int:
            sessions.append(session)
            session.merge(Setting(key=f"n{number}", value=str(number)))
            return number
        return run

    with qtbot.waitSignal(worker.idle, timeout=5000):
        for number in range(5):
            worker.run(operation(number), results.append)
    assert results == [0, 1, 2, 3, 4]
    assert len({id(session) for session in sessions}) == 5


def test_unhandled_failure_goes_to_the_gui_excepthook(
        qtbot: QtBot, worker: DatabaseWorker) -> None:
    def operation(session: Session) -> None:
        raise RuntimeError("niemand fängt mich")

    with qtbot.captureExceptions() as exceptions, qtbot.waitSignal(worker.idle, timeout=5000):
        worker.run(operation, lambda _: None)
    assert [str(e[1]) for e in exceptions] == ["niemand fängt mich"]


def test_nothing_is_delivered_after_shutdown(qtbot: QtBot, worker: DatabaseWorker) -> None:
    delivered: list[int] = []
    worker.shutdown()
    worker.run(lambda session: 1, delivered.append)
    assert not worker.busy
    assert delivered == []
