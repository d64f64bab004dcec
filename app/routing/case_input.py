"""Checking a case before it is routed, and reading one from typed text (the CLI and the rules
screen): every refusal names the value and what is allowed, never a silent default."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from datetime import date

from app.codes import MUNICIPALITIES, Concern, LegalStatus
from app.i18n import _
from app.routing.model import OLDEST_AGE, Case, CaseError
from app.routing.ruleset import Ruleset

OUTSIDE_WORDS = ("", "außerhalb", "outside")  # typed for "outside the district"
UNKNOWN_WORDS = ("", "unknown", "unbekannt", "?")
_YES, _NO = ("yes", "ja", "j", "y", "true"), ("no", "nein", "n", "false")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def check_case(case: Case, ruleset: Ruleset) -> None:
    """Refuse a case the rules cannot judge: unknown codes, an impossible age, a municipality
    outside the list, a reference date before the ruleset's history."""
    _code("status", case.status, tuple(LegalStatus))
    if case.age is not None and (isinstance(case.age, bool) or not 0 <= case.age <= OLDEST_AGE):
        raise CaseError("age", _("„{age}“ ist kein mögliches Alter; erlaubt: 0 bis {oldest} "
                                 "Jahre oder unbekannt.").format(age=case.age, oldest=OLDEST_AGE))
    _code("concern", case.concern, tuple(Concern))
    if case.municipality and case.municipality not in MUNICIPALITIES:
        raise CaseError("municipality", _unknown(case.municipality, MUNICIPALITIES) + " " + _(
            "Außerhalb des Kreises: leer lassen oder „außerhalb“."))
    if case.reference_date < ruleset.valid_from:
        raise CaseError("reference_date", _(
            "Stichtag {day} liegt vor dem Beginn des Regelwerks {version}; erlaubt: ab "
            "{start}.").format(day=_german(case.reference_date), version=ruleset.version,
                               start=_german(ruleset.valid_from)))
    if case.permit_date is not None and case.permit_date > case.reference_date:
        raise CaseError("permit_date", _(
            "Erteilungsdatum {issued} liegt nach dem Stichtag {day}; erlaubt: bis "
            "{day}.").format(issued=_german(case.permit_date),
                             day=_german(case.reference_date)))


def _code(field: str, value: str, known: tuple[str, ...]) -> None:
    if value not in known:
        raise CaseError(field, _unknown(value, known))


def _unknown(value: str, known: Iterable[str]) -> str:
    known = tuple(known)
    message = _("„{value}“ ist unbekannt; erlaubt: {known}.").format(
        value=value, known=", ".join(known))
    close = closest(value, known)
    return f"{message} " + _("Gemeint ist vielleicht „{close}“?").format(close=close) \
        if close else message


def closest(value: str, known: Iterable[str]) -> str:
    """The known spelling nearest to ``value`` (umlauts may be typed as ae, oe, ue)."""
    folded = {_fold(k): k for k in known}
    found = difflib.get_close_matches(_fold(value), list(folded), n=1, cutoff=0.6)
    return folded[found[0]] if found else ""


def _fold(text: str) -> str:
    text = text.strip().casefold()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    return text


def case_from_text(*, status: str, age: str, concern: str, municipality: str,
                   employable: str = "", unaccompanied: bool = False, permit_date: str = "",
                   reference_date: str = "", today: date | None = None) -> Case:
    """A case from typed values (codes, "34" or "unbekannt", "ja"/"nein", dates as
    JJJJ-MM-TT or TT.MM.JJJJ); the codes themselves are checked by :func:`check_case`."""
    return Case(status=status.strip(), age=_age(age), concern=concern.strip(),
                municipality=_municipality(municipality), employable=_employable(employable),
                unaccompanied_minor=unaccompanied,
                permit_date=_date("permit_date", permit_date) if permit_date.strip() else None,
                reference_date=_date("reference_date", reference_date)
                if reference_date.strip() else (today or date.today()))


def _age(text: str) -> int | None:
    if text.strip().casefold() in UNKNOWN_WORDS:
        return None
    try:
        return int(text.strip())
    except ValueError:
        raise CaseError("age", _("„{age}“ ist keine Zahl; erlaubt: 0 bis {oldest} oder "
                                 "unbekannt.").format(age=text, oldest=OLDEST_AGE)) from None


def _municipality(text: str) -> str:
    name = text.strip()
    return "" if name.casefold() in {word.casefold() for word in OUTSIDE_WORDS} else name


def _employable(text: str) -> bool | None:
    value = text.strip().casefold()
    if value in UNKNOWN_WORDS:
        return None
    if value in _YES or value in _NO:
        return value in _YES
    raise CaseError("employable", _("„{value}“; erlaubt: ja, nein (yes, no) oder leer für "
                                    "unbekannt.").format(value=text))


def _date(field: str, text: str) -> date:
    value = text.strip()
    german = _GERMAN_DATE.match(value)
    try:
        if german:
            return date(int(german[3]), int(german[2]), int(german[1]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise CaseError(field, _("„{value}“ ist kein gültiges Datum; erlaubt: JJJJ-MM-TT oder "
                             "TT.MM.JJJJ.").format(value=text))


def _german(day: date) -> str:
    return day.strftime("%d.%m.%Y")
