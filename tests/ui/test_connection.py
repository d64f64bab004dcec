"""The database goes away mid-work: one banner instead of an error per operation, the
typed input stays, and once the server is back F5 saves it.

The PostgreSQL test runs on a server of its own, which it shuts down and starts again, so
the other tests' server is never cut off."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError, OperationalError

from app.codes import Role
from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import Person
from app.services.database import Database, open_database
from app.services.person_input import validate
from app.services.persons import register_person
from tests.actors import desk
from tests.conftest import REQUIRE_POSTGRES
from tests.pgserver import PostgresServer, start_server
from tests.ui.conftest import signed_in, site_settings, wait_for
from tests.ui.keyboard import fill, focused, press
from ui.controllers.failures import is_connection_failure
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def wrapped(error: Exception) -> OperationalError:
    return OperationalError("SELECT 1", {}, error)


def test_only_an_unreachable_database_counts_as_a_lost_connection() -> None:
    with pytest.raises(psycopg.OperationalError) as refused:  # nothing listens on port 1
        psycopg.connect("host=127.0.0.1 port=1 user=lotse dbname=x connect_timeout=2")
    assert is_connection_failure(refused.value)
    assert is_connection_failure(wrapped(refused.value))
    assert is_connection_failure(wrapped(sqlite3.OperationalError(
        "unable to open database file")))
    assert not is_connection_failure(wrapped(sqlite3.OperationalError("database is locked")))
    assert not is_connection_failure(wrapped(sqlite3.OperationalError("no such table: x")))
    assert not is_connection_failure(IntegrityError("INSERT", {}, Exception("unique")))
    assert not is_connection_failure(ValueError("not a database error"))


@pytest.fixture
def own_server() -> Iterator[PostgresServer]:
    server = start_server()
    if server is None:
        if REQUIRE_POSTGRES:
            pytest.fail("PostgreSQL is required here (CI) but its binaries were not found")
        pytest.skip("PostgreSQL is not installed: this test needs a real server")
    yield server
    server.stop()


@pytest.fixture
def cut_off_database(own_server: PostgresServer) -> Iterator[Database]:
    admin = create_engine(own_server.admin_url.replace("postgresql://",
                                                       "postgresql+psycopg://"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text('CREATE DATABASE "lotse"'))
    admin.dispose()
    database = open_database(Settings(database_url=own_server.url("lotse"), user="test"))
    yield database
    database.close()


def registered(database: Database) -> uuid.UUID:
    settings = site_settings(database)
    with unit_of_work(database.sessions) as session:
        return register_person(session, validate({"family_name": "Kovalenko",
                                                  "given_names": "Olena"}),
                               actor=desk(settings), settings=settings).id


@pytest.mark.postgres
def test_a_save_without_the_server_keeps_the_input_and_f5_saves_it_later(
        qtbot: QtBot, own_server: PostgresServer, cut_off_database: Database) -> None:
    database = cut_off_database
    person_id = registered(database)
    window = MainWindow(site_settings(database), database, signed_in(database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    watch, banner = window.connection, window.connection_banner
    watch.timer.setInterval(100)
    window.front_desk.open_person(person_id)
    wait_for(qtbot, window.worker)
    page = window.front_desk.person_page
    fill(qtbot, page.form, "Telefon", "0176 5550000")

    own_server.pause()
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert banner.text.text() == ("Keine Verbindung zur Datenbank – Ihre Eingaben bleiben "
                                  "erhalten.")
    assert banner.retry_button.text() == "Erneut versuchen (F5)"
    assert "Keine Verbindung zur Datenbank" in page.message.text()
    assert page.form.raw()["phone"] == "0176 5550000"
    assert window.current_area().key == "person" and watch.offline
    fill(qtbot, page.form, "E-Mail", "o.kovalenko@example.org")  # work goes on meanwhile

    own_server.resume()
    qtbot.waitUntil(lambda: not watch.offline, timeout=15_000)  # the check got an answer
    assert banner.isVisible() and "wieder da" in banner.text.text()  # the save is undone
    press(qtbot, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.message.text().startswith("Gespeichert"), timeout=10_000)
    assert not banner.isVisible()
    with database.sessions() as session:
        person = session.get(Person, person_id)
        assert person is not None
        assert (person.phone, person.email) == ("0176 5550000", "o.kovalenko@example.org")
    window.close()


@pytest.mark.postgres
def test_the_banner_goes_when_the_server_is_back_and_nothing_is_undone(
        qtbot: QtBot, own_server: PostgresServer, cut_off_database: Database) -> None:
    window = MainWindow(site_settings(cut_off_database), cut_off_database,
                        signed_in(cut_off_database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    watch, banner = window.connection, window.connection_banner
    watch.timer.setInterval(100)
    wait_for(qtbot, window.worker)  # the start page's own loading is done
    own_server.pause()
    watch.check()  # as the timer does; a failed check leaves nothing to do again
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert watch.undone == []
    own_server.resume()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=15_000)
    assert not watch.offline
    window.close()


def test_f5_retries_from_any_page_even_where_f5_reloads(
        qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    window = open_window("chef", Role.SUPERVISOR)
    window.go_to(window.area_row("statistics"))
    wait_for(qtbot, window.worker)
    page = window.pages.currentWidget()
    inside = next(w for w in page.findChildren(QWidget)
                  if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible())
    inside.setFocus()
    assert page.isAncestorOf(focused())  # where F5 is the statistics' reload
    asked: list[str] = []
    window.connection.lost(lambda: asked.append("save"))
    assert window.connection_banner.isVisible()
    press(qtbot, Qt.Key.Key_F5)
    assert asked == ["save"] and not window.connection_banner.isVisible()
    wait_for(qtbot, window.worker)
    press(qtbot, Qt.Key.Key_F5)  # the banner is gone: F5 is the page's own again
    assert asked == ["save"]
