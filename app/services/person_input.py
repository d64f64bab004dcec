"""The one validation layer for person data: the person form and ``lotse person add/update``
both hand what was typed to :func:`validate` and get a typed :class:`PersonInput` back, or a
:class:`PersonValidationError` listing every field that does not fit and what is expected.

Keys (the CLI's JSON keys; the form uses the same names). Issue 3 fixes the first thirteen:

- ``family_name``, ``given_names``: text in one script each, at most 200 characters; one of
  them may be empty, not both
- ``birth_date``: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (also ``TT.MM.JJJJ``); empty =
  unknown; from 1900 to today
- ``sex``: ``f``, ``m``, ``d``, ``u`` (also ``w`` and the stored codes ``female`` …)
- ``nationality``: ISO 3166-1 alpha-2, ``XX`` staatenlos, ``UN`` ungeklärt (default),
  ``XK`` Kosovo
- ``languages``: list of ISO 639 codes, a region allowed (``["fa-AF", "ps"]``), or "ar, en"
- ``street``, ``postcode`` (five digits)
- ``municipality``: one of app.codes.MUNICIPALITIES; empty = outside the district or unknown
- ``status``: a legal status code (app.codes.LegalStatus); empty = ``unknown``
- ``status_document``: the document as free text (``Aufenthaltsgestattung``, ``Duldung``)
- ``employable``: true, false or null (unknown); also ja/nein/unbekannt
- ``unaccompanied_minor``: true or false

The other fields of the person form, optional:

- ``names``: other spellings, a list of ``{"family_name", "given_names", "kind"}`` with kind
  ``variant``, ``original`` (own script; the default for non-Latin names) or ``former``;
  the script (ISO 15924) is recognised
- ``birth_place``; ``city`` (place of residence, defaults to the municipality)
- ``phone`` (5 to 20 digits), ``email``
- ``interpreter_needed`` (true/false, needs ``interpreter_language``, an ISO 639 code)
- ``letter_language``: one of app.codes.LETTER_LANGUAGES (default ``de``)
- ``document_number`` (letters and digits as printed), ``document_valid_until`` and
  ``permit_date`` (``YYYY-MM-DD``; a permit date not in the future)
- ``bamf_file_number`` (Aktenzeichen, e.g. ``5123456-475``), ``azr_number`` (twelve digits)
- ``household_id`` (UUID of an existing household), ``household_role``
  (app.codes.HouseholdRole: ``head``, ``spouse``, ``child``, …; needs a household)
- ``note``: free text, several lines

Any other key is an error. Rules that span fields: a name needs a family name or given
names; an interpreter needs a language; a household role needs a household; a permit is not
issued before its holder was born.
"""

from __future__ import annotations

import difflib
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.codes import NATIONALITY_UNCLEAR, LegalStatus, Sex
from app.errors import FieldError, FieldsValidationError
from app.i18n import N_, _
from app.services import field_text, partial_dates, person_fields
from app.services.field_text import FieldProblem
from app.services.partial_dates import PartialDate
from app.services.text_checks import main_script, printable

MAX_NAME_VARIANTS = 20
NAME_KINDS = ("variant", "original", "former")


@dataclass(frozen=True)
class NameVariant:
    """Another way to write the person's name; ``script`` is ISO 15924."""

    family_name: str
    given_names: str
    kind: str = "variant"
    script: str = "Latn"


@dataclass(frozen=True)
class PersonInput:
    """Person data that passed validation: every field of the person form, typed."""

    family_name: str = ""
    given_names: str = ""
    names: tuple[NameVariant, ...] = ()
    birth_date: PartialDate | None = None
    birth_place: str = ""
    sex: str = Sex.UNKNOWN.value
    nationality: str = NATIONALITY_UNCLEAR
    languages: tuple[str, ...] = ()
    interpreter_needed: bool = False
    interpreter_language: str = ""
    letter_language: str = "de"
    street: str = ""
    postcode: str = ""
    city: str = ""
    municipality: str = ""
    phone: str = ""
    email: str = ""
    status: str = LegalStatus.UNKNOWN.value
    status_document: str = ""
    document_number: str = ""
    document_valid_until: date | None = None
    permit_date: date | None = None
    bamf_file_number: str = ""
    azr_number: str = ""
    employable: bool | None = None
    unaccompanied_minor: bool = False
    household_id: uuid.UUID | None = None
    household_role: str = ""
    note: str = ""


