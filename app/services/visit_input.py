"""The one validation layer for a visit: the visit form and ``lotse visit add`` both hand
what was typed to :func:`validate_visit` and get a typed :class:`VisitInput` back, or a
:class:`VisitValidationError` listing every field that does not fit and what is expected.

Keys (the CLI's JSON keys; the form uses the same names):

- ``concerns``: a list of concern codes (app.codes.Concern: ``work``, ``housing``, …), at
  least one, each once; an entry may also be ``{"code": "work", "note": "…"}``
- ``note``: free text about the visit, several lines, at most 4000 characters
- ``interpreter_used``: true or false (also ja/nein)
- ``interpreter_language``: ISO 639 code (``ar``, ``fa-AF``); needed when an interpreter
  was used, refused when none was
- ``visited_at``: ISO date and time (``2026-03-14T10:30``, local time unless an offset is
  given); empty means now; not in the future
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.codes import Concern
from app.db.base import utcnow
from app.errors import FieldError, FieldsValidationError
from app.i18n import N_, _
from app.services import field_text, person_fields
from app.services.field_text import FieldProblem, code_text
from app.services.text_checks import printable

MAX_NOTE_LENGTH = 4000
MAX_CONCERN_NOTE_LENGTH = 1000
MAX_CONCERN_ENTRIES = 2 * len(Concern)  # more than that is no list of concerns
EARLIEST_VISIT = datetime(2000, 1, 1, tzinfo=UTC)
CLOCK_TOLERANCE = timedelta(minutes=5)  # counter PCs' clocks differ a little
_CONCERN_KEYS = ("code", "note")


@dataclass(frozen=True)
class ConcernInput:
    code: str
    note: str = ""


@dataclass(frozen=True)
class VisitInput:
    """A visit that passed validation; ``visited_at`` is in UTC."""

    concerns: tuple[ConcernInput, ...]
    visited_at: datetime
    note: str = ""
    interpreter_used: bool = False
    interpreter_language: str = ""


class VisitValidationError(FieldsValidationError):
    """Visit data that does not fit; ``errors`` lists every field concerned."""


# Key → label, in the order of the form.
LABELS: dict[str, str] = {
    "concerns": N_("Anliegen"),
    "note": N_("Notiz"),
    "interpreter_used": N_("Dolmetscher eingesetzt"),
    "interpreter_language": N_("Dolmetschsprache"),
    "visited_at": N_("Zeitpunkt des Besuchs"),
}


def label(key: str) -> str:
    return _(LABELS[key]) if key in LABELS else key


def field_error(key: str, expected: str) -> FieldError:
    return FieldError(key, label(key), expected)


def validate_visit(raw: Mapping[str, object], *, now: datetime | None = None) -> VisitInput:
    """The typed visit of ``raw``; raises VisitValidationError with every field that does
    not fit. ``now`` (UTC) is when the visit is recorded: the default time, the latest."""
    now = now or utcnow()
    errors: list[FieldError] = [_unknown_key(str(key)) for key in raw if key not in LABELS]
    readers: dict[str, Callable[[object], Any]] = {
        "note": field_text.multi_line(MAX_NOTE_LENGTH),
        "interpreter_used": field_text.yes_no,
        "interpreter_language": person_fields.language,
        "visited_at": lambda value: _visited_at(value, now),
    }
    values = {key: _read(key, read, raw.get(key), errors) for key, read in readers.items()}
    concerns = _concerns(raw.get("concerns"), errors)
    errors += _interpreter_errors(values, {error.field for error in errors})
    if errors:
        raise VisitValidationError(errors)
    return VisitInput(concerns=concerns, **values)


def _read(key: str, read: Callable[[object], Any], value: object,
          errors: list[FieldError]) -> Any:
    try:
        return read(value)
    except FieldProblem as problem:
        errors.append(field_error(key, str(problem)))
        return None


def _unknown_key(key: str) -> FieldError:
    shown = printable(key[:40] + ("…" if len(key) > 40 else ""))
    expected = _("„{key}“ gibt es beim Besuch nicht").format(key=shown)
    close = difflib.get_close_matches(key, LABELS, n=1)
    if close:
        expected += _(" – gemeint ist wohl „{key}“").format(key=close[0])
    return FieldError(shown, _("Unbekanntes Feld"), expected)


def _interpreter_errors(values: Mapping[str, Any], failed: set[str]) -> list[FieldError]:
    if "interpreter_used" in failed or "interpreter_language" in failed:
        return []
    if values["interpreter_used"] and not values["interpreter_language"]:
        return [field_error("interpreter_language", _(
            "angeben, in welche Sprache gedolmetscht wurde (z. B. ar, fa-AF)"))]
    if values["interpreter_language"] and not values["interpreter_used"]:
        return [field_error("interpreter_language", _(
            "nur angeben, wenn ein Dolmetscher eingesetzt wurde"))]
    return []


# --- when ----------------------------------------------------------------------------------


def _visited_at(value: object, now: datetime) -> datetime:
    """ISO date and time; without an offset it is the counter's local time."""
    if isinstance(value, datetime):
        found = value
    else:
        typed = code_text(value)
        if not typed:
            return now
        try:
            found = datetime.fromisoformat(typed)
        except ValueError:
            raise FieldProblem(_("erwartet wird Datum und Uhrzeit JJJJ-MM-TTTHH:MM (z. B. "
                                 "2026-03-14T10:30)")) from None
    found = (found if found.tzinfo else found.astimezone()).astimezone(UTC)
    if found > now + CLOCK_TOLERANCE:
        raise FieldProblem(_("liegt in der Zukunft; erwartet wird ein Zeitpunkt bis jetzt"))
    if found < EARLIEST_VISIT:
        raise FieldProblem(_("liegt vor dem Jahr 2000; erwartet wird ein Zeitpunkt bis jetzt"))
    return found


