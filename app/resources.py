"""Where the bundled resources (rules, directory, fonts, translations) are found."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """``resources/`` next to the packages, or inside a frozen (PyInstaller) bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
