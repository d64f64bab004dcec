"""Screenshots for docs/ taken where a test has the scene set up.

A test run leaves the tree as it was: the picture is only written into docs/screenshots
when ``UPDATE_SCREENSHOTS=1`` is set (``UPDATE_SCREENSHOTS=1 python dev.py test``)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget

FOLDER = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def screenshot(widget: QWidget, name: str) -> None:
    picture = widget.grab()
    assert not picture.isNull(), f"{name}: the widget did not render"
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        picture.save(str(FOLDER / name))
