"""The main window as a user meets it: status bar, start page, navigation, empty states."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.codes import Role
from app.services.database import Database
from tests.ui.conftest import wait_for
from tests.ui.records import add_directory_offices, add_persons, mark_as_demo
from ui.main_window import MainWindow
from ui.views.empty_state import EmptyStatePage

Opener = Callable[..., MainWindow]


def test_status_bar_names_mode_database_user_office_and_workstation(
        open_window: Opener, database: Database) -> None:
    window = open_window()
    bar = window.status_bar
    assert window.windowTitle() == "Lotse – GV"
    assert bar.mode.text() == "Betriebsart: Gemeinsame Datenbank"
    assert bar.user.text() == "Benutzer: a.becker (Empfang)"
    assert bar.office.text() == "Dienststelle: GV"
    assert bar.workstation.text() == "Arbeitsplatz: 3"
    url = database.engine.url
    if database.backend == "sqlite":
        path = Path(str(url.database))
        assert bar.database.text() == f"Datenbank: {path.name}"
        assert str(path.resolve()) in bar.database.toolTip()
    else:
        assert bar.database.text() == f"Datenbank: {url.host}:{url.port}/{url.database}"
        assert bar.database.toolTip().startswith("PostgreSQL: postgresql")
    assert not bar.demo_badge.isVisible()


def test_demo_badge_shows_on_a_demo_database(open_window: Opener, database: Database) -> None:
    mark_as_demo(database)
    window = open_window()
    assert window.status_bar.demo_badge.isVisible()
    assert window.status_bar.demo_badge.text() == "DEMO-DATENBANK"
    assert window.overview_page.demo_notice.isVisible()


def test_start_page_counts_what_is_in_the_database(
        open_window: Opener, database: Database) -> None:
    add_persons(database)
    add_directory_offices(database)
    page = open_window().overview_page
    assert page.persons.value.text() == "5"
    assert page.households.value.text() == "1"
    assert page.visits.value.text() == "5"
    assert page.open_referrals.value.text() == "3"
    assert page.directory_offices.value.text() == "8"


def test_ctrl_8_opens_the_directory_with_its_offices(
        qtbot: QtBot, open_window: Opener, database: Database) -> None:
    add_directory_offices(database)
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.navigation.list, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area().title == "Verzeichnis"
    assert window.pages.currentWidget() is window.directory_page
    wait_for(qtbot, window.worker)
    model = window.directory_page.table.model()
    assert model.rowCount() == 8
    names = {model.index(row, 0).data() for row in range(model.rowCount())}
    assert "Agentur für Arbeit Mönchengladbach" in names
    assert window.directory_page.count.text() == "8 Stellen"
    assert window.directory_page.table.hasFocus()


def test_shortcuts_are_shown_in_the_navigation_tooltips(open_window: Opener) -> None:
    window = open_window("admin", Role.ADMIN)  # an administrator sees every area
    items = [window.navigation.list.item(row) for row in range(window.navigation.list.count())]
    assert [item.text() for item in items] == [
        "Übersicht", "Empfang", "Person", "Besuch & Anliegen", "Schreiben", "Freigabe",
        "Statistik", "Verzeichnis", "Regeln", "Verwaltung"]
    native = QKeySequence("Ctrl+8").toString(QKeySequence.SequenceFormat.NativeText)
    assert items[7].toolTip() == f"Verzeichnis ({native})"
    last = QKeySequence("Ctrl+0").toString(QKeySequence.SequenceFormat.NativeText)
    assert last in items[9].toolTip()


def test_arrow_keys_in_the_navigation_change_the_area(qtbot: QtBot, open_window: Opener) -> None:
    window = open_window("admin", Role.ADMIN)
    assert window.navigation.list.hasFocus()
    qtbot.keyClick(window.navigation.list, Qt.Key.Key_Down)
    assert window.current_area().key == "reception"
    qtbot.keyClick(window.navigation.list, Qt.Key.Key_End)
    assert window.current_area().key == "administration"


def test_areas_not_built_yet_say_what_they_are_for_and_offer_nothing_fake(
        open_window: Opener) -> None:
    window = open_window()
    pages = [window.pages.widget(i) for i in range(window.pages.count())]
    empty = [page for page in pages if isinstance(page, EmptyStatePage)]
    assert len(empty) == 3  # approval, statistics, administration
    for page in empty:
        texts = " ".join(label.text() for label in page.findChildren(QLabel))
        assert "noch nicht eingerichtet" in texts
        assert "Wer damit arbeitet" in texts
        assert page.findChildren(QPushButton) == []
        assert page.findChildren(QLineEdit) == []


def _inside_combo(widget: QWidget) -> bool:
    """A combo box's own line edit or popup list: the combo box is what has the label."""
    return any(isinstance(parent, QComboBox)
               for parent in (widget.parent(), widget.parent() and widget.parent().parent()))


def test_every_list_and_input_is_named_like_its_label(open_window: Opener) -> None:
    window = open_window()
    for area in window.areas:  # each area is built the first time it is shown
        if window.may_use(area):
            window.go_to_area(area.key)
    views = [v for v in window.findChildren(QAbstractItemView) if not isinstance(v, QHeaderView)]
    inputs = [widget for widget in [*views, *window.findChildren(QLineEdit),
                                    *window.findChildren(QPlainTextEdit),
                                    *window.findChildren(QComboBox)]
              if not _inside_combo(widget)]
    buddies = {label.buddy(): label.text().replace("&", "")
               for label in window.findChildren(QLabel) if label.buddy() is not None}
    assert len(inputs) > 30  # navigation, tables, search, person and visit forms
    unnamed = [(type(widget).__name__, widget.accessibleName()) for widget in inputs
               if widget not in buddies or widget.accessibleName() != buddies[widget]]
    assert unnamed == []
