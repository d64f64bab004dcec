"""Printing a letter's PDF on the system printer, and saving it as a file.

The PDF the print log hashed is the PDF that is printed: its pages are rasterised by QtPdf
at the printer's resolution (at most 600 dpi) and drawn on the QPrinter one after another.
A page is rendered in horizontal bands, so a 600 dpi A4 page never needs a 140 MB image.
Rasterising and spooling take about a quarter of a second per page, so :class:`PrintQueue`
does it on a thread of its own (QPainter may paint on a QPrinter outside the GUI thread)
and reports back on the GUI thread.

The system dialogs are behind :class:`LetterDialogs`, a seam the tests replace: they print
to a PDF file instead of asking for a printer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from app.i18n import _

MAX_DPI = 600  # sharper than any office printer needs; above it only memory grows
BAND_PIXELS = 8_000_000  # one band of a page as an image: about 32 MB


class PrintFailedError(RuntimeError):
    """The PDF could not be read or the printer could not start."""


class LetterDialogs(Protocol):
    """Where the user chooses a printer or a file; ``None`` when they cancel."""

    def choose_printer(self, parent: QWidget) -> QPrinter | None: ...

    def choose_pdf_file(self, parent: QWidget, suggested_name: str) -> Path | None: ...


# The printer named by the setting ``printer`` (set at start); "" is the system default.
_default_printer = {"name": ""}


def use_default_printer(name: str) -> None:
    """Letters go to the printer ``name`` unless the user picks another in the dialog."""
    _default_printer["name"] = name


def new_printer() -> QPrinter:
    """A printer set up for letters: full resolution, A4 portrait, the PDF's own margins;
    the configured printer if it exists on this machine, else the system's default."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if _default_printer["name"] in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(_default_printer["name"])
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the letter has its own margins (DIN 5008)
    return printer


class SystemDialogs:
    """The operating system's print and save dialogs."""

    def choose_printer(self, parent: QWidget) -> QPrinter | None:
        printer = new_printer()
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_("Schreiben drucken"))
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose_pdf_file(self, parent: QWidget, suggested_name: str) -> Path | None:
        start = str(Path.home() / suggested_name)
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, _("Schreiben als PDF speichern"), start, _("PDF-Dateien (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def open_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """The document and the buffer it reads from (which must live as long as it)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PrintFailedError(_("Das Schreiben ließ sich nicht lesen."))
    return document, buffer


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of ``pdf`` on ``printer``; returns the number of pages printed."""
    document, buffer = open_pdf(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailedError(_("Der Drucker ließ sich nicht ansprechen."))
    try:
        for page in range(document.pageCount()):
            if page > 0:
                printer.newPage()
            _draw_page(document, page, painter, printer)
    finally:
        painter.end()
        buffer.close()
    return document.pageCount()


def _draw_page(document: QPdfDocument, page: int, painter: QPainter, printer: QPrinter) -> None:
    """The page scaled to the paper, band by band, at the printer's resolution."""
    target = printer.pageLayout().fullRectPixels(printer.resolution())
    dpi = min(printer.resolution(), MAX_DPI)
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    band = max(1, BAND_PIXELS // max(1, size.width()))
    painter.save()
    painter.translate(target.topLeft())
    painter.scale(target.width() / size.width(), target.height() / size.height())
    for top in range(0, size.height(), band):
        height = min(band, size.height() - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(size)
        options.setScaledClipRect(QRect(0, top, size.width(), height))
        painter.drawImage(QPoint(0, top),
                          _on_white(document.render(page, QSize(size.width(), height), options)))
    painter.restore()


def _on_white(image: QImage) -> QImage:
    """The rendered band on white paper, without the alpha channel: a printer (and a PDF
    printer even more) takes an opaque image much faster than one with a soft mask."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


@dataclass(frozen=True)
class _PrintJob:
    pdf: bytes
    printer: QPrinter
    on_done: Callable[[int], None]
    on_failed: Callable[[BaseException], None]


class _PrintExecutor(QObject):
    finished = Signal(object, object)  # the job, the page count or the error

    @Slot(object)
    def execute(self, job: _PrintJob) -> None:
        try:
            pages: int | BaseException = print_pdf(job.pdf, job.printer)
        except Exception as error:  # reported on the GUI thread, never lost here
            pages = error
        self.finished.emit(job, pages)


class PrintQueue(QObject):
    """Prints one PDF after another on its own thread; callbacks come on the GUI thread."""

    _submit = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None  # started with the first print
        self._executor = _PrintExecutor()
        self._executor.finished.connect(self._deliver)
        self._pending = 0

    def _start(self) -> None:
        thread = QThread()
        thread.setObjectName("lotse-printing")
        self._executor.moveToThread(thread)
        self._submit.connect(self._executor.execute)
        thread.start()
        self._thread = thread
        application = QCoreApplication.instance()
        if application is not None:  # never leave a running thread behind at exit
            application.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def print(self, pdf: bytes, printer: QPrinter, on_done: Callable[[int], None],
              on_failed: Callable[[BaseException], None]) -> None:
        if self._thread is None:
            self._start()
        self._pending += 1
        self._submit.emit(_PrintJob(pdf, printer, on_done, on_failed))

    def shutdown(self) -> None:
        """Let a started print finish (a half-sent page helps nobody), then stop."""
        if self._thread is not None and self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()

    @Slot(object, object)
    def _deliver(self, job: _PrintJob, outcome: int | BaseException) -> None:
        self._pending -= 1
        if isinstance(outcome, BaseException):
            job.on_failed(outcome)
        else:
            job.on_done(outcome)
