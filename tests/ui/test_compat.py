"""PySide6 6.12 on Python 3.11 must not wear None and True down to a crash."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal()


def test_many_void_calls_and_emits_leave_the_interpreter_alive() -> None:
    # Without ui.compat this aborts the whole test run with "none_dealloc" on Python 3.11:
    # each void call and each emit gives back a reference to None or True it never took.
    emitter = _Emitter()
    for _ in range(100_000):
        emitter.setObjectName("x")
        emitter.happened.emit()
    assert emitter.objectName() == "x"
