"""The statistics area on both engines: the figures and charts of a small hand-made set of
referrals under typed date filters, the export of the same rows as CSV, and the front desk
refused."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.engine import unit_of_work
from app.db.models import Referral
from app.security.permissions import Actor
from app.services.database import Database
from app.services.referral_lifecycle import ChangedBy, change_status
from tests.db.referral_scene import SETTINGS, Supervision, add_referral, add_supervision
from tests.ui.conftest import wait_for
from tests.ui.keyboard import has_focus, press, type_text
from ui.views.statistics_page import StatisticsArea
from ui.worker import DatabaseWorker

ALT = Qt.KeyboardModifier.AltModifier


def noon(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T12:00:00+00:00").astimezone(UTC)


@pytest.fixture
def office(database: Database) -> tuple[Supervision, list[str]]:
    """Three referrals in spring 2025 (the scene's are today): arrived after 4 days, not
    reached after 10, one still open – two made in NE, one in GV."""
    office = add_supervision(database)
    with unit_of_work(database.sessions) as session:
        made = [add_referral(session, office.scene, "health", "gesundheitsamt", "GA Neuss",
                             created=noon("2025-03-03")),
                add_referral(session, office.scene, "health", "gesundheitsamt", "GA Dormagen",
                             created=noon("2025-03-10")),
                add_referral(session, office.scene, "school", "schulamt", "Schulamt",
                             created=noon("2025-04-01"), reference_office="GV")]
        by = ChangedBy.of(office.boss)
        answers = [("arrived", "", "2025-03-07"), ("not_reached", "Nicht erschienen",
                                                   "2025-03-20")]
        for reference, (target, reason, day) in zip(made, answers, strict=False):
            referral = session.scalars(select(Referral)
                                       .where(Referral.reference == reference)).one()
            change_status(session, referral, "issued", by=by, now=noon("2025-03-03"))
            change_status(session, referral, target, reason, by=by, now=noon(day))
    return office, made


def open_area(qtbot: QtBot, database: Database, actor: Actor) -> Iterator[StatisticsArea]:
    worker = DatabaseWorker(database.sessions)
    area = StatisticsArea(worker, SETTINGS, lambda: actor)
    qtbot.addWidget(area)
    area.setMinimumSize(1200, 760)
    area.show()
    qtbot.waitExposed(area)
    wait_for(qtbot, worker)
    yield area
    worker.shutdown()


@pytest.fixture
def area(qtbot: QtBot, database: Database,
         office: tuple[Supervision, list[str]]) -> Iterator[StatisticsArea]:
    yield from open_area(qtbot, database, office[0].boss)


def set_field(qtbot: QtBot, key: Qt.Key, field: QWidget, text: str) -> None:
    press(qtbot, key, ALT)
    qtbot.waitUntil(lambda: has_focus(field))
    type_text(text)
    press(qtbot, Qt.Key.Key_Return)


def spring_2025(qtbot: QtBot, area: StatisticsArea) -> None:
    area.filters.office.setFocus()
    set_field(qtbot, Qt.Key.Key_V, area.filters.since, "01.03.2025")
    set_field(qtbot, Qt.Key.Key_I, area.filters.until, "30.04.2025")
    qtbot.waitUntil(lambda: area.total.text() == "3 Überleitung(en)", timeout=10_000)


def test_the_figures_and_charts_of_a_small_set(qtbot: QtBot, area: StatisticsArea) -> None:
    assert area.total.text() != "3 Überleitung(en)"  # before the filters: today's too
    spring_2025(qtbot, area)
    assert area.median.text() == "Zeit bis zum Ergebnis (Median): 7 Tage"
    assert area.reached.text() == "Bei der Stelle angekommen: 50 % (1 von 2)"
    charts = area.charts
    assert charts["office"].bars == [("NE", 2), ("GV", 1)]
    assert charts["month"].bars == [("03/2025", 2), ("04/2025", 1)]
    assert dict(charts["concern"].bars) == {"Gesundheit": 2, "Schule": 1}
    assert charts["office"].accessibleDescription() == "NE: 2; GV: 1"
    assert charts["office"].accessibleName() == "Nach Büro"


def test_a_date_that_cannot_be_read_is_named(qtbot: QtBot, area: StatisticsArea) -> None:
    area.filters.office.setFocus()
    set_field(qtbot, Qt.Key.Key_V, area.filters.since, "31.02.2025")
    assert "Von" in area.message.text() and "TT.MM.JJJJ" in area.message.text()
    assert area.filters.since.text() == "31.02.2025"  # what was typed stays


def test_the_export_writes_the_rows_under_the_filters(
        qtbot: QtBot, area: StatisticsArea, office: tuple[Supervision, list[str]],
        tmp_path: Path) -> None:
    class ToFile:
        def choose_export_file(self, parent: QWidget, suggested_name: str) -> Path:
            return tmp_path / "spring.csv"

    area.dialogs = ToFile()
    spring_2025(qtbot, area)
    press(qtbot, Qt.Key.Key_E, ALT)
    qtbot.waitUntil(lambda: "exportiert nach" in area.message.text(), timeout=10_000)
    assert area.message.text().startswith("3 Überleitung(en) exportiert")
    with (tmp_path / "spring.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:3] == ["Aktenzeichen", "Angelegt am", "Büro"]
    assert [row[0] for row in rows[1:]] == office[1]
    assert [(row[2], row[7], row[9]) for row in rows[1:]] == [
        ("NE", "Angekommen", "4"), ("NE", "Nicht erreicht", "10"), ("GV", "Entwurf", "")]


@pytest.fixture
def desk_area(qtbot: QtBot, database: Database,
              office: tuple[Supervision, list[str]]) -> Iterator[StatisticsArea]:
    yield from open_area(qtbot, database, office[0].desk)


def test_the_front_desk_is_refused(qtbot: QtBot, desk_area: StatisticsArea) -> None:
    message = desk_area.message
    qtbot.waitUntil(lambda: "nicht erlaubt" in message.text(), timeout=10_000)
    assert "Statistik ansehen" in message.text()
    assert desk_area.total.text() == ""


def test_tab_follows_the_visual_order(qtbot: QtBot, area: StatisticsArea) -> None:
    area.filters.office.setFocus()
    seen = []
    for _step in range(10):
        widget = QApplication.focusWidget()
        assert widget is not None
        seen.append(widget.accessibleName())
        press(qtbot, Qt.Key.Key_Tab)
    assert seen == ["Büro", "Von", "Bis", "Stellenart", "Exportieren …", "Nach Stellenart",
                    "Nach Anliegen", "Nach Kommune", "Nach Büro", "Nach Monat"]
