"""After a visit with referrals is saved, the front desk is in that visit's letters – with the
route sheet chosen when there are several stations – and prints it with Ctrl+P."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import PrintEvent, Referral
from app.services.database import Database
from tests.ui.keyboard import has_focus, press
from tests.ui.letter_desk import PrintToFile, pdf_pages, settle
from tests.ui.test_visit_routing import family, open_visit, rows_shown, tick
from ui.main_window import MainWindow

Opener = Callable[[], MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
__all__ = ["family"]  # the fixture: the district's directory and a family in Grevenbroich


def test_a_saved_visit_lands_in_its_letters_with_the_route_sheet_ready_to_print(
        qtbot: QtBot, open_window: Opener, database: Database, family: dict[str, uuid.UUID],
        tmp_path: Path) -> None:
    window = open_window()
    dialogs = PrintToFile(tmp_path)
    window.front_desk.letters.printing.dialogs = dialogs
    open_visit(qtbot, window, "Haddad Omar")
    tick(qtbot, window, "Lebensunterhalt", "Integrationskurs")
    rows_shown(qtbot, window)
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: window.current_area().key == "letters", timeout=10_000)
    settle(qtbot, window)
    page, letters = window.front_desk.letters_page, window.front_desk.letters
    with database.sessions() as session:
        references = set(session.scalars(select(Referral.reference)))
    assert len(references) >= 2
    listed = {letters.model.row_at(r).reference for r in range(letters.model.rowCount())}
    assert listed == references
    assert page.scope.text() == "Überleitungen des Besuchs von Haddad, Omar"
    assert page.kind.currentText() == "Laufzettel"
    assert letters.letter is not None and letters.letter.kind == "route-sheet"
    qtbot.waitUntil(lambda: has_focus(page.table))
    press(qtbot, Qt.Key.Key_P, CTRL)
    settle(qtbot, window)
    assert pdf_pages(dialogs.printed[0]) == page.preview.page_count()
    with database.sessions() as session:
        [event] = session.scalars(select(PrintEvent)).all()
        assert event.letter_kind == "route-sheet" and event.visit_id is not None
    press(qtbot, Qt.Key.Key_Escape)
    assert window.current_area().key == "visit"
