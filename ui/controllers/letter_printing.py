"""Printing a letter and saving it as PDF, each logged in the print log.

The user chooses the printer (or the file) first; only then the worker renders the letter
and records the print in one unit of work, and exactly those bytes are printed (or written).
A PDF file is written inside that unit of work, so a file that could not be written is not
logged either. A printer fails only after the log entry: the message says so, and printing
again gives a Zweitschrift.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy.orm import Session

from app.config import Settings
from app.files import write_atomically
from app.i18n import _
from app.security.permissions import Actor
from ui.controllers.failures import describe_failure
from ui.controllers.letter_operations import Issued, LetterChoice, LetterScope, issue
from ui.printing import LetterDialogs, PrintQueue
from ui.views.letters_page import LettersPage, kind_labels
from ui.worker import DatabaseWorker


class LetterPrinting(QObject):
    issued = Signal(object)  # Issued: the letter as logged and the fresh rows
    finished = Signal()  # printed, saved, failed or cancelled: the page may act again

    def __init__(self, worker: DatabaseWorker, page: LettersPage, settings: Settings,
                 actor: Actor, dialogs: LetterDialogs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._page, self._settings = worker, page, settings
        self._actor = actor
        self.dialogs = dialogs
        self.queue = PrintQueue(self)
        self.printed_pages = 0  # of the last print, for the message (and the tests)
        self.busy = False  # from the chosen printer or file until printed, saved or failed
        self.finished.connect(self._idle)

    def _idle(self) -> None:
        self.busy = False

    def print_letter(self, choice: LetterChoice, scope: LetterScope) -> None:
        printer = self.dialogs.choose_printer(self._page)
        if printer is None:
            self.finished.emit()
            return
        self.busy = True
        self._page.show_message(_("Wird gedruckt …"))
        self._worker.run(issue(choice, scope, self._settings, self._actor, "print"),
                         lambda issued: self._send(issued, printer),
                         lambda error: self._failed(error, _("Drucken")))

    def save_pdf(self, choice: LetterChoice, scope: LetterScope) -> None:
        suggested = f"{choice.reference}-{choice.kind.value}-{choice.language}.pdf"
        path = self.dialogs.choose_pdf_file(self._page, suggested)
        if path is None:
            self.finished.emit()
            return
        self.busy = True
        self._page.show_message(_("Wird gespeichert …"))
        write = issue(choice, scope, self._settings, self._actor, "pdf")

        def operation(session: Session) -> Issued:
            issued = write(session)
            write_atomically(path, issued.letter.pdf)  # no file, no log entry
            return issued

        self._worker.run(operation, lambda issued: self._saved(issued, path),
                         lambda error: self._failed(error, _("Als PDF speichern")))

    def _send(self, issued: Issued, printer: QPrinter) -> None:
        self.issued.emit(issued)
        self.queue.print(issued.letter.pdf, printer, lambda pages: self._printed(issued, pages),
                         self._printer_failed)

    def _printed(self, issued: Issued, pages: int) -> None:
        self.printed_pages = pages
        self._page.show_message(_("Gedruckt und protokolliert: {what} ({pages} Seite(n)).")
                                .format(what=describe(issued), pages=pages))
        self.finished.emit()

    def _saved(self, issued: Issued, path: Path) -> None:
        self.issued.emit(issued)
        self._page.show_message(_("Gespeichert und protokolliert: {what} in {path}.").format(
            what=describe(issued), path=path))
        self.finished.emit()

    def _printer_failed(self, error: BaseException) -> None:
        self._page.show_message(_("Der Drucker hat das Schreiben nicht angenommen ({error}). "
                                  "Der Druck ist schon protokolliert; ein neuer Druck wird als "
                                  "Zweitschrift gekennzeichnet.").format(error=error),
                                problem=True)
        self.finished.emit()

    def _failed(self, error: BaseException, what: str) -> None:
        if isinstance(error, OSError):
            text = _("{what}: Die Datei ließ sich nicht schreiben ({error}). Nichts wurde "
                     "protokolliert; bitte einen anderen Ordner wählen.").format(
                what=what, error=error.strerror or error)
        else:
            text = describe_failure(error, what)
        self._page.show_message(text, problem=True)
        self.finished.emit()


def describe(issued: Issued) -> str:
    """"Überleitungsschreiben NE-2-2026-000417-3, Zweitschrift" – what was printed."""
    letter = issued.letter
    text = f"{kind_labels()[letter.kind]} {letter.reference}"
    return _("{letter}, Zweitschrift").format(letter=text) if letter.copy else text
