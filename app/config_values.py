"""How each setting that is more than text is read and checked, wherever it comes from (a
TOML file or the environment); every error names the source, the setting and what is
expected."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import ConfigError
from app.i18n import _

MODES = ("local", "shared", "branch")

# How a yes/no setting may be written in the environment (TOML has true and false).
_YES = frozenset({"1", "true", "yes", "ja", "on"})
_NO = frozenset({"0", "false", "no", "nein", "off"})


def _mode(value: Any, source: str) -> str:
    if value not in MODES:
        raise ConfigError(
            _("{source}: Betriebsart „{value}“ ist unbekannt.").format(source=source, value=value),
            hint=_("Erwartet wird local, shared oder branch."),
        )
    return str(value)


def _workstation(value: Any, source: str) -> int:
    number = _whole_number(value)
    if number is None or not 1 <= number <= 999:
        raise ConfigError(
            _("{source}: Arbeitsplatz „{value}“ ist keine Zahl von 1 bis 999.").format(
                source=source, value=value))
    return number


def _office(value: Any, source: str) -> str:
    code = str(value).strip().upper()
    if not (2 <= len(code) <= 4 and code.isalpha() and code.isascii()):
        raise ConfigError(
            _("{source}: Dienststellenkürzel „{value}“ muss aus 2 bis 4 Buchstaben "
              "bestehen (z. B. NE).").format(source=source, value=value))
    return code


def _windows_sign_in(value: Any, source: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text not in _YES | _NO:
        raise ConfigError(
            _("{source}: Anmeldung als Windows-Benutzer (windows_sign_in) „{value}“ ist kein "
              "Ja/Nein-Wert; erwartet wird true oder false (in der Umgebung auch 1 oder 0)."
              ).format(source=source, value=value))
    return text in _YES


def _approval_rules(value: Any, source: str) -> Path | None:
    if not isinstance(value, str | Path):
        raise ConfigError(
            _("{source}: Freigaberegeln (approval_rules) „{value}“ ist kein Dateipfad; "
              "erwartet wird der Pfad einer YAML-Datei in Anführungszeichen.").format(
                source=source, value=value))
    text = str(value).strip()
    return Path(text).expanduser() if text else None


def _overdue_days(value: Any, source: str) -> int:
    number = _whole_number(value)
    if number is None or number < 1:
        raise ConfigError(
            _("{source}: Tage bis überfällig (overdue_days) „{value}“ ist keine gültige "
              "Anzahl; erwartet wird eine ganze Zahl ab 1, z. B. 21.").format(
                source=source, value=value))
    return number


SYNC_INTERVAL_RANGE = (10, 86400)  # seconds: not hammering the hub, at least once a day


def _sync_interval(value: Any, source: str) -> int:
    number = _whole_number(value)
    low, high = SYNC_INTERVAL_RANGE
    if number is None or not low <= number <= high:
        raise ConfigError(
            _("{source}: Synchronisationsabstand (sync.interval_seconds) „{value}“ ist keine "
              "gültige Anzahl Sekunden; erwartet wird eine ganze Zahl von {low} bis {high}, "
              "z. B. 60.").format(source=source, value=value, low=low, high=high))
    return number


def _whole_number(value: Any) -> int | None:
    """A whole number as TOML or the environment writes it; None for anything else (a TOML
    true would otherwise count as 1, 2.5 as 2)."""
    if isinstance(value, bool | float):
        return None
    text = str(value).strip()
    return int(text) if text.lstrip("-").isdecimal() else None


CHECKS: dict[str, Callable[[Any, str], Any]] = {
    "mode": _mode,
    "workstation": _workstation,
    "office": _office,
    "windows_sign_in": _windows_sign_in,
    "approval_rules": _approval_rules,
    "overdue_days": _overdue_days,
    "sync_interval": _sync_interval,
}
