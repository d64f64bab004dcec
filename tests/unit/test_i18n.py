"""The one translation mechanism: literal German texts in `_()`, catalogs that fit them."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from app.i18n import _, available_languages, catalog, set_language

ROOT = Path(__file__).resolve().parents[2]


def _translation_calls(names: tuple[str, ...] = ("_", "N_")) -> list[tuple[Path, ast.Call]]:
    calls = []
    for folder in ("app", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            calls += [(path, node) for node in ast.walk(tree)
                      if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                      and node.func.id in names]
    return calls


def test_every_translated_text_is_a_literal() -> None:
    """Catalogs can only be kept complete if texts are literals, not built at run time:
    ``_("…")`` where a text is shown, or ``N_("…")`` where it is defined in a table and
    ``_(variable)`` where it is shown (only in modules that mark their texts so)."""
    calls = _translation_calls()
    assert len(calls) > 50
    marking_modules = {path for path, call in calls if call.func.id == "N_"}  # type: ignore[attr-defined]
    for path, call in calls:
        literal = len(call.args) == 1 and isinstance(call.args[0], ast.Constant)
        assert literal or path in marking_modules, (
            f"{path.relative_to(ROOT)}:{call.lineno}: _() needs one literal text")


def test_catalog_keys_are_texts_the_code_uses() -> None:
    used = {call.args[0].value for _path, call in _translation_calls()
            if call.args and isinstance(call.args[0], ast.Constant)}
    for language in available_languages()[1:]:
        stale = set(catalog(language)) - used
        assert not stale, f"{language}.json translates texts no code uses: {sorted(stale)[:5]}"


def test_fallback_to_german_and_switching(tmp_path: Path) -> None:
    try:
        set_language("en")
        english = catalog("en")
        for german, translated in list(english.items())[:3]:
            assert _(german) == translated
        assert _("Ein Text, den kein Katalog kennt") == "Ein Text, den kein Katalog kennt"
        set_language("xx")
        assert _("Verzeichnis") == "Verzeichnis"
    finally:
        set_language("de")
    assert json.loads((ROOT / "resources" / "i18n" / "en.json").read_text(encoding="utf-8"))
