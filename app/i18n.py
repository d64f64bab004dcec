"""The one translation mechanism for every user-visible text, in ``app/`` and ``ui/`` alike.

Texts are written in German in the code and wrapped in ``_()``. Other languages come from
JSON catalogs in ``resources/i18n/<lang>.json`` that map the German text to the translation;
a text missing from a catalog falls back to German. Qt's own strings (dialog buttons and the
like) are translated by QTranslator in the UI layer, which reads :func:`current_language`.
"""

from __future__ import annotations

import json
from functools import cache

from app.resources import resource_path

DEFAULT_LANGUAGE = "de"
_language = DEFAULT_LANGUAGE


def set_language(code: str) -> None:
    """Switch the user interface language (``de``, ``en``, …)."""
    global _language
    _language = code or DEFAULT_LANGUAGE


def current_language() -> str:
    return _language


@cache
def catalog(code: str) -> dict[str, str]:
    """The catalog of one language; empty for German and for languages without a file."""
    path = resource_path("i18n", f"{code}.json")
    if code == DEFAULT_LANGUAGE or not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}


def _(text: str) -> str:
    """Translate a German text into the current language."""
    return catalog(_language).get(text, text)


def N_(text: str) -> str:  # the gettext convention for "translate later"
    """Mark a German text for translation where it is defined (tables, constants); it is
    translated with ``_()`` where it is shown."""
    return text


def available_languages() -> list[str]:
    """German plus every language that has a catalog."""
    folder = resource_path("i18n")
    return [DEFAULT_LANGUAGE, *sorted(p.stem for p in folder.glob("*.json"))]
