"""The log file: rotating, in the user's log folder (``app/log_files.py``), with Qt's own
messages and Python's warnings in it from the first line of ``run()`` on."""

from __future__ import annotations

import logging
import platform
import sys
import tempfile
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

import app
from app.log_files import LOG_NAME, log_file

log = logging.getLogger("qt")

MAX_BYTES = 1_000_000
BACKUPS = 5  # lotse.log.1 … lotse.log.5: about a week at a busy counter
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_handlers: list[logging.Handler] = []

__all__ = ["close_logging", "configure_logging", "log_file", "route_qt_messages"]


def configure_logging(path: Path | None = None, *, max_bytes: int = MAX_BYTES) -> Path:
    """Log to a rotating file (and to stderr where there is one); returns the file. A log
    folder that cannot be written falls back to the temporary folder: Lotse still starts.
    Calling it again replaces the handlers of the first call."""
    close_logging()
    path = _writable(path or log_file())
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=BACKUPS,
                                  encoding="utf-8")
    _add(handler)
    if sys.stderr is not None:  # a frozen GUI app on Windows has none
        _add(logging.StreamHandler())
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # not every start's schema check
    logging.captureWarnings(True)
    route_qt_messages()
    logging.getLogger("lotse").info("Lotse %s, Python %s, PySide6 %s, %s", app.__version__,
                                    platform.python_version(), PySide6.__version__,
                                    platform.platform())
    return path


def _writable(path: Path) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8"):
            return path
    except OSError:
        fallback = Path(tempfile.gettempdir()) / "Lotse" / LOG_NAME
        fallback.parent.mkdir(parents=True, exist_ok=True)
        return fallback


def _add(handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter(FORMAT))
    logging.getLogger().addHandler(handler)
    _handlers.append(handler)


def close_logging() -> None:
    """Remove and close the handlers configure_logging added (tests, a second start)."""
    root = logging.getLogger()
    while _handlers:
        handler = _handlers.pop()
        root.removeHandler(handler)
        handler.close()


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s (%s)", message, context.category)


def route_qt_messages() -> Callable[..., Any] | None:
    """Qt's warnings go into the log instead of a console nobody sees; returns the handler
    that was installed before (to put back)."""
    previous: Callable[..., Any] | None = qInstallMessageHandler(_qt_message)
    return previous
