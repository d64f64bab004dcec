"""Declarative base, naming convention and the columns every replicated record carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Integer, MetaData, String, Table, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from app.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        uuid.UUID: Uuid(),
        datetime: DateTime(timezone=True),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


class Keyed:
    """A UUIDv7 primary key, created on any machine, offline too."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)


class Replicated(Keyed):
    """A record that can be edited on two machines.

    ``version`` is SQLAlchemy's optimistic lock: a save based on an outdated version fails
    instead of overwriting. ``origin`` names the workstation that last wrote the record, and
    ``deleted_at`` marks a tombstone – records are never removed, so that a deletion can be
    synchronised like any other change.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    origin: Mapped[str] = mapped_column(String(40), default="")
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # The mixin is not mapped itself; every mapped subclass has its table by now.
        table: Table = cls.__table__  # type: ignore[attr-defined]
        return {"version_id_col": table.c.version}

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