class PersonValidationError(FieldsValidationError):
    """Person data that does not fit; ``errors`` lists every field concerned."""


# Key → label, in the order of the form; the form shows the same labels next to its inputs.
LABELS: dict[str, str] = {
    "family_name": N_("Familienname"),
    "given_names": N_("Vorname(n)"),
    "names": N_("Namensvarianten"),
    "birth_date": N_("Geburtsdatum"),
    "birth_place": N_("Geburtsort"),
    "sex": N_("Geschlecht"),
    "nationality": N_("Staatsangehörigkeit"),
    "languages": N_("Sprachen"),
    "interpreter_needed": N_("Dolmetscher nötig"),
    "interpreter_language": N_("Dolmetschsprache"),
    "letter_language": N_("Briefsprache"),
    "street": N_("Straße und Hausnummer"),
    "postcode": N_("Postleitzahl"),
    "city": N_("Ort"),
    "municipality": N_("Kommune"),
    "phone": N_("Telefon"),
    "email": N_("E-Mail"),
    "status": N_("Aufenthaltsstatus"),
    "status_document": N_("Aufenthaltsdokument"),
    "document_number": N_("Dokumentnummer"),
    "document_valid_until": N_("Gültig bis"),
    "permit_date": N_("Erteilt am"),
    "bamf_file_number": N_("BAMF-Aktenzeichen"),
    "azr_number": N_("AZR-Nummer"),
    "employable": N_("Erwerbsfähig"),
    "unaccompanied_minor": N_("Unbegleitet minderjährig"),
    "household_id": N_("Haushalt"),
    "household_role": N_("Rolle im Haushalt"),
    "note": N_("Notiz"),
}
# Key → reader of one value; the name variants are read by _name_variants.
_READERS: dict[str, Callable[[object], Any]] = {
    "family_name": field_text.name_part,
    "given_names": field_text.name_part,
    "birth_date": partial_dates.birth_date,
    "birth_place": field_text.single_line(200),
    "sex": person_fields.sex,
    "nationality": person_fields.nationality,
    "languages": person_fields.languages,
    "interpreter_needed": field_text.yes_no,
    "interpreter_language": person_fields.language,
    "letter_language": person_fields.letter_language,
    "street": field_text.single_line(200),
    "postcode": person_fields.postcode,
    "city": field_text.single_line(100),
    "municipality": person_fields.municipality,
    "phone": person_fields.phone,
    "email": person_fields.email,
    "status": person_fields.legal_status,
    "status_document": field_text.single_line(100),
    "document_number": person_fields.document_number,
    "document_valid_until": partial_dates.full_date(past_only=False),
    "permit_date": partial_dates.full_date(past_only=True),
    "bamf_file_number": person_fields.bamf_file_number,
    "azr_number": person_fields.azr_number,
    "employable": field_text.yes_no_unknown,
    "unaccompanied_minor": field_text.yes_no,
    "household_id": person_fields.household_id,
    "household_role": person_fields.household_role,
    "note": field_text.multi_line(4000),
}
_VARIANT_KEYS = ("family_name", "given_names", "kind")


def label(key: str) -> str:
    """The translated label of a field (the key itself for keys the form does not know)."""
    return _(LABELS[key]) if key in LABELS else key


def field_error(key: str, expected: str) -> FieldError:
    return FieldError(key, label(key), expected)


def validate(raw: Mapping[str, object], *, base: PersonInput | None = None) -> PersonInput:
    """The typed person data of ``raw``; keys left out keep the value of ``base`` (a stored
    person when updating, the defaults when registering). Raises PersonValidationError with
    every field that does not fit."""
    values, errors = _read_all(raw)
    person = _with_city(replace(base or PersonInput(), **values), values)
    failed = {error.field for error in errors}
    errors += [error for error in whole_person_errors(person) if error.field not in failed]
    if errors:
        raise PersonValidationError(errors)
    return person


def _read_all(raw: Mapping[str, object]) -> tuple[dict[str, Any], list[FieldError]]:
    """The values that could be read, and an error for each one that could not."""
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for key, value in raw.items():
        if key not in LABELS:
            errors.append(_unknown_key(str(key)))
        elif key == "names":
            before = len(errors)
            variants = _name_variants(value, errors)
            if len(errors) == before:
                values[key] = variants
        else:
            try:
                values[key] = _READERS[key](value)
            except FieldProblem as problem:
                errors.append(field_error(key, str(problem)))
    return values, errors


