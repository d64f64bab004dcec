"""Start-up time measured from outside (``python -m bench startup``).

With ``LOTSE_STARTUP_PROBE`` set, the app prints one line once the main window has painted
and the event loop has turned once more – the moment a user could type – and a second one
once the front desk (built after the first paint, see ui/main_window.py) is ready too; then
it quits. Without the variable nothing is installed.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

PROBE_VARIABLE = "LOTSE_STARTUP_PROBE"
MARKER = "lotse-interactive"
READY_MARKER = "lotse-front-desk-ready"


def probing() -> bool:
    return bool(os.environ.get(PROBE_VARIABLE))


class _FirstPaint(QObject):
    """Waits for the window's first paint, then for one more turn of the event loop."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"{MARKER} {time.time():.6f}", flush=True)


def watch_start(window: QWidget) -> None:
    """Report the window's first interactive moment, if the benchmark asked for it."""
    if probing():
        window.installEventFilter(_FirstPaint(window))


def front_desk_ready() -> None:
    """Report that the front desk is built as well and end the measured start."""
    if probing():
        print(f"{READY_MARKER} {time.time():.6f}", flush=True)
        QTimer.singleShot(0, QApplication.quit)
