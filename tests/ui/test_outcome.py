"""Recording what became of a referral from the letters area, by typing its reference."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from app.codes import ReferralStatus
from app.db.engine import unit_of_work
from app.db.models import Referral
from app.services.database import Database
from tests.db.letter_scene import Scene
from tests.ui.conftest import wait_for
from tests.ui.keyboard import focused, press, type_text
from tests.ui.letter_desk import store_scene
from ui.main_window import MainWindow
from ui.views.outcome_dialog import OutcomeDialog

Opener = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def issued(database: Database) -> Scene:
    """The scene, with the Jobcenter's letter printed (issued) already."""
    scene = store_scene(database)
    with unit_of_work(database.sessions) as session:
        session.execute(update(Referral).where(Referral.reference == scene.jobcenter)
                        .values(status=ReferralStatus.ISSUED.value))
    return scene


def open_outcome_dialog(qtbot: QtBot, window: MainWindow) -> OutcomeDialog:
    window.go_to(window.area_row("letters"))
    wait_for(qtbot, window.worker)
    press(qtbot, Qt.Key.Key_E, CTRL)
    outcomes = window.front_desk.letters.outcomes
    assert outcomes is not None and outcomes.dialog is not None
    dialog = outcomes.dialog
    qtbot.waitUntil(lambda: dialog.reference.hasFocus())
    return dialog


def status_of(database: Database, reference: str) -> str:
    with unit_of_work(database.sessions) as session:
        return session.scalars(select(Referral.status)
                               .where(Referral.reference == reference)).one()


def test_a_typed_reference_records_the_outcome(
        qtbot: QtBot, open_window: Opener, database: Database, issued: Scene) -> None:
    window = open_window()
    dialog = open_outcome_dialog(qtbot, window)
    type_text(issued.jobcenter)
    press(qtbot, Qt.Key.Key_Return)  # as a scanner ends: on to the outcome, nothing recorded
    assert focused() is dialog.status
    assert status_of(database, issued.jobcenter) == ReferralStatus.ISSUED.value
    press(qtbot, Qt.Key.Key_Return)  # "Angekommen" is the first outcome
    wait_for(qtbot, window.worker)
    assert status_of(database, issued.jobcenter) == ReferralStatus.ARRIVED.value
    assert dialog.message.text().startswith(f"Erfasst: {issued.jobcenter} – Angekommen")
    assert dialog.reference.text() == "" and dialog.reference.hasFocus()  # the next scan


def test_a_wrong_check_digit_is_named_under_the_reference(
        qtbot: QtBot, open_window: Opener, database: Database, issued: Scene) -> None:
    window = open_window()
    dialog = open_outcome_dialog(qtbot, window)
    last = issued.jobcenter[-1]
    mistyped = issued.jobcenter[:-1] + str((int(last) + 1) % 10)
    type_text(mistyped)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, window.worker)
    error = dialog.errors["reference"]
    assert error.isVisible()
    assert error.text().startswith("Aktenzeichen: die Prüfziffer")
    assert dialog.reference.text() == mistyped and dialog.reference.hasFocus()
    assert status_of(database, issued.jobcenter) == ReferralStatus.ISSUED.value


def test_declined_needs_a_reason(
        qtbot: QtBot, open_window: Opener, database: Database, issued: Scene) -> None:
    window = open_window()
    dialog = open_outcome_dialog(qtbot, window)
    type_text(issued.jobcenter)
    press(qtbot, Qt.Key.Key_Return)
    dialog.status.setCurrentIndex(dialog.status.findData(ReferralStatus.DECLINED.value))
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, window.worker)
    assert dialog.errors["reason"].isVisible()
    assert dialog.reason.hasFocus()
    type_text("Termin abgesagt")
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, window.worker)
    assert status_of(database, issued.jobcenter) == ReferralStatus.DECLINED.value