def _unknown_key(key: str) -> FieldError:
    shown = printable(key[:40] + ("…" if len(key) > 40 else ""))
    expected = _("„{key}“ gibt es im Personenformular nicht").format(key=shown)
    close = difflib.get_close_matches(key, LABELS, n=1)
    if close:
        expected += _(" – gemeint ist wohl „{key}“").format(key=close[0])
    return FieldError(shown, _("Unbekanntes Feld"), expected)


def _with_city(person: PersonInput, values: Mapping[str, Any]) -> PersonInput:
    """A person in one of our municipalities lives there unless a place is given."""
    if "municipality" in values and "city" not in values and person.municipality:
        return replace(person, city=person.municipality)
    return person


# --- name variants ------------------------------------------------------------------------


def _name_variants(value: object, errors: list[FieldError]) -> tuple[NameVariant, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_NAME_VARIANTS:
        errors.append(field_error("names", _(
            "erwartet wird eine Liste von höchstens {limit} Namen mit family_name, "
            "given_names und kind").format(limit=MAX_NAME_VARIANTS)))
        return ()
    found = [_name_variant(index, item, errors) for index, item in enumerate(value)]
    return tuple(variant for variant in found if variant is not None)


def _name_variant(index: int, item: object, errors: list[FieldError]) -> NameVariant | None:
    where = f"names[{index}]"
    if not isinstance(item, Mapping):
        errors.append(_variant_error(where, index, _(
            "erwartet wird ein Objekt mit family_name, given_names und kind")))
        return None
    before = len(errors)
    for key in item:
        if key not in _VARIANT_KEYS:
            errors.append(_variant_error(f"{where}.{printable(str(key)[:40])}", index, _(
                "unbekanntes Feld; erwartet werden family_name, given_names und kind")))
    family, given = (_variant_part(item.get(key), f"{where}.{key}", index, errors)
                     for key in ("family_name", "given_names"))
    if len(errors) > before:
        return None
    return _checked_variant(where, index, family, given, item.get("kind"), errors)


def _variant_part(value: object, where: str, index: int, errors: list[FieldError]) -> str:
    try:
        return field_text.name_part(value)
    except FieldProblem as problem:
        errors.append(_variant_error(where, index, str(problem)))
        return ""


def _checked_variant(where: str, index: int, family: str, given: str, kind: object,
                     errors: list[FieldError]) -> NameVariant | None:
    if not family and not given:
        errors.append(_variant_error(where, index, _(
            "Familienname oder Vorname(n) angeben; beide leer ist keine Schreibweise")))
        return None
    script = main_script(f"{family} {given}")
    chosen = kind or ("variant" if script == "Latn" else "original")
    if chosen not in NAME_KINDS:
        errors.append(_variant_error(f"{where}.kind", index, _(
            "erwartet wird variant, original oder former")))
        return None
    return NameVariant(family, given, str(chosen), script)


def _variant_error(where: str, index: int, expected: str) -> FieldError:
    return FieldError(where, _("Namensvariante {number}").format(number=index + 1), expected)


# --- rules that span fields ----------------------------------------------------------------


def whole_person_errors(person: PersonInput) -> list[FieldError]:
    """What does not fit when the fields are seen together."""
    errors = []
    if not person.family_name and not person.given_names:
        errors.append(field_error("family_name", _(
            "Familienname oder Vorname(n) angeben; eines von beiden darf fehlen, nicht beide")))
    if person.interpreter_needed and not person.interpreter_language:
        errors.append(field_error("interpreter_language", _(
            "angeben, in welcher Sprache gedolmetscht wird (z. B. ar, fa-AF)")))
    if person.household_role and person.household_id is None:
        errors.append(field_error("household_role", _(
            "eine Rolle im Haushalt braucht einen Haushalt")))
    born = person.birth_date
    if person.permit_date and born and person.permit_date < born.value:
        errors.append(field_error("permit_date", _("liegt vor dem Geburtsdatum")))
    return errors


def as_raw(person: PersonInput) -> dict[str, Any]:
    """The person as JSON-ready raw values that :func:`validate` reads back unchanged."""
    raw: dict[str, Any] = {}
    for key in LABELS:
        value = getattr(person, key)
        if key == "names":
            value = [{"family_name": n.family_name, "given_names": n.given_names,
                      "kind": n.kind} for n in value]
        elif isinstance(value, PartialDate | date | uuid.UUID):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        raw[key] = value
    return raw
