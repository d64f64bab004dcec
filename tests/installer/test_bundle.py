"""The delivered program, built as IT gets it: the PyInstaller bundle starts, passes its
selftest (demo database, main window offscreen, a letter as PDF) and the MSI built over it
with wixl has the tables an installation needs.

On Linux the bundle is a Linux program – a Windows one cannot be built here – so the MSI
packs Linux files; what it checks is the installer source: codes, version, shortcut, upgrade
rows, the machine config action and that the fonts' licences ship. About two minutes on two
cores, most of it PyInstaller.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"]
UPGRADE_CODE = "{ADE0504D-CA5E-483D-BCC0-19B80A5DF5DC}"
GUID = re.compile(r"^\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$")

pytestmark = pytest.mark.bundle


def _require(program: str, package: str) -> None:
    """Skipped on a developer's machine without the tool; in CI the MSI must be checked."""
    if shutil.which(program) is None:
        message = f"{program} is not installed (Debian package {package}; dev.py installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason="pyinstaller is in the test extra")
    build = tmp_path_factory.mktemp("bundle")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN",
                    "--distpath", str(build / "dist"), "--workpath", str(build / "work"),
                    str(ROOT / "installer" / "lotse.spec")],
                   cwd=ROOT, check=True, timeout=1200)
    return build / "dist" / "Lotse"


def _frozen(bundle: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The frozen program with nothing of this machine's Lotse setup or the venv."""
    env = {"PATH": os.defpath, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "LANG": "C.UTF-8", "LOTSE_CONFIG_DIR": str(home / "config"),
           "LOTSE_MACHINE_CONFIG_DIR": str(home / "machine"),
           "LOTSE_DATA_DIR": str(home / "data")}
    return subprocess.run([str(bundle / "lotse"), *args], env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_frozen_program_passes_its_selftest(bundle: Path, tmp_path: Path) -> None:
    result = _frozen(bundle, "selftest", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Selbsttest bestanden." in result.stdout
    assert "Brief mit QtPdf gelesen" in result.stdout


def test_the_frozen_program_names_the_version_from_pyproject(bundle: Path,
                                                            tmp_path: Path) -> None:
    result = _frozen(bundle, "--version", home=tmp_path)
    assert result.stdout.strip() == f"Lotse {VERSION}"


def test_the_bundle_ships_the_fonts_licences_and_the_migrations(bundle: Path) -> None:
    shipped = bundle / "_internal"
    assert (shipped / "resources" / "fonts" / "LICENSE-DejaVu.txt").is_file()
    assert (shipped / "resources" / "fonts" / "LICENSE-Noto.txt").is_file()
    assert list((shipped / "app" / "db" / "migrations" / "versions").glob("0001_*.py"))
    assert not (shipped / "tests").exists()


@pytest.fixture(scope="module")
def msi(bundle: Path) -> Iterator[Path]:
    _require("wixl", "wixl")
    build = bundle.parent.parent
    subprocess.run([sys.executable, str(ROOT / "installer" / "harvest.py"), str(bundle),
                    str(build / "bundle.wxs")], check=True)
    target = build / f"Lotse-{VERSION}.msi"
    subprocess.run(["wixl", "--arch", "x64", "-D", f"Version={VERSION}",
                    "-D", f"BundleDir={bundle.relative_to(build).as_posix()}",
                    "-o", str(target), str(ROOT / "installer" / "lotse.wxs"),
                    str(build / "bundle.wxs")], cwd=build, check=True, timeout=600)
    yield target


def table(msi: Path, name: str) -> list[dict[str, str]]:
    """The rows of one MSI table, by column name (``msiinfo export``: names, types, keys,
    then one tab-separated row per line)."""
    _require("msiinfo", "msitools")
    lines = subprocess.run(["msiinfo", "export", str(msi), name], capture_output=True,
                           text=True, check=True).stdout.splitlines()
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:]]


def test_the_msi_names_product_upgrade_code_and_version(msi: Path) -> None:
    properties = {row["Property"]: row["Value"] for row in table(msi, "Property")}
    assert properties["ProductVersion"] == VERSION
    assert properties["UpgradeCode"] == UPGRADE_CODE
    assert GUID.match(properties["ProductCode"])
    assert properties["ALLUSERS"] == "1"  # per machine


def test_a_newer_msi_replaces_an_older_one_and_refuses_a_downgrade(msi: Path) -> None:
    upgrades = table(msi, "Upgrade")
    assert {row["UpgradeCode"] for row in upgrades} == {UPGRADE_CODE}
    replaces = [row for row in upgrades if row["ActionProperty"] == "WIX_UPGRADE_DETECTED"]
    assert replaces and replaces[0]["VersionMax"] == VERSION
    conditions = [row["Condition"] for row in table(msi, "LaunchCondition")]
    assert "NOT WIX_DOWNGRADE_DETECTED" in conditions


def test_the_start_menu_shortcut_starts_the_program(msi: Path) -> None:
    [shortcut] = table(msi, "Shortcut")
    assert (shortcut["Directory_"], shortcut["Name"]) == ("ProgramMenuFolder", "Lotse")
    assert shortcut["Target"] == "[#LotseExe]"


def test_the_program_and_the_fonts_licences_are_installed(msi: Path) -> None:
    files = {row["File"]: row["FileName"] for row in table(msi, "File")}
    assert files["LotseExe"] == "lotse"  # Lotse.exe in the Windows build
    assert {"LICENSE-DejaVu.txt", "LICENSE-Noto.txt", "0001_initial_schema.py"} <= set(
        files.values())


def test_user_data_is_not_the_installers_to_remove(msi: Path) -> None:
    folders = {row["Directory"] for row in table(msi, "Directory")}
    assert not folders & {"AppDataFolder", "LocalAppDataFolder", "CommonAppDataFolder"}


def test_the_machine_config_is_written_only_when_it_gets_properties(msi: Path) -> None:
    actions = {row["Action"]: row for row in table(msi, "CustomAction")}
    assert "machine-config --mode \"[LOTSE_MODE]\"" in actions["WriteMachineConfig"]["Target"]
    sequence = {row["Action"]: row["Condition"] for row in table(msi, "InstallExecuteSequence")}
    condition = sequence["WriteMachineConfig"]
    assert condition.startswith('NOT REMOVE~="ALL" AND (LOTSE_MODE OR LOTSE_DATABASE_URL')
