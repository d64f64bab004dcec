"""The directory area as an administrator and as the front desk meet it, keyboard only: open
an office with Enter, change it, save with Ctrl+S; errors under their fields; a conflict
keeps what was typed; a new office with Ctrl+N; retiring after a question; export and
import; read-only with the reason for everyone else."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.codes import AgencyKind, Role
from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import DirectoryOffice, User
from app.services.database import Database
from app.services.directory import default_directory_path, import_directory, read_directory
from app.services.directory_edit import save_office
from app.services.directory_export import export_directory
from tests.actors import account, desk
from tests.ui.conftest import wait_for
from tests.ui.keyboard import fill, focused, has_focus, named, press, tab_to, type_text
from ui.controllers.directory_controller import DirectoryController
from ui.views.directory_editor import DirectoryEditor
from ui.views.directory_editor_fields import LEFT
from ui.views.directory_page import DirectoryPage
from ui.worker import DatabaseWorker

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
OFFICE = "jobcenter-neuss"


def settings_for(database: Database, user: str) -> Settings:
    return Settings(database_url=database.settings.database_url, office="NE", workstation=3,
                    user=user)


@pytest.fixture
def directory(database: Database) -> Database:
    """The demo district's directory and one user per role."""
    with unit_of_work(database.sessions) as session:
        import_directory(session, read_directory(default_directory_path()))
        session.add_all([User(username="admin", role=Role.ADMIN.value),
                         User(username="a.becker", role=Role.FRONT_DESK.value)])
    return database


Opener = Callable[[str], DirectoryController]


@pytest.fixture
def open_area(qtbot: QtBot, directory: Database) -> Iterator[Opener]:
    """The directory area for a user, on screen, loaded, with the table focused."""
    workers: list[DatabaseWorker] = []

    def opener(user: str) -> DirectoryController:
        worker = DatabaseWorker(directory.sessions)
        workers.append(worker)
        page = DirectoryPage()
        page.setMinimumSize(1100, 700)
        qtbot.addWidget(page)
        with directory.sessions() as session:
            actor = account(session, user, "NE-3")  # as signed in
        controller = DirectoryController(worker, page, page,
                                         settings=settings_for(directory, user), actor=actor)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        controller.refresh()
        wait_for(qtbot, worker)
        page.table.setFocus()
        return controller

    yield opener
    for worker in workers:
        worker.shutdown()


def worker_of(controller: DirectoryController) -> DatabaseWorker:
    return controller._worker


def stored(database: Database, code: str = OFFICE) -> DirectoryOffice:
    with database.sessions() as session:
        office = session.scalars(select(DirectoryOffice).where(
            DirectoryOffice.code == code)).one()
        session.expunge(office)
        return office


def open_by_keyboard(qtbot: QtBot, controller: DirectoryController,
                     code: str = OFFICE) -> DirectoryEditor:
    """Home, Down to the office's row, Enter – then wait for the editor to show it."""
    model = controller.model
    row = next(r for r in range(model.rowCount()) if model.row(r).code == code)
    press(qtbot, Qt.Key.Key_Home)
    for _step in range(row):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    editor = controller.editing.editor
    assert editor is not None
    wait_for(qtbot, worker_of(controller))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return editor


def back_in_table(qtbot: QtBot, controller: DirectoryController) -> None:
    """The editor closed: the keyboard is back in the list."""
    page = controller.parent()
    assert isinstance(page, DirectoryPage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)


def replace_text(qtbot: QtBot, editor: DirectoryEditor, name: str, text: str) -> None:
    tab_to(qtbot, named(qtbot, editor, name))
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(text)


def phone_in_table(controller: DirectoryController, code: str = OFFICE) -> str:
    model = controller.model
    row = next(r for r in range(model.rowCount()) if model.row(r).code == code)
    return str(model.index(row, 3).data())


# --- changing an office ---------------------------------------------------------------------


