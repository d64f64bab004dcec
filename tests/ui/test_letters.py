"""The letters area at the counter, keyboard only: a person's referrals, the letter previewed
in the person's language, printed and logged, reprinted as a Zweitschrift, saved as PDF –
and a letter that cannot be right is explained instead of printed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from app.db.engine import unit_of_work
from app.db.models import DirectoryOffice, PrintEvent, Referral
from app.services.database import Database
from app.services.letters import RenderedLetter
from tests.db.letter_scene import Scene
from tests.ui.keyboard import focused, has_focus, press
from tests.ui.letter_desk import PrintToFile, pdf_pages, settle, store_scene
from ui.controllers.letter_operations import Issued
from ui.main_window import MainWindow

Opener = Callable[[], MainWindow]
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def scene(database: Database) -> Scene:
    return store_scene(database)


@pytest.fixture
def dialogs(tmp_path: Path) -> PrintToFile:
    return PrintToFile(tmp_path)


def open_letters_of(qtbot: QtBot, window: MainWindow, scene: Scene,
                    dialogs: PrintToFile) -> None:
    """The mother's file, then Alt+S: her letters."""
    window.front_desk.letters.printing.dialogs = dialogs
    window.front_desk.open_person(scene.mother)
    qtbot.waitUntil(lambda: window.front_desk.person.current is not None, timeout=10_000)
    settle(qtbot, window)
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: window.current_area().key == "letters")
    settle(qtbot, window)


def shown_letter(window: MainWindow) -> RenderedLetter:
    letter = window.front_desk.letters.letter
    assert letter is not None, window.front_desk.letters_page.preview.notice.text()
    return letter


def print_events(database: Database) -> list[PrintEvent]:
    with database.sessions() as session:
        return list(session.scalars(select(PrintEvent).order_by(PrintEvent.printed_at)))


def test_alt_s_on_a_person_lists_her_referrals_and_previews_the_first_in_her_language(
        qtbot: QtBot, open_window: Opener, scene: Scene, dialogs: PrintToFile) -> None:
    window = open_window()
    open_letters_of(qtbot, window, scene, dialogs)
    page = window.front_desk.letters_page
    assert page.scope.text() == "Überleitungen von Al-Hassan, Fatima"
    model = window.front_desk.letters.model
    assert sorted(model.row_at(r).reference for r in range(model.rowCount())) == sorted(
        [scene.jobcenter, scene.residence])  # the son's referral is his
    qtbot.waitUntil(lambda: has_focus(page.table))
    assert page.language.currentText() == "Arabisch"
    assert page.kind.currentText() == "Überleitungsschreiben"
    letter = shown_letter(window)
    assert letter.language == "ar" and not letter.copy
    assert page.preview.page_count() >= 1
    assert letter.reference in page.preview.text()
    assert page.print_button.isEnabled() and page.save_button.isEnabled()


def test_arrow_keys_and_enter_preview_the_next_referral_and_the_kind_is_chosen_by_keyboard(
        qtbot: QtBot, open_window: Opener, scene: Scene, dialogs: PrintToFile) -> None:
    window = open_window()
    open_letters_of(qtbot, window, scene, dialogs)
    first = shown_letter(window).reference
    press(qtbot, Qt.Key.Key_Down)
    settle(qtbot, window)
    second = shown_letter(window).reference
    assert {first, second} == {scene.jobcenter, scene.residence}
    press(qtbot, Qt.Key.Key_Return)  # Enter previews the row (again); the focus stays
    settle(qtbot, window)
    assert shown_letter(window).reference == second
    page = window.front_desk.letters_page
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.kind
    press(qtbot, Qt.Key.Key_Down)  # Einwilligungserklärung
    settle(qtbot, window)
    assert shown_letter(window).kind == "consent"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.language
    press(qtbot, Qt.Key.Key_Home)  # Deutsch
    settle(qtbot, window)
    assert shown_letter(window).language == "de"


def test_ctrl_p_prints_the_logged_bytes_and_a_second_print_is_a_zweitschrift(
        qtbot: QtBot, open_window: Opener, database: Database, scene: Scene,
        dialogs: PrintToFile) -> None:
    window = open_window()
    open_letters_of(qtbot, window, scene, dialogs)
    letters = window.front_desk.letters
    sent: list[Issued] = []
    letters.printing.issued.connect(sent.append)
    reference = shown_letter(window).reference
    pages = window.front_desk.letters_page.preview.page_count()
    assert pages >= 1
    press(qtbot, Qt.Key.Key_P, CTRL)
    settle(qtbot, window)
    assert pdf_pages(dialogs.printed[0]) == pages
    [event] = print_events(database)
    assert event.pdf_sha256 == hashlib.sha256(sent[0].letter.pdf).hexdigest()
    assert (event.copy, event.channel, event.letter_kind) == (False, "print", "referral")
    row = letters.model.row_of(reference)
    assert row is not None
    assert [letters.model.index(row, column).data() for column in (5, 6)] == [
        "Ausgehändigt", "ja"]
    page = window.front_desk.letters_page
    assert shown_letter(window).copy  # the preview is now what a reprint would be
    assert "Zweitschrift" in page.preview.text()
    assert "Gedruckt und protokolliert" in page.message.text()
    press(qtbot, Qt.Key.Key_P, CTRL)
    settle(qtbot, window)
    assert [e.copy for e in print_events(database)] == [False, True]
    assert "Zweitschrift" in page.message.text()


