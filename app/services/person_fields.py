"""Readers for the coded fields of the person form (sex, nationality, languages, status,
household) and for address, contact and papers; see app.services.field_text for the rules
all readers follow."""

from __future__ import annotations

import re
import unicodedata
import uuid

from app.codes import (
    LETTER_LANGUAGES,
    MUNICIPALITIES,
    NATIONALITY_UNCLEAR,
    STATELESS,
    HouseholdRole,
    LegalStatus,
    Sex,
)
from app.i18n import _
from app.iso_codes import alpha_2_for, is_country, normalize_language
from app.services.field_text import FieldProblem, code_text, single_line, text_of, within
from app.services.text_checks import printable

MAX_LANGUAGES = 20
_PHONE = re.compile(r"^\+?[0-9 ()/.\-]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")
_DOCUMENT_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9 ./\-]*$")
_BAMF_FILE_NUMBER = re.compile(r"^[0-9]{6,8}-[0-9]{3}$")
_SEX_CODES = {"f": Sex.FEMALE, "w": Sex.FEMALE, "m": Sex.MALE, "d": Sex.DIVERSE,
              "u": Sex.UNKNOWN, **{sex.value: sex for sex in Sex}}



def sex(value: object) -> str:
    """``f`` (also ``w``), ``m``, ``d``, ``u`` or the stored codes; empty means unknown."""
    typed = code_text(value).lower() or "u"
    if typed not in _SEX_CODES:
        raise FieldProblem(_("erwartet wird f (weiblich), m (männlich), d (divers) oder "
                             "u (unbekannt)"))
    return _SEX_CODES[typed].value


def nationality(value: object) -> str:
    """ISO 3166-1 alpha-2, ``XX`` stateless, ``UN`` unknown (also when left empty)."""
    typed = code_text(value).upper() or NATIONALITY_UNCLEAR
    if is_country(typed):
        return typed
    hint = alpha_2_for(typed)
    expected = _("erwartet wird ein Ländercode nach ISO 3166-1 Alpha-2 (z. B. SY, UA, AF), "
                 "{stateless} für staatenlos oder {unclear} für ungeklärt").format(
        stateless=STATELESS, unclear=NATIONALITY_UNCLEAR)
    if hint:
        expected += _(" – für {typed} also {hint}").format(typed=typed, hint=hint)
    raise FieldProblem(expected)


def language(value: object) -> str:
    """One ISO 639 code with an optional region (``ar``, ``fa-AF``, ``kmr``); may be empty."""
    typed = code_text(value)
    if not typed:
        return ""
    code = normalize_language(typed)
    if not code:
        raise FieldProblem(_("„{code}“ ist kein Sprachcode nach ISO 639; erwartet werden Codes "
                             "wie ar, fa-AF, uk oder kmr").format(code=printable(typed)))
    return code


def languages(value: object) -> tuple[str, ...]:
    """A list of language codes, or one text with codes separated by commas or spaces."""
    if isinstance(value, list):
        typed = value
    else:
        typed = [part for part in re.split(r"[,;\s]+", text_of(value)) if part]
    if len(typed) > MAX_LANGUAGES:
        raise FieldProblem(_("höchstens {limit} Sprachen erwartet").format(limit=MAX_LANGUAGES))
    return tuple(dict.fromkeys(code for code in map(language, typed) if code))


def letter_language(value: object) -> str:
    """A language the letters are written in; empty means German."""
    code = language(value) or "de"
    if code not in LETTER_LANGUAGES:
        raise FieldProblem(_("Briefe gibt es in diesen Sprachen: {codes}").format(
            codes=", ".join(LETTER_LANGUAGES)))
    return code


def legal_status(value: object) -> str:
    """A legal status code of DOMAIN.md; empty means unknown."""
    typed = code_text(value).lower() or LegalStatus.UNKNOWN.value
    if typed not in set(LegalStatus):
        raise FieldProblem(_("erwartet wird einer der Codes {codes}").format(
            codes=", ".join(LegalStatus)))
    return typed


def household_role(value: object) -> str:
    """The relationship within the household (``head``, ``spouse``, ``child``, …)."""
    typed = code_text(value).lower()
    if typed and typed not in set(HouseholdRole):
        raise FieldProblem(_("erwartet wird einer der Codes {codes}").format(
            codes=", ".join(HouseholdRole)))
    return typed


def household_id(value: object) -> uuid.UUID | None:
    typed = code_text(value)
    if not typed:
        return None
    try:
        return uuid.UUID(typed)
    except ValueError:
        raise FieldProblem(_("erwartet wird die Kennung eines Haushalts (UUID, z. B. "
                             "0190a1b2-…)")) from None


# --- address and contact -------------------------------------------------------------------


def postcode(value: object) -> str:
    typed = code_text(value)
    if typed and not re.fullmatch(r"[0-9]{5}", typed):
        raise FieldProblem(_("erwartet werden fünf Ziffern (z. B. 41460)"))
    return typed


def _folded(text: str) -> str:
    text = text.casefold().replace("ß", "ss")
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        text = text.replace(umlaut, spelled)
    return text


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_MUNICIPALITY_SPELLINGS = {spelling: name for name in MUNICIPALITIES
                           for spelling in (_folded(name), _without_accents(name))}


def municipality(value: object) -> str:
    """One of the district's eight municipalities (``Juechen`` is read as Jüchen); empty when
    the person lives outside the district or the address is not known yet."""
    typed = " ".join(code_text(value).split())
    if not typed:
        return ""
    found = (_MUNICIPALITY_SPELLINGS.get(_folded(typed))
             or _MUNICIPALITY_SPELLINGS.get(_without_accents(typed)))
    if found is None:
        raise FieldProblem(_("erwartet wird eine Kommune des Kreises: {names}; wer außerhalb "
                             "wohnt: Kommune leer lassen und den Ort eintragen").format(
            names=", ".join(MUNICIPALITIES)))
    return found


def phone(value: object) -> str:
    typed = single_line(50)(value)
    digits = sum(ch.isascii() and ch.isdigit() for ch in typed)
    if typed and (not _PHONE.match(typed) or not 5 <= digits <= 20):
        raise FieldProblem(_("erwartet wird eine Telefonnummer aus Ziffern, z. B. "
                             "0151 23456789 oder +49 2131 123456"))
    return typed


def email(value: object) -> str:
    typed = single_line(200)(value)
    if typed and not _EMAIL.match(typed):
        raise FieldProblem(_("erwartet wird eine E-Mail-Adresse wie name@example.org"))
    return typed


# --- papers --------------------------------------------------------------------------------


def document_number(value: object) -> str:
    typed = within(single_line(50)(value).upper(), 50)  # "ß".upper() is "SS"
    if typed and not _DOCUMENT_NUMBER.match(typed):
        raise FieldProblem(_("erwartet werden Buchstaben A–Z und Ziffern, wie sie auf dem "
                             "Dokument stehen (z. B. C01X00T47)"))
    return typed


def bamf_file_number(value: object) -> str:
    typed = code_text(value)
    if typed and not _BAMF_FILE_NUMBER.match(typed):
        raise FieldProblem(_("erwartet wird das Aktenzeichen des BAMF: Nummer, Bindestrich, "
                             "Staatsangehörigkeitsschlüssel (z. B. 5123456-475)"))
    return typed


def azr_number(value: object) -> str:
    typed = code_text(value)
    if typed and not re.fullmatch(r"[0-9]{12}", typed):
        raise FieldProblem(_("erwartet wird die AZR-Nummer aus zwölf Ziffern"))
    return typed