def test_enter_opens_the_office_and_ctrl_s_saves_the_new_phone(
        qtbot: QtBot, open_area: Opener, directory: Database) -> None:
    controller = open_area("admin")
    assert phone_in_table(controller) == "02131 9244-0"
    editor = open_by_keyboard(qtbot, controller)
    assert editor.title.text() == "Jobcenter Rhein-Kreis Neuss – Geschäftsstelle Neuss"
    wanted = named(qtbot, editor, "Name")
    qtbot.waitUntil(lambda: has_focus(wanted))
    replace_text(qtbot, editor, "Telefon", "02131 9244-555")
    press(qtbot, Qt.Key.Key_S, CTRL)
    wait_for(qtbot, worker_of(controller))
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert phone_in_table(controller) == "02131 9244-555"
    page = controller.parent()
    assert isinstance(page, DirectoryPage)
    assert page.notice.text() == ("Gespeichert: Jobcenter Rhein-Kreis Neuss – "
                                  "Geschäftsstelle Neuss.")
    office = stored(directory)
    assert (office.phone, office.version, office.origin) == ("02131 9244-555", 2, "NE-3")
    back_in_table(qtbot, controller)


def test_an_invalid_email_is_named_under_its_field_and_nothing_is_written(
        qtbot: QtBot, open_area: Opener, directory: Database) -> None:
    controller = open_area("admin")
    editor = open_by_keyboard(qtbot, controller)
    replace_text(qtbot, editor, "E-Mail", "jobcenter(at)neuss.de")
    press(qtbot, Qt.Key.Key_S, CTRL)
    wait_for(qtbot, worker_of(controller))
    email = editor.fields.slots["email"]
    assert editor.isVisible()
    assert email.error.isVisible()
    assert email.error.text() == "erwartet wird eine E-Mail-Adresse wie name@example.org"
    assert email.widget.accessibleDescription() == email.error.text()
    assert editor.message.text().startswith("Nicht gespeichert: 1 Angabe(n) bitte prüfen")
    assert focused() is email.widget
    office = stored(directory)
    assert (office.email, office.version) == (
        "jobcenter-rhein-kreis-neuss.neuss@jobcenter-ge.de", 1)


def test_a_change_saved_elsewhere_meanwhile_keeps_what_was_typed(
        qtbot: QtBot, open_area: Opener, directory: Database) -> None:
    controller = open_area("admin")
    editor = open_by_keyboard(qtbot, controller)
    raw = editor.raw()
    with unit_of_work(directory.sessions) as session:  # another counter saves first
        save_office(session, {**raw, "phone": "02131 9244-1"},
                    actor=desk(settings_for(directory, "admin"), Role.ADMIN),
                    settings=settings_for(directory, "admin"),
                    office_id=stored(directory).id, expected_version=1)
    replace_text(qtbot, editor, "Telefon", "02131 9244-777")
    press(qtbot, Qt.Key.Key_S, CTRL)
    wait_for(qtbot, worker_of(controller))
    assert "inzwischen an einem anderen Arbeitsplatz gespeichert" in editor.message.text()
    assert editor.isVisible()
    assert editor.raw()["phone"] == "02131 9244-777"  # nothing typed is lost
    assert stored(directory).phone == "02131 9244-1"


def test_esc_asks_before_typed_input_is_dropped(qtbot: QtBot, open_area: Opener,
                                                directory: Database) -> None:
    controller = open_area("admin")
    editor = open_by_keyboard(qtbot, controller)
    press(qtbot, Qt.Key.Key_Escape)  # nothing typed yet: closes at once
    qtbot.waitUntil(lambda: not editor.isVisible())
    back_in_table(qtbot, controller)
    editor = open_by_keyboard(qtbot, controller)
    replace_text(qtbot, editor, "Ort", "Neuss-Mitte")
    press(qtbot, Qt.Key.Key_Escape)
    box = controller.editing.cancel_box
    assert box is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    press(qtbot, Qt.Key.Key_Escape)  # "Weiter bearbeiten"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    assert focused() is named(qtbot, editor, "Ort")
    press(qtbot, Qt.Key.Key_Escape)
    box = controller.editing.cancel_box
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    press(qtbot, Qt.Key.Key_V, ALT)  # "Verwerfen"
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert stored(directory).city == "Neuss"


# --- a new office, retiring -----------------------------------------------------------------


