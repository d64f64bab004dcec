"""What keeps the start fast stays true: the schema check reads the migration history without
Alembic, and reads it as Alembic does."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from app.db import revisions
from app.db.schema import alembic_config


def test_the_migration_history_is_read_as_alembic_reads_it() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert revisions.head() == script.get_current_head()
    assert revisions.history() == {
        rev.revision: tuple(rev._all_down_revisions) for rev in script.walk_revisions()}
