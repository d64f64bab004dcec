"""``lotse selftest`` from the source tree (the frozen bundle runs it in tests/installer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.cli import main
from app.selftest_commands import SelftestError, count_pages


def test_the_selftest_passes_on_a_working_installation(
        qapp: QApplication, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["selftest"]) == 0
    out = capsys.readouterr().out
    assert "Anmeldung: empfang (Empfang)" in out
    assert "Brief mit QtPdf gelesen" in out
    assert out.rstrip().endswith("Selbsttest bestanden.")
    assert not QApplication.topLevelWidgets() or all(
        not widget.isVisible() for widget in QApplication.topLevelWidgets())


def test_a_database_it_cannot_use_fails_the_selftest_with_the_reason(
        qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "kaputt.sqlite3"
    broken.write_bytes(b"this is no SQLite database" * 100)
    assert main(["--database", f"sqlite:///{broken.as_posix()}", "selftest"]) == 1
    out = capsys.readouterr().out
    assert "FEHLER  Datenbank:" in out
    assert "Anmeldung" not in out  # stops at the first failure
    assert out.rstrip().endswith("Selbsttest fehlgeschlagen.")


def test_pages_are_counted_and_anything_else_is_no_pdf() -> None:
    assert count_pages(b"%PDF-1.4 /Type /Pages /Type /Page /Type/Page") == 2
    with pytest.raises(SelftestError, match="kein PDF"):
        count_pages(b"<html>")
