"""Cyclic garbage – which may hold widgets – is collected on the GUI thread, not on the
database worker that happens to allocate when a threshold is reached."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from PySide6.QtWidgets import QApplication

from ui.garbage import GuiThreadCollector, collect_on_gui_thread


class Cycle:
    """Garbage only the cycle collector can free; remembers the thread that freed it."""

    freed_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_on.append(threading.current_thread().name)


def allocate_a_lot() -> None:
    keep = [[index] for index in range(50 * max(gc.get_threshold()[0], 1_000))]
    del keep


def test_a_busy_worker_thread_never_frees_the_cycles(qapp: QApplication) -> None:
    collector = collect_on_gui_thread(qapp)
    assert not gc.isenabled()
    Cycle.freed_on.clear()
    Cycle()
    worker = threading.Thread(target=allocate_a_lot, name="worker")
    worker.start()
    worker.join()
    assert Cycle.freed_on == []  # Python alone would have freed it on "worker"
    while collector.check() is not None:
        pass
    gc.collect()
    assert Cycle.freed_on == [threading.current_thread().name]


def test_check_collects_as_python_would_and_stop_gives_the_collector_back() -> None:
    enabled = gc.isenabled()
    gc.enable()
    collector = GuiThreadCollector()
    try:
        assert not gc.isenabled()
        gc.collect()
        assert collector.check() is None  # nothing is due right after a collection
        allocate_a_lot()
        keep = [[index] for index in range(2 * gc.get_threshold()[0])]
        assert collector.check() is not None
        del keep
    finally:
        collector.stop()
    assert gc.isenabled()
    if not enabled:
        gc.disable()
