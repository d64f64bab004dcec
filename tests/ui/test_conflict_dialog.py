"""Two counters change the same person: the second save opens the comparison, the user
chooses by keyboard, and the merge is saved on top of the other counter's save – nothing is
overwritten without a choice, nothing typed is lost."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton
from pytestqt.qtbot import QtBot

from app.db.engine import unit_of_work
from app.db.models import Person
from app.services.database import Database
from app.services.person_input import validate
from app.services.person_merge_fields import Side
from app.services.persons import register_person, update_person
from tests.actors import desk
from tests.ui.conftest import site_settings, wait_for
from tests.ui.keyboard import fill, focused, press
from ui.main_window import MainWindow
from ui.views.conflict_dialog import ConflictDialog

Opener = Callable[[], MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier


def registered(database: Database) -> uuid.UUID:
    settings = site_settings(database)
    with unit_of_work(database.sessions) as session:
        return register_person(session, validate(
            {"family_name": "Haidari", "given_names": "Zahra", "birth_date": "23.11.2001",
             "nationality": "AF", "languages": "fa-AF"}),
            actor=desk(settings), settings=settings).id


def other_counter_saves(database: Database, person_id: uuid.UUID, **changes: str) -> None:
    settings = site_settings(database)
    with unit_of_work(database.sessions) as session:
        update_person(session, person_id, changes, actor=desk(settings), settings=settings)


def opened(qtbot: QtBot, window: MainWindow, person_id: uuid.UUID) -> None:
    window.front_desk.open_person(person_id)
    wait_for(qtbot, window.worker)
    assert window.current_area().key == "person"


def saved_with_conflict(qtbot: QtBot, window: MainWindow) -> ConflictDialog:
    """Ctrl+S, and the comparison that comes instead of a save."""
    conflicts = window.front_desk.person.conflicts
    before = conflicts.dialog
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: conflicts.dialog is not before and conflicts.dialog is not None,
                    timeout=10_000)
    dialog = conflicts.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def stored(database: Database, person_id: uuid.UUID) -> Person:
    with database.sessions() as session:
        person = session.get(Person, person_id)
        assert person is not None
        return person


def test_the_user_merges_both_saves_by_keyboard(
        qtbot: QtBot, open_window: Opener, database: Database) -> None:
    person_id = registered(database)
    window = open_window()
    opened(qtbot, window, person_id)
    other_counter_saves(database, person_id, street="Markt 1", note="Sprachkurs ab Mai")
    form = window.front_desk.person_page.form
    fill(qtbot, form, "Telefon", "0176 5550000")
    fill(qtbot, form, "Notiz", "Termin beim Jobcenter")
    dialog = saved_with_conflict(qtbot, window)
    assert [(row.label, row.mine, row.theirs) for row in dialog.rows] == [
        ("Straße und Hausnummer", "(leer)", "Markt 1"),
        ("Telefon", "0176 5550000", "(leer)"),
        ("Notiz", "Termin beim Jobcenter", "Sprachkurs ab Mai")]
    assert dialog.chosen() == {"street": Side.THEIRS, "phone": Side.MINE}
    # The field both changed has the keyboard and no choice yet: Enter asks for one.
    assert focused() is dialog.radios[("note", Side.MINE)]
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Notiz" in dialog.message.text()
    assert stored(database, person_id).phone == ""
    press(qtbot, Qt.Key.Key_Space)  # my note …
    press(qtbot, Qt.Key.Key_Right)  # … no: the stored one
    assert dialog.chosen()["note"] is Side.THEIRS
    press(qtbot, Qt.Key.Key_Return)
    page = window.front_desk.person_page
    qtbot.waitUntil(lambda: page.message.text().startswith("Gespeichert"), timeout=10_000)
    person = stored(database, person_id)
    assert (person.street, person.phone, person.note) == (
        "Markt 1", "0176 5550000", "Sprachkurs ab Mai")
    assert (form.raw()["street"], form.raw()["note"]) == ("Markt 1", "Sprachkurs ab Mai")
    assert not dialog.isVisible()


def test_going_back_keeps_the_input_and_the_next_save_compares_again(
        qtbot: QtBot, open_window: Opener, database: Database) -> None:
    person_id = registered(database)
    window = open_window()
    opened(qtbot, window, person_id)
    other_counter_saves(database, person_id, phone="02131 123456")
    form = window.front_desk.person_page.form
    fill(qtbot, form, "Telefon", "0176 5550000")
    first = saved_with_conflict(qtbot, window)
    press(qtbot, Qt.Key.Key_Escape)  # back to the form, nothing lost, nothing saved
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert form.raw()["phone"] == "0176 5550000"
    assert stored(database, person_id).phone == "02131 123456"
    second = saved_with_conflict(qtbot, window)
    assert second is not first and [row.key for row in second.rows] == ["phone"]
    # Yet another save meanwhile: the merge is refused and compared again, against it.
    other_counter_saves(database, person_id, email="z.haidari@example.org")
    press(qtbot, Qt.Key.Key_Space)  # mine
    conflicts = window.front_desk.person.conflicts
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: conflicts.dialog is not second, timeout=10_000)
    third = conflicts.dialog
    assert third is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is third)
    assert {row.key: row.default for row in third.rows} == {
        "phone": Side.MINE, "email": Side.THEIRS}
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, window.worker)
    person = stored(database, person_id)
    assert (person.phone, person.email) == ("0176 5550000", "z.haidari@example.org")


def test_every_choice_is_named_for_screen_readers(
        qtbot: QtBot, open_window: Opener, database: Database) -> None:
    person_id = registered(database)
    window = open_window()
    opened(qtbot, window, person_id)
    other_counter_saves(database, person_id, phone="02131 123456")
    fill(qtbot, window.front_desk.person_page.form, "Telefon", "0176 5550000")
    dialog = saved_with_conflict(qtbot, window)
    radios = dialog.findChildren(QRadioButton)
    assert [(r.accessibleName(), r.accessibleDescription()) for r in radios] == [
        ("0176 5550000", "Telefon: Meine Eingabe"),
        ("02131 123456", "Telefon: Gespeicherte Fassung")]
    press(qtbot, Qt.Key.Key_Escape)
