"""Unhandled exceptions: written to the log and shown in a dialog, never silently lost."""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from app.errors import LotseError
from ui.views.dialogs import CrashDialog, problem_dialog

log = logging.getLogger(__name__)
_log_file = ""
_showing = False


def install_excepthook(log_file: str) -> None:
    global _log_file
    _log_file = log_file
    sys.excepthook = show_unhandled
    if sys.stderr is not None:  # a frozen GUI app on Windows has no stderr
        faulthandler.enable()


def show_unhandled(kind: type[BaseException], error: BaseException,
                   trace: TracebackType | None) -> None:
    global _showing
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.critical("Unbehandelter Fehler", exc_info=(kind, error, trace))
    application = QApplication.instance()
    if application is None or QThread.currentThread() is not application.thread() or _showing:
        return
    _showing = True  # an error while the dialog is open must not open a second one
    try:
        if isinstance(error, LotseError):
            problem_dialog(error).exec()
        else:
            details = "".join(traceback.format_exception(kind, error, trace))
            CrashDialog(details, _log_file).exec()
    finally:
        _showing = False
