"""The rules area as an administrator uses it, keyboard only: Ctrl+9, a case, Enter – which
rules fire and why, the offices that follow, the ruleset version and its coverage; a value
the rules cannot judge is named next to its field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.engine import unit_of_work
from app.services.database import Database
from app.services.directory import default_directory_path, import_directory, read_directory
from app.services.routing_cases import current_ruleset
from tests.ui.conftest import wait_for
from tests.ui.keyboard import fill, focused, named, press, tab_to, type_text
from ui.main_window import MainWindow

Opener = Callable[[], MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier


def open_rules(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, Qt.Key.Key_9, CTRL)
    assert window.current_area().key == "rules"
    wait_for(qtbot, window.worker)


def choose(qtbot: QtBot, window: MainWindow, name: str, typed: str) -> None:
    """Tab to a list box and pick the entry that starts with ``typed``."""
    fill(qtbot, window.rules_page, name, typed)


def retype(qtbot: QtBot, window: MainWindow, name: str, text: str) -> None:
    """Tab to a line, select what it holds and type over it (nothing typed: emptied)."""
    tab_to(qtbot, named(qtbot, window.rules_page, name))
    press(qtbot, Qt.Key.Key_A, CTRL)
    if text:
        type_text(text)
    else:
        press(qtbot, Qt.Key.Key_Backspace)


def trace_rows(window: MainWindow) -> list[tuple[str, str, str]]:
    table = window.rules_page.trace
    return [tuple(table.item(row, column).text() for column in range(3))  # type: ignore[misc]
            for row in range(table.rowCount())]


def result_text(window: MainWindow) -> str:
    return window.rules_page.result.toPlainText()


def test_ctrl_9_shows_version_coverage_and_the_default_case(
        qtbot: QtBot, open_window: Opener, database: Database) -> None:
    window = open_window()
    open_rules(qtbot, window)
    page = window.rules_page
    assert focused() is named(qtbot, page, "Aufenthaltsstatus")
    version = current_ruleset().version
    assert f"Version {version}" in page.version.text()
    assert page.coverage.text().startswith("Abdeckung:")
    assert page.gaps.count() >= 1
    text = result_text(window)
    assert "Fall: Schutzberechtigt, 34 Jahre, Neuss, Lebensunterhalt" in text
    assert "Hauptzuständig: Jobcenter" in text
    assert "mitgelieferten Verzeichnisdatei" in text  # the database has no directory
    assert any(fired == "ja" for _rule, fired, _why in trace_rows(window))
    assert all(why for _rule, _fired, why in trace_rows(window))


def test_an_unaccompanied_minor_goes_to_the_jugendamt_and_the_trace_says_why(
        qtbot: QtBot, open_window: Opener, database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        import_directory(session, read_directory(default_directory_path()))
    window = open_window()
    open_rules(qtbot, window)
    page = window.rules_page
    choose(qtbot, window, "Aufenthaltsstatus", "Asylsuchende")
    retype(qtbot, window, "Alter", "16")
    choose(qtbot, window, "Gemeinde", "Korschenbroich")
    choose(qtbot, window, "Anliegen", "Wohnen")
    tab_to(qtbot, named(qtbot, page, "Unbegleitet minderjährig"))
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, window.worker)
    text = result_text(window)
    assert "Hauptzuständig: Jugendamt" in text
    assert "Rhein-Kreis Neuss – Kreisjugendamt" in text  # Korschenbroich has none of its own
    assert "Stellen aus dem Verzeichnis der Datenbank" in text
    fired = [rule for rule, yes, _why in trace_rows(window) if yes == "ja"]
    overridden = [why for _rule, yes, why in trace_rows(window) if "übersteuert" in why]
    assert fired and overridden


def test_a_value_the_rules_cannot_judge_is_named_next_to_its_field(
        qtbot: QtBot, open_window: Opener) -> None:
    window = open_window()
    open_rules(qtbot, window)
    page = window.rules_page
    before = result_text(window)
    retype(qtbot, window, "Alter", "200")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, window.worker)
    error = page.form.errors["age"]
    assert error.isVisible() and "200" in error.text() and "120" in error.text()
    assert page.message.text().startswith("Nicht geprüft")
    assert focused() is named(qtbot, page, "Alter")
    assert result_text(window) == before  # the last answer stays until a case fits

    retype(qtbot, window, "Alter", "")
    retype(qtbot, window, "Stichtag", "01.01.1990")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, window.worker)
    assert not page.form.errors["age"].isVisible()
    assert "1990" in page.form.errors["reference_date"].text()
    assert QApplication.focusWidget() is named(qtbot, page, "Stichtag")
