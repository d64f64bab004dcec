"""The agency directory file: read it, check it, name every problem.

The file (format ``lotse-directory/1``, docs/directory-format.md) is how administrators
exchange the directory. Every office goes through the same validation as the editor in the
app (app.services.directory_fields); a file with problems is refused as a whole, with each
problem named by file, office and field, so that nothing is half imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import yaml

from app.errors import FieldError, ValidationError
from app.i18n import _
from app.resources import resource_path
from app.services.directory_fields import (
    LABELS,
    OfficeValidationError,
    validate_integration_point,
    validate_office,
)
from app.services.directory_import import ImportReport, UpsertCount, import_directory
from app.services.directory_records import (
    FORMAT,
    DirectoryEntry,
    DirectoryFile,
    IntegrationPoint,
)

__all__ = ["FORMAT", "DirectoryEntry", "DirectoryError", "DirectoryFile", "DirectoryProblem",
           "ImportReport", "IntegrationPoint", "UpsertCount", "default_directory_path",
           "import_directory", "parse_directory", "read_directory"]

_TOP_LEVEL = ("format", "version", "integration_points", "offices")
_LIST_FIELDS = frozenset({"languages", "municipalities", "documents"})


@dataclass(frozen=True)
class DirectoryProblem:
    """One thing in a directory file that does not fit."""

    office: str  # code, or "Nr. 3" when the record has no usable code; "" for the file
    field: str
    problem: str


class DirectoryError(ValidationError):
    """A directory file that does not fit: every problem, each naming file, office and
    field. ``office`` and ``field`` are those of the first problem."""

    def __init__(self, path: Path, problems: Sequence[DirectoryProblem]) -> None:
        first = problems[0]
        super().__init__(_where(path, first.office, first.field), first.problem)
        self.path, self.problems = path, tuple(problems)
        self.office, self.field = first.office, first.field
        self.lines = [f"{_where(path, p.office, p.field)}: {p.problem}" for p in problems]
        self.message = "\n".join(self.lines)
        self.args = (self.message,)


def _where(path: Path, office: str, field: str) -> str:
    where = path.name
    if office:
        where = _("{where}, Büro {office}").format(where=where, office=office)
    if field:
        where = _("{where}, Feld {field}").format(where=where, field=field)
    return where


class _Problems:
    def __init__(self) -> None:
        self.found: list[DirectoryProblem] = []

    def add(self, problem: str, *, office: str = "", field: str = "") -> None:
        self.found.append(DirectoryProblem(office, field, problem))

    def add_fields(self, office: str, errors: Sequence[FieldError]) -> None:
        for error in errors:
            self.add(error.expected, office=office, field=error.field)


def default_directory_path() -> Path:
    return resource_path("directory", "rhein-kreis-neuss.yaml")


def read_directory(path: Path) -> DirectoryFile:
    """Read and check a directory file; DirectoryError names every problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else exc.reason
        raise _single(path, _("Die Datei kann nicht gelesen werden ({error}).").format(
            error=reason or exc)) from exc
    return parse_directory(text, path)


def parse_directory(text: str, path: Path) -> DirectoryFile:
    """Check the text of a directory file; ``path`` names it in messages."""
    data = _load_yaml(text, path)
    problems = _Problems()
    _check_header(data, problems)
    points = _points(data.get("integration_points"), problems)  # in the order of the file
    offices, retired = _offices(data.get("offices"), problems)
    if problems.found:
        raise DirectoryError(path, problems.found)
    return DirectoryFile(path, str(data["version"]).strip(), tuple(offices), tuple(points),
                         retired)


def _single(path: Path, problem: str, *, field: str = "") -> DirectoryError:
    return DirectoryError(path, [DirectoryProblem("", field, problem)])


