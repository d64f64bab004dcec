"""The search results model: pages appended as the view scrolls, old searches dropped."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.search import Match
from ui.models.search_model import SearchResultsModel, birth_date_text


def matches(count: int, start: int = 0) -> list[Match]:
    return [Match(uuid.uuid4(), f"P-NE-1-2026-{n:06d}-0", "Al-Hassan", f"Kind {n}",
                  date(2010, 1, 1), "year", 90.0 - n, ("„hasan“ ≈ „Al-Hassan“",))
            for n in range(start, start + count)]


def test_the_model_passes_qts_model_tester(qtmodeltester: ModelTester) -> None:
    model = SearchResultsModel(page_size=3)
    qtmodeltester.check(model)  # keeps checking every change that follows
    generation = model.start("hasan")
    model.add_page(generation, matches(3))
    model.add_page(generation, matches(2, start=3))
    model.start("hasa")
    assert model.rowCount() == 0


def test_pages_are_asked_for_while_more_may_come(qtbot: QtBot) -> None:
    model = SearchResultsModel(page_size=3)
    generation = model.start("hasan")
    with qtbot.waitSignal(model.page_wanted) as asked:
        model.fetchMore(QModelIndex())
    assert asked.args == [generation, "hasan", 0]
    assert not model.canFetchMore(QModelIndex())  # one page at a time
    model.add_page(generation, matches(3))
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.add_page(generation, matches(2, start=3))
    assert model.rowCount() == 5
    assert not model.canFetchMore(QModelIndex())  # a short page was the last


def test_a_page_for_an_older_text_is_dropped() -> None:
    model = SearchResultsModel(page_size=3)
    old = model.start("has")
    new = model.start("hasan")
    assert not model.add_page(old, matches(3))
    assert model.rowCount() == 0
    assert model.add_page(new, matches(1))
    assert model.rowCount() == 1


def test_each_row_says_who_and_why() -> None:
    model = SearchResultsModel(page_size=3)
    model.add_page(model.start("hasan"), matches(1))
    row = [model.data(model.index(0, column)) for column in range(model.columnCount())]
    assert row == ["Al-Hassan, Kind 0", "2010", "P-NE-1-2026-000000-0",
                   "„hasan“ ≈ „Al-Hassan“"]
    assert "„hasan“ ≈ „Al-Hassan“" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)


def test_birth_dates_are_written_as_precisely_as_they_are_known() -> None:
    born = date(1988, 3, 14)
    assert [birth_date_text(born, precision) for precision in ("day", "month", "year")] == [
        "14.03.1988", "03.1988", "1988"]
    assert birth_date_text(None, "day") == "–"
