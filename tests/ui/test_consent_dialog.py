"""Recording a consent from the letters area, keyboard only: the letter then carries the data
the person agreed to; a consent that does not fit says why under the field, keeps what was
entered and stores nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Consent
from app.services.database import Database
from tests.db.letter_scene import Scene
from tests.ui.keyboard import focused, named, press, tab_to, type_text
from tests.ui.letter_desk import PrintToFile, settle, store_scene
from ui.main_window import MainWindow
from ui.views.consent_dialog import ConsentDialog

Opener = Callable[[], MainWindow]
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
NOTE = "Bescheid steht aus, Miete unbezahlt"  # the front desk's note on the jobcenter concern


@pytest.fixture
def scene(database: Database) -> Scene:
    return store_scene(database)


def jobcenter_letter(qtbot: QtBot, window: MainWindow, scene: Scene, tmp_path: Path) -> None:
    """The mother's letters (Alt+S on her file), arrowed down to the jobcenter referral."""
    desk = window.front_desk
    desk.letters.printing.dialogs = PrintToFile(tmp_path)
    desk.open_person(scene.mother)
    qtbot.waitUntil(lambda: desk.person.current is not None, timeout=10_000)
    settle(qtbot, window)
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: window.current_area().key == "letters")
    settle(qtbot, window)
    for _row in range(desk.letters.model.rowCount()):
        row = desk.letters.current_row()
        if row is not None and row.reference == scene.jobcenter:
            break
        press(qtbot, Qt.Key.Key_Down)
        settle(qtbot, window)
    assert desk.letters.letter is not None, desk.letters_page.preview.notice.text()
    assert desk.letters.letter.reference == scene.jobcenter


def open_dialog(qtbot: QtBot, window: MainWindow) -> ConsentDialog:
    press(qtbot, Qt.Key.Key_N, ALT)  # "Einwilligung erfassen"
    consent = window.front_desk.letters.consent
    qtbot.waitUntil(lambda: consent.dialog is not None and consent.dialog.isVisible())
    dialog = consent.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def consents(database: Database) -> list[Consent]:
    with database.sessions() as session:
        return list(session.scalars(select(Consent)))


def test_a_consent_to_the_note_puts_the_note_into_the_letter(
        qtbot: QtBot, open_window: Opener, database: Database, scene: Scene,
        tmp_path: Path) -> None:
    window = open_window()
    jobcenter_letter(qtbot, window, scene, tmp_path)
    preview = window.front_desk.letters_page.preview
    assert NOTE not in preview.text()  # withheld: the note needs the person's consent
    dialog = open_dialog(qtbot, window)
    assert focused() is dialog.categories[next(iter(dialog.categories))]
    assert dialog.purpose.text().startswith("Überleitung zum Anliegen „Lebensunterhalt“")
    tab_to(qtbot, named(qtbot, dialog, "Notiz zum Anliegen"))
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_S, CTRL)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.front_desk.letters.consent.dialog is None)
    [stored] = consents(database)
    assert (stored.person_id, stored.agency_kind, stored.data_categories, stored.given_by) == (
        scene.mother, "jobcenter", ["concern"], "person")
    assert stored.directory_office_id == scene.jobcenter_office
    assert NOTE in " ".join(preview.text().split())
    assert "Einwilligung gespeichert" in window.front_desk.letters_page.message.text()


def test_a_guardian_without_name_and_no_data_are_named_under_their_fields(
        qtbot: QtBot, open_window: Opener, database: Database, scene: Scene,
        tmp_path: Path) -> None:
    window = open_window()
    jobcenter_letter(qtbot, window, scene, tmp_path)
    dialog = open_dialog(qtbot, window)
    tab_to(qtbot, named(qtbot, dialog, "Zweck"))
    press(qtbot, Qt.Key.Key_End)
    type_text(" – Wohngeld")
    tab_to(qtbot, named(qtbot, dialog, "Erteilt von"))
    press(qtbot, Qt.Key.Key_Down)  # den Sorgeberechtigten
    assert dialog.guardian_name.isEnabled()
    press(qtbot, Qt.Key.Key_S, CTRL)
    settle(qtbot, window)
    assert dialog.isVisible() and consents(database) == []
    assert dialog.category_error.isVisible()
    assert dialog.category_error.text().startswith("Daten: erwartet wird mindestens eine")
    guardian = dialog.fields["guardian_name"].error
    assert guardian.isVisible() and guardian.text().startswith("Name der Sorgeberechtigten:")
    assert dialog.purpose.text().endswith("– Wohngeld")  # nothing typed is lost
    assert focused() is dialog.categories[next(iter(dialog.categories))]
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, named(qtbot, dialog, "Name der Sorgeberechtigten"))
    type_text("Fatima Al-Hassan")
    press(qtbot, Qt.Key.Key_S, CTRL)
    settle(qtbot, window)
    [stored] = consents(database)
    assert (stored.given_by, stored.guardian_name) == ("guardian", "Fatima Al-Hassan")


def test_esc_cancels_the_consent_and_the_keyboard_is_back_in_the_list(
        qtbot: QtBot, open_window: Opener, database: Database, scene: Scene,
        tmp_path: Path) -> None:
    window = open_window()
    jobcenter_letter(qtbot, window, scene, tmp_path)
    open_dialog(qtbot, window)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.front_desk.letters.consent.dialog is None)
    assert consents(database) == []
    qtbot.waitUntil(lambda: window.front_desk.letters_page.table.hasFocus())


def test_tab_walks_the_consent_form_in_visual_order_and_every_input_is_named(
        qtbot: QtBot, open_window: Opener, scene: Scene, tmp_path: Path) -> None:
    window = open_window()
    jobcenter_letter(qtbot, window, scene, tmp_path)
    dialog = open_dialog(qtbot, window)
    seen = []
    for _step in range(11):
        seen.append(focused().accessibleName() or focused().text())  # type: ignore[attr-defined]
        press(qtbot, Qt.Key.Key_Tab)
    assert seen == ["Name und Geburtsdatum", "Anschrift und Kontakt", "Aufenthalt", "Sprachen",
                    "Haushalt", "Notiz zum Anliegen", "Zweck", "Erteilt von", "Erteilt am",
                    "Abbrechen", "Einwilligung speichern"]  # the guardian's name is off
    for field in dialog.fields.values():
        assert field.label.buddy().accessibleName() == field.label.text()
