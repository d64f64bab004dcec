"""Merging a person registered twice: one file kept, the other's history moved into it.

Branch offices register persons offline, so after a synchronisation one person may have two
files (:func:`duplicate_pairs` lists the likely pairs). A supervisor merges them in one unit
of work: every visit, concern, referral and consent of the other record moves to the kept
one (printed letters follow their referrals and visits), its household membership and
fields fill what the kept one lacks or what the supervisor chose
(app/services/person_merge_plan.py), its names become additional spellings. The other record
stays as a tombstone whose ``merged_into_id`` names the kept person: its person number still
leads there (app/services/persons.load_person), and the kept person's audit trail includes
its entries (app/security/audit_trail.py). Nothing is deleted.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.config import Settings
from app.db.base import utcnow
from app.db.models import Concern, Consent, Household, Person, Referral, Visit
from app.errors import ConflictError, FieldError, FieldsValidationError, NotFoundError
from app.i18n import N_, _
from app.search import index_person
from app.security.audit import PERSON, AuditAction, record_by
from app.security.permissions import Action, Actor, require
from app.services.duplicate_pairs import DuplicatePair, PairSide, duplicate_pairs
from app.services.person_merge_plan import FieldDifference, changes, differences, value_text
from app.services.persons import input_from_person, update_person
from app.services.text_checks import printable

__all__ = ["DuplicatePair", "MergePreview", "MergeReport", "PairSide", "duplicate_pairs",
           "merge_persons", "merge_preview"]

_HISTORY = (Visit, Concern, Referral, Consent)  # the rows that name their person
_ROLE_LABELS = {"keep_id": N_("Behaltene Person"), "merge_id": N_("Zusammenzuführende Person")}


@dataclass(frozen=True)
class MergePreview:
    """The two records as the merge dialog compares them."""

    keep_number: str
    merge_number: str
    versions: tuple[int, int]  # as loaded: the merge is refused if either changes meanwhile
    differences: tuple[FieldDifference, ...]


@dataclass(frozen=True)
class MergeReport:
    """What a merge did."""

    kept_number: str
    merged_number: str
    fields: tuple[str, ...]  # keys taken from the merged record
    moved: dict[str, int]  # table name → rows moved


def merge_preview(session: Session, keep_id: uuid.UUID, merge_id: uuid.UUID, *,
                  actor: Actor) -> MergePreview:
    """The fields in which the two records differ, with the side taken by default."""
    require(session, actor, Action.MERGE_PERSONS, entity_type=PERSON, entity_id=keep_id)
    keep, merge = _pair(session, keep_id, merge_id)
    found = differences(input_from_person(keep), input_from_person(merge))
    return MergePreview(keep.person_number, merge.person_number, (keep.version, merge.version),
                        tuple(_household_named(session, d, keep, merge) for d in found))


def merge_persons(session: Session, keep_id: uuid.UUID, merge_id: uuid.UUID, *, actor: Actor,
                  settings: Settings, choices: Mapping[str, str] | None = None,
                  expected_versions: tuple[int, int] | None = None) -> MergeReport:
    """Merge ``merge_id`` into ``keep_id`` in the caller's unit of work. ``choices`` say per
    field which record's value to keep ("keep"/"merge"); ``expected_versions`` are the
    versions the supervisor saw (keep, merge): a record saved since is a ConflictError."""
    require(session, actor, Action.MERGE_PERSONS, entity_type=PERSON, entity_id=keep_id)
    keep, merge = _pair(session, keep_id, merge_id)
    numbers = (keep.person_number, merge.person_number)
    if expected_versions is not None and (keep.version, merge.version) != expected_versions:
        raise _conflict(*numbers)
    raw = changes(input_from_person(keep), input_from_person(merge), choices)
    moved = {model.__tablename__: _move(session, model, merge, keep, settings.origin)
             for model in _HISTORY}
    _tombstone(merge, keep, settings.origin)
    _flush(session, numbers)  # before the household check, which ignores tombstones
    update_person(session, keep.id, raw, actor=actor, settings=settings,
                  expected_version=keep.version)
    keep.origin, keep.updated_at = settings.origin, utcnow()  # it gained a history
    _flush(session, numbers)
    index_person(session, keep)
    index_person(session, merge)
    _audit(session, actor, keep, merge, sorted(raw))
    return MergeReport(*numbers, tuple(sorted(raw)), moved)


def _pair(session: Session, keep_id: uuid.UUID, merge_id: uuid.UUID) -> tuple[Person, Person]:
    if keep_id == merge_id:
        raise _field_error("merge_id", _("ist dieselbe Person wie die behaltene; erwartet wird "
                                         "eine andere Person"))
    return _live(session, "keep_id", keep_id), _live(session, "merge_id", merge_id)


def _live(session: Session, role: str, person_id: uuid.UUID) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("Eine Person „{key}“ gibt es nicht.").format(
            key=printable(str(person_id))))
    if person.merged_into_id is not None:
        kept = session.get_one(Person, person.merged_into_id).person_number
        raise _field_error(role, _("{number} ist bereits mit {kept} zusammengeführt; erwartet "
                                   "wird eine Person, die noch geführt wird").format(
            number=person.person_number, kept=kept))
    if person.is_deleted:
        raise _field_error(role, _("{number} ist gelöscht; erwartet wird eine Person, die noch "
                                   "geführt wird").format(number=person.person_number))
    return person


def _field_error(role: str, expected: str) -> FieldsValidationError:
    return FieldsValidationError([FieldError(role, _(_ROLE_LABELS[role]), expected)])


_History = Visit | Concern | Referral | Consent


def _move(session: Session, model: type[_History], merge: Person, keep: Person,
          origin: str) -> int:
    """Each row written like any change (a new version, this workstation as origin), so the
    synchronisation carries it like one."""
    rows: list[_History] = list(session.scalars(
        select(model).where(model.person_id == merge.id)))
    for row in rows:
        row.person_id, row.origin = keep.id, origin
    return len(rows)


def _tombstone(merge: Person, keep: Person, origin: str) -> None:
    merge.deleted_at = merge.updated_at = utcnow()
    merge.merged_into_id, merge.origin = keep.id, origin


def _flush(session: Session, numbers: tuple[str, str]) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise _conflict(*numbers) from None


def _audit(session: Session, actor: Actor, keep: Person, merge: Person,
           fields: list[str]) -> None:
    """Under both persons, so that either file's trail tells what happened."""
    details = {"kept": keep.person_number, "merged": merge.person_number, "fields": fields}
    for person in (keep, merge):
        record_by(session, actor, AuditAction.MERGE_PERSONS, entity_type=PERSON,
                  entity_id=person.id, details={"person_number": person.person_number,
                                                **details})


def _household_named(session: Session, difference: FieldDifference, keep: Person,
                     merge: Person) -> FieldDifference:
    """A household by its name and the person's role in it, not by its id."""
    if difference.key != "household_id":
        return difference
    return replace(difference, keep=_household_text(session, keep),
                   merge=_household_text(session, merge))


def _household_text(session: Session, person: Person) -> str:
    household = session.get(Household, person.household_id) if person.household_id else None
    if household is None:
        return _("(leer)")
    if not person.household_role:
        return household.label
    return f"{household.label} ({value_text('household_role', person.household_role)})"


def _conflict(keep_number: str, merge_number: str) -> ConflictError:
    return ConflictError(
        _("{keep} oder {merge} wurde inzwischen an einem anderen Arbeitsplatz gespeichert; "
          "nichts wurde zusammengeführt.").format(keep=keep_number, merge=merge_number),
        hint=_("Die Liste neu laden und die beiden Akten noch einmal vergleichen."))
