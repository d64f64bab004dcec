"""The batch print dialog: how many approved originals wait, print them (or save them as
PDF) with a progress bar, cancel after the chunk in hand, and resume later.

A later run finds only what no run has logged (the service guarantees it), so what a
cancelled run printed is skipped – the dialog says how many.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.batch_print import BatchResult
from ui.controllers.approval_batch import BatchRun, Deliver, to_files, to_printer
from ui.controllers.failures import describe_failure
from ui.printing import LetterDialogs, PrintFailedError
from ui.views.style import heading, paragraph

PROBLEM_STYLE = "color: #a4262c;"


class BatchPrintDialog(QDialog):
    """``run_finished(BatchResult)`` after every run, cancelled or not."""

    run_finished = Signal(object)

    def __init__(self, run: BatchRun, dialogs: LetterDialogs, printed_before: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Freigegebene drucken"))
        self.setMinimumSize(460, 260)
        self._run, self._dialogs, self.printed_before = run, dialogs, printed_before
        self.running = False
        self._build()
        run.progress.connect(self._progressed)
        run.finished.connect(self._finished)
        run.failed.connect(self._failed)
        run.count_waiting(self._counted, self._failed)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Freigegebene Originale drucken"), level=2))
        self.waiting = paragraph(_("Wird gezählt …"))
        self.skipped = paragraph(self._skipped_text())
        self.bar = QProgressBar()
        self.bar.setAccessibleName(_("Fortschritt"))
        self.bar.setFormat(_("%v von %m"))
        self.message = paragraph()
        self.message.setAccessibleName(_("Meldung"))
        for widget in (self.waiting, self.skipped, self.bar, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self._buttons())

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.print_button = QPushButton(_("&Drucken …"))
        self.print_button.setToolTip(_("Auf einem Drucker drucken (Alt+D)"))
        self.pdf_button = QPushButton(_("Als &PDF speichern …"))
        self.pdf_button.setToolTip(_("Jeden Stapel als PDF-Datei speichern (Alt+P)"))
        self.cancel_button = QPushButton(_("Abbre&chen"))
        self.cancel_button.setToolTip(_("Nach dem laufenden Stapel anhalten (Esc)"))
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(False)  # until the count is known
            box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_to_printer)
        self.pdf_button.clicked.connect(self.save_as_pdf)
        self.cancel_button.clicked.connect(self.reject)
        return box

    def _skipped_text(self) -> str:
        if not self.printed_before:
            return ""
        return _("{count} bereits gedruckt, übersprungen.").format(count=self.printed_before)

    def _counted(self, waiting: int) -> None:
        self.waiting.setText(_("{count} freigegebene Überleitung(en) warten auf ihr Original.")
                             .format(count=waiting))
        self.bar.setRange(0, max(waiting, 1))
        self.bar.setValue(0)
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(waiting > 0)
        (self.print_button if waiting else self.cancel_button).setFocus()

    def print_to_printer(self) -> None:
        printer = self._dialogs.choose_printer(self)
        if printer is not None:
            self._start(to_printer(printer))

    def save_as_pdf(self) -> None:
        path = self._dialogs.choose_pdf_file(self, _("Freigegebene-Originale.pdf"))
        if path is not None:
            self._start(to_files(Path(path)))

    def _start(self, deliver: Deliver) -> None:
        self.running = True
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(_("Wird gedruckt …"))
        self.cancel_button.setFocus()
        self._run.start(deliver)

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setAccessibleDescription(_("{done} von {total}").format(done=done, total=total))

    def reject(self) -> None:
        """Esc or Abbrechen: while printing, stop after the chunk in hand; else close."""
        if not self.running:
            super().reject()
            return
        self._run.cancel()
        self.cancel_button.setEnabled(False)
        self.message.setText(_("Wird nach dem laufenden Stapel angehalten …"))

    def _finished(self, result: BatchResult) -> None:
        self.running = False
        printed = len(result.references)
        self.message.setText(_result_text(result, printed))
        if result.cancelled:
            self.printed_before += printed
            self.skipped.setText(self._skipped_text())
            self._run.count_waiting(self._counted, self._failed)  # ready to resume
        self._closable()
        self.run_finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.message.setStyleSheet(PROBLEM_STYLE)
        self.message.setText(_failure_text(error))
        self._closable()

    def _closable(self) -> None:
        self.cancel_button.setText(_("&Schließen"))
        self.cancel_button.setToolTip(_("Dialog schließen (Esc)"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)


def _result_text(result: BatchResult, printed: int) -> str:
    text = (_("Angehalten: {printed} gedruckt, {left} warten noch; ein neuer Lauf druckt nur "
              "die übrigen.") if result.cancelled else _("Fertig: {printed} gedruckt.")).format(
        printed=printed, left=max(result.total - printed - len(result.skipped), 0))
    if result.skipped:
        text += " " + _("Ausgelassen: {list}").format(
            list="; ".join(f"{s.reference}: {s.message}" for s in result.skipped))
    return text


def _failure_text(error: BaseException) -> str:
    if isinstance(error, OSError | PrintFailedError):
        return _("Der Stapel wurde nicht gedruckt ({error}). Seine Überleitungen bleiben "
                 "freigegeben; ein neuer Lauf druckt sie.").format(error=error)
    return describe_failure(error, _("Freigegebene drucken"))
