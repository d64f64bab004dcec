"""The directory table model: ids first, rows batch by batch, checked by Qt's model tester."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.services.database import Database
from app.services.directory_list import DirectoryListRow
from tests.ui.conftest import wait_for
from tests.ui.records import add_directory_offices
from ui.controllers.directory_controller import DirectoryController
from ui.models.directory_model import DirectoryOfficeModel
from ui.views.directory_page import DirectoryPage
from ui.worker import DatabaseWorker


@pytest.fixture
def worker(qtbot: QtBot, database: Database) -> Iterator[DatabaseWorker]:
    worker = DatabaseWorker(database.sessions)
    yield worker
    worker.shutdown()


@pytest.fixture
def controller(qtbot: QtBot, worker: DatabaseWorker) -> DirectoryController:
    page = DirectoryPage()
    qtbot.addWidget(page)
    return DirectoryController(worker, page, page)


def test_model_passes_the_model_tester_while_loading(
        qtbot: QtBot, qtmodeltester: ModelTester, database: Database,
        worker: DatabaseWorker, controller: DirectoryController) -> None:
    add_directory_offices(database)
    qtmodeltester.check(controller.model)  # keeps checking every change that follows
    controller.refresh()
    wait_for(qtbot, worker)
    model = controller.model
    assert model.rowCount() == 8
    assert not model.canFetchMore(QModelIndex())
    first = [model.index(0, column).data() for column in range(model.columnCount())]
    assert first == ["Agentur für Arbeit Mönchengladbach", "Agentur für Arbeit",
                     "Lürriper Straße 56, 41065 Mönchengladbach", "",
                     "Neuss, Grevenbroich, Dormagen, Meerbusch, Kaarst, Korschenbroich, "
                     "Jüchen, Rommerskirchen"]
    assert "Kürzel: aa-mg" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Name", "Art", "Anschrift", "Telefon", "Zuständig für"]


def test_rows_are_fetched_batch_by_batch(
        qtbot: QtBot, database: Database, worker: DatabaseWorker,
        controller: DirectoryController) -> None:
    add_directory_offices(database, count=250)
    controller.refresh()
    wait_for(qtbot, worker)
    model = controller.model
    assert (model.total(), model.rowCount()) == (250, 100)
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.rowsInserted, timeout=5000):
        model.fetchMore(QModelIndex())
        assert model.is_fetching()
        assert not model.canFetchMore(QModelIndex())  # one question at a time
        assert model.rowCount() == 100  # rows appear when loaded, never as placeholders
    assert model.rowCount() == 200
    with qtbot.waitSignal(model.rowsInserted, timeout=5000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 250
    assert not model.canFetchMore(QModelIndex())
    codes = [model.row(row).code for row in range(250)]
    assert len(set(codes)) == 250


def test_scrolling_to_the_end_fetches_more(
        qtbot: QtBot, database: Database, worker: DatabaseWorker,
        controller: DirectoryController) -> None:
    add_directory_offices(database, count=250)
    page = controller.parent()
    assert isinstance(page, DirectoryPage)
    page.setMinimumSize(900, 600)  # fixed, as in the main window: no size hints to propagate
    page.show()
    controller.refresh()
    wait_for(qtbot, worker)
    assert controller.model.rowCount() == 100
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: controller.model.rowCount() > 100)
    wait_for(qtbot, worker)


def _row(code: str) -> DirectoryListRow:
    return DirectoryListRow(id=uuid.uuid4(), code=code, agency_kind="jobcenter",
                            agency_kind_label="Jobcenter", name=code, department="", address="",
                            phone="", municipalities=())


def test_an_answer_to_an_earlier_question_is_ignored(qtmodeltester: ModelTester) -> None:
    model = DirectoryOfficeModel(batch_size=2)
    qtmodeltester.check(model)
    first, second, third = _row("a"), _row("b"), _row("c")
    asked: list[list[uuid.UUID]] = []
    model.rows_wanted.connect(asked.append)
    model.set_ids([first.id, second.id, third.id])
    model.fetchMore(QModelIndex())
    stale = asked[-1]
    model.set_ids([first.id, second.id, third.id])  # reset while the answer is on its way
    model.fetchMore(QModelIndex())
    model.add_rows([first.id], [first])  # not what was asked
    assert model.rowCount() == 0
    model.add_rows(asked[-1], [first])  # "b" was deleted in the meantime
    assert [model.row(r).code for r in range(model.rowCount())] == ["a"]
    assert model.total() == 2
    model.add_rows(stale, [first, second])  # answered already
    assert model.rowCount() == 1
    model.fetchMore(QModelIndex())
    assert asked[-1] == [third.id]
    model.fetch_failed(asked[-1])
    assert model.canFetchMore(QModelIndex())  # a failed batch is asked for again
