"""The approval area on both engines: the queue lists a Jugendamt referral and why it needs
approval; a supervisor approves it by keyboard; a rejection needs a reason; the front desk
is refused with the service's message."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services.database import Database
from tests.db.referral_scene import SETTINGS, Supervision, add_supervision, status
from tests.ui.conftest import wait_for
from tests.ui.keyboard import focused, has_focus, press, type_text
from ui.views.approval_page import ApprovalArea
from ui.worker import DatabaseWorker

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def office(database: Database) -> Supervision:
    return add_supervision(database)


def open_area(qtbot: QtBot, database: Database, office: Supervision, *,
              boss: bool = True) -> Iterator[tuple[ApprovalArea, DatabaseWorker]]:
    worker = DatabaseWorker(database.sessions)
    actor = office.boss if boss else office.desk
    area = ApprovalArea(worker, SETTINGS, lambda: actor)
    qtbot.addWidget(area)
    area.setMinimumSize(1200, 760)
    area.show()
    qtbot.waitExposed(area)
    wait_for(qtbot, worker)
    yield area, worker
    worker.shutdown()


@pytest.fixture
def boss_area(qtbot: QtBot, database: Database,
              office: Supervision) -> Iterator[tuple[ApprovalArea, DatabaseWorker]]:
    yield from open_area(qtbot, database, office)


@pytest.fixture
def desk_area(qtbot: QtBot, database: Database,
              office: Supervision) -> Iterator[tuple[ApprovalArea, DatabaseWorker]]:
    yield from open_area(qtbot, database, office, boss=False)


def test_the_queue_lists_the_jugendamt_referral_with_its_reason_and_letter(
        qtbot: QtBot, boss_area: tuple[ApprovalArea, DatabaseWorker],
        office: Supervision) -> None:
    area, _worker = boss_area
    references = [row.reference for row in area.model.rows()]
    assert office.jugendamt in references
    row = area.model.row_of(office.jugendamt)
    assert row is not None
    why = area.model.index(row, 7).data()
    assert "Jugendamt" in why and "Freigabe" in why
    area.table.selectRow(row)
    qtbot.waitUntil(lambda: area.preview.showing_pdf, timeout=10_000)
    assert office.jugendamt in area.preview.text()


def test_a_supervisor_approves_by_keyboard(
        qtbot: QtBot, boss_area: tuple[ApprovalArea, DatabaseWorker], database: Database,
        office: Supervision) -> None:
    area, worker = boss_area
    press(qtbot, Qt.Key.Key_W, ALT)  # to the queue
    qtbot.waitUntil(lambda: has_focus(area.table))
    row = area.model.row_of(office.jugendamt)
    assert row is not None
    area.table.selectRow(row)
    press(qtbot, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: status(database, office.jugendamt)[0] == "approved",
                    timeout=10_000)
    wait_for(qtbot, worker)
    assert area.model.index(row, 6).data() == "Freigegeben"
    assert office.jugendamt in area.message.text()


def test_a_rejection_needs_a_reason(
        qtbot: QtBot, boss_area: tuple[ApprovalArea, DatabaseWorker], database: Database,
        office: Supervision) -> None:
    area, worker = boss_area
    row = area.model.row_of(office.jugendamt)
    assert row is not None
    area.table.selectRow(row)
    area.table.setFocus()
    press(qtbot, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: area.controller.reject_dialog is not None
                    and area.controller.reject_dialog.isVisible())
    dialog = area.controller.reject_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: has_focus(dialog))  # a new window is activated a moment later
    dialog.ok_button.click()  # no reason yet
    assert dialog.isVisible() and "Grund" in dialog.error.text()
    qtbot.waitUntil(lambda: has_focus(dialog.reason_field))
    type_text("Zuständigkeit ungeklärt")
    press(qtbot, Qt.Key.Key_Tab)  # the text field hands Tab on to the buttons
    qtbot.waitUntil(lambda: has_focus(dialog.ok_button))
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status(database, office.jugendamt)[0] == "rejected", timeout=10_000)
    assert status(database, office.jugendamt)[1] == "Zuständigkeit ungeklärt"
    wait_for(qtbot, worker)
    assert area.model.index(row, 6).data() == "Zurückgewiesen"
    qtbot.waitUntil(lambda: has_focus(area.table))  # on with the next referral


def test_the_front_desk_is_refused_with_the_message(
        qtbot: QtBot, desk_area: tuple[ApprovalArea, DatabaseWorker], database: Database,
        office: Supervision) -> None:
    area, _worker = desk_area  # never shown to the front desk; the service refuses anyway
    qtbot.waitUntil(lambda: "nicht erlaubt" in area.message.text(), timeout=10_000)
    assert "Überleitung freigeben" in area.message.text()
    assert area.model.rowCount() == 0
    press(qtbot, Qt.Key.Key_F, ALT)
    assert status(database, office.jugendamt)[0] == "draft"
    assert focused() is not None


def test_tab_follows_the_visual_order(
        qtbot: QtBot, boss_area: tuple[ApprovalArea, DatabaseWorker]) -> None:
    area, _worker = boss_area
    area.filters.office.setFocus()
    seen = []
    for _step in range(10):
        seen.append(focused().accessibleName())
        press(qtbot, Qt.Key.Key_Tab)
    assert seen == ["Büro", "Von", "Bis", "Stellenart", "Status", "Warteschlange", "Freigeben",
                    "Ablehnen …", "Freigegebene drucken …", "Vorschau"]


def test_the_overdue_tab_has_its_own_shortcut_and_tab_order(
        qtbot: QtBot, boss_area: tuple[ApprovalArea, DatabaseWorker]) -> None:
    area, worker = boss_area
    press(qtbot, Qt.Key.Key_G, ALT)  # the tab "Überfällig"
    wait_for(qtbot, worker)
    seen = []
    for _step in range(3):
        seen.append(focused())
        press(qtbot, Qt.Key.Key_Tab)
    assert [widget.accessibleName() for widget in seen[:2]] == [
        "Überfällig", "Rückmeldung erfassen …"]
    assert seen[2] is area.tabs.tabBar()  # round again: the tabs come first
    assert area.tabs.tabText(1).replace("&", "") == "Überfällig"
