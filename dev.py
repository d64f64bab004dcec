#!/usr/bin/env python3
"""Set up and run Lotse from a source checkout – the README's two commands.

    python3 dev.py demo     set up, load the demo district, start the app
    python3 dev.py test     set up, run every check and the whole test suite

Setting up means: a virtual environment in .venv with Lotse and its test tools installed
(again only when pyproject.toml changed), and on Debian/Ubuntu as root the system packages
Qt and the PostgreSQL tests need. Only the standard library is used here.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".lotse-installed"
DEMO_DATABASE = ROOT / ".demo" / "lotse-demo.sqlite3"

# Debian packages: Qt's runtime libraries (offscreen and on a desktop), PostgreSQL for the
# tests against a real server, poppler-utils to render letters to PNG, and for the bundle
# test binutils (PyInstaller reads libraries with objdump), wixl to build the MSI and
# msitools (msiinfo) to read its tables.
DEBIAN_PACKAGES = [
    "libgl1", "libegl1", "libxkbcommon0", "libfontconfig1", "libglib2.0-0", "libdbus-1-3",
    "postgresql", "poppler-utils", "binutils", "wixl", "msitools",
]


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*args: str | Path, env: dict[str, str] | None = None) -> int:
    print("»", " ".join(str(a) for a in args), flush=True)
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)


def check(*args: str | Path) -> None:
    if run(*args) != 0:
        sys.exit(f"Fehlgeschlagen: {' '.join(str(a) for a in args)}")


def missing_debian_packages() -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for name in DEBIAN_PACKAGES:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name],
                                capture_output=True, text=True)
        if "install ok installed" not in result.stdout:
            missing.append(name)
    return missing


def ensure_system_packages() -> None:
    missing = missing_debian_packages()
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        check_env = run("apt-get", "update", "-qq", env=env)
        if check_env != 0 or run("apt-get", "install", "-y", "-qq", "--no-install-recommends",
                                 *missing, env=env) != 0:
            sys.exit("Systempakete konnten nicht installiert werden: " + " ".join(missing))
    else:
        print("Hinweis: diese Systempakete fehlen: " + " ".join(missing) + "\n"
              "  sudo apt-get install " + " ".join(missing), file=sys.stderr)


def ensure_venv() -> Path:
    if not venv_python().exists():
        check(sys.executable, "-m", "venv", VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        check(venv_python(), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        check(venv_python(), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]")
        STAMP.write_text(wanted)
    return venv_python()


def tool(python: Path, name: str) -> Path:
    folder = python.parent
    return folder / (f"{name}.exe" if os.name == "nt" else name)


def command_demo(args: list[str]) -> int:
    """The demo runs on its own database file, never on a real one in the user's data dir."""
    ensure_system_packages()
    python = ensure_venv()
    DEMO_DATABASE.parent.mkdir(exist_ok=True)
    database = ["--database", f"sqlite:///{DEMO_DATABASE.as_posix()}"]
    check(python, "-m", "app", *database, "demo")
    return run(python, "-m", "app", *database, *args)


def command_test(args: list[str]) -> int:
    ensure_system_packages()
    python = ensure_venv()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    steps = [
        ("ruff", [tool(python, "ruff"), "check", "app", "ui", "tests", "bench", "dev.py"]),
        ("mypy", [tool(python, "mypy")]),
        ("import-linter", [tool(python, "lint-imports")]),
        ("pytest", [python, "-m", "pytest", *args]),
    ]
    failed = []
    for name, step in steps:
        if run(*step, env=env) != 0:
            failed.append(name)
    if failed:
        print("\nFehlgeschlagen: " + ", ".join(failed), file=sys.stderr)
        return 1
    print("\nAlle Prüfungen bestanden.")
    return 0


def main() -> int:
    commands = {"demo": command_demo, "test": command_test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
