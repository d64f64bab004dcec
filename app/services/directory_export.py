"""Writing the agency directory as a ``lotse-directory/1`` file (docs/directory-format.md).

The text depends only on what is stored, never on the day or the user interface's
language, so that export → import into an empty database → export gives the same text.
Offices are grouped by agency kind (in the order of DOMAIN.md), then sorted by name; the
offices out of service come last, each with the day it was retired.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.codes import AgencyKind
from app.db.models import DirectoryOffice, Office, Setting
from app.errors import LotseError
from app.i18n import _
from app.services.directory_import import retired_on
from app.services.directory_records import (
    FORMAT,
    VERSION_SETTING,
    DirectoryEntry,
    IntegrationPoint,
)

HEADER = """\
# Agency directory exported by Lotse – format lotse-directory/1, see docs/directory-format.md.
# An import matches offices by code, creates or updates them and never deletes one. An office
# with "retired" is out of service: kept for the referrals that name it, offered for no new one.

"""
_OFFICE_FIELDS = [name for name in DirectoryEntry.__dataclass_fields__]
_POINT_FIELDS = [name for name in IntegrationPoint.__dataclass_fields__]
_FLOW_LISTS = frozenset({"languages", "municipalities"})  # short lists stay on one line
_KIND_ORDER = {kind.value: position for position, kind in enumerate(AgencyKind)}


def export_directory(session: Session) -> str:
    """The whole directory – our own offices and every office, retired ones too – as the
    text of a directory file."""
    points = session.scalars(select(Office).where(Office.deleted_at.is_(None))).all()
    offices = sorted(session.scalars(select(DirectoryOffice)), key=sort_key)
    parts = [HEADER, _dump({"format": FORMAT, "version": _version(session)}),
             "\nintegration_points:" + (" []\n" if not points else "\n"),
             _items([_point(point) for point in sorted(points, key=lambda p: p.code)]),
             "\noffices:" + (" []\n" if not offices else "\n")]
    parts += [_group(f"--- {kind} ---", [_office(office) for office in group])
              for kind, group in _groups(office for office in offices
                                         if office.deleted_at is None)]
    retired = [office for office in offices if office.deleted_at is not None]
    if retired:
        parts.append(_group("--- retired ---", [_office(office) for office in retired]))
    return "".join(parts)


def write_export(session: Session, path: Path) -> int:
    """Export into a file; returns how many offices it lists."""
    write_whole(path, export_directory(session))
    return session.scalar(select(func.count()).select_from(DirectoryOffice)) or 0


def write_whole(path: Path, text: str) -> None:
    """UTF-8 with Unix line ends, written whole or not at all (an earlier file stays until
    the new one is complete)."""
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_text(text, encoding="utf-8", newline="\n")
        partial.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise LotseError(_("{path}: Die Datei kann nicht geschrieben werden ({error}).").format(
            path=path, error=exc.strerror or exc),
            hint=_("Einen anderen Ordner wählen oder die IT-Betreuung fragen.")) from exc


def _version(session: Session) -> str:
    setting = session.get(Setting, VERSION_SETTING)
    return setting.value if setting is not None and setting.value else date.today().isoformat()


def sort_key(office: DirectoryOffice) -> tuple[int, str, str, str]:
    """Agency kind in the order of DOMAIN.md, then name and department; the same on every
    engine (no database collation involved)."""
    return (_KIND_ORDER.get(office.agency_kind, len(_KIND_ORDER)), office.name.casefold(),
            office.department.casefold(), office.code)


def _groups(offices: Iterable[DirectoryOffice]) -> list[tuple[str, list[DirectoryOffice]]]:
    groups: dict[str, list[DirectoryOffice]] = {}
    for office in offices:
        groups.setdefault(office.agency_kind, []).append(office)
    return list(groups.items())


def _office(office: DirectoryOffice) -> dict[str, Any]:
    record = _record(office, _OFFICE_FIELDS)
    since = retired_on(office)
    if since is not None:
        record["retired"] = since.isoformat()
    return record


def _point(point: Office) -> dict[str, Any]:
    return _record(point, _POINT_FIELDS)


def _record(row: Office | DirectoryOffice, names: Sequence[str]) -> dict[str, Any]:
    """The non-empty fields, in the order of the format."""
    values = {name: getattr(row, name) for name in names}
    return {name: _FlowList(value) if name in _FLOW_LISTS else value
            for name, value in values.items() if value}


def _group(title: str, records: list[dict[str, Any]]) -> str:
    return f"  # {title}\n" + _items(records)


def _items(records: list[dict[str, Any]]) -> str:
    if not records:
        return ""
    return "".join(f"  {line}\n" if line else "\n" for line in _dump(records).splitlines())


# --- YAML -----------------------------------------------------------------------------------


class _FlowList(list[str]):
    """A list written on one line: [de, en, ar]."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # list items indented under their key


def _flow_list(dumper: yaml.SafeDumper, value: _FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None  # a note of several lines stays readable
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(_FlowList, _flow_list)
_Dumper.add_representer(str, _text)


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096,
                     default_flow_style=False)