def _load_yaml(text: str, path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _single(path, _("Die Datei ist kein gültiges YAML: {error}").format(
            error=exc)) from exc
    if not isinstance(data, dict):
        raise _single(path, _("Erwartet wird eine Zuordnung mit format, version, "
                              "integration_points und offices."))
    return data


def _check_header(data: Mapping[str, Any], problems: _Problems) -> None:
    if data.get("format") != FORMAT:
        problems.add(_("Format „{found}“ ist unbekannt; erwartet wird {expected}.").format(
            found=data.get("format", ""), expected=FORMAT), field="format")
    if not str(data.get("version") or "").strip():
        problems.add(_("Die Versionsangabe fehlt."), field="version")
    for name in sorted(set(map(str, data)) - set(_TOP_LEVEL)):
        problems.add(_("Unbekannter Eintrag; erwartet werden format, version, "
                       "integration_points und offices."), field=name)


# --- records --------------------------------------------------------------------------------


def _offices(raw: object, problems: _Problems) -> tuple[list[DirectoryEntry], dict[str, date]]:
    if not isinstance(raw, list) or not raw:
        problems.add(_("Erwartet wird eine nicht leere Liste."), field="offices")
        return [], {}
    offices: list[DirectoryEntry] = []
    retired: dict[str, date] = {}
    for name, values in _records(raw, problems):
        since = _retired(values.pop("retired", None), name, problems)
        office = _validated(validate_office, name, values, problems)
        if office is not None:
            offices.append(office)
            if since is not None:
                retired[office.code] = since
    _check_unique([office.code for office in offices], problems)
    return offices, retired


def _points(raw: object, problems: _Problems) -> list[IntegrationPoint]:
    """Our own offices; a file exchanged between districts may leave them out."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.add(_("Erwartet wird eine Liste."), field="integration_points")
        return []
    points = [_validated(validate_integration_point, name, values, problems)
              for name, values in _records(raw, problems)]
    found = [point for point in points if point is not None]
    _check_unique([point.code for point in found], problems)
    return found


_Record = TypeVar("_Record", DirectoryEntry, IntegrationPoint)


def _validated(validate: Callable[[Mapping[str, object]], _Record], name: str,
               values: Mapping[str, Any], problems: _Problems) -> _Record | None:
    try:
        return validate(values)
    except OfficeValidationError as invalid:
        problems.add_fields(name, _beyond_type_problems(invalid.errors, values, name, problems))
        return None


def _records(raw: list[object], problems: _Problems) -> Iterator[tuple[str, dict[str, Any]]]:
    for position, item in enumerate(raw, start=1):
        record = _fields_of(item, position, problems)
        if record is not None:
            yield record


def _fields_of(item: object, position: int,
               problems: _Problems) -> tuple[str, dict[str, Any]] | None:
    """The record's name for messages and its fields; a value of the wrong YAML type is
    reported here and left out (None)."""
    name = _("Nr. {position}").format(position=position)
    if not isinstance(item, dict):
        problems.add(_("Erwartet wird eine Zuordnung von Feldern."), office=name)
        return None
    if isinstance(item.get("code"), str) and item["code"].strip():
        name = item["code"].strip()
    values = {str(key): value if _typed(str(key), value, name, problems) else None
              for key, value in item.items()}
    return name, values


def _typed(key: str, value: object, office: str, problems: _Problems) -> bool:
    if value is None or key not in LABELS:  # an unknown field is named by the validation
        return True
    if key in _LIST_FIELDS:
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return True
        problems.add(_("Erwartet wird eine Liste von Texten, z. B. [Neuss, Kaarst]; Zahlen "
                       "bitte in Anführungszeichen."), office=office, field=key)
        return False
    if not isinstance(value, str):
        # YAML reads 41462 as a number and 01067 as an octal one: insist on quotes.
        problems.add(_("„{value}“ ist kein Text; Zahlen bitte in Anführungszeichen schreiben "
                       "(z. B. \"41462\").").format(value=value), office=office, field=key)
        return False
    return True


def _beyond_type_problems(errors: Sequence[FieldError], values: Mapping[str, Any],
                          office: str, problems: _Problems) -> list[FieldError]:
    """Leave out "missing" for a field whose value was already refused for its type."""
    refused = {p.field for p in problems.found if p.office == office}
    return [error for error in errors
            if not (error.field in refused and values.get(error.field) is None)]


def _retired(value: object, office: str, problems: _Problems) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        problems.add(_("„{value}“ ist kein Datum; erwartet wird der Tag, seit dem die Stelle "
                       "außer Dienst ist, als JJJJ-MM-TT (z. B. \"2026-05-01\").").format(
            value=value), office=office, field="retired")
        return None


def _check_unique(codes: Sequence[str], problems: _Problems) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            problems.add(_("Das Kürzel kommt mehrfach vor; jedes Büro braucht ein eigenes."),
                         office=code, field="code")
        seen.add(code)