def test_ctrl_n_creates_an_office_that_appears_in_the_table(
        qtbot: QtBot, open_area: Opener, directory: Database) -> None:
    controller = open_area("admin")
    press(qtbot, Qt.Key.Key_N, CTRL)
    editor = controller.editing.editor
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    wanted = named(qtbot, editor, "Kürzel")
    qtbot.waitUntil(lambda: has_focus(wanted))
    kinds = named(qtbot, editor, "Art der Stelle")
    assert isinstance(kinds, QComboBox) and kinds.currentText() == "– bitte wählen –"
    assert kinds.count() == len(AgencyKind) + 1
    type_text("vhs-jüchen")  # not a valid code: ü
    tab_to(qtbot, named(qtbot, editor, "Art der Stelle"))
    type_text("Integrationsk")  # type-ahead in the list of kinds
    fill(qtbot, editor, "Name", "Volkshochschule Jüchen")
    fill(qtbot, editor, "Straße und Hausnummer", "Markt 5")
    fill(qtbot, editor, "Postleitzahl", "41363")
    fill(qtbot, editor, "Ort", "Jüchen")
    tab_to(qtbot, named(qtbot, editor, "Jüchen"))
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_S, CTRL)
    wait_for(qtbot, worker_of(controller))
    code = editor.fields.slots["code"]
    assert "etwa „vhs-juechen“" in code.error.text()
    replace_text(qtbot, editor, "Kürzel", "vhs-juechen")
    press(qtbot, Qt.Key.Key_S, CTRL)
    wait_for(qtbot, worker_of(controller))
    qtbot.waitUntil(lambda: not editor.isVisible())
    office = stored(directory, "vhs-juechen")
    assert (office.agency_kind, office.municipalities) == ("integration_course_provider",
                                                           ["Jüchen"])
    wait_for(qtbot, worker_of(controller))
    current = controller.model.row(controller.parent().table.currentIndex().row())
    assert current.code == "vhs-juechen"  # the new office is chosen in the table


def test_retiring_asks_first_and_takes_the_office_off_the_list(
        qtbot: QtBot, open_area: Opener, directory: Database) -> None:
    controller = open_area("admin")
    total = controller.model.total()
    open_by_keyboard(qtbot, controller)
    press(qtbot, Qt.Key.Key_Escape)
    back_in_table(qtbot, controller)
    page = controller.parent()
    assert isinstance(page, DirectoryPage)
    press(qtbot, Qt.Key.Key_Delete)
    box = controller.retire_box
    assert box is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    assert box.text() == ("„Jobcenter Rhein-Kreis Neuss – Geschäftsstelle Neuss“ außer Dienst "
                          "stellen?")
    press(qtbot, Qt.Key.Key_A, ALT)  # the button clicks after a short animation
    qtbot.waitUntil(lambda: controller.model.total() == total - 1)
    assert OFFICE not in {controller.model.row(r).code
                          for r in range(controller.model.rowCount())}
    assert stored(directory).deleted_at is not None
    assert page.count.text() == f"{total - 1} Stellen"


# --- who may do what ------------------------------------------------------------------------


def test_the_front_desk_sees_everything_but_changes_nothing(
        qtbot: QtBot, open_area: Opener, directory: Database) -> None:
    controller = open_area("a.becker")
    page = controller.parent()
    assert isinstance(page, DirectoryPage)
    assert page.access.text() == ("Nur ansehen. Nur die Fachadministration darf das "
                                  "Verzeichnis ändern. „a.becker“ hat die Rolle Empfang.")
    assert not page.new_button.isEnabled() and not page.retire_button.isEnabled()
    assert not page.import_button.isEnabled() and page.export_button.isEnabled()
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert controller.editing.editor is None  # nothing opens
    editor = open_by_keyboard(qtbot, controller)
    assert not editor.save_button.isVisible()
    assert editor.cancel_button.text() == "Schließen"
    phone = named(qtbot, editor, "Telefon")
    assert isinstance(phone, QLineEdit) and phone.isReadOnly()
    assert phone.text() == "02131 9244-0"
    press(qtbot, Qt.Key.Key_S, CTRL)
    wait_for(qtbot, worker_of(controller))
    assert editor.isVisible() and stored(directory).version == 1


