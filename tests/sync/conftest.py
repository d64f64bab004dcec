"""A hub with the letter scene on a throwaway PostgreSQL database, and a branch replica of
it (workstation 7) in an SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.scene import Branch, Hub, open_branch, open_hub


@pytest.fixture
def hub(pg_url: str) -> Iterator[Hub]:
    hub = open_hub(pg_url)
    yield hub
    hub.database.close()


@pytest.fixture
def branch(hub: Hub, tmp_path: Path) -> Iterator[Branch]:
    branch = open_branch(hub, tmp_path, 7)
    yield branch
    branch.database.close()
