"""``lotse doctor``: the bundled fonts, the printers and the folders Lotse writes to."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from app.config import Settings, data_dir
from app.db.engine import parse_url, sqlite_path
from app.doctor import DoctorOptions, Finding, error, ok, warning
from app.drafts import default_draft_store
from app.errors import DatabaseError
from app.i18n import _
from app.log_files import log_folder
from app.resources import resource_path

FONT_LICENCES = ("LICENSE-DejaVu.txt", "LICENSE-Noto.txt")
ARABIC_SAMPLE = "محمد"  # a name as letters print it
PRINTER_TIMEOUT_S = 10
# Windows without pywin32: PowerShell's Get-Printer (Windows 8 and later) lists the printers.
WINDOWS_PRINTERS = ["powershell", "-NoProfile", "-NonInteractive", "-Command",
                    "Get-Printer | Select-Object -ExpandProperty Name"]
CUPS_PRINTERS = ["lpstat", "-e"]


def system_findings(options: DoctorOptions, settings: Settings | None) -> list[Finding]:
    return [*font_findings(options.fonts or resource_path("fonts")),
            printer_finding(settings.printer if settings else ""),
            *folder_findings(settings)]


def reinstall_fix() -> str:
    return _("Lotse neu installieren (im Windows-Installer „Reparieren“); die Schriften "
             "gehören zum Programm.")


def font_findings(folder: Path) -> list[Finding]:
    """Every bundled font present, and the Arabic one usable by the letters."""
    from app.letters.fonts import FONTS, Script, font_files  # reportlab: only when asked

    files = font_files()
    missing = sorted(name for name in set(files.values()) if not (folder / name).is_file())
    arabic = folder / files[FONTS[Script.ARABIC].regular]
    return [_fonts_present(folder, missing), _arabic_font(arabic)]


def _fonts_present(folder: Path, missing: list[str]) -> Finding:
    title = _("Schriften")
    if missing:
        return error("fonts", title, _("In {folder} fehlen {files}; Briefe mit diesen "
                                       "Schriften können nicht gedruckt werden.").format(
            folder=folder, files=", ".join(missing)), reinstall_fix())
    licences = [name for name in FONT_LICENCES if not (folder / name).is_file()]
    if licences:
        return warning("fonts", title, _("Die Lizenzdateien {files} fehlen in {folder}.").format(
            files=", ".join(licences), folder=folder), reinstall_fix())
    return ok("fonts", title, _("alle Schriften für Briefe in {folder}").format(folder=folder))


def _arabic_font(path: Path) -> Finding:
    """Loaded the way the letters load it (reportlab), and able to set Arabic script."""
    from reportlab.pdfbase.ttfonts import TTFont

    title = _("Arabische Schrift für Briefe")
    try:
        glyphs = TTFont("LotseDoctorNaskh", str(path)).face.charToGlyph
    except Exception as exc:  # reportlab raises its own TTFError, or OSError for no file
        return error("arabic_font", title, _("{path} lässt sich nicht laden ({error}); Namen "
                                             "in arabischer Schrift können nicht gedruckt "
                                             "werden.").format(path=path, error=exc),
                     reinstall_fix())
    if not all(ord(char) in glyphs for char in ARABIC_SAMPLE):
        return error("arabic_font", title, _("{path} enthält keine arabischen Zeichen.").format(
            path=path), reinstall_fix())
    return ok("arabic_font", title, str(path))


def installed_printers() -> list[str]:
    """The printers the system offers; OSError when there is no way to ask."""
    command = WINDOWS_PRINTERS if sys.platform == "win32" else CUPS_PRINTERS
    done = subprocess.run(command, capture_output=True, text=True, timeout=PRINTER_TIMEOUT_S,
                          check=False)
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def printer_finding(configured: str) -> Finding:
    title = _("Drucker")
    try:
        printers = installed_printers()
    except FileNotFoundError as exc:
        return warning("printers", title, _("Kein Druckdienst gefunden ({command} fehlt).")
                       .format(command=exc.filename), _(
            "Den Druckdienst einrichten (Linux: CUPS, Paket cups) und einen Drucker "
            "hinzufügen; bis dahin Briefe „Als PDF speichern“."))
    except (OSError, subprocess.TimeoutExpired) as exc:
        return warning("printers", title, _("Die Drucker lassen sich nicht abfragen ({error}).")
                       .format(error=exc), _("Den Druckdienst prüfen (Linux: CUPS, Paket cups); "
                                             "bis dahin Briefe „Als PDF speichern“."))
    if not printers:
        return warning("printers", title, _("Kein Drucker eingerichtet."), _(
            "Einen Drucker einrichten (Windows: Einstellungen → Bluetooth und Geräte → Drucker "
            "und Scanner); bis dahin Briefe „Als PDF speichern“."))
    if configured and configured not in printers:
        return warning("printers", title, _("Der eingestellte Drucker „{name}“ ist nicht "
                                            "eingerichtet (vorhanden: {printers}).").format(
            name=configured, printers=", ".join(printers)), _(
            "In lotse.toml unter [print] printer einen vorhandenen Drucker eintragen oder die "
            "Zeile löschen (dann gilt der Standarddrucker)."))
    return ok("printers", title, ", ".join(printers))


def writable_folders(settings: Settings | None) -> list[tuple[str, str, Path]]:
    """(key, name, folder) of every folder Lotse writes to."""
    folders = [("data", _("Benutzerdaten"), data_dir()), ("logs", _("Protokolle"), log_folder())]
    if settings is None:
        return folders
    folders.append(("drafts", _("Entwürfe"), default_draft_store(settings).directory))
    try:
        database_file = sqlite_path(parse_url(settings.database_url))
    except DatabaseError:  # already reported by the database check
        database_file = None
    if database_file is not None:
        folders.append(("database", _("Ordner der Datenbankdatei"), database_file.parent))
    return folders


def folder_findings(settings: Settings | None) -> list[Finding]:
    return [_folder_finding(f"write:{key}", name, folder)
            for key, name, folder in writable_folders(settings)]


def write_problem(folder: Path) -> str | None:
    """Why Lotse could not write into ``folder`` (created if missing), None if it can.
    Tried with a real file: permissions on Windows are not what the mode bits say."""
    existing = folder
    while not existing.exists():  # Lotse creates the missing part from here
        existing = existing.parent
    if not existing.is_dir():
        return _("{path} ist eine Datei, kein Ordner").format(path=existing)
    try:
        with tempfile.TemporaryFile(dir=existing):
            return None
    except OSError as exc:
        return exc.strerror or str(exc)


def _folder_finding(check: str, name: str, folder: Path) -> Finding:
    title = _("Schreibrechte {folder}").format(folder=name)
    problem = write_problem(folder)
    if problem is None:
        return ok(check, title, str(folder))
    return error(check, title, _("In {path} kann Lotse nicht schreiben: "
                                             "{problem}.").format(path=folder, problem=problem),
                 _("Dem Windows-Benutzer Schreibrechte auf {path} geben oder mit "
                   "LOTSE_DATA_DIR einen beschreibbaren Ordner angeben.").format(path=folder))