def test_every_input_is_named_like_its_label_and_tab_follows_the_columns(
        qtbot: QtBot, open_area: Opener) -> None:
    controller = open_area("admin")
    editor = open_by_keyboard(qtbot, controller)
    inputs = [*editor.findChildren(QLineEdit), *editor.findChildren(QPlainTextEdit),
              *editor.findChildren(QComboBox)]
    buddies = {label.buddy(): label.text() for label in editor.findChildren(QLabel)
               if label.buddy() is not None}
    assert len(inputs) == 14  # 11 lines, 2 texts of several lines, the kind of office
    assert [(w.accessibleName(), buddies.get(w)) for w in inputs
            if w.accessibleName() != buddies.get(w)] == []
    chain = editor.fields.focus_chain()
    tab_to(qtbot, chain[0])
    visited = [focused()]
    for _step in range(len(chain) - 1):
        press(qtbot, Qt.Key.Key_Tab)
        visited.append(focused())
    assert visited == chain
    def position(widget: QWidget) -> tuple[int, int]:
        point = widget.mapTo(editor, widget.rect().topLeft())
        return point.x(), point.y()

    left = [editor.fields.slots[key].widget for key in LEFT]
    assert chain[:len(left)] == left  # down the left column first, then the right
    assert [position(w)[1] for w in left] == sorted(position(w)[1] for w in left)
    right = chain[len(left):]
    assert min(position(w)[0] for w in right) > max(position(w)[0] for w in left)
    rows = [position(w)[1] for w in right]
    assert rows == sorted(rows)  # check boxes row by row, then documents and note


# --- export and import ----------------------------------------------------------------------


def test_export_then_import_a_changed_file_shows_the_counts(
        qtbot: QtBot, open_area: Opener, directory: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    controller = open_area("admin")
    target = tmp_path / "verzeichnis.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(target), "Lotse-Verzeichnis (*.yaml *.yml)"))
    press(qtbot, Qt.Key.Key_X, ALT)  # the button clicks after a short animation
    page = controller.parent()
    assert isinstance(page, DirectoryPage)
    qtbot.waitUntil(lambda: "Stellen exportiert nach" in page.notice.text())
    assert page.notice.text() == f"{controller.model.total()} Stellen exportiert nach {target}."
    with unit_of_work(directory.sessions) as session:
        assert target.read_text(encoding="utf-8") == export_directory(session)
    target.write_text(target.read_text(encoding="utf-8").replace(
        "phone: 02131 9244-0\n", "phone: 02131 9244-42\n"), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(target), ""))
    press(qtbot, Qt.Key.Key_I, ALT)
    qtbot.waitUntil(lambda: controller.transfer.message_box is not None)
    box = controller.transfer.message_box
    assert box is not None and box.text() == "Das Verzeichnis wurde importiert."
    assert "0 Stellen neu, 1 aktualisiert" in box.informativeText()
    wait_for(qtbot, worker_of(controller))
    assert phone_in_table(controller) == "02131 9244-42"


def test_a_file_with_problems_is_refused_with_every_problem_named(
        qtbot: QtBot, open_area: Opener, directory: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    controller = open_area("admin")
    with unit_of_work(directory.sessions) as session:
        text = export_directory(session)
    broken = tmp_path / "kaputt.yaml"
    broken.write_text(text.replace("phone: 02131 9244-0\n", "phone: ruf an\n").replace(
        "postal_code: '41462'", "postal_code: '4146'"), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(broken), ""))
    press(qtbot, Qt.Key.Key_I, ALT)
    qtbot.waitUntil(lambda: controller.transfer.message_box is not None)
    box = controller.transfer.message_box
    assert box is not None
    problems = text.count("postal_code: '41462'") + 1
    assert box.text() == f"Nichts wurde übernommen: Die Datei hat {problems} Problem(e)."
    assert "kaputt.yaml, Büro jobcenter-neuss, Feld phone: erwartet wird eine " \
           "Telefonnummer" in box.informativeText()
    assert stored(directory).phone == "02131 9244-0"


def test_rows_are_replaced_in_place_after_a_save(qtbot: QtBot, open_area: Opener) -> None:
    controller = open_area("admin")
    model = controller.model
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    editor = open_by_keyboard(qtbot, controller)
    replace_text(qtbot, editor, "Telefon", "02131 9244-1")
    press(qtbot, Qt.Key.Key_S, CTRL)
    wait_for(qtbot, worker_of(controller))
    row = next(r for r in range(model.rowCount()) if model.row(r).code == OFFICE)
    assert changed == [(row, row)] and resets == []
    assert model.index(row, 0, QModelIndex()).data() == editor.title.text()
    assert uuid.UUID(str(model.row(row).id))