def test_a_cancelled_print_dialog_prints_and_logs_nothing(
        qtbot: QtBot, open_window: Opener, database: Database, scene: Scene,
        dialogs: PrintToFile) -> None:
    window = open_window()
    open_letters_of(qtbot, window, scene, dialogs)
    dialogs.cancel = True
    press(qtbot, Qt.Key.Key_P, CTRL)
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    settle(qtbot, window)
    assert print_events(database) == []
    assert window.front_desk.letters_page.print_button.isEnabled()


def test_ctrl_shift_s_saves_the_letter_as_a_pdf_file_and_logs_it(
        qtbot: QtBot, open_window: Opener, database: Database, scene: Scene,
        dialogs: PrintToFile) -> None:
    window = open_window()
    open_letters_of(qtbot, window, scene, dialogs)
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    settle(qtbot, window)
    [path] = dialogs.saved
    [event] = print_events(database)
    assert event.channel == "pdf"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == event.pdf_sha256
    assert pdf_pages(path) >= 1
    assert "Gespeichert und protokolliert" in window.front_desk.letters_page.message.text()


def test_a_file_that_cannot_be_written_is_not_logged(
        qtbot: QtBot, open_window: Opener, database: Database, scene: Scene,
        dialogs: PrintToFile, tmp_path: Path) -> None:
    window = open_window()
    dialogs.folder = tmp_path / "missing-folder"
    open_letters_of(qtbot, window, scene, dialogs)
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)
    settle(qtbot, window)
    assert print_events(database) == []
    message = window.front_desk.letters_page.message.text()
    assert "Datei ließ sich nicht schreiben" in message and "Nichts wurde protokolliert" in message


def test_a_recipient_without_address_is_explained_and_cannot_be_printed(
        qtbot: QtBot, open_window: Opener, database: Database, scene: Scene,
        dialogs: PrintToFile) -> None:
    with unit_of_work(database.sessions) as session:
        session.execute(update(DirectoryOffice).values(street="", city=""))
    window = open_window()
    open_letters_of(qtbot, window, scene, dialogs)
    page = window.front_desk.letters_page
    assert window.front_desk.letters.letter is None
    assert not page.preview.showing_pdf
    notice = page.preview.notice.text()
    assert "kann so nicht erstellt werden" in notice
    assert "Straße" in notice and "Ort" in notice and "Verzeichnis" in notice
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()
    press(qtbot, Qt.Key.Key_P, CTRL)
    settle(qtbot, window)
    assert dialogs.printed == [] and print_events(database) == []


def test_esc_goes_back_to_the_person_and_ctrl_5_keeps_her_letters(
        qtbot: QtBot, open_window: Opener, scene: Scene, dialogs: PrintToFile) -> None:
    window = open_window()
    open_letters_of(qtbot, window, scene, dialogs)
    press(qtbot, Qt.Key.Key_Escape)
    assert window.current_area().key == "person"
    press(qtbot, Qt.Key.Key_5, CTRL)
    settle(qtbot, window)
    assert window.current_area().key == "letters"
    assert window.front_desk.letters_page.scope.text() == "Überleitungen von Al-Hassan, Fatima"


def test_ctrl_5_alone_lists_the_newest_referrals(
        qtbot: QtBot, open_window: Opener, database: Database, scene: Scene) -> None:
    window = open_window()
    press(qtbot, Qt.Key.Key_5, CTRL)
    settle(qtbot, window)
    assert window.front_desk.letters_page.scope.text() == "Neueste Überleitungen"
    with database.sessions() as session:
        count = len(session.scalars(select(Referral)).all())
    assert window.front_desk.letters.model.rowCount() == count == 3


def test_tab_goes_from_the_list_to_the_choices_the_preview_and_the_buttons(
        qtbot: QtBot, open_window: Opener, scene: Scene, dialogs: PrintToFile) -> None:
    window = open_window()
    open_letters_of(qtbot, window, scene, dialogs)
    page = window.front_desk.letters_page
    seen = []
    for _step in range(8):
        seen.append(focused().accessibleName() or focused().text())  # type: ignore[attr-defined]
        press(qtbot, Qt.Key.Key_Tab)
    assert seen == ["Überleitungen von Al-Hassan, Fatima", "Art des Schreibens", "Sprache",
                    "Vorschau", "Einwilligu&ng erfassen …", "&Rückmeldung erfassen …",
                    "Als PDF speichern …", "Drucken …"]
    assert "Strg+P" in page.print_button.toolTip()
    assert "Strg+Umschalt+S" in page.save_button.toolTip()
