"""Batch printing the approved originals from the approval area, on the database worker.

:func:`app.services.batch_print.batch_print` runs chunk by chunk, each chunk its own unit of
work; its progress callback comes on the worker thread and is passed to the dialog through a
queued signal, and it answers "stop" once the user has cancelled – the run then ends after
the chunk in hand. A chunk goes to the printer (or a PDF file) inside its unit of work, so a
printer that fails rolls its chunk back: what is logged was handed over.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.config import Settings
from app.db.engine import session_factory
from app.files import write_atomically
from app.security.permissions import Actor
from app.services.batch_print import (
    DEFAULT_CHUNK,
    BatchResult,
    PrintedChunk,
    batch_print,
    waiting_originals,
)
from app.services.referral_filters import ReferralFilter
from ui.printing import print_pdf
from ui.worker import DatabaseWorker

Deliver = Callable[[PrintedChunk], None]


def numbered(path: Path, number: int) -> Path:
    """The file of the n-th chunk: the chosen name, then ``name-2.pdf``, ``name-3.pdf`` …"""
    return path if number == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")


def to_printer(printer: QPrinter) -> Deliver:
    """Each chunk one print job; a printer that writes PDF files gets one file per chunk
    (a second job would overwrite the first)."""
    numbers = itertools.count(1)
    target = printer.outputFileName()

    def deliver(chunk: PrintedChunk) -> None:
        number = next(numbers)
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
            printer.setOutputFileName(str(numbered(Path(target), number)))
        print_pdf(chunk.pdf, printer)

    return deliver


def to_files(path: Path) -> Deliver:
    numbers = itertools.count(1)
    return lambda chunk: write_atomically(numbered(path, next(numbers)), chunk.pdf)


class BatchRun(QObject):
    """One run of the batch print; ``progress(done, total)`` and ``finished(BatchResult)``
    come on the GUI thread, ``failed(error)`` when the run stopped on an error."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, worker: DatabaseWorker, settings: Settings, actor: Actor,
                 where: ReferralFilter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._settings, self._actor, self._where = worker, settings, actor, where
        self._stop = threading.Event()
        self.chunk_size = DEFAULT_CHUNK

    def count_waiting(self, on_count: Callable[[int], None],
                      on_failure: Callable[[BaseException], None]) -> None:
        where = self._where
        self._worker.run(lambda session: waiting_originals(session, where), on_count, on_failure)

    def start(self, deliver: Deliver) -> None:
        self._stop.clear()
        self._worker.run(self._operation(deliver), self.finished.emit, self.failed.emit)

    def cancel(self) -> None:
        """Stop after the chunk being printed (it is finished and logged, never cut)."""
        self._stop.set()

    def _operation(self, deliver: Deliver) -> Callable[[Session], BatchResult]:
        def operation(session: Session) -> BatchResult:
            engine = session.get_bind()
            assert isinstance(engine, Engine)  # the worker's sessions are bound to the engine
            return batch_print(session_factory(engine), actor=self._actor,
                               settings=self._settings, where=self._where,
                               chunk_size=self.chunk_size, progress=self._told,
                               deliver=deliver)
        return operation

    def _told(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)  # queued to the GUI thread
        return not self._stop.is_set()
