"""The letters' texts for the person, in German, and their translations.

Exactly like :mod:`app.i18n`, the German text is the key: catalogs
``resources/letters/i18n/<lang>.json`` map it to the person's language, and a text missing
there prints in German. A language without a catalog prints the whole part in German and is
logged, so the gap is seen. The parts of a letter meant for an office are German only and
are not marked here.
"""

from __future__ import annotations

import json
import logging
import re
from functools import cache

from app import codes
from app.letters.model import DataCategory
from app.letters.rtl import is_rtl, isolate
from app.resources import resource_path

log = logging.getLogger("lotse.letters")

# The languages whose catalogs are complete (tests/unit/letters checks every marked text).
COMPLETE_LANGUAGES = ("de", "en", "ar", "fa", "fa-AF", "uk", "tr", "ru")


def T_(text: str) -> str:
    """Mark a German text for the letter catalogs."""
    return text


@cache
def catalog(language: str) -> dict[str, str]:
    path = resource_path("letters", "i18n", f"{language}.json")
    if language == "de" or not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in data.items()}


@cache
def _missing(language: str, text: str) -> None:
    log.warning("Brieftext ohne Übersetzung (%s), deutsch gedruckt: %r", language, text)


class Texts:
    """The texts of one language; German where a translation is missing."""

    def __init__(self, language: str) -> None:
        self._catalog = catalog(language)
        self.language = language if self._catalog else "de"
        self.rtl = is_rtl(self.language)
        if language != self.language:
            log.warning("Keine Brieftexte für die Sprache %r – der Teil für die Person wird "
                        "deutsch gedruckt.", language)

    def __call__(self, text: str, **fields: str) -> str:
        """``text`` translated, with ``fields`` filled in. In a right-to-left language every
        value that is not Arabic script (a phone number, a reference, an office name) is
        isolated, so the sentence around it cannot reorder its characters."""
        if self.rtl:
            fields = {name: isolate(value) for name, value in fields.items()}
        translated = self._catalog.get(text)
        if translated is None:
            if self.language != "de":
                _missing(self.language, text)
            translated = text
        return translated.format(**fields) if fields else translated

    def agency(self, code: str) -> str:
        return self(german_agency(code))

    def concern(self, code: str) -> str:
        return self(german_concern(code))

    def category(self, category: DataCategory) -> str:
        return self(CATEGORY_LABELS[category])

    def category_description(self, category: DataCategory) -> str:
        return self(CATEGORY_DESCRIPTIONS[category])

    def document(self, name: str) -> str:
        """A document to bring; unknown names stay German (no warning: free text)."""
        return self._catalog.get(name, name)

    def opening_hours(self, hours: str) -> str:
        return translate_hours(hours, self._catalog)


# German labels of the codes, whatever language the user interface runs in (app.codes
# translates its labels into the UI language; a letter's German part stays German).
_GERMAN_LABELS: dict[str, str] = {
    str(code): label
    for labels in (codes._AGENCY_LABELS, codes._CONCERN_LABELS, codes._LEGAL_STATUS_LABELS)
    for code, label in labels.items()
}
RELATIONSHIPS = {"head": "Haushaltsvorstand", "spouse": "Ehepartner/in", "child": "Kind",
                 "parent": "Elternteil", "sibling": "Geschwister", "other": "Sonstige/r"}


def german_label(code: str) -> str:
    """The German label of an agency kind, concern or legal status code (else the code)."""
    return _GERMAN_LABELS.get(code, code)


def german_agency(code: str) -> str:
    return german_label(code)


def german_concern(code: str) -> str:
    return german_label(code)


def german_status(code: str) -> str:
    return german_label(code)


CATEGORY_LABELS = {
    DataCategory.IDENTITY: T_("Name und Geburtsdatum"),
    DataCategory.CONTACT: T_("Anschrift, Telefon und E-Mail"),
    DataCategory.RESIDENCE: T_("Aufenthaltsstatus und Dokumente"),
    DataCategory.LANGUAGE: T_("Sprachen und Dolmetschbedarf"),
    DataCategory.HOUSEHOLD: T_("Haushalt und Familie"),
    DataCategory.CONCERN: T_("Notiz zu Ihrem Anliegen"),
}
CATEGORY_DESCRIPTIONS = {
    DataCategory.IDENTITY: T_("Ihr Name, auch in Originalschrift, und Ihr Geburtsdatum"),
    DataCategory.CONTACT: T_("Ihre Wohnanschrift, Telefonnummer und E-Mail-Adresse"),
    DataCategory.RESIDENCE: T_("Ihr Aufenthaltsstatus, Ihr Aufenthaltsdokument mit Nummer, "
                               "BAMF-Aktenzeichen und AZR-Nummer"),
    DataCategory.LANGUAGE: T_("Die Sprachen, die Sie sprechen, und ob Sie eine Dolmetscherin "
                              "oder einen Dolmetscher brauchen"),
    DataCategory.HOUSEHOLD: T_("Die Personen in Ihrem Haushalt und ihre Beziehung zu Ihnen"),
    DataCategory.CONCERN: T_("Was Sie uns zu Ihrem Anliegen gesagt haben"),
}

WEEKDAYS = {
    "Mo": T_("Montag"), "Di": T_("Dienstag"), "Mi": T_("Mittwoch"), "Do": T_("Donnerstag"),
    "Fr": T_("Freitag"), "Sa": T_("Samstag"), "So": T_("Sonntag"),
}
# What the directory adds after " – ", and hours that are a sentence of their own.
HOURS_PHRASES = (T_("nur mit Termin"), T_("Vorsprache nur mit Termin oder Ladung"))
_DAY = r"(?:Mo|Di|Mi|Do|Fr|Sa|So)"
_TIME = r"\d{1,2}:\d{2}–\d{1,2}:\d{2}"
_GROUP = rf"{_DAY}(?:–{_DAY}|(?:, {_DAY})*) {_TIME}"
_HOURS = re.compile(rf"^{_GROUP}(?:, {_GROUP})*$")


def translate_hours(hours: str, catalog: dict[str, str]) -> str:
    """Opening hours in the person's language when they follow the directory's format
    ("Mo–Fr 8:00–12:30, Do 14:00–17:00 – nur mit Termin"); otherwise as given."""
    if not catalog:
        return hours
    main, _, suffix = hours.partition(" – ")
    if not _HOURS.match(main) or (suffix and suffix not in catalog):
        return catalog.get(hours, hours)
    separator = catalog.get(", ", ", ")
    groups = [re.sub(_DAY, lambda m: catalog.get(WEEKDAYS[m.group()], m.group()), group)
              for group in re.findall(_GROUP, main)]
    shown = separator.join(group.replace(", ", separator) for group in groups)
    return f"{shown} – {catalog[suffix]}" if suffix else shown
