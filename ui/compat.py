"""A workaround for PySide6 6.12 on Python 3.11: None and True lose references.

PySide6 6.12 returns ``None`` from every void method (``setText``, ``postEvent``, …) and
``True`` from ``Signal.emit`` without taking a reference. From Python 3.12 on these objects
are immortal (PEP 683) and nothing happens; on 3.11 each call lowers their reference count
by one, and after a few thousand calls the interpreter aborts with "none_dealloc" or
"bool_dealloc". Until Lotse runs on Python 3.12 or PySide6 is fixed, the counts are raised
far out of reach once at start – what Python 3.12 does for every singleton.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # a trillion calls
_applied = False


def keep_singletons_alive() -> bool:
    """Make None, True and False effectively immortal on Python < 3.12 (once per process);
    True if the workaround is in effect. Call it before the first PySide6 call."""
    global _applied
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not _applied:
        for singleton in (None, True, False):
            # ob_refcnt is the first field of every CPython object; id() is its address.
            ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
        _applied = True
    return True
