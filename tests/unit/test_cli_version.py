"""``lotse --version``: what IT asks for first, printed without touching a database."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import app

ROOT = Path(__file__).resolve().parents[2]


def test_version_prints_lotse_and_its_version_and_exits_0(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "app", "--version",
                           "--database", f"sqlite:///{tmp_path / 'nie-angelegt.sqlite3'}"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"Lotse {app.__version__}\n", "")
    assert not (tmp_path / "nie-angelegt.sqlite3").exists()
    assert app.__version__[0].isdigit()


def test_the_version_is_the_one_in_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert app.__version__ == project["version"]
