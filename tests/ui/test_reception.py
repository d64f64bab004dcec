"""The front desk's first minute, keyboard only: register a family, find each member again
by another spelling, be warned before registering someone twice, get unsaved input back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Household, Person, Visit
from app.services.database import Database
from app.services.persons import update_person
from tests.actors import desk
from tests.ui.conftest import site_settings, wait_for
from tests.ui.keyboard import fill, focused, has_focus, named, press, tab_to, type_text
from ui.main_window import MainWindow

Opener = Callable[[], MainWindow]
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
MEMBER = "Haushaltsmitglied {number} – {field}"
# Members 2 to 4: given names, birth date as known, sex and role (typed as their first letter)
FAMILY = [("Fatima", "02.07.1991", "w", "E"), ("Yusuf", "20.05.2015", "m", "K"),
          ("Lina", "2019", "w", "K")]
# Each member found by a spelling other than the one registered
SEARCHES = [("Muhammad Alhasan", "Al-Hassan, Mohammed"), ("Fatma Hasan", "Al-Hassan, Fatima"),
            ("Jusuf Al Hassan 2015", "Al-Hassan, Yusuf"), ("Leena Alhassan", "Al-Hassan, Lina"),
            ("محمد الحسن", "Al-Hassan, Mohammed")]


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Until the search has answered and the worker has nothing left to do."""
    qtbot.waitUntil(lambda: not window.front_desk.reception.searching, timeout=10_000)
    wait_for(qtbot, window.worker)


def register_family(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_F2)
    form = window.front_desk.person_page.form
    wanted = named(qtbot, form, "Familienname")
    qtbot.waitUntil(lambda: has_focus(wanted))
    type_text("Al-Hassan")
    fill(qtbot, form, "Vorname(n)", "Mohammed")
    press(qtbot, Qt.Key.Key_W, ALT)  # another spelling: the name in Arabic script
    fill(qtbot, form, "Namensvariante 1 – Familienname", "الحسن")
    fill(qtbot, form, "Namensvariante 1 – Vorname(n)", "محمد")
    fill(qtbot, form, "Geburtsdatum", "14.03.1988")
    fill(qtbot, form, "Geschlecht", "m")
    fill(qtbot, form, "Staatsangehörigkeit", "Syrien")
    fill(qtbot, form, "Postleitzahl", "41460")
    fill(qtbot, form, "Rolle im Haushalt", "H")
    for number, (given, born, sex, role) in enumerate(FAMILY, start=2):
        press(qtbot, Qt.Key.Key_H, ALT)
        assert has_focus(named(qtbot, form, MEMBER.format(number=number, field="Familienname")))
        fill(qtbot, form, MEMBER.format(number=number, field="Vorname(n)"), given)
        fill(qtbot, form, MEMBER.format(number=number, field="Geburtsdatum"), born)
        fill(qtbot, form, MEMBER.format(number=number, field="Geschlecht"), sex)
        fill(qtbot, form, MEMBER.format(number=number, field="Rolle im Haushalt"), role)
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: window.front_desk.person.current is not None, timeout=10_000)
    wait_for(qtbot, window.worker)


def stored_family(database: Database) -> list[tuple[str, str, str, str, str]]:
    with database.sessions() as session:
        people = session.scalars(select(Person).order_by(Person.birth_date)).all()
        households = session.scalars(select(Household)).all()
        assert len(households) == 1 and all(p.household_id == households[0].id for p in people)
        return [(p.given_names, str(p.birth_date), p.birth_date_precision, p.household_role,
                 p.nationality) for p in people]


def find(qtbot: QtBot, window: MainWindow, query: str) -> str:
    """Search from wherever the focus is, open the best match, return whose file opened."""
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert window.current_area().key == "reception"
    assert focused() is window.front_desk.search_page.field
    type_text(query)
    settle(qtbot, window)
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.current_area().key == "person"
    return window.front_desk.person_page.title.text()


def test_a_family_of_four_is_registered_and_found_by_other_spellings(
        qtbot: QtBot, open_window: Opener, database: Database) -> None:
    window = open_window()
    register_family(qtbot, window)
    assert window.front_desk.person_page.title.text() == "Al-Hassan, Mohammed"
    assert stored_family(database) == [
        ("Mohammed", "1988-03-14", "day", "head", "SY"),
        ("Fatima", "1991-07-02", "day", "spouse", "SY"),
        ("Yusuf", "2015-05-20", "day", "child", "SY"),
        ("Lina", "2019-01-01", "year", "child", "SY")]
    for query, name in SEARCHES:
        assert find(qtbot, window, query) == name, query


def test_registering_someone_again_shows_the_stored_person_first(
        qtbot: QtBot, open_window: Opener) -> None:
    window = open_window()
    register_family(qtbot, window)
    press(qtbot, Qt.Key.Key_F2)
    form = window.front_desk.person_page.form
    type_text("Alhasan")
    fill(qtbot, form, "Vorname(n)", "Muhammad")
    fill(qtbot, form, "Geburtsdatum", "1988")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: window.front_desk.person.duplicate_dialog is not None)
    dialog = window.front_desk.person.duplicate_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    texts = [dialog.list.topLevelItem(0).text(column) for column in range(5)]
    assert texts[:3] == ["Alhasan, Muhammad", "Al-Hassan, Mohammed", "14.03.1988"]
    assert "Geburtsdatum kann dasselbe sein" in texts[4]
    press(qtbot, Qt.Key.Key_Return)  # the safe default: open the stored person
    wait_for(qtbot, window.worker)
    assert window.front_desk.person_page.title.text() == "Al-Hassan, Mohammed"
    with window.database.sessions() as session:
        assert len(session.scalars(select(Person)).all()) == 4


