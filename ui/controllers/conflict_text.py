"""A person's field value as the conflict dialog shows it: codes by their German names,
dates the German way, yes/no in words – the form's way of showing them, in one line."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from app.codes import HouseholdRole, LegalStatus, Sex
from app.i18n import _
from app.iso_codes import country_name
from app.services.person_merge_fields import canonical
from ui.views.person_form_choices import short_language_name
from ui.views.person_form_inputs import german_date

LONGEST = 60  # longer values are cut in the list; the tooltip has them whole


def shown(key: str, value: object) -> str:
    """The value in words; an empty value says so, so that "removed" is visible."""
    read = canonical(key, value)
    if read in (None, "", []) and key != "employable":
        return _("(leer)")
    special = _BY_KEY.get(key)
    text = special(read) if special else _plain(read)
    return " ".join(text.split()) if key != "note" else text.strip()


def cut(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= LONGEST else flat[:LONGEST - 1] + "…"


def _plain(value: object) -> str:
    if value is True:
        return _("ja")
    if value is False:
        return _("nein")
    return str(value)


def _employable(value: object) -> str:
    return _("unbekannt") if value is None else _plain(value)


def _code(kind: type[Sex] | type[LegalStatus] | type[HouseholdRole]) -> Callable[[object], str]:
    def name(value: object) -> str:
        try:
            return kind(str(value)).label
        except ValueError:  # typed text the validation layer could not read
            return str(value)
    return name


def _country(value: object) -> str:
    return _with_code(country_name(str(value)), str(value))


def _languages(value: object) -> str:
    codes = value if isinstance(value, list) else [value]
    return ", ".join(_language(code) for code in codes)


def _language(code: object) -> str:
    return _with_code(short_language_name(str(code)), str(code))


def _with_code(name: str, code: str) -> str:
    """"Syrien (SY)"; text that is no known code is shown as typed."""
    return f"{name} ({code})" if name and name != code else code


def _names(value: object) -> str:
    if not isinstance(value, list):
        return str(value)
    return "; ".join(", ".join(str(part) for part in (name.get("family_name"),
                                                       name.get("given_names")) if part)
                     for name in value if isinstance(name, Mapping))


_BY_KEY: dict[str, Callable[[object], str]] = {
    "names": _names,
    "birth_date": lambda value: german_date(value),
    "document_valid_until": lambda value: german_date(value),
    "permit_date": lambda value: german_date(value),
    "sex": _code(Sex),
    "status": _code(LegalStatus),
    "household_role": _code(HouseholdRole),
    "nationality": _country,
    "languages": _languages,
    "interpreter_language": _language,
    "letter_language": _language,
    "employable": _employable,
}
