"""``lotse doctor``: is this workstation ready for Lotse, and if not, what to do about it.

Each check gives one finding – OK, WARNUNG or FEHLER – and every problem names its fix in
words, so that IT can act on the report without reading a log. A warning leaves Lotse
usable (no printer yet: letters can be saved as PDF); an error means it will not work.

Exit codes: 0 when no check failed (warnings allowed), ``DOCTOR_FAILED`` (1) when at least
one did. ``--json`` prints the same findings for scripts.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import app
from app.i18n import _

DOCTOR_FAILED = 1


class Level(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"

    @property
    def label(self) -> str:
        return {Level.OK: _("OK"), Level.WARNING: _("WARNUNG"),
                Level.ERROR: _("FEHLER")}[self]


@dataclass(frozen=True)
class Finding:
    """What one check found; ``fix`` says what to do (empty when all is well)."""

    check: str
    title: str
    level: Level
    message: str
    fix: str = ""


def ok(check: str, title: str, message: str) -> Finding:
    return Finding(check, title, Level.OK, message)


def warning(check: str, title: str, message: str, fix: str) -> Finding:
    return Finding(check, title, Level.WARNING, message, fix)


def error(check: str, title: str, message: str, fix: str) -> Finding:
    return Finding(check, title, Level.ERROR, message, fix)


@dataclass(frozen=True)
class DoctorOptions:
    """Where the checks look; the defaults are this installation's own places."""

    config_file: Path | None = None
    database_url: str | None = None
    fonts: Path | None = None  # the bundled fonts folder unless given (tests)


def examine(options: DoctorOptions) -> list[Finding]:
    """Every check, in the order of the report."""
    from app.doctor_database import database_findings
    from app.doctor_system import system_findings

    findings, settings = database_findings(options)
    return findings + system_findings(options, settings)


def failed(findings: Sequence[Finding]) -> bool:
    return any(finding.level is Level.ERROR for finding in findings)


def exit_code(findings: Sequence[Finding]) -> int:
    return DOCTOR_FAILED if failed(findings) else 0


def report_text(findings: Sequence[Finding]) -> str:
    """One line per check, the fix indented below each problem, a summary at the end."""
    width = max(len(level.label) for level in Level)
    lines = [_("Lotse {version} – Prüfung dieses Arbeitsplatzes").format(
        version=app.__version__)]
    for finding in findings:
        lines.append(f"{finding.level.label:<{width}}  {finding.title}: {finding.message}")
        if finding.fix:
            lines.append(" " * (width + 2) + _("Behebung: {fix}").format(fix=finding.fix))
    lines.append(summary(findings))
    return "\n".join(lines)


def summary(findings: Sequence[Finding]) -> str:
    errors = sum(finding.level is Level.ERROR for finding in findings)
    warnings = sum(finding.level is Level.WARNING for finding in findings)
    if not errors and not warnings:
        return _("Ergebnis: alles in Ordnung.")
    return _("Ergebnis: {errors} Fehler, {warnings} Warnung(en).").format(
        errors=errors, warnings=warnings)


def report_json(findings: Sequence[Finding]) -> str:
    return json.dumps({"version": app.__version__, "ok": not failed(findings),
                       "exit_code": exit_code(findings),
                       "checks": [asdict(finding) for finding in findings]},
                      ensure_ascii=False, indent=2)


def add_doctor_command(commands: Any) -> None:
    doctor = commands.add_parser(
        "doctor", help=_("Arbeitsplatz prüfen: Konfiguration, Datenbank, Schriften, Drucker, "
                         "Schreibrechte"),
        epilog=_("Exit-Code 0: keine Fehler (Warnungen möglich); 1: mindestens ein Fehler."))
    doctor.add_argument("--json", action="store_true", help=_("Ausgabe als JSON"))


def doctor_command(args: argparse.Namespace) -> int:
    """Runs before the settings are loaded, so that a broken configuration is reported as a
    finding instead of ending the command."""
    findings = examine(DoctorOptions(config_file=args.config, database_url=args.database))
    print(report_json(findings) if args.json else report_text(findings))
    return exit_code(findings)
