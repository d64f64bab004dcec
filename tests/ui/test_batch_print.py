"""Batch printing from the approval area on both engines: five approved originals printed in
chunks of two into PDF files through the dialog seam, cancelled after the first chunk, then
resumed – each original printed exactly once, the skipped ones named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.engine import unit_of_work
from app.db.models import PrintEvent
from app.services.approval import approve
from app.services.database import Database
from tests.db.referral_scene import (
    SETTINGS,
    Supervision,
    add_referral,
    add_supervision,
    originals,
    status,
)
from tests.ui.conftest import wait_for
from tests.ui.keyboard import has_focus, press
from tests.ui.letter_desk import PrintToFile, pdf_pages
from ui.views.approval_page import ApprovalArea
from ui.views.batch_print_dialog import BatchPrintDialog
from ui.worker import DatabaseWorker

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def office(database: Database) -> Supervision:
    """Five approved referrals to the Jugendamt waiting for their originals."""
    office = add_supervision(database)
    with unit_of_work(database.sessions) as session:
        references = [office.jugendamt] + [
            add_referral(session, office.scene, "childcare_family", "jugendamt", f"JA {n}")
            for n in range(4)]
        for reference in references:
            approve(session, reference, actor=office.boss)
    return office


@pytest.fixture
def area(qtbot: QtBot, database: Database, office: Supervision,
         tmp_path: Path) -> Iterator[ApprovalArea]:
    worker = DatabaseWorker(database.sessions)
    area = ApprovalArea(worker, SETTINGS, lambda: office.boss)
    area.dialogs = PrintToFile(tmp_path)
    area.controller.chunk_size = 2
    qtbot.addWidget(area)
    area.setMinimumSize(1200, 760)
    area.show()
    qtbot.waitExposed(area)
    wait_for(qtbot, worker)
    yield area
    worker.shutdown()


def print_events(database: Database) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(PrintEvent)) or 0


def open_dialog(qtbot: QtBot, area: ApprovalArea) -> BatchPrintDialog:
    area.table.setFocus()
    press(qtbot, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: area.controller.batch_dialog is not None
                    and area.controller.batch_dialog.print_button.isEnabled(), timeout=10_000)
    dialog = area.controller.batch_dialog
    assert dialog is not None
    return dialog


def test_cancel_after_the_first_chunk_and_resume_prints_each_original_once(
        qtbot: QtBot, area: ApprovalArea, database: Database, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, area)
    assert "5 freigegebene" in dialog.waiting.text()
    qtbot.waitUntil(lambda: has_focus(dialog.print_button))
    press(qtbot, Qt.Key.Key_D, ALT)  # Drucken …: the seam hands a PDF printer
    qtbot.waitUntil(lambda: dialog.running)  # a mnemonic clicks after a short animation
    press(qtbot, Qt.Key.Key_Escape)  # stop after the chunk in hand
    assert dialog.isVisible()  # Esc while printing does not close
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert "Angehalten: 2 gedruckt" in dialog.message.text()
    assert len(originals(database)) == 2 and print_events(database) == 2
    assert pdf_pages(tmp_path / "printed-1.pdf") >= 2
    qtbot.waitUntil(lambda: "3 freigegebene" in dialog.waiting.text(), timeout=10_000)
    assert "2 bereits gedruckt, übersprungen" in dialog.skipped.text()

    dialog.print_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # resume
    qtbot.waitUntil(lambda: not dialog.running and "Fertig" in dialog.message.text(),
                    timeout=30_000)
    assert "Fertig: 3 gedruckt" in dialog.message.text()
    printed = originals(database)
    assert len(printed) == 5 and len(set(printed)) == 5 and print_events(database) == 5
    assert {status(database, reference)[0] for reference in printed} == {"issued"}
    assert (tmp_path / "printed-2.pdf").exists() and (tmp_path / "printed-2-2.pdf").exists()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: area.controller.batch_dialog is None)
    qtbot.waitUntil(lambda: has_focus(area.batch_button))  # back where the user came from


def test_saving_as_pdf_writes_one_file_per_chunk(
        qtbot: QtBot, area: ApprovalArea, database: Database, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, area)
    press(qtbot, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: "Fertig" in dialog.message.text(), timeout=30_000)
    names = sorted(path.name for path in tmp_path.glob("Freigegebene-Originale*.pdf"))
    assert names == ["Freigegebene-Originale-2.pdf", "Freigegebene-Originale-3.pdf",
                     "Freigegebene-Originale.pdf"]
    assert print_events(database) == 5
