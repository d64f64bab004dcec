"""The duplicates tab of the approval area, by keyboard, on both engines: the mother registered
twice is listed as a pair with both records and the reasons; Enter opens the comparison,
a value of the other record is chosen with the arrow keys, Alt+Z merges, and the pair
leaves the list while the kept file holds both histories."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.models import Person, Visit
from app.services.database import Database
from tests.db.merge_scene import MergeScene, add_merge_scene
from tests.db.referral_scene import SETTINGS
from tests.ui.conftest import wait_for
from tests.ui.keyboard import focused, has_focus, press
from ui.views.approval_page import ApprovalArea
from ui.views.duplicate_merge_dialog import DuplicateMergeDialog
from ui.worker import DatabaseWorker

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def scene(database: Database) -> MergeScene:
    return add_merge_scene(database)


@pytest.fixture
def area(qtbot: QtBot, database: Database, scene: MergeScene) -> Iterator[ApprovalArea]:
    worker = DatabaseWorker(database.sessions)
    area = ApprovalArea(worker, SETTINGS, lambda: scene.office.boss)
    qtbot.addWidget(area)
    area.setMinimumSize(1200, 760)
    area.show()
    qtbot.waitExposed(area)
    area.activateWindow()
    wait_for(qtbot, worker)
    area.table.setFocus()
    press(qtbot, Qt.Key.Key_U, ALT)  # to the duplicates, which load now
    wait_for(qtbot, worker)
    yield area
    worker.shutdown()


def comparison(qtbot: QtBot, area: ApprovalArea) -> DuplicateMergeDialog:
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: area.duplicate_controller.dialog is not None)
    dialog = area.duplicate_controller.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.merge_button.isEnabled(),
                    timeout=10_000)
    return dialog


def person(database: Database, scene: MergeScene, which: str) -> Person:
    with database.sessions() as session:
        return session.get_one(Person, scene.mother if which == "mother" else scene.duplicate)


def test_the_pair_is_listed_with_both_records_and_the_reasons(
        area: ApprovalArea, database: Database, scene: MergeScene) -> None:
    view = area.duplicates
    assert has_focus(view.table) and area.tabs.currentWidget() is view
    assert view.model.rowCount() == 1
    first, second, reasons = (view.model.index(0, column).data() for column in range(3))
    mother, duplicate = person(database, scene, "mother"), person(database, scene, "dup")
    assert first.splitlines()[0] == "Al-Hassan, Fatima"
    assert first.splitlines()[1] == "geb. 14.05.1990 · ungeklärt"
    assert first.splitlines()[2].startswith(f"{mother.person_number} · NE-1, erfasst am ")
    assert first.splitlines()[3] == "1 Besuch(e), 2 Überleitung(en)"
    assert second.splitlines()[0] == "Al-Hasan, Fatma"
    assert second.splitlines()[2].startswith(f"{duplicate.person_number} · GV-2, erfasst am ")
    assert second.splitlines()[3] == "1 Besuch(e), 1 Überleitung(en)"
    assert reasons.splitlines()[0] == "gleiches BAMF-Aktenzeichen 8123456-475"
    assert view.message.text() == "1 mögliche Dublette(n)."


def test_a_value_chosen_by_keyboard_and_alt_z_merge_the_pair(
        qtbot: QtBot, area: ApprovalArea, database: Database, scene: MergeScene) -> None:
    dialog = comparison(qtbot, area)
    assert dialog.keep_first.isChecked()  # the older record is kept by default
    phone_here, phone_there = dialog._choices["phone"]
    assert (phone_here.text(), phone_there.text()) == ("0151 2345678", "0176 5556677")
    assert phone_here.isChecked() and dialog._choices["email"][1].isChecked()
    phone_here.setFocus()
    press(qtbot, Qt.Key.Key_Right)  # the other record's phone number
    assert phone_there.isChecked() and has_focus(phone_there)
    press(qtbot, Qt.Key.Key_Z, ALT)
    qtbot.waitUntil(lambda: area.duplicate_controller.dialog is None, timeout=10_000)
    wait_for(qtbot, area.duplicate_controller._worker)
    qtbot.waitUntil(lambda: area.duplicates.model.rowCount() == 0, timeout=10_000)
    merged = person(database, scene, "dup").person_number
    kept = person(database, scene, "mother")
    assert area.duplicates.message.text() == (
        f"Zusammengeführt: {merged} in {kept.person_number}. 0 mögliche Dublette(n).")
    assert (kept.phone, kept.email) == ("0176 5556677", "fatma.alhasan@example.org")
    with database.sessions() as session:
        visits = select(func.count()).select_from(Visit).where(Visit.person_id == kept.id)
        assert session.scalar(visits) == 2
    qtbot.waitUntil(lambda: has_focus(area.duplicates.table))  # back in the list


def test_tab_follows_the_dialog_from_top_to_bottom_and_esc_merges_nothing(
        qtbot: QtBot, area: ApprovalArea, database: Database, scene: MergeScene) -> None:
    dialog = comparison(qtbot, area)
    dialog.keep_first.setFocus()
    seen: list[QWidget] = [focused()]
    while focused() is not dialog.cancel_button:
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(focused())
        assert len(seen) < 60
    chosen = [button for pair in dialog._choices.values() for button in pair
              if button.isChecked()]
    assert seen == [dialog.keep_first, *chosen, dialog.merge_button, dialog.cancel_button]
    assert all(w.accessibleName() == w.text().replace("&", "") for w in seen)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: area.duplicate_controller.dialog is None)
    assert not person(database, scene, "dup").is_deleted


def test_keeping_the_other_record_turns_the_comparison_round(
        qtbot: QtBot, area: ApprovalArea, database: Database, scene: MergeScene) -> None:
    dialog = comparison(qtbot, area)
    press(qtbot, Qt.Key.Key_2, ALT)
    qtbot.waitUntil(lambda: dialog.keep_second.isChecked() and dialog.merge_button.isEnabled(),
                    timeout=10_000)
    phone_there = dialog._choices["phone"][1]
    assert phone_there.isChecked()  # the kept record's own number stays unless chosen
    press(qtbot, Qt.Key.Key_Z, ALT)
    qtbot.waitUntil(lambda: area.duplicate_controller.dialog is None, timeout=10_000)
    qtbot.waitUntil(lambda: person(database, scene, "mother").is_deleted, timeout=10_000)
    assert person(database, scene, "mother").merged_into_id == scene.duplicate
