"""Files written whole or not at all: a draft, a saved letter."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PRIVATE_FILE = 0o600


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one, never
    half of it: a temporary file beside it, flushed to disk, then renamed over it.
    ``private`` makes it readable for the owner only (drafts hold personal data)."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            if private and hasattr(os, "fchmod"):  # POSIX; mkstemp already creates 0o600
                os.fchmod(stream.fileno(), PRIVATE_FILE)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles for this."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
