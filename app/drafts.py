"""Autosaved drafts: nothing typed is lost to a crash or a power cut.

An unfinished form (a person, a visit) is kept as one small JSON file per form in the user
data folder, and the next start offers to restore it. Each file is written atomically – a
temporary file in the same folder, flushed and fsync'ed, then renamed over the old one – so
a crash while saving leaves the previous draft whole. A file that is damaged anyway (a disk
fault, an editor) is moved aside as ``*.damaged`` and skipped, never a reason not to start.

Drafts may hold personal data (names, dates of birth, notes). Their files are readable and
writable by the owner only (mode 0o600, the folder 0o700) where the operating system has
POSIX modes; on Windows the user data folder inside the profile is private to the user
already. A draft is deleted as soon as its form has been saved or deliberately discarded.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import app
from app.config import Settings, data_dir
from app.files import write_atomically

FORMAT = 1
PRIVATE_FOLDER = 0o700
STALE_TEMPORARY_SECONDS = 3600  # no save takes that long; another instance's may be under way
_NAME_PART = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,79}$")


@dataclass(frozen=True)
class Draft:
    """One autosaved form: what it is (``kind``, ``key``), for whom (``title``), when."""

    kind: str
    key: str
    title: str
    saved_at: datetime
    payload: dict[str, Any] = field(default_factory=dict)
    program_version: str = ""


class DraftStore:
    """The drafts in one folder, one file per form (``<kind>-<key>.json``)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def save(self, kind: str, key: str, payload: Mapping[str, object], *, title: str) -> None:
        """Write the draft of one form, replacing its previous draft only when complete."""
        document = {"format": FORMAT, "kind": kind, "key": key, "title": title,
                    "saved_at": datetime.now(UTC).isoformat(),
                    "program_version": app.__version__, "payload": dict(payload)}
        text = json.dumps(document, ensure_ascii=False, indent=1)
        self._ensure_folder()
        write_atomically(self._path(kind, key), text.encode("utf-8"), private=True)

    def load_all(self) -> list[Draft]:
        """Every readable draft, newest first; damaged files are moved aside."""
        self._remove_stale_temporaries()
        drafts = [draft for path in self._files() if (draft := self._load(path)) is not None]
        return sorted(drafts, key=lambda draft: draft.saved_at, reverse=True)

    def get(self, kind: str, key: str) -> Draft | None:
        path = self._path(kind, key)
        return self._load(path) if path.is_file() else None

    def discard(self, kind: str, key: str) -> None:
        self._path(kind, key).unlink(missing_ok=True)

    def _path(self, kind: str, key: str) -> Path:
        for part in (kind, key):
            if not _NAME_PART.match(part):
                raise ValueError(f"not usable in a draft's file name: {part!r}")
        return self.directory / f"{kind}-{key}.json"

    def _files(self) -> Iterator[Path]:
        if self.directory.is_dir():
            yield from (path for path in self.directory.glob("*.json") if path.is_file())

    def _load(self, path: Path) -> Draft | None:
        try:
            return _parse(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, TypeError, KeyError):  # JSONDecodeError, UnicodeDecodeError too
            _move_aside(path)
            return None
        except OSError:  # unreadable now (locked, gone): maybe not later, so leave it be
            return None

    def _remove_stale_temporaries(self) -> None:
        """Half-written files of a save that a crash interrupted; they hold personal data."""
        if not self.directory.is_dir():
            return
        cutoff = time.time() - STALE_TEMPORARY_SECONDS
        for path in self.directory.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()

    def _ensure_folder(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)


def _parse(document: Any) -> Draft:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("not a draft of this format")
    payload, saved_at = document["payload"], datetime.fromisoformat(document["saved_at"])
    kind, key, title = (document[name] for name in ("kind", "key", "title"))
    if not isinstance(payload, dict) or not all(isinstance(text, str)
                                                for text in (kind, key, title)):
        raise ValueError("a draft needs texts and a payload object")
    if saved_at.tzinfo is None:
        raise ValueError("a draft's time carries its zone")
    return Draft(kind, key, title, saved_at, payload,
                 program_version=str(document.get("program_version", "")))


def _move_aside(path: Path) -> None:
    target = path.with_name(path.name + ".damaged")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.{number}.damaged")
    with contextlib.suppress(OSError):
        path.replace(target)


def default_draft_store(settings: Settings) -> DraftStore:
    """The drafts of this user for the configured database, in the user data folder.

    Drafts belong to one database: the folder name carries a short hash of its address
    (without a password), so a draft typed into the demo is never offered on the real one."""
    return DraftStore(data_dir() / "drafts" / database_tag(settings.database_url))


def database_tag(url: str) -> str:
    """A short, stable name for a database address; a password in it does not count."""
    from sqlalchemy.exc import ArgumentError

    try:
        text = _canonical_url(url)
    except ArgumentError:
        text = url
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _canonical_url(url: str) -> str:
    """The address without password and driver name; an SQLite file by its full path."""
    from sqlalchemy.engine import URL, make_url

    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() == "sqlite" and database not in (None, "", ":memory:"):
        database = str(Path(database).resolve())
    return URL.create(parsed.get_backend_name(), parsed.username, None, parsed.host,
                      parsed.port, database, parsed.query).render_as_string()
