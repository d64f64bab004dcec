"""Writing values into a lotse.toml while keeping what is already there.

tomllib only reads. This writer replaces single ``key = value`` lines inside their
``[section]`` and adds what is missing, so an administrator's comments and keys this version
does not know survive. The result is read back before it replaces the old file, and the file
is replaced in one step: a failed write leaves the old file as it was.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path

from app.errors import ConfigError
from app.i18n import _

TomlValue = str | int | bool
ConfigValues = Mapping[tuple[str, str], TomlValue]

_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_-]+)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def toml_value(value: TomlValue) -> str:
    """The value as TOML: JSON's string escapes are valid in TOML basic strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def update_toml(text: str, values: ConfigValues) -> str:
    """``text`` with each (section, key) set to its value; everything else unchanged."""
    lines = text.splitlines()
    pending = dict(values)
    ends: dict[str, int] = {}  # section -> index of its header or last key line
    section = ""
    for index, line in enumerate(lines):
        if header := _HEADER.match(line):
            section = header[1]
            ends[section] = index
        elif key := _KEY.match(line):
            ends[section] = index
            if (section, key[1]) in pending:
                lines[index] = f"{key[1]} = {toml_value(pending.pop((section, key[1])))}"
    return "\n".join(_insert_missing(lines, pending, ends)) + "\n"


def _insert_missing(lines: list[str], pending: ConfigValues,
                    ends: dict[str, int]) -> list[str]:
    sections = dict.fromkeys(section for section, _key in pending)
    # Bottom-up, so the recorded line numbers of the sections above stay valid.
    for section in sorted((s for s in sections if s in ends), key=ends.__getitem__,
                          reverse=True):
        new = [f"{key} = {toml_value(v)}" for (s, key), v in pending.items() if s == section]
        lines[ends[section] + 1:ends[section] + 1] = new
    for section in (s for s in sections if s not in ends):
        lines += ["", f"[{section}]"] if lines else [f"[{section}]"]
        lines += [f"{key} = {toml_value(v)}" for (s, key), v in pending.items() if s == section]
    return lines


def write_config(path: Path, values: ConfigValues) -> None:
    """Set the values in the TOML file at ``path`` (created if missing), atomically."""
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    new = update_toml(old, values)
    _check_written(path, new, values)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".lotse-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(new)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _check_written(path: Path, text: str, values: ConfigValues) -> None:
    """Refuse to write a file that would not read back as intended (e.g. a value the
    line-based update could not reach inside a multi-line construct)."""
    try:
        data = tomllib.loads(text)
        unchanged = all(data[section][key] == value for (section, key), value in values.items())
    except (tomllib.TOMLDecodeError, KeyError, TypeError):
        unchanged = False
    if not unchanged:
        raise ConfigError(
            _("Die Konfigurationsdatei {path} kann nicht automatisch ergänzt werden.").format(
                path=path),
            hint=_("Die Datei von Hand prüfen oder umbenennen und die Einrichtung "
                   "wiederholen."))
