"""Which data may go to which agency kind without consent, and under which law.

The rules are data (``resources/letters/data-protection.yaml``, or the file an administrator
names in the setting ``data_protection``), because the law and its reading change. A file
that does not fit is refused as a whole with a ConfigError naming the file, the agency kind
and what is expected – a letter never prints on half-read rules. Every agency kind must be
listed: a missing one would silently mean "nothing without consent", and an administrator
should decide that explicitly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from app.codes import AgencyKind
from app.config import Settings
from app.errors import ConfigError
from app.i18n import _
from app.letters.model import DataCategory
from app.resources import resource_path

FORMAT = "lotse-data-protection/1"
# What the law can allow at all: the note on the concern always needs consent.
LAWFUL_CATEGORIES = tuple(c for c in DataCategory if c is not DataCategory.CONCERN)


@dataclass(frozen=True)
class LawfulTransfer:
    """The categories an agency kind may receive without consent, and the law that says so."""

    categories: tuple[DataCategory, ...] = ()
    basis: str = ""


@dataclass(frozen=True)
class DataProtectionRules:
    by_kind: Mapping[str, LawfulTransfer]
    source: str  # the file the rules came from

    def without_consent(self, agency_kind: str) -> LawfulTransfer:
        """What may go to ``agency_kind`` without consent; nothing for a kind the file does
        not know (a newer code)."""
        return self.by_kind.get(agency_kind, LawfulTransfer())


def default_rules_path() -> Path:
    return resource_path("letters", "data-protection.yaml")


def rules_for(settings: Settings) -> DataProtectionRules:
    """The rules this installation uses (the setting ``data_protection``, else the bundled
    file); read once per file and modification time."""
    path = Path(settings.data_protection) if settings.data_protection else default_rules_path()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise _error(path, "", _("die Datei kann nicht gelesen werden ({error}); erwartet "
                                 "wird eine YAML-Datei im Format {format}").format(
            error=exc.strerror, format=FORMAT)) from exc
    return _read_cached(path, stamp)


@lru_cache(maxsize=4)
def _read_cached(path: Path, _stamp: int) -> DataProtectionRules:
    return read_rules(path)


def read_rules(path: Path) -> DataProtectionRules:
    """The rules in one file; ConfigError naming the file, agency kind and expectation."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _error(path, "", _("erwartet wird eine lesbare YAML-Datei im Format {format} "
                                 "({error})").format(format=FORMAT, error=exc)) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _error(path, "", _("erwartet wird „format: {format}“ und eine Liste "
                                 "„agencies“").format(format=FORMAT))
    agencies = document.get("agencies")
    if not isinstance(agencies, dict):
        raise _error(path, "", _("erwartet wird „agencies“ mit einem Eintrag je Stellenart"))
    return DataProtectionRules(_checked_agencies(path, agencies), str(path))


def _checked_agencies(path: Path, agencies: dict[object, object]) -> dict[str, LawfulTransfer]:
    unknown = sorted(str(kind) for kind in agencies if kind not in set(AgencyKind))
    if unknown:
        raise _error(path, unknown[0], _("unbekannte Stellenart; erwartet wird eine von "
                                         "{kinds}").format(kinds=", ".join(AgencyKind)))
    missing = [kind for kind in AgencyKind if kind.value not in agencies]
    if missing:
        raise _error(path, missing[0].value, _(
            "fehlt; jede Stellenart braucht einen Eintrag (allowed: [] heißt: nichts ohne "
            "Einwilligung)"))
    return {kind.value: _transfer(path, kind.value, agencies[kind.value]) for kind in AgencyKind}


def _transfer(path: Path, kind: str, entry: object) -> LawfulTransfer:
    if not isinstance(entry, dict) or not isinstance(entry.get("allowed"), list):
        raise _error(path, kind, _("erwartet wird „allowed“ (eine Liste von Datenarten) und "
                                   "„basis“ (die Rechtsgrundlage)"))
    allowed = [str(code) for code in entry["allowed"]]
    wrong = [code for code in allowed if code not in LAWFUL_CATEGORIES]
    if wrong:
        raise _error(path, kind, _("Datenart „{code}“ ist hier nicht möglich; erwartet werden "
                                   "Datenarten aus {codes} (die Anmerkung zum Anliegen braucht "
                                   "immer eine Einwilligung)").format(
            code=wrong[0], codes=", ".join(LAWFUL_CATEGORIES)))
    basis = str(entry.get("basis") or "").strip()
    if allowed and not basis:
        raise _error(path, kind, _("erwartet wird „basis“: die Rechtsgrundlage, nach der "
                                   "diese Daten ohne Einwilligung übermittelt werden dürfen"))
    ordered = tuple(c for c in LAWFUL_CATEGORIES if c.value in allowed)
    return LawfulTransfer(ordered, basis if ordered else "")


def _error(path: Path, kind: str, expected: str) -> ConfigError:
    where = f"{path}, {kind}" if kind else str(path)
    return ConfigError(_("Datenschutzregeln {where}: {expected}").format(
        where=where, expected=expected))
