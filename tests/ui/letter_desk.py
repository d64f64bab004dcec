"""Helpers for the letters tests: the letter scene in the window's database, a print dialog
that prints to a PDF file, and reading what a PDF says."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.db.engine import unit_of_work
from app.services.database import Database
from tests.db.letter_scene import Scene, add_scene
from tests.ui.conftest import wait_for
from ui.main_window import MainWindow
from ui.printing import new_printer, open_pdf

TEST_DPI = 150  # the printed file is checked for its pages, not its sharpness


class PrintToFile:
    """The seam for the system dialogs: every print goes to a new PDF file in ``folder``,
    every "save as" to the suggested name there; ``cancel`` answers like Esc would."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.printed: list[Path] = []
        self.saved: list[Path] = []
        self.cancel = False

    def choose_printer(self, parent: QWidget) -> QPrinter | None:
        if self.cancel:
            return None
        path = self.folder / f"printed-{len(self.printed) + 1}.pdf"
        printer = new_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setResolution(TEST_DPI)
        self.printed.append(path)
        return printer

    def choose_pdf_file(self, parent: QWidget, suggested_name: str) -> Path | None:
        if self.cancel:
            return None
        path = self.folder / suggested_name
        self.saved.append(path)
        return path


def store_scene(database: Database) -> Scene:
    with unit_of_work(database.sessions) as session:
        return add_scene(session)


def pdf_pages(path: Path) -> int:
    document, buffer = open_pdf(path.read_bytes())
    pages = document.pageCount()
    buffer.close()
    return pages


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Until the worker and the printer have nothing left to do."""
    printing = window.front_desk.letters.printing
    qtbot.waitUntil(lambda: not printing.busy and not window.worker.busy, timeout=20_000)
    wait_for(qtbot, window.worker)
