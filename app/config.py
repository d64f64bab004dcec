"""Configuration, layered; the last layer wins.

1. built-in defaults
2. machine-wide file deployed by IT (``%PROGRAMDATA%\\Lotse\\lotse.toml`` on Windows,
   ``/etc/xdg/lotse/lotse.toml`` on Linux)
3. user file (``lotse.toml`` in the user config dir)
4. environment (``LOTSE_DATABASE_URL``, ``LOTSE_MODE``, ``LOTSE_OFFICE``,
   ``LOTSE_WORKSTATION``, ``LOTSE_USER``, ``LOTSE_LANGUAGE``, ``LOTSE_DATA_PROTECTION``,
   ``LOTSE_WINDOWS_SIGN_IN``, ``LOTSE_APPROVAL_RULES``, ``LOTSE_OVERDUE_DAYS``,
   ``LOTSE_SYNC_INTERVAL``)
5. command line (``--database``, ``--config``)

Secrets never live in the TOML files: a PostgreSQL password comes from the OS credential
store or the PostgreSQL pass file, which psycopg reads by itself.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from app.config_values import CHECKS
from app.errors import ConfigError
from app.i18n import _

APP_NAME = "Lotse"

ENVIRONMENT = {
    "LOTSE_DATABASE_URL": "database_url",
    "LOTSE_MODE": "mode",
    "LOTSE_OFFICE": "office",
    "LOTSE_WORKSTATION": "workstation",
    "LOTSE_USER": "user",
    "LOTSE_LANGUAGE": "language",
    "LOTSE_DATA_PROTECTION": "data_protection",
    "LOTSE_WINDOWS_SIGN_IN": "windows_sign_in",
    "LOTSE_APPROVAL_RULES": "approval_rules",
    "LOTSE_OVERDUE_DAYS": "overdue_days",
    "LOTSE_SYNC_INTERVAL": "sync_interval",
}

# TOML layout: [database] url, [site] mode/office/workstation, [ui] language, user,
# [letters] data_protection, [accounts] windows_sign_in,
# [referrals] approval_rules/overdue_days, [print] printer, [sync] interval_seconds
_TOML_KEYS = {
    ("database", "url"): "database_url",
    ("site", "mode"): "mode",
    ("site", "office"): "office",
    ("site", "workstation"): "workstation",
    ("site", "user"): "user",
    ("ui", "language"): "language",
    ("letters", "data_protection"): "data_protection",
    ("accounts", "windows_sign_in"): "windows_sign_in",
    ("referrals", "approval_rules"): "approval_rules",
    ("referrals", "overdue_days"): "overdue_days",
    ("print", "printer"): "printer",
    ("sync", "interval_seconds"): "sync_interval",
}


def data_dir() -> Path:
    """Where the local database and autosaves live (``LOTSE_DATA_DIR`` overrides)."""
    override = os.environ.get("LOTSE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def user_config_file() -> Path:
    override = os.environ.get("LOTSE_CONFIG_DIR")
    folder = Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, False))
    return folder / "lotse.toml"


def machine_config_file() -> Path:
    override = os.environ.get("LOTSE_MACHINE_CONFIG_DIR")
    folder = Path(override) if override else Path(platformdirs.site_config_dir(APP_NAME, False))
    return folder / "lotse.toml"


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'lotse.sqlite3').as_posix()}"


@dataclass(frozen=True)
class Settings:
    """Everything the program needs to know about where it runs."""

    database_url: str = ""
    mode: str = "local"
    office: str = "NE"
    workstation: int = 1
    user: str = field(default_factory=getpass.getuser)
    language: str = "de"
    # The rules which data may go to which agency kind without consent: a YAML file in the
    # format of resources/letters/data-protection.yaml; "" is that bundled file.
    data_protection: str = ""
    # Sign in as the Windows user (an account with that windows_account) without a dialog.
    windows_sign_in: bool = False
    # The administrator's approval rules (format of resources/referrals/approval.yaml);
    # None is that bundled file.
    approval_rules: Path | None = None
    # An issued referral without an outcome after this many days is overdue.
    overdue_days: int = 21
    # A branch workstation synchronises in the background every this many seconds.
    sync_interval: int = 60
    # The printer letters go to by default (a system printer name); "" is the system's
    # default printer.
    printer: str = ""
    sources: tuple[str, ...] = ()

    @property
    def origin(self) -> str:
        """This workstation as the records it writes name it (``NE-2``)."""
        return f"{self.office}-{self.workstation}"

    def with_values(self, values: Mapping[str, Any], source: str) -> Settings:
        """A copy with the given values, each checked; ``source`` names where they came from."""
        if not values:
            return self
        checked = {name: _check(name, value, source) for name, value in values.items()}
        return replace(self, **checked, sources=(*self.sources, source))


def _check(name: str, value: Any, source: str) -> Any:
    known = {f.name for f in fields(Settings)} - {"sources"}
    if name not in known:
        raise ConfigError(_("Unbekannte Einstellung „{name}“ in {source}.").format(
            name=name, source=source))
    check = CHECKS.get(name)
    return str(value) if check is None else check(value, source)


def read_toml(path: Path) -> dict[str, Any]:
    """The settings in one TOML file, flattened to Settings field names."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            _("Die Konfigurationsdatei {path} ist kein gültiges TOML: {error}").format(
                path=path, error=exc),
            hint=_("Datei korrigieren oder löschen; Lotse legt sie beim nächsten Start neu an."),
        ) from exc
    values: dict[str, Any] = {}
    for (section, key), name in _TOML_KEYS.items():
        table = data.get(section, {})
        if isinstance(table, dict) and key in table:
            values[name] = table[key]
    return values


def load_settings(
    *,
    config_file: Path | None = None,
    database_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build the settings from all layers, last wins."""
    env = os.environ if environ is None else environ
    settings = Settings()
    for path in (machine_config_file(), config_file or user_config_file()):
        if path.is_file():
            settings = settings.with_values(read_toml(path), str(path))
    from_env = {name: env[var] for var, name in ENVIRONMENT.items() if env.get(var)}
    settings = settings.with_values(from_env, _("Umgebung"))
    if database_url:
        settings = settings.with_values({"database_url": database_url}, "--database")
    if not settings.database_url:
        settings = replace(settings, database_url=default_database_url())
    return settings
