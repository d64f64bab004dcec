"""The conflicts tab of the approval area on a branch replica, by keyboard: Alt+K lists the
fields both sides changed, in words; Alt+B keeps the kept value, Alt+N takes the other one,
Alt+Z combines two texts in a dialog; a record changed since is refused and nothing is
overwritten."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.codes import Role
from app.db.base import utcnow
from app.db.engine import unit_of_work
from app.db.models import Person
from app.services.database import Database
from app.sync.conflict_exchange import synchronise
from app.sync.conflicts import review_conflicts
from tests.actors import desk
from tests.sync.scene import Branch, Hub
from tests.ui.conftest import wait_for
from tests.ui.keyboard import focused, has_focus, press, type_text
from tests.ui.screenshots import screenshot
from ui.views.approval_page import ApprovalArea
from ui.views.conflict_review_dialog import CombineDialog
from ui.views.conflict_review_view import ConflictReviewView
from ui.worker import DatabaseWorker

pytestmark = pytest.mark.postgres

ALT = Qt.KeyboardModifier.AltModifier


def write(database: Database, person: uuid.UUID, origin: str, **values: Any) -> None:
    with unit_of_work(database.sessions) as session:
        row = session.get_one(Person, person)
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_at, row.origin = utcnow(), origin


def person(database: Database, person_id: uuid.UUID) -> Person:
    with database.sessions() as session:
        return session.get_one(Person, person_id)


@pytest.fixture
def conflicts(hub: Hub, branch: Branch) -> None:
    """Three fields both sides changed; the hub changed them later, so its values are kept."""
    mother, son = hub.scene.mother, hub.scene.son
    write(branch.database, mother, "NE-7", phone="0170 111", note="Kommt dienstags")
    write(branch.database, son, "NE-7", phone="0160 777")
    write(hub.database, mother, "NE-1", phone="0170 999", note="Braucht Arabisch")
    write(hub.database, son, "NE-1", phone="0160 555")
    assert len(synchronise(branch.database.engine, hub.database.engine).conflicts) == 3


@pytest.fixture
def area(qtbot: QtBot, branch: Branch, conflicts: None) -> Iterator[ApprovalArea]:
    worker = DatabaseWorker(branch.database.sessions)
    area = ApprovalArea(worker, branch.settings,
                        lambda: desk(branch.settings, Role.SUPERVISOR))
    qtbot.addWidget(area)
    area.setMinimumSize(1200, 700)
    area.show()
    qtbot.waitExposed(area)
    area.activateWindow()
    wait_for(qtbot, worker)
    area.table.setFocus()
    press(qtbot, Qt.Key.Key_K, ALT)  # to the conflicts, which load now
    wait_for(qtbot, worker)
    yield area
    worker.shutdown()


def review(area: ApprovalArea) -> ConflictReviewView:
    assert area.conflicts is not None
    return area.conflicts


def choose(qtbot: QtBot, area: ApprovalArea, field: str, record: str) -> None:
    """Alt+K into the list, then down the rows to the conflict on ``field`` of ``record``."""
    view = review(area)
    press(qtbot, Qt.Key.Key_K, ALT)
    qtbot.waitUntil(lambda: has_focus(view.table))
    press(qtbot, Qt.Key.Key_Home)
    for _row in range(view.model.rowCount()):
        if view.details.text().startswith(f"{field} von Person {record}"):
            return
        press(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"no conflict on {field} of {record}: {view.details.text()}")


def resolve_by(qtbot: QtBot, area: ApprovalArea, key: Qt.Key, rows_after: int) -> None:
    press(qtbot, key, ALT)
    qtbot.waitUntil(lambda: review(area).model.rowCount() == rows_after, timeout=10_000)
    wait_for(qtbot, area.conflict_controller._worker)  # type: ignore[union-attr]


def test_keep_take_the_other_and_combine(qtbot: QtBot, area: ApprovalArea, hub: Hub,
                                         branch: Branch) -> None:
    view = review(area)
    assert has_focus(view.table) and view.model.rowCount() == 3
    assert "3 offene(r) Konflikt(e)." in view.message.text()
    choose(qtbot, area, "Telefon", "Al-Hassan, Fatima")
    assert "behalten „0170 999“, anderer Wert „0170 111“ – NE-1 (behalten), NE-7" in (
        view.details.text())
    screenshot(area, "conflict-review.png")
    resolve_by(qtbot, area, Qt.Key.Key_B, 2)
    assert view.message.text().startswith("Geklärt: Telefon von Person Al-Hassan, Fatima")
    assert person(branch.database, hub.scene.mother).phone == "0170 999"

    son = person(branch.database, hub.scene.son)
    choose(qtbot, area, "Telefon", son.display_name)
    resolve_by(qtbot, area, Qt.Key.Key_N, 1)
    assert person(branch.database, hub.scene.son).phone == "0160 777"

    choose(qtbot, area, "Notiz", "Al-Hassan, Fatima")
    press(qtbot, Qt.Key.Key_Z, ALT)
    qtbot.waitUntil(lambda: isinstance(focused().window(), CombineDialog))
    dialog = area.conflict_controller.dialog  # type: ignore[union-attr]
    assert dialog is not None
    assert dialog.text.toPlainText() == "Braucht Arabisch\nKommt dienstags"
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text("Braucht Arabisch; kommt dienstags, Tür 3 – Übersetzerin")
    resolve_by(qtbot, area, Qt.Key.Key_S, 0)
    qtbot.waitUntil(lambda: area.conflict_controller.dialog is None)  # type: ignore[union-attr]
    assert person(branch.database, hub.scene.mother).note == (
        "Braucht Arabisch; kommt dienstags, Tür 3 – Übersetzerin")
    synchronise(branch.database.engine, hub.database.engine)  # and on the hub after a round
    assert person(hub.database, hub.scene.mother).note == person(
        branch.database, hub.scene.mother).note


def test_a_record_changed_since_is_refused(qtbot: QtBot, area: ApprovalArea, hub: Hub,
                                           branch: Branch) -> None:
    view = review(area)
    choose(qtbot, area, "Telefon", "Al-Hassan, Fatima")
    write(branch.database, hub.scene.mother, "NE-7", phone="0211 42")
    press(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: "inzwischen geändert (jetzt: 0211 42" in view.message.text()
                    and "3 offene(r) Konflikt(e)." in view.message.text(), timeout=10_000)
    assert "color" in view.message.styleSheet()  # shown as a problem
    assert view.model.rowCount() == 3
    assert person(branch.database, hub.scene.mother).phone == "0211 42"


def test_only_a_text_can_be_combined(qtbot: QtBot, hub: Hub, branch: Branch) -> None:
    write(branch.database, hub.scene.mother, "NE-7", nationality="SY")
    write(hub.database, hub.scene.mother, "NE-1", nationality="IQ")
    synchronise(branch.database.engine, hub.database.engine)
    view = ConflictReviewView()
    qtbot.addWidget(view)
    with branch.database.sessions() as session:
        [conflict] = review_conflicts(session, actor=desk(branch.settings, Role.SUPERVISOR))
    view.show_selected(conflict)
    assert conflict.field == "Staatsangehörigkeit"
    assert view.keep_button.isEnabled() and not view.combine_button.isEnabled()
