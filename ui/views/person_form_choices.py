"""What the person form offers to choose from: (shown text, stored code) pairs in the order
the lists show them. The codes are those of app.codes and the ISO standards, the texts come
from the same sources the rest of the program uses (app.codes labels, pycountry's German
names through app.iso_codes)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

import pycountry

from app.codes import (
    LETTER_LANGUAGES,
    MUNICIPALITIES,
    NATIONALITY_UNCLEAR,
    STATELESS,
    STATUS_DOCUMENTS,
    HouseholdRole,
    LegalStatus,
    Sex,
)
from app.i18n import _, current_language
from app.iso_codes import KOSOVO, country_name, language_name

Choice = tuple[str, object]
# Languages met at the counter that ISO 639-1 has no code for (DOMAIN.md section 5).
_EXTRA_LANGUAGES = ("fa-AF", "kmr", "ckb")


def sort_key(text: str) -> str:
    """Alphabetical as people expect it: "Ägypten" next to "Afghanistan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def with_code(name: str, code: str) -> str:
    return f"{name} ({code})"


@cache
def _countries(language: str) -> tuple[Choice, ...]:
    codes = [str(country.alpha_2) for country in pycountry.countries] + [KOSOVO]
    named = sorted(((country_name(code, language), code) for code in codes),
                   key=lambda pair: sort_key(pair[0]))
    special = [(country_name(code, language), code) for code in (STATELESS,
                                                                  NATIONALITY_UNCLEAR)]
    return tuple((with_code(name, code), code) for name, code in special + named)


def countries() -> tuple[Choice, ...]:
    """staatenlos and ungeklärt first, then every country by its German name."""
    return _countries(current_language())


def short_language_name(code: str) -> str:
    """"Paschtu" rather than the catalog's "Paschtu; Afghanisch"."""
    return language_name(code, current_language()).split(";")[0].strip()


@cache
def _languages(language: str) -> tuple[Choice, ...]:
    codes = [str(found.alpha_2) for found in pycountry.languages
             if hasattr(found, "alpha_2")] + list(_EXTRA_LANGUAGES)
    named = sorted(((short_language_name(code), code) for code in codes),
                   key=lambda pair: sort_key(pair[0]))
    return tuple((with_code(name, code), code) for name, code in named)


def languages() -> tuple[Choice, ...]:
    return _languages(current_language())


def letter_languages() -> tuple[Choice, ...]:
    return tuple((short_language_name(code), code) for code in LETTER_LANGUAGES)


def sexes() -> tuple[Choice, ...]:
    return tuple((sex.label, sex.value) for sex in Sex)


def legal_statuses() -> tuple[Choice, ...]:
    return tuple((status.label, status.value) for status in LegalStatus)


def status_documents() -> tuple[Choice, ...]:
    documents = dict.fromkeys(document for document in STATUS_DOCUMENTS.values() if document)
    return tuple((document, document) for document in documents)


def typical_document(status: object) -> str:
    known = isinstance(status, str) and status in set(LegalStatus)
    return STATUS_DOCUMENTS.get(LegalStatus(status), "") if known else ""  # type: ignore[arg-type]


def municipalities() -> tuple[Choice, ...]:
    return ((_("außerhalb / unbekannt"), ""),
            *((name, name) for name in MUNICIPALITIES))


def household_roles() -> tuple[Choice, ...]:
    return ((_("keine Angabe"), ""), *((role.label, role.value) for role in HouseholdRole))


def employable() -> tuple[Choice, ...]:
    return ((_("unbekannt"), None), (_("ja"), True), (_("nein"), False))


def name_kinds() -> tuple[Choice, ...]:
    return ((_("Schreibweise"), "variant"), (_("Originalschrift"), "original"),
            (_("Früherer Name"), "former"))


class Lookup:
    """The code meant by what was typed: the code itself, the entry's name, or a part of
    the name that fits one entry only ("syr" → SY); accents and case do not matter."""

    def __init__(self, choices: Sequence[Choice]) -> None:
        self.shown = {str(code): text for text, code in choices}
        self._codes = {str(code).casefold(): str(code) for _text, code in choices}
        self._names = [(sort_key(name_of(text)), str(code)) for text, code in choices]
        self._exact = {sort_key(text): str(code) for text, code in choices} | dict(self._names)

    def code_for(self, typed: str) -> str | None:
        text = " ".join(typed.split())
        key = sort_key(text)
        if not key:
            return None
        found = self._codes.get(text.casefold()) or self._exact.get(key)
        if found is None:
            matches = self.matches(typed)
            found = matches[0] if len(matches) == 1 else None
        return found

    def matches(self, typed: str) -> list[str]:
        """The codes whose names begin with the text, else those that contain it."""
        key = sort_key(" ".join(typed.split()))
        for fits in (str.startswith, str.__contains__):
            found = [code for name, code in self._names if key and fits(name, key)]
            if found:
                return found
        return []

    def understood(self, typed: str) -> str:
        """A hint while typing: the entry meant, or some of the entries that fit."""
        code = self.code_for(typed)
        if code is not None:
            shown = self.shown[code]
            return "" if typed.strip() == shown else _("gemeint: {entry}").format(entry=shown)
        several = [self.shown[code] for code in self.matches(typed)]
        if len(several) > 1:
            more = " …" if len(several) > 3 else ""
            return _("passt zu: {entries}").format(entries="; ".join(several[:3]) + more)
        return ""


def name_of(text: str) -> str:
    """"Syrien (SY)" → "Syrien"."""
    return text.rsplit(" (", 1)[0]
