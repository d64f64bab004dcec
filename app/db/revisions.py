"""The migration history read straight from the version files, without importing Alembic.

Every start checks the schema revision, and Alembic with its script directory costs about
a third of a second to import and read; it is only needed when there is something to
migrate. The version files declare ``revision`` and ``down_revision`` as literals (Alembic's
template); tests compare this reading with Alembic's own.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
_DECLARATION = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+)$", re.MULTILINE)


def _declared(path: Path) -> tuple[str, tuple[str, ...]]:
    values = dict(_DECLARATION.findall(path.read_text(encoding="utf-8")))
    parents = ast.literal_eval(values["down_revision"]) or ()
    return ast.literal_eval(values["revision"]), (
        (parents,) if isinstance(parents, str) else tuple(parents))


@cache
def history() -> dict[str, tuple[str, ...]]:
    """Each known revision with the revisions it follows."""
    return dict(_declared(path) for path in sorted(VERSIONS.glob("*.py")))


def head() -> str:
    """The one revision no other follows."""
    parents = {parent for follows in history().values() for parent in follows}
    heads = [revision for revision in history() if revision not in parents]
    assert len(heads) == 1, f"the migration history has {len(heads)} heads"
    return heads[0]
