"""Reading one office of the agency directory: the editor in the app and the directory file
both hand their raw values to :func:`validate_office` and get a typed ``DirectoryEntry`` back,
or an :class:`OfficeValidationError` naming every field that does not fit and what is
expected (the one validation layer for offices).

Keys (the file's field names; the editor uses the same):

- ``code``: a slug of lower-case letters, digits and hyphens (``jobcenter-neuss``); it names
  the office in files and referrals and never changes once the office is created
- ``agency_kind``: a code of app.codes.AgencyKind (the German label is accepted too)
- ``name``, ``department``, ``street``, ``postal_code`` (five digits), ``city``
- ``phone``, ``email``, ``website`` (``https://…``), ``opening_hours``
- ``languages``: ISO 639 codes spoken at the office, a list or "de, en, ar"
- ``municipalities``: the municipalities the office is responsible for, spelled exactly as
  in DOMAIN.md (app.codes.MUNICIPALITIES); a list or "Neuss, Kaarst"
- ``documents``: what to bring, a list or one document per line
- ``note``: free text, several lines

Required: code, agency_kind, name, street, postal_code, city and at least one municipality.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from typing import Any

from app.codes import MUNICIPALITIES, AgencyKind
from app.errors import FieldError, FieldsValidationError
from app.i18n import N_, _
from app.services import field_text, person_fields
from app.services.directory_records import DirectoryEntry, IntegrationPoint
from app.services.field_text import FieldProblem
from app.services.text_checks import printable

MAX_DOCUMENTS = 30
_OFFICE_CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_POINT_CODE = re.compile(r"^[A-Z]{2,4}$")  # part of every readable number
_WEBSITE = re.compile(r"^https?://[^\s/.]+(?:\.[^\s/.]+)+(?:[/?#]\S*)?$")

# Key → label, in the order of the editor.
LABELS: dict[str, str] = {
    "code": N_("Kürzel"),
    "agency_kind": N_("Art der Stelle"),
    "name": N_("Name"),
    "department": N_("Abteilung"),
    "street": N_("Straße und Hausnummer"),
    "postal_code": N_("Postleitzahl"),
    "city": N_("Ort"),
    "phone": N_("Telefon"),
    "email": N_("E-Mail"),
    "website": N_("Internetseite"),
    "opening_hours": N_("Öffnungszeiten"),
    "languages": N_("Sprachen"),
    "municipalities": N_("Zuständig für"),
    "documents": N_("Mitzubringende Unterlagen"),
    "note": N_("Hinweis"),
}
# What a required field expects when it is left empty.
_REQUIRED: dict[str, str] = {
    "code": N_("ein Kürzel aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. "
               "jobcenter-neuss"),
    "agency_kind": N_("die Art der Stelle, z. B. jobcenter"),
    "name": N_("der Name der Stelle, z. B. Jobcenter Rhein-Kreis Neuss"),
    "street": N_("Straße und Hausnummer, z. B. Oberstraße 91"),
    "postal_code": N_("fünf Ziffern (z. B. 41460)"),
    "city": N_("der Ort, z. B. Neuss"),
    "municipalities": N_("mindestens eine Kommune, für die die Stelle zuständig ist"),
}


class OfficeValidationError(FieldsValidationError):
    """Office data that does not fit; ``errors`` lists every field concerned."""


def label(key: str) -> str:
    return _(LABELS[key]) if key in LABELS else key


def field_error(key: str, expected: str) -> FieldError:
    return FieldError(key, label(key), expected)


def validate_office(raw: Mapping[str, object]) -> DirectoryEntry:
    """The typed office of ``raw``; a key left out is empty. Raises OfficeValidationError
    with every field that does not fit."""
    return DirectoryEntry(**_read(raw, _READERS))


def validate_integration_point(raw: Mapping[str, object]) -> IntegrationPoint:
    """One of our own offices, as the directory file lists it (same rules, own code)."""
    return IntegrationPoint(**_read(raw, _POINT_READERS))


def _read(raw: Mapping[str, object],
          readers: Mapping[str, Callable[[object], Any]]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    errors = [_unknown_key(str(key), readers) for key in raw if key not in readers]
    for key, read in readers.items():
        try:
            values[key] = read(raw.get(key))
        except FieldProblem as problem:
            errors.append(field_error(key, str(problem)))
            continue
        if key in _REQUIRED and not values[key]:
            errors.append(field_error(key, _("Pflichtangabe fehlt; erwartet wird {what}").format(
                what=_(_REQUIRED[key]))))
    if errors:
        raise OfficeValidationError(errors)
    return values


def _unknown_key(key: str, known: Mapping[str, object]) -> FieldError:
    shown = printable(key[:40] + ("…" if len(key) > 40 else ""))
    expected = _("Unbekanntes Feld; erwartet werden {names}").format(names=", ".join(known))
    close = difflib.get_close_matches(key, list(known), n=1)
    if close:
        expected += _(" – gemeint ist wohl „{key}“").format(key=close[0])
    return FieldError(shown, _("Unbekanntes Feld"), expected)


# --- readers --------------------------------------------------------------------------------


def office_code(value: object) -> str:
    typed = field_text.text_of(value).strip()
    if typed and (not _OFFICE_CODE.match(typed) or len(typed) > 80):
        expected = _("„{code}“ ist kein gültiges Kürzel; erwartet werden Kleinbuchstaben, "
                     "Ziffern und Bindestriche, höchstens 80 Zeichen, z. B. "
                     "jobcenter-neuss").format(code=printable(typed[:80]))
        slug = _slug(typed)[:80]
        if slug:
            expected += _(" – etwa „{slug}“").format(slug=slug)
        raise FieldProblem(expected)
    return typed


def point_code(value: object) -> str:
    typed = field_text.code_text(value)
    if typed and not _POINT_CODE.match(typed):
        raise FieldProblem(_("Dienststellenkürzel „{code}“ muss aus 2 bis 4 Großbuchstaben "
                             "bestehen (z. B. NE)").format(code=printable(typed)))
    return typed


def _slug(text: str) -> str:
    folded = text.casefold().replace("ß", "ss")
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        folded = folded.replace(umlaut, spelled)
    return "-".join(re.findall(r"[a-z0-9]+", folded))


def agency_kind(value: object) -> str:
    """A code of app.codes.AgencyKind; its German label is read as the code."""
    typed = field_text.code_text(value)
    by_label = {kind.label.casefold(): kind.value for kind in AgencyKind}
    found = typed.lower() if typed.lower() in set(AgencyKind) else by_label.get(
        typed.casefold())
    if typed and found is None:
        expected = _("„{kind}“ ist keine bekannte Art der Stelle; erwartet wird einer der "
                     "Codes {codes}").format(kind=printable(typed), codes=", ".join(AgencyKind))
        close = difflib.get_close_matches(typed.lower(), list(AgencyKind), n=1, cutoff=0.7)
        if close:
            expected += _(" – gemeint ist wohl „{code}“").format(code=close[0])
        raise FieldProblem(expected)
    return found or ""


def website(value: object) -> str:
    typed = field_text.single_line(300)(value)
    if typed and not _WEBSITE.match(typed):
        expected = _("erwartet wird eine Internetadresse mit http:// oder https://, z. B. "
                     "https://www.rhein-kreis-neuss.de")
        if _WEBSITE.match(f"https://{typed}"):
            expected += _(" – hier also „https://{address}“").format(address=typed)
        raise FieldProblem(expected)
    return typed


def _items(value: object, *, lines: bool) -> list[object]:
    """A list as it is, or one text split at line breaks (or commas and semicolons)."""
    if isinstance(value, list | tuple):
        return list(value)
    text = field_text.text_of(value)
    parts = text.splitlines() if lines else re.split(r"[,;\n]+", text)
    return [part for part in parts if part.strip()]


def municipalities(value: object) -> tuple[str, ...]:
    """Names exactly as in DOMAIN.md; a near miss is named with the likely spelling."""
    names = [field_text.code_text(item) for item in _items(value, lines=False)]
    for name in names:
        if name not in MUNICIPALITIES:
            raise FieldProblem(_unknown_municipality(name))
    return tuple(dict.fromkeys(names))


def _unknown_municipality(name: str) -> str:
    expected = _("Gemeinde „{name}“ ist unbekannt; erwartet wird eine von {known}").format(
        name=printable(name), known=", ".join(MUNICIPALITIES))
    try:
        spelled = person_fields.municipality(name)  # Juechen, juchen, NEUSS
    except FieldProblem:
        close = difflib.get_close_matches(name, MUNICIPALITIES, n=1, cutoff=0.6)
        spelled = close[0] if close else ""
    if spelled:
        expected += _(" – gemeint ist wohl „{name}“").format(name=spelled)
    return expected


def documents(value: object) -> tuple[str, ...]:
    """What to bring: one document per list item or per line."""
    read = field_text.single_line(300)
    found = [read(item) for item in _items(value, lines=True)]
    if len(found) > MAX_DOCUMENTS:
        raise FieldProblem(_("höchstens {limit} Unterlagen erwartet").format(
            limit=MAX_DOCUMENTS))
    return tuple(document for document in found if document)


def languages(value: object) -> tuple[str, ...]:
    return person_fields.languages(list(value) if isinstance(value, tuple) else value)


_READERS: dict[str, Callable[[object], Any]] = {
    "code": office_code,
    "agency_kind": agency_kind,
    "name": field_text.single_line(200),
    "department": field_text.single_line(200),
    "street": field_text.single_line(200),
    "postal_code": person_fields.postcode,
    "city": field_text.single_line(100),
    "phone": person_fields.phone,
    "email": person_fields.email,
    "website": website,
    "opening_hours": field_text.single_line(500),
    "languages": languages,
    "municipalities": municipalities,
    "documents": documents,
    "note": field_text.multi_line(2000),
}
_POINT_READERS: dict[str, Callable[[object], Any]] = {
    "code": point_code,
    **{key: _READERS[key] for key in ("name", "street", "postal_code", "city", "phone",
                                      "email", "opening_hours", "municipalities")},
}