def test_typed_input_survives_a_crash_and_is_offered_at_the_next_start(
        qtbot: QtBot, open_window: Opener) -> None:
    window = open_window()
    press(qtbot, Qt.Key.Key_F2)
    form = window.front_desk.person_page.form
    type_text("Ahmadi")
    fill(qtbot, form, "Vorname(n)", "Zahra")
    fill(qtbot, form, "Geburtsdatum", "23.11.2001")
    autosaver = window.front_desk.person._autosaver
    qtbot.waitUntil(lambda: not autosaver.pending, timeout=5_000)
    # The first window never closes properly; the next start finds the draft.
    second = open_window()
    qtbot.waitUntil(lambda: second.front_desk.restore_dialog is not None)
    dialog = second.front_desk.restore_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.list.item(0).text().startswith("Neue Person: Ahmadi, Zahra")
    press(qtbot, Qt.Key.Key_Return)
    raw = second.front_desk.person_page.form.raw()
    assert (raw["family_name"], raw["given_names"], raw["birth_date"]) == (
        "Ahmadi", "Zahra", "23.11.2001")
    assert second.current_area().key == "person"


def test_a_visit_with_two_concerns_is_recorded_by_keyboard(
        qtbot: QtBot, open_window: Opener) -> None:
    window = open_window()
    register_family(qtbot, window)
    press(qtbot, Qt.Key.Key_E, ALT)  # "Besuch erfassen" for the person just saved
    qtbot.waitUntil(lambda: window.current_area().key == "visit")
    visit = window.front_desk.visit_page
    assert visit.title.text() == "Besuch von Al-Hassan, Mohammed"
    press(qtbot, Qt.Key.Key_Space)  # the first concern: Integrationskurs
    tab_to(qtbot, named(qtbot, visit.form, "Wohnen"))
    press(qtbot, Qt.Key.Key_Space)
    fill(qtbot, visit.form, "Notiz zum Besuch", "Sucht eine größere Wohnung.")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: visit.message.text() == "Besuch gespeichert.", timeout=10_000)
    with window.database.sessions() as session:
        visits = session.scalars(select(Visit)).all()
        assert [(v.person.given_names, v.note, sorted(c.code for c in v.concerns))
                for v in visits] == [("Mohammed", "Sucht eine größere Wohnung.",
                                      ["housing", "integration_course"])]


def test_esc_asks_before_typed_input_is_dropped(qtbot: QtBot, open_window: Opener) -> None:
    window = open_window()
    press(qtbot, Qt.Key.Key_F2)
    type_text("Kovalenko")
    press(qtbot, Qt.Key.Key_Escape)
    box = window.front_desk.person.cancel_box
    assert box is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    press(qtbot, Qt.Key.Key_Escape)  # "Weiter bearbeiten": nothing is lost
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert focused() is named(qtbot, window.front_desk.person_page.form, "Familienname")
    assert window.current_area().key == "person"
    assert window.front_desk.person_page.form.raw()["family_name"] == "Kovalenko"
    press(qtbot, Qt.Key.Key_Escape)
    box = window.front_desk.person.cancel_box
    assert box is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    press(qtbot, Qt.Key.Key_V, ALT)  # "Verwerfen"
    qtbot.waitUntil(lambda: window.current_area().key == "reception")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert focused() is window.front_desk.search_page.field


def test_a_change_saved_elsewhere_meanwhile_is_not_overwritten(
        qtbot: QtBot, open_window: Opener) -> None:
    window = open_window()
    register_family(qtbot, window)
    person = window.front_desk.person.current
    assert person is not None
    with window.database.sessions.begin() as session:  # another counter saves first
        update_person(session, person.person_id, {"phone": "02131 123456"},
                      actor=desk(site_settings(window.database)),
                      settings=site_settings(window.database))
    fill(qtbot, window.front_desk.person_page.form, "Telefon", "0176 5550000")
    press(qtbot, Qt.Key.Key_S, CTRL)
    page, conflicts = window.front_desk.person_page, window.front_desk.person.conflicts
    qtbot.waitUntil(lambda: conflicts.dialog is not None, timeout=10_000)
    dialog = conflicts.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert "inzwischen" in page.message.text().lower()
    assert [(row.label, row.mine, row.theirs, row.default) for row in dialog.rows] == [
        ("Telefon", "0176 5550000", "02131 123456", None)]  # both changed: the user decides
    press(qtbot, Qt.Key.Key_Escape)  # back to the form (tests/ui/test_conflict_dialog.py merges)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert page.form.raw()["phone"] == "0176 5550000"  # what was typed is still there
    with window.database.sessions() as session:
        assert session.get(Person, person.person_id).phone == "02131 123456"


NASTY = ["", " ", "x" * 10_000, "\x00\x07\x1b[31m", "😀🇸🇾", "محمد Müller Ковальчук",
         "'; DROP TABLE persons; --", "%_%", "\u202eevil", "14.14.2020", "P-NE-1-2026-000001-9"]


def test_any_text_in_the_search_box_gives_a_result_or_says_none_was_found(
        qtbot: QtBot, open_window: Opener) -> None:
    window = open_window()
    register_family(qtbot, window)
    reception, page = window.front_desk.reception, window.front_desk.search_page
    for text in NASTY:
        reception.search(text)
        settle(qtbot, window)
        status = page.status.text()
        assert ("gefunden" in status or status.startswith("Namen, Geburtsdatum")), (text, status)
    assert len(page.field.text()) <= 500  # the field keeps what can be searched for
