"""The screenshot of the office editor for the documentation, rendered offscreen:

    python -m ui.views.directory_editor_screenshot docs/screenshots/directory-edit.png

An administrator opens the Jobcenter's office in Neuss from the demo directory, changes its
phone number and mistypes the e-mail address; the error the validation layer reports is
shown under the field, as the editor shows it. Nothing is saved anywhere.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.errors import FieldError
from app.i18n import _
from app.services.directory import default_directory_path, read_directory
from app.services.directory_fields import OfficeValidationError, validate_office
from ui.application import create_application, register_fonts
from ui.compat import keep_singletons_alive
from ui.views.directory_editor import DirectoryEditor

OFFICE = "jobcenter-neuss"
TYPED = {"phone": "02131 9244-555", "email": "jobcenter-neuss(at)jobcenter-ge.de"}


def office_raw() -> dict[str, object]:
    """The office as the demo directory file has it, as editor input."""
    entry = next(office for office in read_directory(default_directory_path()).offices
                 if office.code == OFFICE)
    return {key: list(value) if isinstance(value, tuple) else value
            for key, value in vars(entry).items()}


def errors_of(raw: dict[str, object]) -> tuple[FieldError, ...]:
    try:
        validate_office(raw)
    except OfficeValidationError as invalid:
        return invalid.errors
    raise SystemExit("the office was valid: the screenshot is meant to show an error")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.views.directory_editor_screenshot")
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep_singletons_alive()
    application = create_application()
    register_fonts(application)
    editor = DirectoryEditor()
    raw = office_raw()
    editor.show_office("Jobcenter Rhein-Kreis Neuss – Geschäftsstelle Neuss", raw,
                       stored=True, read_only=False)
    editor.fields.set_raw({**raw, **TYPED})
    editor.show()
    errors = errors_of(editor.raw())
    editor.show_errors(errors)
    editor.show_message(_("Nicht gespeichert: {count} Angabe(n) bitte prüfen – siehe die "
                          "markierten Felder.").format(count=len(errors)), problem=True)
    editor.fields.slots["email"].widget.setFocus()
    for _round in range(5):
        QApplication.processEvents()
    if not editor.grab().save(str(args.output)):
        raise SystemExit(f"could not write {args.output}")
    print(args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