# --- concerns ------------------------------------------------------------------------------


def _concerns(value: object, errors: list[FieldError]) -> tuple[ConcernInput, ...]:
    if value is None or value == []:
        errors.append(field_error("concerns", _("mindestens ein Anliegen angeben")))
        return ()
    if not isinstance(value, list) or len(value) > MAX_CONCERN_ENTRIES:
        errors.append(field_error("concerns", _(
            "erwartet wird eine Liste von Anliegen-Codes (z. B. [\"work\", \"housing\"]), "
            "jedes Anliegen einmal")))
        return ()
    found = [_concern(index, item, errors) for index, item in enumerate(value)]
    concerns = tuple(concern for concern in found if concern is not None)
    _duplicates(concerns, errors)
    return concerns


def _concern(index: int, item: object, errors: list[FieldError]) -> ConcernInput | None:
    where = f"concerns[{index}]"
    code, note = (item.get("code"), item.get("note")) if isinstance(item, Mapping) else (
        item, None)
    if isinstance(item, Mapping) and set(item) - set(_CONCERN_KEYS):
        errors.append(_concern_error(where, index, _(
            "unbekanntes Feld; erwartet werden code und note")))
        return None
    if not isinstance(code, str):
        errors.append(_concern_error(where, index, _(
            "erwartet wird ein Code (z. B. work) oder ein Objekt mit code und note")))
        return None
    try:
        return ConcernInput(_concern_code(code),
                            field_text.multi_line(MAX_CONCERN_NOTE_LENGTH)(note))
    except FieldProblem as problem:
        errors.append(_concern_error(where, index, str(problem)))
        return None


def _concern_code(text: str) -> str:
    typed = code_text(text).lower()
    if typed in set(Concern):
        return typed
    expected = _("„{code}“ ist kein Anliegen; erwartet wird einer der Codes {codes}").format(
        code=printable(typed), codes=", ".join(Concern))
    closest = closest_concern(typed)
    if closest is not None:
        expected += _(" – gemeint ist wohl „{code}“ ({label})").format(
            code=closest.value, label=closest.label)
    raise FieldProblem(expected)


def closest_concern(typed: str) -> Concern | None:
    """The concern whose code or German label comes closest to ``typed`` (a typo, a label)."""
    spellings = {concern.value: concern for concern in Concern}
    spellings |= {part.casefold(): concern for concern in Concern
                  for part in (concern.label, *concern.label.split("/"))}
    close = difflib.get_close_matches(typed.casefold(), spellings, n=1, cutoff=0.6)
    return spellings[close[0]] if close else None


def _duplicates(concerns: Sequence[ConcernInput], errors: list[FieldError]) -> None:
    seen: set[str] = set()
    for concern in concerns:
        if concern.code in seen:
            errors.append(field_error("concerns", _(
                "„{code}“ ist mehrfach angegeben; jedes Anliegen nur einmal").format(
                code=concern.code)))
        seen.add(concern.code)


def _concern_error(where: str, index: int, expected: str) -> FieldError:
    return FieldError(where, _("Anliegen {number}").format(number=index + 1), expected)


def as_raw(visit: VisitInput) -> dict[str, Any]:
    """The visit as JSON-ready raw values that :func:`validate_visit` reads back unchanged."""
    return {
        "concerns": [concern.code if not concern.note else
                     {"code": concern.code, "note": concern.note}
                     for concern in visit.concerns],
        "note": visit.note,
        "interpreter_used": visit.interpreter_used,
        "interpreter_language": visit.interpreter_language,
        "visited_at": visit.visited_at.isoformat(),
    }
