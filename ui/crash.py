"""Unhandled exceptions: written to the log and shown in a dialog, never silently lost.

An error in a slot or an event handler reaches ``sys.excepthook``; Qt's event loop goes on,
so after the dialog the user carries on where that is possible. Errors on other threads
(``threading.excepthook``, a QThread's ``run``) are logged there and shown on the GUI
thread. A hard crash (segmentation fault) leaves Python's stack in ``lotse-faults.log``
beside the log, through faulthandler.
"""

from __future__ import annotations

import faulthandler
import logging
import platform
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO

import PySide6
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication

import app
from app.errors import LotseError
from app.i18n import _
from ui.views.dialogs import CrashDialog, problem_dialog

log = logging.getLogger(__name__)
FAULTS_NAME = "lotse-faults.log"
_log_file = ""
_showing = False
_faults: IO[str] | None = None


class _ToGuiThread(QObject):
    """Lives on the GUI thread: an error emitted from another thread arrives there (queued)."""

    error = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.error.connect(self._show)

    def _show(self, info: tuple[type[BaseException], BaseException, TracebackType | None]
              ) -> None:
        show_on_gui_thread(*info)


_relay: _ToGuiThread | None = None


def install_excepthook(log_file: str) -> None:
    """From here on every unhandled error is logged and shown; call on the GUI thread."""
    global _log_file, _relay
    _log_file = log_file
    _relay = _ToGuiThread()
    sys.excepthook = show_unhandled
    threading.excepthook = _thread_error
    _enable_faulthandler(log_file)


def _enable_faulthandler(log_file: str) -> None:
    global _faults
    try:  # kept open for the life of the process: faulthandler writes to it when it dies
        _faults = (Path(log_file).with_name(FAULTS_NAME).open("a", encoding="utf-8")
                   if log_file else None)
    except OSError:
        _faults = None
    if _faults is not None:
        faulthandler.enable(_faults)
    elif sys.stderr is not None:  # a frozen GUI app on Windows has no stderr
        faulthandler.enable()


def _thread_error(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        show_unhandled(args.exc_type, args.exc_value, args.exc_traceback)


def crash_details(kind: type[BaseException], error: BaseException,
                  trace: TracebackType | None, log_file: str) -> str:
    """What IT needs in one text: the error, when, which program on which system, where the
    log is, and the traceback."""
    header = [
        _("Lotse {version} – unerwarteter Fehler").format(version=app.__version__),
        _("Zeit: {time}").format(time=datetime.now().isoformat(timespec="seconds")),
        _("Fehler: {error}").format(error="".join(
            traceback.format_exception_only(kind, error)).strip()),
        _("Programm: Lotse {version}, Python {python}, PySide6 {qt}").format(
            version=app.__version__, python=platform.python_version(), qt=PySide6.__version__),
        _("System: {system}").format(system=platform.platform()),
        _("Protokolldatei: {log}").format(log=log_file or _("keine")),
    ]
    return "\n".join([*header, "", *traceback.format_exception(kind, error, trace)]).rstrip()


def show_unhandled(kind: type[BaseException], error: BaseException,
                   trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.critical("Unbehandelter Fehler", exc_info=(kind, error, trace))
    application = QApplication.instance()
    if application is None:
        return
    if QThread.currentThread() is not application.thread():
        if _relay is not None:
            _relay.error.emit((kind, error, trace))
        return
    show_on_gui_thread(kind, error, trace)


def show_on_gui_thread(kind: type[BaseException], error: BaseException,
                       trace: TracebackType | None) -> None:
    """The dialog; one at a time – an error while it is open is only logged."""
    global _showing
    if _showing:
        return
    _showing = True
    try:
        if isinstance(error, LotseError):
            problem_dialog(error).exec()
        else:
            CrashDialog(crash_details(kind, error, trace, _log_file), _log_file).exec()
    finally:
        _showing = False
