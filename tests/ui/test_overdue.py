"""The overdue list in the approval area, on both engines: a referral issued long ago is
listed with its days, one issued recently or one with an outcome is not; the outcome is
entered from the list by keyboard, and the referral leaves it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import Referral
from app.services.database import Database
from app.services.letters import issue_letter
from app.services.outcomes import record_outcome
from tests.db.referral_scene import SETTINGS, Supervision, add_supervision, status
from tests.ui.conftest import wait_for
from tests.ui.keyboard import has_focus, press
from ui.views.approval_page import ApprovalArea
from ui.worker import DatabaseWorker

ALT = Qt.KeyboardModifier.AltModifier


def issued_days_ago(database: Database, reference: str, days: int) -> None:
    with unit_of_work(database.sessions) as session:
        referral = session.scalars(select(Referral).where(Referral.reference == reference)).one()
        referral.status_changed_at = datetime.now(UTC) - timedelta(days=days)


@pytest.fixture
def office(database: Database) -> Supervision:
    """Jobcenter issued 30 days ago, residence 2 days ago, school 40 days ago and answered."""
    office = add_supervision(database)
    scene = office.scene
    with unit_of_work(database.sessions) as session:
        for reference in (scene.jobcenter, scene.residence, scene.school):
            issue_letter(session, reference, actor=office.desk, settings=SETTINGS,
                         language="de")
    for reference, days in ((scene.jobcenter, 30), (scene.residence, 2), (scene.school, 40)):
        issued_days_ago(database, reference, days)
    with unit_of_work(database.sessions) as session:
        record_outcome(session, scene.school, "arrived", actor=office.desk)
    return office


def open_area(qtbot: QtBot, database: Database, office: Supervision,
              settings: Settings) -> Iterator[ApprovalArea]:
    worker = DatabaseWorker(database.sessions)
    area = ApprovalArea(worker, settings, lambda: office.boss)
    qtbot.addWidget(area)
    area.setMinimumSize(1200, 760)
    area.show()
    qtbot.waitExposed(area)
    area.activateWindow()
    wait_for(qtbot, worker)
    area.table.setFocus()
    press(qtbot, Qt.Key.Key_G, ALT)  # to the overdue list, which loads now
    wait_for(qtbot, worker)
    yield area
    worker.shutdown()


@pytest.fixture
def area(qtbot: QtBot, database: Database, office: Supervision) -> Iterator[ApprovalArea]:
    yield from open_area(qtbot, database, office, SETTINGS)


def listed(area: ApprovalArea) -> list[tuple[str, str]]:
    """(reference, days waiting) as the table shows them."""
    model = area.overdue.model
    return [(model.index(row, 0).data(), model.index(row, 4).data())
            for row in range(model.rowCount())]


def test_only_the_referral_issued_long_ago_without_outcome_is_listed(
        qtbot: QtBot, area: ApprovalArea, office: Supervision) -> None:
    qtbot.waitUntil(lambda: has_focus(area.overdue.table))
    assert listed(area) == [(office.scene.jobcenter, "30")]
    headers = [area.overdue.model.headerData(column, Qt.Orientation.Horizontal)
               for column in range(area.overdue.model.columnCount())]
    assert headers == ["Aktenzeichen", "Person", "Stelle", "Ausgehändigt am",
                       "Tage ohne Rückmeldung", "Status"]
    row = [area.overdue.model.index(0, column).data() for column in (1, 2, 5)]
    assert row == ["Al-Hassan, Fatima", "Jobcenter Neuss", "Ausgehändigt"]
    assert area.overdue.message.text() == "1 Überleitung(en) überfällig."
    assert "mehr als 21 Tagen" in area.overdue.explanation.text()


def test_the_days_come_from_the_settings_and_the_longest_waiting_is_first(
        qtbot: QtBot, database: Database, office: Supervision) -> None:
    for area in open_area(qtbot, database, office, replace(SETTINGS, overdue_days=1)):
        assert listed(area) == [(office.scene.jobcenter, "30"),
                                (office.scene.residence, "2")]
        assert area.overdue.message.text() == "2 Überleitung(en) überfällig."


def test_an_outcome_entered_from_the_list_takes_the_referral_off_it(
        qtbot: QtBot, area: ApprovalArea, database: Database, office: Supervision) -> None:
    press(qtbot, Qt.Key.Key_R, ALT)  # the button clicks a moment later, as it shows it
    qtbot.waitUntil(lambda: area.overdue_controller.outcomes is not None)
    entry = area.overdue_controller.outcomes
    assert entry is not None and entry.dialog is not None
    dialog = entry.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.reference.text() == office.scene.jobcenter  # the chosen row, filled in
    qtbot.waitUntil(lambda: has_focus(dialog.status))
    press(qtbot, Qt.Key.Key_Down)  # Angekommen → Erledigt
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status(database, office.scene.jobcenter)[0] == "completed",
                    timeout=10_000)
    qtbot.waitUntil(lambda: listed(area) == [], timeout=10_000)
    assert area.overdue.message.text() == "0 Überleitung(en) überfällig."
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: has_focus(area.overdue.table))  # back in the list


def test_without_a_chosen_row_the_list_says_so(
        qtbot: QtBot, area: ApprovalArea) -> None:
    area.overdue.table.clearSelection()
    area.overdue.table.setCurrentIndex(area.overdue.model.index(-1, -1))
    area.overdue.outcome_button.click()
    assert area.overdue.message.text() == "Bitte zuerst eine Überleitung wählen."
    assert area.overdue_controller.outcomes is None


def test_alt_w_goes_back_to_the_queue(qtbot: QtBot, area: ApprovalArea) -> None:
    press(qtbot, Qt.Key.Key_W, ALT)
    assert has_focus(area.table) and area.tabs.currentIndex() == 0
    press(qtbot, Qt.Key.Key_G, ALT)
    assert has_focus(area.overdue.table) and area.tabs.currentIndex() == 1
