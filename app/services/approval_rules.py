"""Which referrals need a supervisor's approval: the rules file and its check.

The rules are data (``resources/referrals/approval.yaml``, or the administrator's file named
by the setting ``approval_rules``: ``[referrals] approval_rules`` in lotse.toml or
``LOTSE_APPROVAL_RULES``). A file that does not fit is refused as
a whole with a ConfigError naming the file and what is expected – an original never prints
on half-read rules.
"""

from __future__ import annotations

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

FORMAT = "lotse-approval/1"


@dataclass(frozen=True)
class ApprovalRules:
    agency_kinds: frozenset[str]
    sensitive_categories: frozenset[DataCategory]
    source: str


def current_rules(settings: Settings) -> ApprovalRules:
    """The rules these settings name; read once per file and modification time."""
    chosen = settings.approval_rules
    path = chosen or resource_path("referrals", "approval.yaml")
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise _error(path, _("die Datei kann nicht gelesen werden ({error}); erwartet wird "
                             "eine YAML-Datei im Format {format}").format(
            error=exc.strerror, format=FORMAT)) from exc
    return _read_cached(path, stamp)


@lru_cache(maxsize=4)
def _read_cached(path: Path, _stamp: int) -> ApprovalRules:
    return read_rules(path)


def read_rules(path: Path) -> ApprovalRules:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _error(path, _("erwartet wird eine lesbare YAML-Datei im Format {format} "
                             "({error})").format(format=FORMAT, error=exc)) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _error(path, _("erwartet wird „format: {format}“").format(format=FORMAT))
    kinds = _codes(path, document, "agency_kinds", [kind.value for kind in AgencyKind])
    categories = _codes(path, document, "sensitive_categories",
                        [category.value for category in DataCategory])
    return ApprovalRules(frozenset(kinds),
                         frozenset(DataCategory(code) for code in categories), str(path))


def _codes(path: Path, document: dict[object, object], key: str, known: list[str]) -> list[str]:
    values = document.get(key, [])
    if not isinstance(values, list):
        raise _error(path, _("„{key}“: erwartet wird eine Liste").format(key=key))
    wrong = [str(value) for value in values if value not in known]
    if wrong:
        raise _error(path, _("„{key}“: „{code}“ ist unbekannt; erwartet werden Codes aus "
                             "{codes}").format(key=key, code=wrong[0], codes=", ".join(known)))
    return [str(value) for value in values]


def _error(path: Path, expected: str) -> ConfigError:
    return ConfigError(_("Freigaberegeln {path}: {expected}").format(path=path,
                                                                      expected=expected))
