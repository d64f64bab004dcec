"""The QR code that carries the reference number (with its check digit) for the way back.

Encoded with reportlab's own QR encoder and drawn as one vector path. The mask pattern is
fixed instead of tried eight times: any mask is valid for every decoder, and trying them all
cost more than the rest of a letter.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
_MASK = 2


def qr_modules(text: str) -> list[list[bool]]:
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    code.makeImpl(False, _MASK)
    return [list(row) for row in code.modules]


@lru_cache(maxsize=32)
def _qr_runs(text: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The module count and the dark runs as (row, first column, length)."""
    modules = qr_modules(text)
    runs = tuple((row_index, start, length) for row_index, row in enumerate(modules)
                 for start, length in _dark_runs(row))
    return len(modules), runs


def draw_qr(canvas: Any, text: str, x: float, y: float, size: float) -> None:
    """A square QR code of ``size`` points, quiet zone included, its lower left at (x, y)."""
    modules, runs = _qr_runs(text)
    unit = size / (modules + 2 * QUIET_ZONE)
    path = canvas.beginPath()
    for row, start, length in runs:
        path.rect(x + (start + QUIET_ZONE) * unit, y + size - (row + QUIET_ZONE + 1) * unit,
                  length * unit, unit)
    canvas.setFillColor("black")
    canvas.drawPath(path, stroke=0, fill=1)


def _dark_runs(row: list[bool]) -> list[tuple[int, int]]:
    """Consecutive dark modules of a row as (first column, length)."""
    runs: list[tuple[int, int]] = []
    start = None
    for column, dark in enumerate([*row, False]):
        if dark and start is None:
            start = column
        elif not dark and start is not None:
            runs.append((start, column - start))
            start = None
    return runs
