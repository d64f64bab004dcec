"""Every text the user interface shows has an English translation with the same fields."""

from __future__ import annotations

import ast
import json
import string
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.i18n import set_language
from app.resources import resource_path
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "ui").rglob("*.py")), ROOT / "app" / "services" / "overview.py"]


def _translated_texts() -> Iterator[tuple[Path, ast.expr]]:
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_"):
                yield path, node.args[0]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_text_is_a_literal_with_an_english_translation() -> None:
    catalog = json.loads(resource_path("i18n", "en.json").read_text(encoding="utf-8"))
    texts = list(_translated_texts())
    assert len(texts) > 50
    for path, argument in texts:
        assert isinstance(argument, ast.Constant), f"{path}: _() needs a literal text"
        german = argument.value
        assert isinstance(german, str)
        assert german in catalog, f"{path}: no English for {german!r}"
        assert _fields(catalog[german]) == _fields(german), german


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("de")


def test_the_window_speaks_english_when_asked(
        english: None, open_window: Callable[[], MainWindow]) -> None:
    window = open_window()
    assert window.navigation.list.item(0).text() == "Overview"
    assert window.status_bar.mode.text() == "Mode: Shared database"
    assert window.navigation.list.accessibleName() == "Areas"
