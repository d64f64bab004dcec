"""The log file support asks for: in the user's log folder, rotating, with Qt's own messages
and a first line that names the program and the system."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

import app
from ui.logs import close_logging, configure_logging


@pytest.fixture
def logging_restored() -> Iterator[None]:
    """configure_logging changes the process; put the root logger back afterwards (pytest-qt
    puts its own Qt message handler back itself)."""
    root = logging.getLogger()
    level = root.level
    yield
    close_logging()
    logging.captureWarnings(False)
    root.setLevel(level)


def text_of(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


@pytest.mark.no_qt_log  # Qt's warning below goes to the file, not to pytest-qt
def test_python_and_qt_messages_go_into_the_user_log_file(logging_restored: None) -> None:
    path = configure_logging()
    assert path == Path(os.environ["LOTSE_DATA_DIR"]) / "logs" / "lotse.log"
    logging.getLogger("ui.test").warning("Drucker antwortet nicht")
    qWarning("QPainter::begin: Paint device returned engine == 0")
    text = text_of(path)
    assert f"INFO lotse: Lotse {app.__version__}, Python" in text.splitlines()[0]
    assert "WARNING ui.test: Drucker antwortet nicht" in text
    assert "WARNING qt: QPainter::begin: Paint device returned engine == 0 (default)" in text


def test_the_log_rotates_and_a_second_start_does_not_double_lines(
        logging_restored: None, tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs" / "lotse.log", max_bytes=2_000)
    path = configure_logging(tmp_path / "logs" / "lotse.log", max_bytes=2_000)
    logging.getLogger("ui.test").info("einmal")
    assert text_of(path).count("einmal") == 1
    for number in range(100):
        logging.getLogger("ui.test").info("Zeile %d", number)
    assert (tmp_path / "logs" / "lotse.log.1").is_file()
    assert path.stat().st_size <= 2_000
    assert "Zeile 99" in text_of(path)


def test_an_unwritable_log_folder_does_not_stop_the_start(
        logging_restored: None, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    path = configure_logging(blocker / "logs" / "lotse.log")
    assert path.name == "lotse.log" and path.parent.is_dir()
    assert not str(path).startswith(str(blocker))
