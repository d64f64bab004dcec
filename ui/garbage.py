"""Cyclic garbage is collected on the GUI thread only.

Python's cycle collector runs in whichever thread happens to allocate when a generation's
threshold is reached. In Lotse that is often the database worker. If the garbage it finds
holds a Qt object – a closed dialog, a page's widgets, a lambda that captured them – the
object is destroyed on the worker thread, which Qt does not allow: the process dies with a
segmentation fault, at random. So the automatic collector is switched off and a timer on
the GUI thread does the same work with the same thresholds: what Python would have
collected is collected a moment later, always on the thread that owns the widgets.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 250
COLLECTOR_NAME = "lotse-gui-thread-collector"


class GuiThreadCollector(QObject):
    """Switches the automatic collector off while it lives and collects on its timer."""

    def __init__(self, parent: QObject | None = None,
                 interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int | None:
        """Collect the oldest generation whose count has passed its threshold, as Python
        would; the generation collected, or None if none was due."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return generation
        return None

    def stop(self) -> None:
        """Collect once more and give the automatic collector back."""
        self.timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


def collect_on_gui_thread(application: QObject) -> GuiThreadCollector:
    """The application's collector, made once (call it on the GUI thread)."""
    existing = application.findChild(GuiThreadCollector, COLLECTOR_NAME)
    if isinstance(existing, GuiThreadCollector):
        return existing
    collector = GuiThreadCollector(application)
    collector.setObjectName(COLLECTOR_NAME)
    return collector
