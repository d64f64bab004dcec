"""Alembic environment: always called from app.db.schema with an open connection."""

from __future__ import annotations

from alembic import context

from app.db import models  # noqa: F401 – registers every table on the metadata
from app.db.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only alter tables by recreating them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
