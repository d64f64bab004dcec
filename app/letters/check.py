"""What would make a letter wrong, found before anything is drawn.

A recipient without street or postal code and city cannot be posted or found; a letter
without reference cannot come back; a character no bundled font has would print as a box.
Long names and addresses are no error: the renderers wrap and shorten them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from app.errors import FieldError, FieldsValidationError
from app.letters.fonts import missing_glyphs
from app.letters.model import Letter, PostalAddress, RouteSheet
from app.letters.rtl import shaped


class LetterError(FieldsValidationError):
    """The letter cannot be printed as it is; ``errors`` names each field."""


def check_letter(letter: Letter) -> list[FieldError]:
    errors: list[FieldError] = []
    if not letter.reference.strip():
        errors.append(FieldError("reference", "Referenznummer",
                                 "fehlt – ohne sie findet der Brief nicht zurück"))
    if not letter.sender.office.name.strip():
        errors.append(FieldError("sender.office.name", "Absender", "Name der Stelle fehlt"))
    for path, address in _recipients(letter):
        errors += _address_errors(path, address)
    errors += _glyph_errors(letter)
    return errors


def raise_if_invalid(letter: Letter, prefix: str = "") -> None:
    errors = check_letter(letter)
    if errors:
        raise LetterError([FieldError(prefix + e.field, e.label, e.expected) for e in errors])


def _recipients(letter: Letter) -> Iterator[tuple[str, PostalAddress]]:
    if isinstance(letter, RouteSheet):
        for index, station in enumerate(letter.stations):
            yield f"stations[{index}].recipient", station.recipient
    else:
        yield "recipient", letter.recipient


def _address_errors(path: str, address: PostalAddress) -> list[FieldError]:
    label = f"Empfänger „{address.name}“" if address.name else "Empfänger"
    errors = []
    if not address.name.strip():
        errors.append(FieldError(f"{path}.name", label, "Name der Stelle fehlt"))
    if not address.street.strip():
        errors.append(FieldError(f"{path}.street", label,
                                 "Straße und Hausnummer fehlen – erwartet wird eine Anschrift, "
                                 "die man finden kann"))
    if not address.postal_code.strip() or not address.city.strip():
        errors.append(FieldError(f"{path}.city", label,
                                 "Postleitzahl und Ort fehlen – erwartet wird z. B. 41460 Neuss"))
    return errors


def _glyph_errors(letter: Letter) -> list[FieldError]:
    errors = []
    for path, text in _texts(letter, ""):
        missing = missing_glyphs(shaped(text))
        if missing:
            shown = " ".join(f"„{c}“ (U+{ord(c):04X})" for c in missing[:5])
            errors.append(FieldError(path, "Schriftzeichen",
                                     f"{shown} kann nicht gedruckt werden – keine der "
                                     "mitgelieferten Schriften hat diese Zeichen"))
    return errors


def _texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Every text inside a letter, with its field path (``person.identity.original_name``)."""
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _texts(getattr(value, field.name), f"{path}.{field.name}".lstrip("."))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")
