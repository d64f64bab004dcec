"""Letters as PDF: the referral letter, the consent form and the route sheet.

Pure functions of the plain values in :mod:`app.letters.model` (no database, no Qt):
``render_letter`` gives one PDF, ``render_letters`` many into one print-ready PDF,
``check_letter`` lists what would make a letter wrong, ``TEMPLATE_VERSION`` goes into the
print log. Same values and template version give byte-identical output.

The renderers are imported on first use: importing the model (as every service that
builds letters does) must not load reportlab and the fonts, which takes a noticeable part
of a second at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.letters.check import LetterError, check_letter
    from app.letters.render import TEMPLATE_VERSION, render_letter, render_letters

__all__ = ["TEMPLATE_VERSION", "LetterError", "check_letter", "render_letter", "render_letters"]

_HOME = {"LetterError": "app.letters.check", "check_letter": "app.letters.check",
         "TEMPLATE_VERSION": "app.letters.render", "render_letter": "app.letters.render",
         "render_letters": "app.letters.render"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'app.letters' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOME[name]), name)
