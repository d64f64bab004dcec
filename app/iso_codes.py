"""Countries (ISO 3166-1 alpha-2) and languages (ISO 639) by their codes, with German names.

pycountry holds the standards and ships their translations as gettext catalogs, so the
person form can show "Syrien" for ``SY`` and "Dari" for ``fa-AF`` without a list of our own.
Besides the real countries the front desk needs three codes the standard leaves to its
users: ``XX`` staatenlos, ``UN`` ungeklärt (app.codes) and ``XK`` Kosovo (used by the EU
and German authorities).
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from app.codes import NATIONALITY_UNCLEAR, STATELESS

KOSOVO = "XK"
# Names the catalogs do not have, in German and English (other languages fall back to
# English, as the catalogs do).
_USER_ASSIGNED = {
    STATELESS: {"de": "staatenlos", "en": "stateless"},
    NATIONALITY_UNCLEAR: {"de": "ungeklärt", "en": "unknown"},
    KOSOVO: {"de": "Kosovo", "en": "Kosovo"},
}
# Languages with a region whose name differs from the plain language's (BCP 47 style).
_REGIONAL_LANGUAGE_NAMES = {"fa-AF": {"de": "Dari", "en": "Dari"}}


def is_country(code: str) -> bool:
    """True for an upper-case alpha-2 code of a country or of XX, UN, XK."""
    return code in _USER_ASSIGNED or (
        len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None)


def alpha_2_for(alpha_3: str) -> str:
    """The alpha-2 code of an alpha-3 code (``SYR`` → ``SY``), "" if there is none."""
    country = pycountry.countries.get(alpha_3=alpha_3.upper()) if len(alpha_3) == 3 else None
    return str(country.alpha_2) if country is not None else ""


def country_name(code: str, language: str = "de") -> str:
    """The short name of a country in ``language`` (``SY`` → "Syrien"); the code itself if
    it is unknown."""
    if code in _USER_ASSIGNED:
        return _own_name(_USER_ASSIGNED[code], language)
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return code
    english = str(getattr(country, "common_name", None) or country.name)
    return _catalog("iso3166-1", language).gettext(english)


def normalize_language(code: str) -> str:
    """The canonical spelling of an ISO 639 code with an optional region (``FA-af`` →
    ``fa-AF``, ``ara`` → ``ar``); "" if the language or the region is unknown.

    Three-letter codes with a two-letter equivalent become the two-letter code, as in
    BCP 47, so that one language is always written one way."""
    base, _sep, region = code.strip().partition("-")
    language = _language(base.lower())
    if language is None or (_sep and not is_country(region.upper())):
        return ""
    short = str(getattr(language, "alpha_2", None) or language.alpha_3)
    return f"{short}-{region.upper()}" if _sep else short


def language_name(code: str, language: str = "de") -> str:
    """The name of a language in ``language`` (``ar`` → "Arabisch"); the code if unknown."""
    if code in _REGIONAL_LANGUAGE_NAMES:
        return _own_name(_REGIONAL_LANGUAGE_NAMES[code], language)
    found = _language(code.partition("-")[0])
    if found is None:
        return code
    return _catalog("iso639-3", language).gettext(str(found.name))


def _language(code: str) -> pycountry.db.Data | None:
    if len(code) == 2 and code.isalpha():
        return pycountry.languages.get(alpha_2=code)
    if len(code) == 3 and code.isalpha():
        return pycountry.languages.get(alpha_3=code)
    return None


def _own_name(names: dict[str, str], language: str) -> str:
    return names.get(language, names["en"])


@cache
def _catalog(domain: str, language: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language],
                               fallback=True)
